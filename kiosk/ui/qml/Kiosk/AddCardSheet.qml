pragma ComponentBehavior: Bound
import QtQuick
import Kiosk

// The host's form, inside the kiosk window: fields on one side, the card as the board will show it on the
// other. It never writes anything until the host confirms; the view model keeps what is typed.
Rectangle {
    id: sheet

    required property KioskCardForm form
    // How much of the window the on-screen keyboard covers; the form stays above it.
    property real keyboardHeight: 0

    readonly property bool wide: width > height * 1.1
    readonly property var errors: form.errors

    function focusFirstField(): void {
        topicField.focusInput();
    }

    // Bring a field into view above the keyboard when it takes focus.
    function reveal(item: Item): void {
        const top = item.mapToItem(formColumn, 0, 0).y;
        const bottom = top + item.height;
        if (top < flick.contentY)
            flick.contentY = Math.max(0, top - Theme.pad);
        else if (bottom > flick.contentY + flick.height)
            flick.contentY = Math.min(flick.contentHeight - flick.height, bottom - flick.height + Theme.pad * 2);
    }

    objectName: "addCardSheet"
    visible: form.isOpen

    // When the slot is lost, scroll up to the message and the nearby free slots.
    Connections {
        target: sheet.form
        function onSlotLost(): void {
            flick.contentY = 0;
        }
    }
    color: Theme.paper
    // Straight into typing: the topic field takes focus (and the keyboard slides up) as the sheet opens.
    // Closing takes the keyboard and the focus with it (the application does that on form.closed).
    onVisibleChanged: if (visible && form.stage === "form") Qt.callLater(focusFirstField)

    // --- title bar -------------------------------------------------------------------------------
    Rectangle {
        id: titleBar
        anchors { left: parent.left; right: parent.right; top: parent.top }
        height: Math.max(Theme.minTouch + Theme.pad * 2, Theme.px(108))
        color: Theme.frame

        Column {
            anchors { left: parent.left; leftMargin: Theme.pad * 2; right: cancelButton.left; rightMargin: Theme.pad; verticalCenter: parent.verticalCenter }
            Text {
                width: parent.width
                elide: Text.ElideRight
                color: Theme.frameText
                font { family: Theme.fontFamily; pixelSize: Theme.titleSize; weight: Font.Bold }
                text: sheet.form.mode === "edit" ? qsTr("Edit your Open Space") : qsTr("Host an Open Space")
            }
            Text {
                objectName: "addCardSlot"
                width: parent.width
                elide: Text.ElideRight
                textFormat: Text.PlainText
                color: Theme.frameMuted
                font { family: Theme.fontFamily; pixelSize: Theme.tabSize; weight: Font.Medium }
                text: sheet.form.roomName + "  ·  " + sheet.form.whenLabel
                      + (sheet.form.mode === "add" && sheet.form.stage === "form" ? "  ·  " + qsTr("This slot is free") : "")
            }
        }

        TouchButton {
            id: cancelButton
            objectName: "cancelButton"
            anchors { right: parent.right; rightMargin: Theme.pad * 2; verticalCenter: parent.verticalCenter }
            primary: false
            inverted: true
            text: sheet.form.stage === "saved" || sheet.form.stage === "cancelled" ? qsTr("Done") : qsTr("Cancel")
            onClicked: sheet.form.close()
        }
    }

    // --- the form --------------------------------------------------------------------------------
    Item {
        id: body
        visible: sheet.form.stage === "form" || sheet.form.stage === "conflict"
        anchors { left: parent.left; right: parent.right; top: titleBar.bottom; bottom: parent.bottom; bottomMargin: sheet.keyboardHeight }

        Flickable {
            id: flick
            anchors { left: parent.left; top: parent.top; bottom: parent.bottom }
            width: sheet.wide ? parent.width * 0.58 : parent.width
            contentHeight: formColumn.height + Theme.pad * 4
            clip: true
            boundsBehavior: Flickable.StopAtBounds
            Behavior on contentY { NumberAnimation { duration: 150; easing.type: Easing.OutCubic } }

            Column {
                id: formColumn
                x: Theme.pad * 2
                y: Theme.pad * 2
                width: flick.width - Theme.pad * 4
                spacing: Theme.pad * 1.5

                // The slot was taken or blocked while the host typed: nothing is lost, pick another in one tap.
                Rectangle {
                    objectName: "slotConflict"
                    visible: sheet.form.stage === "conflict"
                    width: parent.width
                    height: visible ? conflictColumn.height + Theme.pad * 2 : 0
                    radius: Theme.radius
                    color: Theme.warning
                    border { width: Theme.px(2); color: Theme.warningEdge }

                    Column {
                        id: conflictColumn
                        x: Theme.pad
                        y: Theme.pad
                        width: parent.width - Theme.pad * 2
                        spacing: Theme.gap
                        Text {
                            width: parent.width
                            wrapMode: Text.Wrap
                            textFormat: Text.PlainText
                            color: Theme.ink
                            font { family: Theme.fontFamily; pixelSize: Theme.bodySize; weight: Font.DemiBold }
                            text: sheet.form.notice + " " + (sheet.form.alternatives.length > 0
                                  ? qsTr("Tap a free slot to put your card there:")
                                  : qsTr("Every slot is taken; please ask the staff office."))
                        }
                        Flow {
                            width: parent.width
                            spacing: Theme.gap
                            Repeater {
                                model: sheet.form.alternatives
                                delegate: TouchButton {
                                    required property var modelData
                                    objectName: "alternative-" + modelData.index
                                    text: modelData.roomName + " · " + modelData.when
                                    onClicked: sheet.form.chooseAlternative(modelData.index)
                                }
                            }
                        }
                    }
                }

                Text {
                    objectName: "formNotice"
                    visible: sheet.form.stage === "form" && sheet.form.notice !== ""
                    width: parent.width
                    wrapMode: Text.Wrap
                    textFormat: Text.PlainText
                    color: Theme.danger
                    font { family: Theme.fontFamily; pixelSize: Theme.bodySize; weight: Font.DemiBold }
                    text: sheet.form.notice
                }

                KioskTextField {
                    id: topicField
                    objectName: "topicField"
                    width: parent.width
                    label: qsTr("Topic")
                    hint: qsTr("What will you talk about or do?")
                    required: true
                    maxLength: 80
                    text: sheet.form.topic
                    error: sheet.errors.topic ?? ""
                    next: hostField
                    onEdited: (text) => sheet.form.setField("topic", text)
                    onExited: sheet.form.leaveField("topic")
                    onEditingChanged: if (editing) sheet.reveal(topicField)
                }
                KioskTextField {
                    id: hostField
                    objectName: "hostField"
                    width: parent.width
                    label: qsTr("Your name")
                    hint: qsTr("How people will know you")
                    required: true
                    maxLength: 60
                    text: sheet.form.hostName
                    error: sheet.errors.hostName ?? ""
                    next: handleField
                    onEdited: (text) => sheet.form.setField("hostName", text)
                    onExited: sheet.form.leaveField("hostName")
                    onEditingChanged: if (editing) sheet.reveal(hostField)
                }
                KioskTextField {
                    id: handleField
                    objectName: "handleField"
                    width: parent.width
                    label: qsTr("Social handle")
                    hint: qsTr("@you, @you@server.social or you.bsky.social")
                    maxLength: 100
                    inputHints: Qt.ImhNoAutoUppercase | Qt.ImhNoPredictiveText | Qt.ImhPreferLowercase
                    text: sheet.form.handle
                    error: sheet.errors.handle ?? ""
                    next: descriptionField
                    onEdited: (text) => sheet.form.setField("handle", text)
                    onExited: sheet.form.leaveField("handle")
                    onEditingChanged: if (editing) sheet.reveal(handleField)
                }
                KioskTextField {
                    id: descriptionField
                    objectName: "descriptionField"
                    width: parent.width
                    label: qsTr("Short description")
                    hint: qsTr("Who is it for, what to bring")
                    multiline: true
                    maxLength: 500
                    text: sheet.form.description
                    error: sheet.errors.description ?? ""
                    onEdited: (text) => sheet.form.setField("description", text)
                    onExited: sheet.form.leaveField("description")
                    onEditingChanged: if (editing) sheet.reveal(descriptionField)
                    onDone: sheet.forceActiveFocus()
                }

                Column {
                    width: parent.width
                    spacing: Theme.gap
                    Text {
                        color: Theme.ink
                        font { family: Theme.fontFamily; pixelSize: Theme.bodySize; weight: Font.DemiBold }
                        text: qsTr("Tags") + "  " + qsTr("(up to 3)")
                    }
                    Flow {
                        width: parent.width
                        spacing: Theme.gap
                        Repeater {
                            model: sheet.form.tagOptions
                            delegate: Rectangle {
                                id: chip
                                required property var modelData
                                objectName: "tagChip-" + modelData.key
                                width: chipLabel.implicitWidth + Theme.pad * 2 + Theme.px(14)
                                height: Math.max(Theme.minTouch, chipLabel.implicitHeight + Theme.pad)
                                radius: height / 2
                                color: modelData.selected ? Theme.accentSoft : "white"
                                border { width: modelData.selected ? Theme.px(3) : Math.max(1, Theme.px(2)); color: modelData.selected ? Theme.accent : Theme.freeEdge }
                                Rectangle {
                                    anchors { left: parent.left; leftMargin: Theme.pad * 0.8; verticalCenter: parent.verticalCenter }
                                    width: Theme.px(12); height: width; radius: width / 2
                                    color: chip.modelData.colour
                                }
                                Text {
                                    id: chipLabel
                                    anchors { centerIn: parent; horizontalCenterOffset: Theme.px(8) }
                                    color: Theme.ink
                                    font { family: Theme.fontFamily; pixelSize: Theme.smallSize + Theme.px(2); weight: chip.modelData.selected ? Font.Bold : Font.Medium }
                                    text: (chip.modelData.selected ? "✓ " : "") + chip.modelData.label
                                }
                                TapHandler { onTapped: sheet.form.toggleTag(chip.modelData.key) }
                            }
                        }
                    }
                    Text {
                        visible: (sheet.errors.tags ?? "") !== ""
                        color: Theme.danger
                        font { family: Theme.fontFamily; pixelSize: Theme.smallSize + Theme.px(2) }
                        text: "⚠ " + (sheet.errors.tags ?? "")
                    }
                }

                // In a narrow window the preview and the actions follow the fields.
                StickyCard {
                    visible: !sheet.wide
                    width: Math.min(parent.width, Theme.px(440))
                    height: width * 0.56
                    topicSize: Theme.px(34)
                    topic: sheet.form.preview.topic
                    host: sheet.form.preview.host
                    handle: sheet.form.preview.handle
                    tagColor: sheet.form.preview.tagColor
                    tagLabel: sheet.form.preview.tagLabel
                }
                Loader {
                    active: !sheet.wide
                    width: parent.width
                    sourceComponent: actions
                }
            }
        }

        // Preview and actions beside the form in a wide window; the preview shrinks to keep the buttons
        // above the keyboard.
        Column {
            id: sideColumn
            visible: sheet.wide
            anchors { left: flick.right; right: parent.right; top: parent.top; margins: Theme.pad * 2 }
            spacing: Theme.pad * 1.5

            Text {
                id: previewLabel
                width: parent.width
                wrapMode: Text.Wrap
                color: Theme.inkMuted
                font { family: Theme.fontFamily; pixelSize: Theme.bodySize; weight: Font.DemiBold }
                text: qsTr("Preview: your card on the board")
            }
            StickyCard {
                objectName: "cardPreview"
                width: Math.min(parent.width, Theme.px(440))
                height: Math.max(Theme.px(120), Math.min(width * 0.56,
                        body.height - previewLabel.height - sideActions.height - sideColumn.spacing * 2 - Theme.pad * 4))
                topicSize: Theme.px(34)
                topic: sheet.form.preview.topic
                host: sheet.form.preview.host
                handle: sheet.form.preview.handle
                tagColor: sheet.form.preview.tagColor
                tagLabel: sheet.form.preview.tagLabel
            }
            Loader {
                id: sideActions
                active: sheet.wide
                width: parent.width
                sourceComponent: actions
            }
        }
    }

    Component {
        id: actions
        Column {
            spacing: Theme.pad
            TouchButton {
                objectName: "submitButton"
                width: parent ? parent.width : implicitWidth
                enabled: sheet.form.canSubmit
                text: sheet.form.mode === "edit" ? qsTr("Save changes") : qsTr("Put it on the board")
                onClicked: sheet.form.submit()
            }
            TouchButton {
                id: cancelSession
                // Armed by the first tap only for a few seconds, and never carried over to the next host.
                property bool confirming: false
                onConfirmingChanged: if (confirming) disarm.restart()
                Timer {
                    id: disarm
                    interval: 4000
                    onTriggered: cancelSession.confirming = false
                }
                Connections {
                    target: sheet.form
                    function onClosed(): void {
                        cancelSession.confirming = false;
                    }
                }
                objectName: "cancelSessionButton"
                visible: sheet.form.mode === "edit"
                width: parent ? parent.width : implicitWidth
                primary: false
                danger: true
                text: confirming ? qsTr("Tap again to cancel the session") : qsTr("Cancel this session")
                onClicked: {
                    if (confirming)
                        sheet.form.cancelSession();
                    confirming = !confirming;
                }
            }
            Text {
                width: parent ? parent.width : 0
                wrapMode: Text.Wrap
                color: Theme.inkMuted
                font { family: Theme.fontFamily; pixelSize: Theme.smallSize + Theme.px(1) }
                text: qsTr("Nothing is saved until you tap the button. After a while without a touch the form clears itself.")
            }
        }
    }

    // --- saved: the edit code, shown once ------------------------------------------------------------
    Flickable {
        objectName: "savedPanel"
        visible: sheet.form.stage === "saved"
        anchors { left: parent.left; right: parent.right; top: titleBar.bottom; bottom: parent.bottom }
        contentHeight: savedColumn.height + Theme.pad * 4
        clip: true

        Column {
            id: savedColumn
            width: Math.min(parent.width - Theme.pad * 6, Theme.px(1500))
            x: (parent.width - width) / 2
            y: Theme.pad * 3
            spacing: Theme.pad * 2

            Text {
                width: parent.width
                wrapMode: Text.Wrap
                color: Theme.accent
                font { family: Theme.fontFamily; pixelSize: Theme.sheetTitleSize; weight: Font.Bold }
                text: sheet.form.mode === "edit" ? qsTr("Your changes are on the board") : qsTr("You're on the board!")
            }
            // Wraps in a narrow (portrait) window so the edit code is never cut off.
            Flow {
                width: parent.width
                spacing: Theme.pad * 3
                StickyCard {
                    width: Theme.px(480)
                    height: Theme.px(264)
                    topicSize: Theme.px(34)
                    topic: sheet.form.preview.topic
                    host: sheet.form.preview.host
                    handle: sheet.form.preview.handle
                    tagColor: sheet.form.preview.tagColor
                    tagLabel: sheet.form.preview.tagLabel
                }
                QrCode {
                    objectName: "savedSessionQr"
                    visible: sheet.form.savedUrl !== ""
                    payload: sheet.form.savedUrl
                    source: sheet.form.savedQrSource
                    caption: qsTr("Your session's page")
                }
                Column {
                    visible: sheet.form.editCode !== ""
                    spacing: Theme.gap
                    Text {
                        color: Theme.ink
                        font { family: Theme.fontFamily; pixelSize: Theme.bodySize; weight: Font.DemiBold }
                        text: qsTr("Your edit code")
                    }
                    Rectangle {
                        width: codeText.implicitWidth + Theme.pad * 3
                        height: codeText.implicitHeight + Theme.pad
                        radius: Theme.radius
                        color: "white"
                        border { width: Theme.px(3); color: Theme.accent }
                        Text {
                            id: codeText
                            objectName: "editCode"
                            anchors.centerIn: parent
                            color: Theme.ink
                            font { family: Theme.fontFamily; pixelSize: Theme.px(64); weight: Font.Bold; letterSpacing: Theme.px(8); features: { "tnum": 1 } }
                            text: sheet.form.editCode
                        }
                    }
                    Text {
                        width: Theme.px(520)
                        wrapMode: Text.Wrap
                        color: Theme.inkMuted
                        font { family: Theme.fontFamily; pixelSize: Theme.smallSize + Theme.px(3) }
                        text: qsTr("Write it down or take a photo: it is shown only this once. Tap your card and \"I'm the host\" to change or cancel your session with it.")
                    }
                }
            }
            Text {
                width: parent.width
                wrapMode: Text.Wrap
                color: Theme.ink
                font { family: Theme.fontFamily; pixelSize: Theme.bodySize + Theme.px(2) }
                text: qsTr("Spread the word: post about your session with %1 so people find it.").arg(sheet.form.hashtag)
            }
            TouchButton {
                objectName: "doneButton"
                text: qsTr("Done — back to the board")
                onClicked: sheet.form.close()
            }
        }
    }

    // --- cancelled ---------------------------------------------------------------------------------
    Text {
        visible: sheet.form.stage === "cancelled"
        anchors { centerIn: parent }
        width: parent.width - Theme.pad * 6
        horizontalAlignment: Text.AlignHCenter
        wrapMode: Text.Wrap
        color: Theme.ink
        font { family: Theme.fontFamily; pixelSize: Theme.sheetTitleSize; weight: Font.Bold }
        text: qsTr("Your session has been cancelled and its slot is free again.")
    }

    // --- idle countdown ------------------------------------------------------------------------------
    Rectangle {
        objectName: "idleWarning"
        visible: sheet.form.countdown > 0
        anchors.fill: parent
        color: Theme.scrim
        TapHandler { onTapped: sheet.form.activity() }
        Rectangle {
            anchors.centerIn: parent
            width: Math.min(parent.width - Theme.pad * 4, Theme.px(760))
            height: warningColumn.height + Theme.pad * 4
            radius: Theme.radius * 2
            color: Theme.sheet
            Column {
                id: warningColumn
                anchors.centerIn: parent
                width: parent.width - Theme.pad * 4
                spacing: Theme.pad
                Text {
                    width: parent.width
                    horizontalAlignment: Text.AlignHCenter
                    wrapMode: Text.Wrap
                    color: Theme.ink
                    font { family: Theme.fontFamily; pixelSize: Theme.sheetTitleSize; weight: Font.Bold }
                    text: qsTr("Still there?")
                }
                Text {
                    width: parent.width
                    horizontalAlignment: Text.AlignHCenter
                    wrapMode: Text.Wrap
                    color: Theme.inkMuted
                    font { family: Theme.fontFamily; pixelSize: Theme.bodySize }
                    text: qsTr("This form clears itself in %1 seconds, so the next person starts fresh.").arg(sheet.form.countdown)
                }
                TouchButton {
                    anchors.horizontalCenter: parent.horizontalCenter
                    text: qsTr("I'm still here")
                    onClicked: sheet.form.activity()
                }
            }
        }
    }
}

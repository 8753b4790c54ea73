import QtQuick
import Kiosk

// Adding an idea to the wish list: a topic and an optional note, checked as they are typed with the store's
// own rules. What is typed lives in KioskIdeaForm until "Add" is tapped; closing forgets everything.
Rectangle {
    id: sheet

    required property KioskIdeaForm ideaForm
    // How much of the window's bottom the on-screen keyboard covers; the form keeps its fields above it.
    property real keyboardHeight: 0

    function revealFocused(): void {
        if (topicField.editing)
            flick.reveal(topicField, topicField);
        else if (noteField.editing)
            flick.reveal(noteField, actions);
    }

    // "Add" with something to fix: back to that field, with the keyboard.
    Connections {
        target: sheet.ideaForm
        function onFixNeeded(field: int): void {
            if (field === KioskIdeaForm.Topic)
                topicField.focusInput();
            else if (field === KioskIdeaForm.Note)
                noteField.focusInput();
        }
    }

    objectName: "ideaForm"
    visible: ideaForm.isOpen
    color: Theme.paper
    onVisibleChanged: {
        if (visible) {
            flick.contentY = 0;
            Qt.callLater(topicField.focusInput);
        } else {
            // Taking focus from the fields puts the on-screen keyboard away.
            sheet.forceActiveFocus();
        }
    }

    // --- title bar -------------------------------------------------------------------------------
    Rectangle {
        id: titleBar
        anchors { left: parent.left; right: parent.right; top: parent.top }
        height: Math.max(Theme.minTouch + Theme.pad * 2, titleColumn.height + Theme.pad * 2)
        color: Theme.frame

        Column {
            id: titleColumn
            anchors { left: parent.left; leftMargin: Theme.pad * 2; right: ideaCancelButton.left; rightMargin: Theme.pad; verticalCenter: parent.verticalCenter }
            Text {
                width: parent.width
                elide: Text.ElideRight
                color: Theme.frameText
                font: Theme.font(Theme.titleSize, Font.Bold)
                text: qsTr("Add an idea to the wish list")
            }
            Text {
                width: parent.width
                elide: Text.ElideRight
                color: Theme.frameMuted
                font: Theme.font(Theme.tabSize, Font.Medium)
                text: qsTr("You suggest the topic; someone else may host it")
            }
        }

        TouchButton {
            id: ideaCancelButton
            objectName: "ideaCancelButton"
            anchors { right: parent.right; rightMargin: Theme.pad * 2; verticalCenter: parent.verticalCenter }
            primary: false
            inverted: true
            text: qsTr("Cancel")
            onClicked: sheet.ideaForm.requestClose()
        }
    }

    ConfirmDialog {
        objectName: "ideaDiscardConfirm"
        visible: sheet.ideaForm.confirmingDiscard
        anchors { left: parent.left; right: parent.right; top: titleBar.bottom; bottom: parent.bottom }
        keyboardHeight: sheet.keyboardHeight
        text: qsTr("Throw away your idea?")
        confirmText: qsTr("Discard")
        keepText: qsTr("Keep editing")
        onConfirmed: sheet.ideaForm.close()
        onKept: sheet.ideaForm.keepEditing()
    }

    // --- the fields ------------------------------------------------------------------------------
    KioskFlickable {
        id: flick
        anchors { left: parent.left; right: parent.right; top: titleBar.bottom; bottom: parent.bottom; bottomMargin: sheet.keyboardHeight }
        contentHeight: fields.height + Theme.pad * 4
        // The keyboard slides up after a field takes focus; keep that field in view as the space shrinks.
        onHeightChanged: sheet.revealFocused()

        Column {
            id: fields
            x: (flick.width - width) / 2
            y: Theme.pad * 2
            width: Math.min(flick.width - Theme.pad * 4, Theme.px(1100))
            spacing: Theme.pad * 1.5

            Text {
                objectName: "ideaFormNotice"
                visible: sheet.ideaForm.notice !== ""
                width: parent.width
                wrapMode: Text.Wrap
                textFormat: Text.PlainText
                color: Theme.danger
                font: Theme.font(Theme.bodySize, Font.DemiBold)
                text: sheet.ideaForm.notice
            }

            KioskTextField {
                id: topicField
                objectName: "ideaTopicField"
                width: parent.width
                label: qsTr("Topic")
                hint: qsTr("What would you love someone to host?")
                required: true
                maxLength: sheet.ideaForm.topicMax
                text: sheet.ideaForm.topic
                error: sheet.ideaForm.topicError
                next: noteField
                onEdited: (text) => sheet.ideaForm.setField("topic", text)
                onExited: sheet.ideaForm.leaveField("topic")
                onEditingChanged: sheet.revealFocused()
            }

            KioskTextField {
                id: noteField
                objectName: "ideaNoteField"
                width: parent.width
                label: qsTr("Note")
                hint: qsTr("Why, who it is for, what it could cover")
                multiline: true
                maxLength: sheet.ideaForm.noteMax
                text: sheet.ideaForm.note
                error: sheet.ideaForm.noteError
                onEdited: (text) => sheet.ideaForm.setField("note", text)
                onExited: sheet.ideaForm.leaveField("note")
                // The note is the last field: revealFocused() shows the Add button with it when there is room.
                onDone: sheet.forceActiveFocus()
                onEditingChanged: sheet.revealFocused()
            }

            Column {
                id: actions
                width: parent.width
                spacing: Theme.pad

                TouchButton {
                    objectName: "ideaSubmitButton"
                    width: Math.min(parent.width, Math.max(implicitWidth, Theme.px(480)))
                    text: qsTr("Add to the wish list")
                    onClicked: sheet.ideaForm.submit()
                }
                Text {
                    width: parent.width
                    wrapMode: Text.Wrap
                    color: Theme.inkMuted
                    font: Theme.font(Theme.smallSize + Theme.px(1), Font.Normal)
                    text: qsTr("Nothing is saved until you tap “Add to the wish list”.")
                }
            }
        }
    }
}

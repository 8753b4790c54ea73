import QtQuick
import Kiosk

// The host's fields, with the card's live preview and the buttons beside them in a wide window (below them in
// a narrow one). The field being typed in stays in view above the keyboard.
Item {
    id: body

    required property KioskCardForm form

    readonly property bool wide: width > height * 1.1 || width > Theme.px(1500)

    function focusFirstField(): void {
        topicField.focusInput();
    }

    // Bring `first` to `last` into view (as a person scrolls to a field before tapping it).
    function reveal(first: Item, last: Item): void {
        flick.reveal(first, last);
    }

    // The description is the last field: the tags come into view with it, so they can be reached while typing.
    function revealFocused(): void {
        if (topicField.editing)
            flick.reveal(topicField, topicField);
        else if (hostField.editing)
            flick.reveal(hostField, hostField);
        else if (handleField.editing)
            flick.reveal(handleField, handleField);
        else if (descriptionField.editing)
            flick.reveal(descriptionField, tagPicker);
    }

    // When the slot is lost, scroll up to the message and the nearby free slots.
    Connections {
        target: body.form
        function onSlotLost(): void {
            flick.contentY = 0;
        }
    }

    KioskFlickable {
        id: flick
        anchors { left: parent.left; top: parent.top; bottom: parent.bottom }
        width: body.wide ? parent.width * 0.58 : parent.width
        contentHeight: formColumn.height + Theme.pad * 4
        // The keyboard slides up after a field takes focus: keep that field in view as the space shrinks.
        onHeightChanged: body.revealFocused()

        Column {
            id: formColumn
            x: Theme.pad * 2
            y: Theme.pad * 2
            width: flick.width - Theme.pad * 4
            spacing: Theme.pad * 1.5

            SlotConflict {
                visible: body.form.stage === KioskCardForm.Conflict
                width: parent.width
                form: body.form
            }

            Text {
                objectName: "formNotice"
                visible: body.form.stage === KioskCardForm.Editing && body.form.notice !== ""
                width: parent.width
                wrapMode: Text.Wrap
                textFormat: Text.PlainText
                color: Theme.danger
                font: Theme.font(Theme.bodySize, Font.DemiBold)
                text: body.form.notice
            }

            KioskTextField {
                id: topicField
                objectName: "topicField"
                width: parent.width
                label: qsTr("Topic")
                hint: qsTr("What will you talk about or do?")
                required: true
                maxLength: body.form.topicMax
                text: body.form.topic
                error: body.form.topicError
                next: hostField
                onEdited: (text) => body.form.setField("topic", text)
                onExited: body.form.leaveField("topic")
                onEditingChanged: body.revealFocused()
            }
            KioskTextField {
                id: hostField
                objectName: "hostField"
                width: parent.width
                label: qsTr("Your name")
                hint: qsTr("How people will know you")
                required: true
                maxLength: body.form.hostNameMax
                text: body.form.hostName
                error: body.form.hostNameError
                next: handleField
                onEdited: (text) => body.form.setField("hostName", text)
                onExited: body.form.leaveField("hostName")
                onEditingChanged: body.revealFocused()
            }
            KioskTextField {
                id: handleField
                objectName: "handleField"
                width: parent.width
                label: qsTr("Social handle")
                hint: qsTr("@you, @you@server.social or you.bsky.social")
                inputHints: Qt.ImhNoAutoUppercase | Qt.ImhNoPredictiveText | Qt.ImhPreferLowercase
                text: body.form.handle
                error: body.form.handleError
                next: descriptionField
                onEdited: (text) => body.form.setField("handle", text)
                onExited: body.form.leaveField("handle")
                onEditingChanged: body.revealFocused()
            }
            KioskTextField {
                id: descriptionField
                objectName: "descriptionField"
                width: parent.width
                label: qsTr("Short description")
                hint: qsTr("Who is it for, what to bring")
                multiline: true
                maxLength: body.form.descriptionMax
                text: body.form.description
                error: body.form.descriptionError
                onEdited: (text) => body.form.setField("description", text)
                onExited: body.form.leaveField("description")
                onEditingChanged: body.revealFocused()
                onDone: body.forceActiveFocus()
            }

            TagPicker {
                id: tagPicker
                width: parent.width
                form: body.form
            }

            // In a narrow window the preview and the actions follow the fields.
            CardPreview {
                visible: !body.wide
                width: Math.min(parent.width, Theme.px(440))
                height: width * 0.56
                preview: body.form.preview
            }
            CardFormActions {
                visible: !body.wide
                width: parent.width
                form: body.form
            }
        }
    }

    // Preview and actions beside the form in a wide window; the preview shrinks to keep the buttons above the
    // keyboard, and the buttons stay put while it slides (a tap on them must land where the finger went down).
    Column {
        id: sideColumn
        visible: body.wide
        anchors { left: flick.right; right: parent.right; top: parent.top; margins: Theme.pad * 2 }
        spacing: Theme.pad * 1.5

        CardFormActions {
            id: sideActions
            width: parent.width
            form: body.form
        }
        Text {
            id: previewLabel
            width: parent.width
            wrapMode: Text.Wrap
            color: Theme.inkMuted
            font: Theme.font(Theme.bodySize, Font.DemiBold)
            text: qsTr("Preview: your card on the board")
        }
        CardPreview {
            objectName: "cardPreview"
            width: Math.min(parent.width, Theme.px(440))
            height: Math.max(Theme.px(120), Math.min(width * 0.56,
                    body.height - previewLabel.height - sideActions.height - sideColumn.spacing * 2 - Theme.pad * 4))
            preview: body.form.preview
        }
    }
}

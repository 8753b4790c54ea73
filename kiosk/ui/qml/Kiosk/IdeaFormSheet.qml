import QtQuick
import Kiosk

// Adding an idea to the wish list: a topic and an optional note, checked as they are typed with the store's
// own rules. What is typed lives only in this form until "Add" is tapped; closing it forgets everything.
Rectangle {
    id: form

    required property KioskWishList wishList
    // How much of the window's bottom the on-screen keyboard covers; the form keeps its fields above it.
    property real keyboardHeight: 0

    property bool isOpen: false
    property string topicText
    property string noteText
    // "Too short" waits until the person has left the topic or tried to add; "too long" shows at once.
    property bool topicLeft: false
    property bool submitted: false
    property string notice

    readonly property var errors: form.wishList.ideaErrors(form.topicText, form.noteText)
    readonly property string topicError: form.submitted || form.topicLeft || form.topicText.length > topicField.maxLength
                                         ? form.errors.topic : ""
    // The keyboard rises from the window's bottom edge, which this form may not reach (a footer sits below).
    // Worked out again whenever the keyboard or the form's size changes, which is when it can differ.
    readonly property real covered: {
        if (form.keyboardHeight <= 0)
            return 0;
        let scene = form;
        while (scene.parent)
            scene = scene.parent;
        const below = scene.height - form.mapToItem(scene, 0, form.height).y;
        return Math.max(0, form.keyboardHeight - below);
    }

    signal added(string ideaId)

    function open(): void {
        form.reset();
        form.isOpen = true;
        flick.contentY = 0;
        topicField.focusInput();
    }

    function close(): void {
        if (!form.isOpen)
            return;
        // Taking focus from the fields puts the on-screen keyboard away.
        form.forceActiveFocus();
        form.reset();
        form.isOpen = false;
    }

    function reset(): void {
        form.topicText = "";
        form.noteText = "";
        form.topicLeft = false;
        form.submitted = false;
        form.notice = "";
    }

    function submit(): void {
        form.submitted = true;
        const result = form.wishList.addIdea(form.topicText, form.noteText);
        if (result.ok) {
            const ideaId = result.ideaId;
            form.close();
            form.added(ideaId);
            return;
        }
        form.notice = result.message;
        if (result.errors.topic !== "")
            topicField.focusInput();
        else if (result.errors.note !== "")
            noteField.focusInput();
    }

    // Bring `first` to `last` into view above the keyboard; if they do not both fit, the top of `first`.
    function reveal(first: Item, last: Item): void {
        const top = first.mapToItem(fields, 0, 0).y + fields.y;
        const bottom = last.mapToItem(fields, 0, last.height).y + fields.y;
        const maxY = Math.max(0, flick.contentHeight - flick.height);
        if (top < flick.contentY || bottom - top > flick.height)
            flick.contentY = Math.min(maxY, Math.max(0, top - Theme.pad));
        else if (bottom > flick.contentY + flick.height)
            flick.contentY = Math.min(maxY, bottom - flick.height + Theme.pad);
    }

    function revealFocused(): void {
        if (topicField.editing)
            form.reveal(topicField, topicField);
        else if (noteField.editing)
            form.reveal(noteField, actions);
    }

    objectName: "ideaForm"
    visible: form.isOpen
    color: Theme.paper

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
                font { family: Theme.fontFamily; pixelSize: Theme.titleSize; weight: Font.Bold }
                text: qsTr("Add an idea to the wish list")
            }
            Text {
                width: parent.width
                elide: Text.ElideRight
                color: Theme.frameMuted
                font { family: Theme.fontFamily; pixelSize: Theme.tabSize; weight: Font.Medium }
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
            onClicked: form.close()
        }
    }

    // --- the fields ------------------------------------------------------------------------------
    Flickable {
        id: flick
        anchors { left: parent.left; right: parent.right; top: titleBar.bottom; bottom: parent.bottom; bottomMargin: form.covered }
        contentHeight: fields.height + Theme.pad * 4
        flickableDirection: Flickable.VerticalFlick
        boundsBehavior: Flickable.StopAtBounds
        clip: true
        Behavior on contentY { NumberAnimation { duration: 150; easing.type: Easing.OutCubic } }
        // The keyboard slides up after a field takes focus; keep that field in view as the space shrinks.
        onHeightChanged: form.revealFocused()

        Column {
            id: fields
            x: (flick.width - width) / 2
            y: Theme.pad * 2
            width: Math.min(flick.width - Theme.pad * 4, Theme.px(1100))
            spacing: Theme.pad * 1.5

            Text {
                objectName: "ideaFormNotice"
                visible: form.notice !== ""
                width: parent.width
                wrapMode: Text.Wrap
                textFormat: Text.PlainText
                color: Theme.danger
                font { family: Theme.fontFamily; pixelSize: Theme.bodySize; weight: Font.DemiBold }
                text: form.notice
            }

            KioskTextField {
                id: topicField
                objectName: "ideaTopicField"
                width: parent.width
                label: qsTr("Topic")
                hint: qsTr("What would you love someone to host?")
                required: true
                maxLength: 80
                text: form.topicText
                error: form.topicError
                next: noteField
                onEdited: (text) => form.topicText = text
                onEditingChanged: {
                    if (!editing && form.topicText !== "")
                        form.topicLeft = true;
                    form.revealFocused();
                }
            }

            KioskTextField {
                id: noteField
                objectName: "ideaNoteField"
                width: parent.width
                label: qsTr("Note")
                hint: qsTr("Why, who it is for, what it could cover")
                multiline: true
                maxLength: 200
                text: form.noteText
                error: form.errors.note
                onEdited: (text) => form.noteText = text
                // The note is the last field: revealFocused() shows the Add button with it when there is room.
                onDone: form.forceActiveFocus()
                onEditingChanged: form.revealFocused()
            }

            Column {
                id: actions
                width: parent.width
                spacing: Theme.pad

                TouchButton {
                    objectName: "ideaSubmitButton"
                    width: Math.min(parent.width, Math.max(implicitWidth, Theme.px(480)))
                    text: qsTr("Add to the wish list")
                    onClicked: form.submit()
                }
                Text {
                    width: parent.width
                    wrapMode: Text.Wrap
                    color: Theme.inkMuted
                    font { family: Theme.fontFamily; pixelSize: Theme.smallSize + Theme.px(1) }
                    text: qsTr("Nothing is saved until you tap “Add to the wish list”.")
                }
            }
        }
    }
}

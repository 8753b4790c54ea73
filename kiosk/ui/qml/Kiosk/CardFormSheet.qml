import QtQuick
import Kiosk

// The host's form, inside the kiosk window: a title bar, then what the form's stage calls for — the fields,
// the saved card with its edit code, or the cancelled note — and the idle warning over all of it. Nothing is
// written until the host confirms; the view model keeps what is typed.
Rectangle {
    id: sheet

    required property KioskCardForm form
    // How much of the window the on-screen keyboard covers; the form stays above it.
    property real keyboardHeight: 0

    readonly property bool editing: form.stage === KioskCardForm.Editing || form.stage === KioskCardForm.Conflict
    readonly property bool done: form.stage === KioskCardForm.Saved || form.stage === KioskCardForm.Cancelled
                                 || form.stage === KioskCardForm.Rebook

    objectName: "addCardSheet"
    visible: form.isOpen
    color: Theme.paper
    // Straight into typing: the topic field takes focus (and the keyboard slides up) as the sheet opens.
    // Closing takes the keyboard and the focus with it (the application does that on form.closed).
    onVisibleChanged: if (visible && sheet.form.stage === KioskCardForm.Editing) Qt.callLater(fields.focusFirstField)

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
                font: Theme.font(Theme.titleSize, Font.Bold)
                text: sheet.form.mode === KioskCardForm.StaffEdit ? qsTr("Edit this Open Space (staff)")
                      : sheet.form.mode === KioskCardForm.Edit ? qsTr("Edit your Open Space") : qsTr("Host an Open Space")
            }
            Text {
                objectName: "addCardSlot"
                width: parent.width
                elide: Text.ElideRight
                textFormat: Text.PlainText
                color: Theme.frameMuted
                font: Theme.font(Theme.tabSize, Font.Medium)
                text: sheet.form.roomName + "  ·  " + sheet.form.whenLabel
                      + (sheet.form.mode === KioskCardForm.Add && sheet.form.stage === KioskCardForm.Editing
                         ? "  ·  " + qsTr("This slot is free") : "")
            }
        }

        // "Cancel" asks first when something was typed; "Done" once the card is saved or cancelled.
        TouchButton {
            id: cancelButton
            objectName: "cancelButton"
            anchors { right: parent.right; rightMargin: Theme.pad * 2; verticalCenter: parent.verticalCenter }
            primary: false
            inverted: true
            text: sheet.done ? qsTr("Done") : qsTr("Cancel")
            onClicked: sheet.done ? sheet.form.close() : sheet.form.requestClose()
        }
    }

    CardFormFields {
        id: fields
        objectName: "cardFormFields"
        visible: sheet.editing
        form: sheet.form
        anchors { left: parent.left; right: parent.right; top: titleBar.bottom; bottom: parent.bottom; bottomMargin: sheet.keyboardHeight }
    }

    SavedPanel {
        visible: sheet.form.stage === KioskCardForm.Saved
        form: sheet.form
        anchors { left: parent.left; right: parent.right; top: titleBar.bottom; bottom: parent.bottom }
    }

    // Saved, then the hub gave the slot to a card another kiosk had booked a moment earlier.
    SlotConflict {
        id: rebookPanel
        objectName: "rebookPanel"
        choicePrefix: "rebookSlot"
        visible: sheet.form.stage === KioskCardForm.Rebook
        form: sheet.form
        anchors { left: parent.left; right: parent.right; top: titleBar.bottom; margins: Theme.pad * 2 }
    }
    Text {
        visible: rebookPanel.visible
        anchors { left: parent.left; right: parent.right; top: rebookPanel.bottom; margins: Theme.pad * 2 }
        wrapMode: Text.Wrap
        color: Theme.inkMuted
        font: Theme.font(Theme.bodySize, Font.Normal)
        text: qsTr("No time to choose? Tap Done: your card is kept, and the staff office will find it a slot.")
    }

    Text {
        objectName: "cancelledNote"
        visible: sheet.form.stage === KioskCardForm.Cancelled
        anchors.centerIn: parent
        width: parent.width - Theme.pad * 6
        horizontalAlignment: Text.AlignHCenter
        wrapMode: Text.Wrap
        color: Theme.ink
        font: Theme.font(Theme.sheetTitleSize, Font.Bold)
        text: qsTr("Your session has been cancelled and its slot is free again.")
    }

    // Cancel on a form with something typed in it: keep it, or let it go.
    ConfirmDialog {
        objectName: "discardConfirm"
        visible: sheet.form.confirmingDiscard
        anchors { left: parent.left; right: parent.right; top: titleBar.bottom; bottom: parent.bottom }
        keyboardHeight: sheet.keyboardHeight
        text: qsTr("Throw away what you typed?")
        confirmText: qsTr("Discard")
        keepText: qsTr("Keep editing")
        onConfirmed: sheet.form.close()
        onKept: sheet.form.keepEditing()
    }

    IdleWarning {
        anchors.fill: parent
        keyboardHeight: sheet.keyboardHeight
        seconds: sheet.form.countdown
        onStillHere: sheet.form.activity()
    }
}

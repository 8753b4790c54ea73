import QtQuick
import Kiosk

// The form's buttons: save, and for a host's own card, cancelling the session (tap twice).
Column {
    id: actions

    required property KioskCardForm form

    spacing: Theme.pad

    TouchButton {
        objectName: "submitButton"
        width: actions.width
        enabled: actions.form.canSubmit
        text: actions.form.mode === KioskCardForm.Add ? qsTr("Put it on the board") : qsTr("Save changes")
        onClicked: actions.form.submit()
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
            target: actions.form
            function onClosed(): void {
                cancelSession.confirming = false;
            }
        }
        objectName: "cancelSessionButton"
        visible: actions.form.mode === KioskCardForm.Edit
        width: actions.width
        primary: false
        danger: true
        text: confirming ? qsTr("Tap again to cancel the session") : qsTr("Cancel this session")
        onClicked: {
            if (confirming)
                actions.form.cancelSession();
            confirming = !confirming;
        }
    }
    Text {
        width: actions.width
        wrapMode: Text.Wrap
        color: Theme.inkMuted
        font: Theme.font(Theme.smallSize + Theme.px(1), Font.Normal)
        text: qsTr("Nothing is saved until you tap the button. After a while without a touch the form clears itself.")
    }
}

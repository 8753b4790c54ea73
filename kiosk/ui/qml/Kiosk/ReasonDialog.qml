import QtQuick
import Kiosk

// Asks staff for a line of text before an action: why a session is cancelled, why a room is blocked.
// The text is typed on the keyboard (or a hardware one) and goes to the view model as plain text.
Rectangle {
    id: dialog

    property string title
    property string confirmText: qsTr("Confirm")
    property string hint
    // The longest reason the store takes: `KioskStaff.reasonMax`, handed down by the page.
    required property int maxLength
    property real keyboardHeight: 0
    readonly property string text: field.text
    signal confirmed(string text)
    signal dismissed()

    function ask(): void {
        field.text = "";
        visible = true;
        field.focusInput();
    }

    function done(): void {
        visible = false;
        dialog.forceActiveFocus();
    }

    objectName: "reasonDialog"
    visible: false
    color: Theme.scrim
    z: 20

    KioskTap {
        gesturePolicy: TapHandler.WithinBounds
        onTapped: {
            dialog.done();
            dialog.dismissed();
        }
    }

    Rectangle {
        x: (parent.width - width) / 2
        y: Math.max(Theme.pad, (parent.height - dialog.keyboardHeight - height) / 2)
        width: Math.min(parent.width - Theme.pad * 4, Theme.px(900))
        height: column.height + Theme.pad * 4
        radius: Theme.radius * 2
        color: Theme.sheet
        KioskTap { gesturePolicy: TapHandler.WithinBounds }

        Column {
            id: column
            anchors.centerIn: parent
            width: parent.width - Theme.pad * 4
            spacing: Theme.pad
            Text {
                width: parent.width
                wrapMode: Text.Wrap
                textFormat: Text.PlainText
                color: Theme.ink
                font: Theme.font(Theme.bodySize + Theme.px(4), Font.Bold)
                text: dialog.title
            }
            KioskTextField {
                id: field
                objectName: "reasonField"
                width: parent.width
                label: qsTr("Reason")
                hint: dialog.hint
                required: true
                maxLength: dialog.maxLength
                onEdited: (text) => field.text = text
                onDone: dialog.confirmed(field.text)
            }
            Row {
                spacing: Theme.pad
                TouchButton {
                    objectName: "reasonConfirm"
                    danger: true
                    enabled: field.text.trim() !== ""
                    text: dialog.confirmText
                    onClicked: dialog.confirmed(field.text)
                }
                TouchButton {
                    objectName: "reasonBack"
                    primary: false
                    text: qsTr("Back")
                    onClicked: {
                        dialog.done();
                        dialog.dismissed();
                    }
                }
            }
        }
    }
}

import QtQuick
import Kiosk

// "Still there?": an untouched form counts down before it clears itself for the next person.
Rectangle {
    id: warning

    property int seconds: 0
    // How much of the window's bottom the on-screen keyboard covers: the box and its button stay above it.
    property real keyboardHeight: 0
    signal stillHere()

    objectName: "idleWarning"
    visible: seconds > 0
    color: Theme.scrim

    // The whole warning answers a touch, and keeps it: nothing under it (Save!) may be pressed by the same touch.
    KioskTap {
        gesturePolicy: TapHandler.WithinBounds
        onTapped: warning.stillHere()
    }

    Rectangle {
        anchors.horizontalCenter: parent.horizontalCenter
        y: Math.max(Theme.pad, (parent.height - warning.keyboardHeight - height) / 2)
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
                font: Theme.font(Theme.sheetTitleSize, Font.Bold)
                text: qsTr("Still there?")
            }
            Text {
                width: parent.width
                horizontalAlignment: Text.AlignHCenter
                wrapMode: Text.Wrap
                color: Theme.inkMuted
                font: Theme.font(Theme.bodySize, Font.Normal)
                text: qsTr("This form clears itself in %1 seconds, so the next person starts fresh.").arg(warning.seconds)
            }
            TouchButton {
                anchors.horizontalCenter: parent.horizontalCenter
                text: qsTr("I'm still here")
                onClicked: warning.stillHere()
            }
        }
    }
}

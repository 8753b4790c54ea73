import QtQuick
import Kiosk

// A large, high-contrast button for fingers: at least Theme.minTouch in both directions.
Rectangle {
    id: button

    property string text
    property bool primary: true
    signal clicked()

    implicitWidth: Math.max(Theme.minTouch, label.implicitWidth + Theme.pad * 3)
    implicitHeight: Math.max(Theme.minTouch, label.implicitHeight + Theme.pad * 1.5)
    radius: Theme.radius
    color: primary ? (tap.pressed ? Qt.darker(Theme.accent, 1.2) : Theme.accent)
                   : (tap.pressed ? Theme.gridLine : "transparent")
    border { width: primary ? 0 : Math.max(1, Theme.px(2)); color: Theme.inkMuted }
    opacity: enabled ? 1 : 0.4

    Text {
        id: label
        anchors.centerIn: parent
        color: button.primary ? "white" : Theme.ink
        font { family: Theme.fontFamily; pixelSize: Theme.bodySize; weight: Font.DemiBold }
        text: button.text
    }

    TapHandler {
        id: tap
        onTapped: button.clicked()
    }
}

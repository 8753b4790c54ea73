import QtQuick
import Kiosk

// A large, high-contrast button for fingers: at least Theme.minTouch in both directions.
Rectangle {
    id: button

    property string text
    property bool primary: true
    // Outlined in white, for the dark frame.
    property bool inverted: false
    // For actions that destroy something (cancelling a session).
    property bool danger: false
    // How a label too long for the button is shortened (a folder's path keeps its start and end).
    property int elide: Text.ElideRight
    signal clicked()

    readonly property color outline: inverted ? Theme.frameText : (danger ? Theme.danger : Theme.inkMuted)

    implicitWidth: Math.max(Theme.minTouch, label.implicitWidth + Theme.pad * 3)
    implicitHeight: Math.max(Theme.minTouch, label.implicitHeight + Theme.pad * 1.5)
    radius: Theme.radius
    // A primary button that cannot be undone (discard, cancel a session, clear the board) is filled red.
    readonly property color fill: danger ? Theme.danger : Theme.accent
    color: primary ? (tap.pressed ? Qt.darker(button.fill, 1.2) : button.fill)
                   : (tap.pressed ? Qt.rgba(0.5, 0.5, 0.5, 0.25) : "transparent")
    border { width: primary ? 0 : Math.max(1, Theme.px(2)); color: button.outline }
    opacity: enabled ? 1 : 0.4

    Text {
        id: label
        anchors.centerIn: parent
        width: Math.min(implicitWidth, button.width - Theme.pad)
        elide: button.elide
        color: button.primary || button.inverted ? "white" : (button.danger ? Theme.danger : Theme.ink)
        font: Theme.font(Theme.bodySize, Font.DemiBold)
        text: button.text
    }

    KioskTap {
        id: tap
        onTapped: button.clicked()
    }
}

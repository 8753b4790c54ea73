import QtQuick
import Kiosk

// A question across the top of a form, with the safe answer first: "Keep editing" or "Discard".
Rectangle {
    id: bar

    property string text
    property string confirmText
    property string keepText
    signal confirmed()
    signal kept()

    height: row.height + Theme.pad * 2
    color: Theme.warning
    border { width: Theme.px(2); color: Theme.warningEdge }
    z: 10

    Flow {
        id: row
        x: Theme.pad * 2
        y: Theme.pad
        width: parent.width - Theme.pad * 4
        spacing: Theme.pad
        Text {
            height: keep.height
            verticalAlignment: Text.AlignVCenter
            color: Theme.ink
            font: Theme.font(Theme.bodySize + Theme.px(2), Font.Bold)
            text: bar.text
        }
        TouchButton {
            id: keep
            objectName: "keepEditingButton"
            text: bar.keepText
            onClicked: bar.kept()
        }
        TouchButton {
            objectName: "discardButton"
            primary: false
            danger: true
            text: bar.confirmText
            onClicked: bar.confirmed()
        }
    }
}

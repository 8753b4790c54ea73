import QtQuick
import Kiosk

// A question over a form, with the safe answer first: "Keep editing" or "Discard". It sits above the
// keyboard, dims what is behind it, and a touch anywhere outside it keeps the form as it is.
Rectangle {
    id: dialog

    property string text
    property string confirmText
    property string keepText
    // How much of the window's bottom the on-screen keyboard covers: the question stays above it.
    property real keyboardHeight: 0
    signal confirmed()
    signal kept()

    color: Theme.scrim
    z: 10

    KioskTap {
        gesturePolicy: TapHandler.WithinBounds
        onTapped: dialog.kept()
    }

    Rectangle {
        x: (parent.width - width) / 2
        y: Math.max(Theme.pad, (parent.height - dialog.keyboardHeight - height) / 2)
        width: Math.min(parent.width - Theme.pad * 4, Theme.px(760))
        height: column.height + Theme.pad * 4
        radius: Theme.radius * 2
        color: Theme.sheet

        Column {
            id: column
            anchors.centerIn: parent
            width: parent.width - Theme.pad * 4
            spacing: Theme.pad * 1.5
            Text {
                width: parent.width
                horizontalAlignment: Text.AlignHCenter
                wrapMode: Text.Wrap
                color: Theme.ink
                font: Theme.font(Theme.sheetTitleSize, Font.Bold)
                text: dialog.text
            }
            Flow {
                anchors.horizontalCenter: parent.horizontalCenter
                width: Math.min(parent.width, keep.width + discard.width + spacing)
                spacing: Theme.pad
                TouchButton {
                    id: keep
                    objectName: "keepEditingButton"
                    text: dialog.keepText
                    onClicked: dialog.kept()
                }
                TouchButton {
                    id: discard
                    objectName: "discardButton"
                    primary: false
                    danger: true
                    text: dialog.confirmText
                    onClicked: dialog.confirmed()
                }
            }
        }
    }
}

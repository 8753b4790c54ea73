import QtQuick
import Kiosk

// The line under the board: a hint for passers-by, or what is wrong when the board cannot be read.
Rectangle {
    id: footer

    property string text

    height: Theme.footerHeight
    color: Theme.frame

    Text {
        objectName: "footerText"
        anchors.centerIn: parent
        width: parent.width - 2 * Theme.pad
        horizontalAlignment: Text.AlignHCenter
        elide: Text.ElideRight
        textFormat: Text.PlainText
        color: Theme.frameMuted
        font: Theme.font(Theme.smallSize + Theme.px(2), Font.Normal)
        text: footer.text
    }
}

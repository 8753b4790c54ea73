import QtQuick
import Kiosk

// A QR code with a caption. `payload` is exactly what the code encodes; `source` is its image://qr URL.
// The code itself is at least 2.5 cm across on any screen (the margin comes on top), so phones read it from
// an arm's length.
Column {
    id: qr

    property string payload
    property string source
    property string caption
    readonly property int side: Math.max(Theme.px(200), Math.round(Theme.pixelDensity * 25)) + Theme.px(8)

    spacing: Theme.gap
    width: frame.width

    Rectangle {
        id: frame
        width: Math.max(qr.side, code.width + Theme.px(8))
        height: width
        color: "white"
        radius: Theme.px(6)
        border { width: 1; color: Theme.gridLine }

        Image {
            id: code
            anchors.centerIn: parent
            // The provider draws whole pixels per module, at least this many pixels across.
            sourceSize { width: qr.side - Theme.px(8); height: qr.side - Theme.px(8) }
            width: implicitWidth
            height: implicitHeight
            smooth: false
            mipmap: false
            asynchronous: false
            cache: true
            source: qr.source
        }
    }
    Text {
        width: frame.width
        horizontalAlignment: Text.AlignHCenter
        wrapMode: Text.Wrap
        color: Theme.ink
        font: Theme.font(Theme.smallSize + Theme.px(2), Font.DemiBold)
        text: qr.caption
    }
}

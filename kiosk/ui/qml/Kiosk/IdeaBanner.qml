import QtQuick
import Kiosk

// "Host this" from the wish list: which idea is being placed, until a free slot is tapped or it is let go.
Rectangle {
    id: banner

    required property KioskCardForm form
    property real maxTextWidth: Theme.px(1000)

    objectName: "ideaBanner"
    width: bannerRow.implicitWidth + Theme.pad * 3
    height: bannerRow.implicitHeight + Theme.pad
    radius: Theme.radius
    color: Theme.frame
    z: 20

    Row {
        id: bannerRow
        anchors.centerIn: parent
        spacing: Theme.pad
        Text {
            anchors.verticalCenter: parent.verticalCenter
            width: Math.min(implicitWidth, banner.maxTextWidth)
            elide: Text.ElideRight
            textFormat: Text.PlainText
            color: Theme.frameText
            font: Theme.font(Theme.bodySize, Font.DemiBold)
            text: qsTr("Tap a free slot to host “%1”").arg(banner.form.ideaTopic)
        }
        TouchButton {
            primary: false
            inverted: true
            text: qsTr("Not now")
            onClicked: banner.form.stopHostingIdea()
        }
    }
}

import QtQuick
import Kiosk

// A notice for staff about the kiosk itself (the board was damaged and restored from a backup at start): shown on
// the board in the warning colours until someone taps "OK".
Rectangle {
    id: notice

    required property KioskHealth health

    objectName: "healthNotice"
    visible: notice.health.notice !== ""
    height: Math.max(noticeText.implicitHeight, okButton.implicitHeight) + Theme.pad * 2
    radius: Theme.radius
    color: Theme.warning
    border { width: Math.max(2, Theme.px(3)); color: Theme.warningEdge }
    z: 31

    Text {
        id: noticeText
        objectName: "healthNoticeText"
        anchors {
            left: parent.left; right: okButton.left; verticalCenter: parent.verticalCenter
            leftMargin: Theme.pad * 1.5; rightMargin: Theme.pad
        }
        wrapMode: Text.Wrap
        textFormat: Text.PlainText
        color: Theme.ink
        font: Theme.font(Theme.bodySize, Font.Medium)
        text: notice.health.notice
    }

    TouchButton {
        id: okButton
        objectName: "healthNoticeOk"
        anchors { right: parent.right; verticalCenter: parent.verticalCenter; rightMargin: Theme.pad }
        text: qsTr("OK")
        onClicked: notice.health.dismissNotice()
    }
}

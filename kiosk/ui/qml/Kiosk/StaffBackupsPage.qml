pragma ComponentBehavior: Bound
import QtQuick
import Kiosk

// Backups: make one now, or put one back (what is there now is backed up first; the board switches at once).
Item {
    id: page

    required property KioskStaffBackups backups
    property string restoring: ""

    onVisibleChanged: if (visible) page.backups.refresh()

    Column {
        id: heading
        width: parent.width
        spacing: Theme.pad
        TouchButton {
            objectName: "backUpNow"
            text: qsTr("Back up now")
            onClicked: page.backups.backUpNow()
        }
        Text {
            objectName: "backupsNotice"
            visible: text !== ""
            width: parent.width
            wrapMode: Text.Wrap
            textFormat: Text.PlainText
            color: Theme.accent
            font: Theme.font(Theme.bodySize, Font.DemiBold)
            text: page.backups.notice
        }
    }

    ListView {
        id: list
        objectName: "backupList"
        anchors { left: parent.left; right: parent.right; top: heading.bottom; bottom: parent.bottom; topMargin: Theme.pad }
        clip: true
        spacing: Theme.gap
        model: page.backups.rows
        delegate: Rectangle {
            id: row
            required property int index
            required property string path
            required property string made
            required property string size
            required property string sessions
            required property bool usable
            objectName: "backup-" + index
            width: list.width
            height: Math.max(Theme.minTouch, texts.height) + Theme.pad
            radius: Theme.radius
            color: Theme.sheet
            Column {
                id: texts
                anchors { left: parent.left; right: actions.left; verticalCenter: parent.verticalCenter; margins: Theme.pad }
                Text {
                    width: parent.width
                    textFormat: Text.PlainText
                    color: row.usable ? Theme.ink : Theme.danger
                    font: Theme.font(Theme.bodySize, Font.Bold)
                    text: row.made + " · " + row.sessions + " · " + row.size
                }
                Text {
                    width: parent.width
                    elide: Text.ElideMiddle
                    textFormat: Text.PlainText
                    color: Theme.inkMuted
                    font: Theme.font(Theme.smallSize, Font.Normal)
                    text: row.path
                }
            }
            Row {
                id: actions
                anchors { right: parent.right; rightMargin: Theme.pad; verticalCenter: parent.verticalCenter }
                spacing: Theme.gap
                TouchButton {
                    visible: row.usable && page.restoring !== row.path
                    objectName: "restoreBackup"
                    primary: false
                    text: qsTr("Restore…")
                    onClicked: page.restoring = row.path
                }
                TouchButton {
                    visible: page.restoring === row.path
                    objectName: "restoreConfirm"
                    danger: true
                    text: qsTr("Replace the board with this")
                    onClicked: {
                        page.restoring = "";
                        page.backups.restore(row.path);
                    }
                }
            }
        }
    }
}

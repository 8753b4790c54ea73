pragma ComponentBehavior: Bound
import QtQuick
import Kiosk

// The audit log, newest first: who (which kind of person, on which kiosk), what, and what changed.
Item {
    id: page

    required property KioskStaffAudit audit

    Row {
        id: heading
        spacing: Theme.pad
        Text {
            anchors.verticalCenter: parent.verticalCenter
            textFormat: Text.PlainText
            color: Theme.ink
            font: Theme.font(Theme.bodySize, Font.DemiBold)
            text: page.audit.filterLabel !== "" ? qsTr("About “%1”").arg(page.audit.filterLabel) : qsTr("Everything, newest first")
        }
        TouchButton {
            visible: page.audit.filterLabel !== ""
            objectName: "auditShowAll"
            primary: false
            text: qsTr("Show everything")
            onClicked: page.audit.showAll()
        }
    }

    ListView {
        id: list
        objectName: "auditList"
        anchors { left: parent.left; right: parent.right; top: heading.bottom; bottom: parent.bottom; topMargin: Theme.pad }
        clip: true
        spacing: Theme.gap
        model: page.audit.rows
        delegate: Column {
            id: entry
            required property string when
            required property string who
            required property string what
            required property string changes
            width: list.width
            Text {
                width: parent.width
                wrapMode: Text.Wrap
                textFormat: Text.PlainText
                color: Theme.ink
                font: Theme.font(Theme.bodySize, Font.Medium)
                text: entry.when + "  ·  " + entry.who + "  ·  " + entry.what
            }
            Text {
                objectName: "auditChanges"
                visible: entry.changes !== ""
                leftPadding: Theme.pad * 2
                width: parent.width
                wrapMode: Text.Wrap
                textFormat: Text.PlainText
                color: Theme.inkMuted
                font: Theme.font(Theme.smallSize + Theme.px(1), Font.Normal)
                text: entry.changes
            }
        }
    }
}

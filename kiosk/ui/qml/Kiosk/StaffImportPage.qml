pragma ComponentBehavior: Bound
import QtQuick
import Kiosk

// Planned sessions from a file on a USB stick: pick the file, read every row's verdict, import all or none.
Item {
    id: page

    required property KioskStaffImport importer

    onVisibleChanged: if (visible) page.importer.findFiles()

    Column {
        id: heading
        width: parent.width
        spacing: Theme.pad

        Text {
            width: parent.width
            wrapMode: Text.Wrap
            color: Theme.inkMuted
            font: Theme.font(Theme.smallSize + Theme.px(2), Font.Normal)
            text: qsTr("CSV with the columns of the CSV export (Day, Start, Room, Topic, Host; End, Handle, Description, Tags, URL optional), or JSON like it, from a USB stick or the kiosk's imports folder.")
        }
        Flow {
            width: parent.width
            spacing: Theme.gap
            Repeater {
                model: page.importer.files
                delegate: TouchButton {
                    required property int index
                    required property string modelData
                    objectName: "importFile-" + index
                    primary: false
                    text: modelData
                    onClicked: page.importer.previewFile(index)
                }
            }
            Text {
                visible: page.importer.files.length === 0
                color: Theme.inkMuted
                font: Theme.font(Theme.bodySize, Font.Medium)
                text: qsTr("No CSV or JSON file found. Plug in a USB stick, then come back to this page.")
            }
        }
        Text {
            objectName: "importNotice"
            visible: text !== ""
            width: parent.width
            wrapMode: Text.Wrap
            textFormat: Text.PlainText
            color: page.importer.canImport || page.importer.summary === "" ? Theme.accent : Theme.danger
            font: Theme.font(Theme.bodySize, Font.DemiBold)
            text: page.importer.notice !== "" ? page.importer.notice : page.importer.summary
        }
        TouchButton {
            objectName: "importNow"
            visible: page.importer.summary !== ""
            enabled: page.importer.canImport
            text: qsTr("Import all of them")
            onClicked: page.importer.importNow()
        }
    }

    ListView {
        id: list
        objectName: "importPreview"
        anchors { left: parent.left; right: parent.right; top: heading.bottom; bottom: parent.bottom; topMargin: Theme.pad }
        clip: true
        spacing: Theme.px(4)
        model: page.importer.preview
        delegate: Column {
            id: row
            required property int line
            required property string summary
            required property string problems
            required property bool ok
            width: list.width
            Text {
                width: parent.width
                elide: Text.ElideRight
                textFormat: Text.PlainText
                color: row.ok ? Theme.ink : Theme.danger
                font: Theme.font(Theme.bodySize, Font.Medium)
                text: (row.ok ? "✓ " : "⚠ ") + qsTr("row %1").arg(row.line) + " · " + row.summary
            }
            Text {
                objectName: "importRowProblems"
                visible: row.problems !== ""
                leftPadding: Theme.pad * 2
                width: parent.width
                wrapMode: Text.Wrap
                textFormat: Text.PlainText
                color: Theme.danger
                font: Theme.font(Theme.smallSize + Theme.px(2), Font.Normal)
                text: row.problems
            }
        }
    }
}

pragma ComponentBehavior: Bound
import QtQuick
import Kiosk

// Sync: where this kiosk stands with the hub, "Sync now", and what sync could not settle by itself —
// cards that need a new slot (one tap puts them in a suggested one) and edits made on two kiosks while apart.
Item {
    id: page

    required property KioskSync sync
    required property KioskStaffSync conflicts
    // The longest reason staff may type, from the validator (KioskStaff.reasonMax).
    required property int reasonMax

    onVisibleChanged: if (visible) page.conflicts.refresh()

    Column {
        id: heading
        width: parent.width
        spacing: Theme.pad

        Text {
            width: parent.width
            wrapMode: Text.Wrap
            textFormat: Text.PlainText
            color: Theme.ink
            font: Theme.font(Theme.bodySize, Font.Bold)
            text: page.sync.enabled
                  ? qsTr("Hub: %1 — %2").arg(page.sync.hub).arg(page.sync.statusText)
                  : qsTr("No hub is configured: this kiosk runs alone. Add a [hub] section to its config to sync.")
        }
        Row {
            visible: page.sync.enabled
            spacing: Theme.pad
            TouchButton {
                objectName: "syncNowButton"
                enabled: !page.sync.busy
                text: page.sync.busy ? qsTr("Syncing…") : qsTr("Sync now")
                onClicked: page.sync.syncNow()
            }
            Text {
                objectName: "syncPending"
                anchors.verticalCenter: parent.verticalCenter
                color: Theme.inkMuted
                font: Theme.font(Theme.bodySize, Font.Normal)
                text: page.sync.pending > 0 ? qsTr("%n change(s) waiting for the hub", "", page.sync.pending)
                                            : qsTr("Nothing waiting for the hub")
            }
        }
        Text {
            objectName: "syncResult"
            visible: text !== ""
            width: parent.width
            wrapMode: Text.Wrap
            textFormat: Text.PlainText
            color: page.sync.state === KioskSync.Offline ? Theme.danger : Theme.inkMuted
            font: Theme.font(Theme.bodySize, Font.Normal)
            text: page.sync.lastResult
        }
        Text {
            objectName: "conflictsNotice"
            visible: text !== ""
            width: parent.width
            wrapMode: Text.Wrap
            textFormat: Text.PlainText
            color: Theme.accent
            font: Theme.font(Theme.bodySize, Font.DemiBold)
            text: page.conflicts.notice
        }
        Text {
            color: Theme.ink
            font: Theme.font(Theme.sheetTitleSize, Font.Bold)
            text: list.count > 0 ? qsTr("To settle (%1)").arg(list.count) : qsTr("Nothing to settle")
        }
    }

    ListView {
        id: list
        objectName: "conflictList"
        anchors { left: parent.left; right: parent.right; top: heading.bottom; bottom: parent.bottom; topMargin: Theme.pad }
        clip: true
        spacing: Theme.gap
        model: page.conflicts.conflicts
        delegate: Rectangle {
            id: row
            required property int index
            required property string conflictId
            required property bool slot
            required property string headline
            required property string detail
            required property var choices
            objectName: "conflict-" + index
            width: list.width
            height: column.height + Theme.pad * 2
            radius: Theme.radius
            color: Theme.sheet
            border { width: Theme.px(2); color: Theme.warningEdge }

            Column {
                id: column
                x: Theme.pad
                y: Theme.pad
                width: parent.width - Theme.pad * 2
                spacing: Theme.gap
                Text {
                    width: parent.width
                    wrapMode: Text.Wrap
                    textFormat: Text.PlainText
                    color: Theme.ink
                    font: Theme.font(Theme.bodySize, Font.Bold)
                    text: row.headline
                }
                Text {
                    width: parent.width
                    wrapMode: Text.Wrap
                    textFormat: Text.PlainText
                    color: Theme.inkMuted
                    font: Theme.font(Theme.smallSize + Theme.px(2), Font.Normal)
                    text: row.detail
                }
                Flow {
                    width: parent.width
                    spacing: Theme.gap
                    Repeater {
                        model: row.slot ? row.choices : []
                        delegate: TouchButton {
                            required property int index
                            required property string modelData
                            objectName: "conflictSlot-" + index
                            text: modelData
                            onClicked: page.conflicts.place(row.conflictId, index)
                        }
                    }
                    TouchButton {
                        visible: row.slot
                        objectName: "conflictCancel"
                        primary: false
                        text: qsTr("Cancel the card…")
                        onClicked: {
                            reason.conflictId = row.conflictId;
                            reason.ask();
                        }
                    }
                    TouchButton {
                        visible: !row.slot
                        objectName: "conflictKeep"
                        text: qsTr("Keep the board's version")
                        onClicked: page.conflicts.keep(row.conflictId)
                    }
                    TouchButton {
                        visible: !row.slot
                        objectName: "conflictTake"
                        primary: false
                        text: qsTr("Use the other version")
                        onClicked: page.conflicts.take(row.conflictId)
                    }
                }
            }
        }
    }

    ReasonDialog {
        id: reason
        property string conflictId
        anchors.fill: parent
        maxLength: page.reasonMax
        confirmText: qsTr("Cancel the card")
        hint: qsTr("Shown in the audit log, e.g. host could not move")
        onConfirmed: (text) => {
            page.conflicts.cancelCard(reason.conflictId, text);
            reason.done();
        }
    }
}

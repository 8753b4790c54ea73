pragma ComponentBehavior: Bound
import QtQuick
import Kiosk

// Blocking a room for part of a day, with a reason; sessions in the way are listed to move or cancel first.
// Blocks from the config file are listed too, but change only with the file.
Item {
    id: page

    required property KioskStaffBlocks blocks
    // The longest reason staff may type, from the validator (KioskStaff.reasonMax).
    required property int reasonMax

    Flickable {
        anchors.fill: parent
        contentHeight: body.height
        clip: true
        boundsBehavior: Flickable.StopAtBounds

        Column {
            id: body
            width: parent.width
            spacing: Theme.pad

            ChoiceRow {
                width: parent.width
                label: qsTr("Room")
                namePrefix: "blockRoom"
                options: page.blocks.roomNames
                current: page.blocks.roomIndex
                onPicked: (index) => page.blocks.setDraft(index, page.blocks.dayIndex, page.blocks.startIndex, page.blocks.endIndex)
            }
            ChoiceRow {
                width: parent.width
                label: qsTr("Day")
                namePrefix: "blockDay"
                options: page.blocks.dayNames
                current: page.blocks.dayIndex
                onPicked: (index) => page.blocks.setDraft(page.blocks.roomIndex, index, page.blocks.startIndex, page.blocks.endIndex)
            }
            ChoiceRow {
                width: parent.width
                label: qsTr("From")
                namePrefix: "blockStart"
                options: page.blocks.times.slice(0, -1)
                current: page.blocks.startIndex
                onPicked: (index) => page.blocks.setDraft(page.blocks.roomIndex, page.blocks.dayIndex, index, Math.max(index + 1, page.blocks.endIndex))
            }
            ChoiceRow {
                width: parent.width
                label: qsTr("Until")
                namePrefix: "blockEnd"
                options: page.blocks.times.slice(1)
                current: page.blocks.endIndex - 1
                onPicked: (index) => page.blocks.setDraft(page.blocks.roomIndex, page.blocks.dayIndex, page.blocks.startIndex, index + 1)
            }
            TouchButton {
                objectName: "blockSave"
                text: qsTr("Block this room…")
                onClicked: reason.ask()
            }
            Text {
                objectName: "staffBlocksNotice"
                visible: text !== ""
                width: parent.width
                wrapMode: Text.Wrap
                textFormat: Text.PlainText
                color: page.blocks.inTheWayCount > 0 ? Theme.danger : Theme.accent
                font: Theme.font(Theme.bodySize, Font.DemiBold)
                text: page.blocks.notice
            }

            // Sessions in the way of the new block.
            Repeater {
                model: page.blocks.inTheWay
                delegate: Rectangle {
                    id: way
                    required property int index
                    required property string cardId
                    required property string topic
                    required property string host
                    required property string when
                    objectName: "inTheWay-" + index
                    width: body.width
                    height: Math.max(Theme.minTouch, wayText.height) + Theme.pad
                    radius: Theme.radius
                    color: Theme.warning
                    border { width: Theme.px(2); color: Theme.warningEdge }
                    Text {
                        id: wayText
                        anchors { left: parent.left; right: wayActions.left; verticalCenter: parent.verticalCenter; margins: Theme.pad }
                        elide: Text.ElideRight
                        textFormat: Text.PlainText
                        color: Theme.ink
                        font: Theme.font(Theme.bodySize, Font.DemiBold)
                        text: way.topic + " · " + way.host + " · " + way.when
                    }
                    Row {
                        id: wayActions
                        anchors { right: parent.right; rightMargin: Theme.pad; verticalCenter: parent.verticalCenter }
                        spacing: Theme.gap
                        TouchButton {
                            objectName: "inTheWayMove"
                            primary: false
                            text: qsTr("Move it")
                            onClicked: page.blocks.moveAway(way.cardId)
                        }
                        TouchButton {
                            objectName: "inTheWayCancel"
                            primary: false
                            danger: true
                            text: qsTr("Cancel it")
                            onClicked: page.blocks.cancelInTheWay(way.cardId, reason.text !== "" ? reason.text : qsTr("The room is blocked"))
                        }
                    }
                }
            }

            Text {
                color: Theme.ink
                font: Theme.font(Theme.bodySize + Theme.px(2), Font.Bold)
                text: qsTr("Blocked now")
            }
            Repeater {
                model: page.blocks.rows
                delegate: Rectangle {
                    id: blockRow
                    required property int index
                    required property string blockId
                    required property string room
                    required property string when
                    required property string reason
                    required property bool fromConfig
                    objectName: "blockRow-" + index
                    width: body.width
                    height: Math.max(Theme.minTouch, blockText.height) + Theme.pad
                    radius: Theme.radius
                    color: Theme.blocked
                    Text {
                        id: blockText
                        anchors { left: parent.left; right: unblock.left; verticalCenter: parent.verticalCenter; margins: Theme.pad }
                        wrapMode: Text.Wrap
                        textFormat: Text.PlainText
                        color: Theme.ink
                        font: Theme.font(Theme.bodySize, Font.Medium)
                        text: blockRow.room + " · " + blockRow.when + " · " + blockRow.reason
                              + (blockRow.fromConfig ? "  " + qsTr("(from the config file)") : "")
                    }
                    TouchButton {
                        id: unblock
                        objectName: "unblock"
                        visible: !blockRow.fromConfig
                        anchors { right: parent.right; rightMargin: Theme.pad; verticalCenter: parent.verticalCenter }
                        primary: false
                        text: qsTr("Unblock")
                        onClicked: page.blocks.unblock(blockRow.blockId)
                    }
                }
            }
        }
    }

    ReasonDialog {
        id: reason
        anchors.fill: parent
        maxLength: page.reasonMax
        title: qsTr("What is the room used for?")
        confirmText: qsTr("Block it")
        hint: qsTr("Shown on the board, e.g. Sponsor workshop")
        onConfirmed: (text) => {
            page.blocks.save(text);
            reason.done();
        }
    }
}

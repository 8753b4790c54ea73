pragma ComponentBehavior: Bound
import QtQuick
import Kiosk

// Staff moderate the cards of a day: move one to a free slot, edit it, cancel it with a reason, see its
// history; cancelled cards are listed after the live ones, to restore.
Item {
    id: page

    required property KioskStaffCards cards
    // The longest reason staff may type, from the validator (KioskStaff.reasonMax).
    required property int reasonMax

    Column {
        id: heading
        width: parent.width
        spacing: Theme.pad

        Flow {
            width: parent.width
            spacing: Theme.gap
            Repeater {
                model: page.cards.days
                delegate: TouchButton {
                    required property int index
                    required property var modelData
                    objectName: "staffDay-" + index
                    primary: index === page.cards.dayIndex
                    text: modelData.short
                    onClicked: page.cards.selectDay(index)
                }
            }
        }
        Text {
            objectName: "staffCardsNotice"
            visible: text !== ""
            width: parent.width
            wrapMode: Text.Wrap
            textFormat: Text.PlainText
            color: Theme.accent
            font: Theme.font(Theme.bodySize, Font.DemiBold)
            text: page.cards.notice
        }
        // The card picked to move: the nearest free slots, one tap each.
        Column {
            visible: page.cards.selectedId !== ""
            width: parent.width
            spacing: Theme.gap
            Text {
                width: parent.width
                elide: Text.ElideRight
                textFormat: Text.PlainText
                color: Theme.ink
                font: Theme.font(Theme.bodySize, Font.Bold)
                text: qsTr("Move %1 to:").arg(page.cards.selectedTitle)
            }
            Flow {
                width: parent.width
                spacing: Theme.gap
                Repeater {
                    model: page.cards.moveChoices
                    delegate: TouchButton {
                        required property int index
                        required property string modelData
                        objectName: "staffMoveTo-" + index
                        primary: false
                        text: modelData
                        onClicked: page.cards.moveTo(index)
                    }
                }
                TouchButton {
                    primary: false
                    text: qsTr("Never mind")
                    onClicked: page.cards.select("")
                }
            }
        }
    }

    ListView {
        id: list
        objectName: "staffCardList"
        anchors { left: parent.left; right: parent.right; top: heading.bottom; bottom: parent.bottom; topMargin: Theme.pad }
        clip: true
        spacing: Theme.gap
        model: page.cards.rows
        delegate: Rectangle {
            id: row
            required property int index
            required property string cardId
            required property string topic
            required property string host
            required property string room
            required property string time
            required property bool cancelled
            objectName: "staffCard-" + index
            // On a narrow (upright) screen the buttons go under the topic, so the topic keeps the row's width.
            readonly property bool stacked: width < actions.width * 2.2
            width: list.width
            height: stacked ? texts.height + actions.height + Theme.gap + Theme.pad * 1.5
                            : Math.max(Theme.minTouch, texts.height, actions.height) + Theme.pad
            radius: Theme.radius
            color: cancelled ? Theme.blocked : Theme.sheet

            Column {
                id: texts
                x: Theme.pad
                y: row.stacked ? Theme.pad * 0.75 : (row.height - height) / 2
                width: (row.stacked ? row.width : actions.x) - Theme.pad * 2
                Text {
                    width: parent.width
                    elide: Text.ElideRight
                    textFormat: Text.PlainText
                    color: row.cancelled ? Theme.inkMuted : Theme.ink
                    font: Theme.font(Theme.bodySize, Font.Bold)
                    text: (row.cancelled ? qsTr("Cancelled · ") : "") + row.topic
                }
                Text {
                    width: parent.width
                    elide: Text.ElideRight
                    textFormat: Text.PlainText
                    color: Theme.inkMuted
                    font: Theme.font(Theme.smallSize + Theme.px(2), Font.Medium)
                    text: row.time + " · " + row.room + " · " + row.host
                }
            }
            Row {
                id: actions
                x: row.stacked ? Theme.pad : row.width - width - Theme.pad
                y: row.stacked ? texts.y + texts.height + Theme.gap : (row.height - height) / 2
                spacing: Theme.gap
                TouchButton {
                    visible: !row.cancelled
                    objectName: "staffMove"
                    primary: false
                    text: qsTr("Move")
                    onClicked: page.cards.select(row.cardId)
                }
                TouchButton {
                    visible: !row.cancelled
                    objectName: "staffEdit"
                    primary: false
                    text: qsTr("Edit")
                    onClicked: page.cards.edit(row.cardId)
                }
                TouchButton {
                    visible: !row.cancelled
                    objectName: "staffCancel"
                    primary: false
                    danger: true
                    text: qsTr("Cancel")
                    onClicked: {
                        reason.cardId = row.cardId;
                        reason.title = qsTr("Why is “%1” cancelled?").arg(row.topic);
                        reason.ask();
                    }
                }
                TouchButton {
                    visible: row.cancelled
                    objectName: "staffRestore"
                    primary: false
                    text: qsTr("Restore")
                    onClicked: page.cards.restore(row.cardId)
                }
                TouchButton {
                    objectName: "staffHistory"
                    primary: false
                    text: qsTr("History")
                    onClicked: page.cards.history(row.cardId)
                }
            }
        }
    }

    ReasonDialog {
        id: reason
        property string cardId
        anchors.fill: parent
        maxLength: page.reasonMax
        confirmText: qsTr("Cancel the session")
        hint: qsTr("Shown in the audit log, e.g. double booking, host ill")
        onConfirmed: (text) => {
            if (page.cards.cancel(reason.cardId, text))
                reason.done();
        }
    }
}

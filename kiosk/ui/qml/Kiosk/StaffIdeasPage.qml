pragma ComponentBehavior: Bound
import QtQuick
import Kiosk

// The wish list for staff: hide an idea (spam, a joke), or fold a duplicate into another: pick the duplicate,
// then the idea that stays; their +1s add up.
Item {
    id: page

    required property KioskStaffIdeas ideas

    Column {
        id: heading
        width: parent.width
        spacing: Theme.pad
        Text {
            objectName: "staffIdeasNotice"
            visible: text !== ""
            width: parent.width
            wrapMode: Text.Wrap
            textFormat: Text.PlainText
            color: Theme.accent
            font: Theme.font(Theme.bodySize, Font.DemiBold)
            text: page.ideas.mergingId !== ""
                  ? qsTr("Tap the idea that “%1” duplicates.").arg(page.ideas.mergingTopic)
                  : page.ideas.notice
        }
    }

    ListView {
        id: list
        objectName: "staffIdeaList"
        anchors { left: parent.left; right: parent.right; top: heading.bottom; bottom: parent.bottom; topMargin: Theme.pad }
        clip: true
        spacing: Theme.gap
        model: page.ideas.rows
        delegate: Rectangle {
            id: row
            required property int index
            required property string ideaId
            required property string topic
            required property string note
            required property int votes
            readonly property bool isDuplicate: page.ideas.mergingId === ideaId
            objectName: "staffIdea-" + index
            width: list.width
            height: Math.max(Theme.minTouch, texts.height) + Theme.pad
            radius: Theme.radius
            color: isDuplicate ? Theme.warning : Theme.sheet
            Column {
                id: texts
                anchors { left: parent.left; right: actions.left; verticalCenter: parent.verticalCenter; margins: Theme.pad }
                Text {
                    width: parent.width
                    elide: Text.ElideRight
                    textFormat: Text.PlainText
                    color: Theme.ink
                    font: Theme.font(Theme.bodySize, Font.Bold)
                    text: row.topic
                }
                Text {
                    width: parent.width
                    elide: Text.ElideRight
                    textFormat: Text.PlainText
                    color: Theme.inkMuted
                    font: Theme.font(Theme.smallSize + Theme.px(2), Font.Medium)
                    text: qsTr("%1 × +1").arg(row.votes) + (row.note !== "" ? " · " + row.note : "")
                }
            }
            Row {
                id: actions
                anchors { right: parent.right; rightMargin: Theme.pad; verticalCenter: parent.verticalCenter }
                spacing: Theme.gap
                TouchButton {
                    visible: page.ideas.mergingId === ""
                    objectName: "staffIdeaMerge"
                    primary: false
                    text: qsTr("Duplicate of…")
                    onClicked: page.ideas.startMerge(row.ideaId)
                }
                TouchButton {
                    visible: page.ideas.mergingId !== "" && !row.isDuplicate
                    objectName: "staffIdeaMergeInto"
                    text: qsTr("Keep this one")
                    onClicked: page.ideas.mergeInto(row.ideaId)
                }
                TouchButton {
                    visible: row.isDuplicate
                    primary: false
                    text: qsTr("Never mind")
                    onClicked: page.ideas.stopMerge()
                }
                TouchButton {
                    visible: page.ideas.mergingId === ""
                    objectName: "staffIdeaHide"
                    primary: false
                    danger: true
                    text: qsTr("Hide")
                    onClicked: page.ideas.hide(row.ideaId)
                }
            }
        }
    }
}

import QtQuick
import Kiosk

// One room on the attract screen: its name, the session under way (or the next one) in big type, and what
// follows.
Rectangle {
    id: tile

    required property var modelData
    // A conference day with slots to come (tiles say now and next), and a slot running right now.
    property bool live: true
    property bool underWay: false
    readonly property var room: modelData
    readonly property bool hasNow: room.nowTopic !== ""
    readonly property bool blocked: room.blockedReason !== ""
    // The big line: what is on now; else the next (in the evening, tomorrow's first) session; else the block.
    readonly property string mainTopic: hasNow ? room.nowTopic : room.nextTopic
    readonly property string mainHost: hasNow ? room.nowHost : room.nextHost
    // The last line, live only: what follows, or an invitation when the room is (or will be) open.
    readonly property bool invites: tile.live && !blocked && (hasNow ? room.nextTopic === "" : room.openNow)
    readonly property string afterText: {
        if (!tile.live || room.free)
            return "";
        if (hasNow)
            return room.nextTopic !== "" ? qsTr("Next %1 · %2").arg(room.nextTime).arg(room.nextTopic)
                                         : qsTr("Then free — add yours");
        if (blocked)
            return room.nextTopic !== "" ? qsTr("Now: %1").arg(room.blockedReason) : "";
        return room.openNow ? qsTr("Free now — add yours") : "";
    }
    readonly property int inner: Theme.px(26)
    readonly property int nameSize: Math.round(Math.min(Theme.px(28), height * 0.1))
    readonly property int badgeSize: Math.round(Math.min(Theme.px(23), height * 0.085))
    // Tiles without a last line (no slot running) give the topic the room that line would take.
    readonly property int topicSize: Math.round(Math.min(Theme.px(52), height * (tile.underWay ? 0.145 : 0.175)))
    readonly property int hostSize: Math.round(Math.min(Theme.px(27), height * 0.095))

    objectName: "nowNextRoom-" + room.roomKey
    radius: Theme.radius * 1.5
    color: room.free ? Theme.accentSoft : (blocked && mainTopic === "" ? Theme.blocked : Theme.paper)
    clip: true

    // Sessions under way get a stripe in the "now" colour down their left edge.
    Rectangle {
        visible: tile.hasNow
        anchors { left: parent.left; top: parent.top; bottom: parent.bottom }
        width: Theme.px(10)
        color: Theme.now
    }

    // The room's name, and a badge saying when the big line happens: now (with the minutes left), next, first.
    Item {
        id: nameRow
        anchors { left: parent.left; right: parent.right; top: parent.top; margins: tile.inner }
        height: Math.max(name.implicitHeight, badge.height)

        Text {
            id: name
            anchors {
                left: parent.left; right: badge.visible ? badge.left : parent.right
                rightMargin: Theme.pad; verticalCenter: parent.verticalCenter
            }
            elide: Text.ElideRight
            textFormat: Text.PlainText
            color: tile.room.free ? Theme.accent : Theme.inkMuted
            font: Theme.font(tile.nameSize, Font.Bold)
            text: tile.room.roomName
        }
        Rectangle {
            id: badge
            readonly property color tone: tile.hasNow ? Theme.now : tile.mainTopic !== "" ? Theme.accent : Theme.inkMuted
            visible: !tile.room.free
            anchors { right: parent.right; verticalCenter: parent.verticalCenter }
            width: badgeText.implicitWidth + Theme.px(28)
            height: badgeText.implicitHeight + Theme.px(10)
            radius: height / 2
            color: tile.hasNow ? tone : "transparent"
            border { width: tile.hasNow ? 0 : Math.max(1, Theme.px(2)); color: tone }
            Text {
                id: badgeText
                anchors.centerIn: parent
                textFormat: Text.PlainText
                color: tile.hasNow ? Theme.frameText : badge.tone
                font: Theme.figures(tile.badgeSize, Font.Bold)
                text: tile.hasNow ? qsTr("Now · %1").arg(tile.room.nowLeft)
                      : tile.mainTopic === "" ? qsTr("Not open now")
                      : tile.live ? qsTr("Next %1").arg(tile.room.nextTime)
                      : tile.room.nextTime
            }
        }
    }

    // Free for the rest of the day shown: an invitation rather than an empty box.
    Column {
        visible: tile.room.free
        anchors {
            left: parent.left; right: parent.right; top: nameRow.bottom; bottom: parent.bottom
            leftMargin: tile.inner; rightMargin: tile.inner; bottomMargin: tile.inner
        }
        Item { width: 1; height: Math.max(0, (parent.height - freeTitle.height - freeNote.height) / 2) }
        // One line, shrunk to fit a narrow tile rather than broken before "yours".
        Text {
            id: freeTitle
            width: parent.width
            fontSizeMode: Text.HorizontalFit
            minimumPixelSize: tile.hostSize
            textFormat: Text.PlainText
            color: Theme.accent
            font: Theme.font(tile.topicSize, Font.Bold)
            text: qsTr("Free — add yours")
        }
        Text {
            id: freeNote
            width: parent.width
            elide: Text.ElideRight
            textFormat: Text.PlainText
            color: Theme.accent
            font: Theme.font(tile.hostSize, Font.Medium)
            text: qsTr("Nothing booked yet")
        }
    }

    Column {
        id: body
        visible: !tile.room.free
        anchors {
            left: parent.left; right: parent.right; top: nameRow.bottom
            leftMargin: tile.inner; rightMargin: tile.inner; topMargin: Theme.px(10)
        }
        spacing: Theme.px(4)

        Text {
            id: topic
            // As many lines as fit between the room name and the host line, above the tile's last line.
            readonly property real space: tile.height - body.y - host.height - body.spacing
                                         - tile.inner - (after.visible ? after.height + Theme.px(8) : 0)
            width: parent.width
            wrapMode: Text.Wrap
            elide: Text.ElideRight
            maximumLineCount: Math.max(1, Math.floor(space / (tile.topicSize * 1.17)))
            textFormat: Text.PlainText
            color: tile.mainTopic !== "" ? Theme.ink : Theme.inkMuted
            lineHeight: 0.95
            font: Theme.font(tile.topicSize, Font.Bold)
            text: tile.mainTopic !== "" ? tile.mainTopic : tile.room.blockedReason
        }
        Text {
            id: host
            width: parent.width
            elide: Text.ElideRight
            textFormat: Text.PlainText
            color: Theme.inkMuted
            font: Theme.font(tile.hostSize, Font.Medium)
            text: tile.mainTopic !== "" ? tile.mainHost : qsTr("until %1").arg(tile.room.blockedUntil)
        }
    }

    Item {
        id: after
        visible: tile.afterText !== ""
        anchors { left: parent.left; right: parent.right; bottom: parent.bottom; margins: tile.inner }
        height: afterLabel.implicitHeight + Theme.px(14)

        Rectangle {
            anchors { left: parent.left; right: parent.right; top: parent.top }
            height: Math.max(1, Theme.px(2))
            color: Theme.gridLine
        }
        Text {
            id: afterLabel
            anchors { left: parent.left; right: parent.right; bottom: parent.bottom }
            elide: Text.ElideRight
            textFormat: Text.PlainText
            // Invitations in the accent colour, like the free tiles; facts in ink.
            color: tile.invites ? Theme.accent : (tile.blocked ? Theme.inkMuted : Theme.ink)
            font: Theme.font(tile.hostSize, Font.DemiBold)
            text: tile.afterText
        }
    }
}


import QtQuick
import Kiosk

// The attract screen's last tile: the rooms that did not get a tile of their own, by name; when all of them
// are free, an invitation to host.
Rectangle {
    id: rest

    property var rooms: []
    readonly property bool allFree: rooms.every(room => room.free)

    objectName: "nowNextRest"
    radius: Theme.radius * 1.5
    color: allFree ? Theme.accentSoft : "transparent"
    border { width: allFree ? 0 : Theme.px(3); color: Theme.frameMuted }

    Column {
        anchors { left: parent.left; right: parent.right; verticalCenter: parent.verticalCenter; margins: Theme.px(26) }
        spacing: Theme.px(8)

        Text {
            width: parent.width
            wrapMode: Text.Wrap
            maximumLineCount: 2
            elide: Text.ElideRight
            textFormat: Text.PlainText
            color: rest.allFree ? Theme.accent : Theme.frameText
            font: Theme.font(Math.round(Math.min(Theme.px(46), rest.height * 0.15)), Font.Bold)
            text: rest.allFree ? qsTr("Free — add yours") : qsTr("+%1 more rooms").arg(rest.rooms.length)
        }
        // Non-breaking spaces keep "Room 155A" on one line when the list wraps.
        Text {
            width: parent.width
            wrapMode: Text.Wrap
            maximumLineCount: 3
            elide: Text.ElideRight
            textFormat: Text.PlainText
            color: rest.allFree ? Theme.accent : Theme.frameMuted
            font: Theme.font(Math.round(Math.min(Theme.px(27), rest.height * 0.095)), Font.Medium)
            text: (rest.allFree ? qsTr("%1 rooms: %2").arg(rest.rooms.length) : qsTr("On the board: %1"))
                  .arg(rest.rooms.map(room => room.roomName.replace(/ /g, "\u00a0")).join(" · "))
        }
    }
}

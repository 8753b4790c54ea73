pragma ComponentBehavior: Bound
import QtQuick
import Kiosk

// The attract screen: while nobody is at the kiosk, what is on now and next in every room, in type big enough
// to read from across the hall; tomorrow's first sessions in the evening; a thank-you once it is all over.
// Any touch hands the screen back to the board (Main keeps the board disabled while this is shown).
Rectangle {
    id: screen
    objectName: "nowNext"

    required property KioskAttract attract

    readonly property bool portrait: height > width
    readonly property bool over: attract.mode === KioskAttract.Over
    readonly property bool live: attract.mode === KioskAttract.Live
    // A slot is running: tiles carry a last line (what follows, or "free now") and the headline pulses.
    readonly property bool underWay: attract.underWay
    readonly property int margin: Theme.px(44)

    visible: attract.shown
    enabled: attract.shown
    color: Theme.frame

    // The one full-window touch target the kiosk has, on purpose: this overlay exists only while nobody is
    // using the board, and any touch anywhere means "show me the board". It lives on the overlay, not the
    // window, and is disabled with it. WithinBounds takes the exclusive grab on press, so the board underneath
    // never sees this touch; with no long-press threshold a slow touch or a swipe still counts.
    TapHandler {
        gesturePolicy: TapHandler.WithinBounds
        longPressThreshold: 0
        onTapped: screen.attract.dismiss()
    }

    // --- header: event, headline, clock ------------------------------------------------------------------------
    Item {
        id: header
        anchors { left: parent.left; right: parent.right; top: parent.top; margins: screen.margin }
        height: Math.max(titles.implicitHeight, clock.implicitHeight)

        Column {
            id: titles
            anchors { left: parent.left; right: clock.left; rightMargin: Theme.pad * 2 }

            Text {
                width: parent.width
                elide: Text.ElideRight
                textFormat: Text.PlainText
                color: Theme.frameMuted
                font: Theme.font(Theme.px(28), Font.DemiBold)
                text: qsTr("%1 · Open Spaces").arg(screen.attract.eventName)
            }
            Row {
                width: parent.width
                spacing: Theme.px(16)
                visible: !screen.over

                // A slow pulse beside "Happening now": the one moving thing, to catch an eye across the hall.
                Rectangle {
                    id: liveDot
                    visible: screen.underWay
                    anchors.verticalCenter: parent.verticalCenter
                    width: Theme.px(22)
                    height: width
                    radius: width / 2
                    color: Theme.now
                    SequentialAnimation on opacity {
                        running: screen.visible && liveDot.visible
                        loops: Animation.Infinite
                        NumberAnimation { to: 0.25; duration: 1400; easing.type: Easing.InOutSine }
                        NumberAnimation { to: 1.0; duration: 1400; easing.type: Easing.InOutSine }
                    }
                }
                Text {
                    objectName: "nowNextHeadline"
                    width: parent.width - (liveDot.visible ? liveDot.width + parent.spacing : 0)
                    wrapMode: Text.Wrap
                    maximumLineCount: 2
                    elide: Text.ElideRight
                    textFormat: Text.PlainText
                    color: Theme.frameText
                    font: Theme.font(Theme.px(screen.portrait ? 54 : 62), Font.Bold)
                    text: screen.attract.headline
                }
            }
            Text {
                visible: !screen.over
                width: parent.width
                elide: Text.ElideRight
                textFormat: Text.PlainText
                color: Theme.frameMuted
                font: Theme.font(Theme.px(28), Font.Medium)
                text: screen.attract.subline
            }
        }

        Text {
            id: clock
            anchors { right: parent.right; verticalCenter: parent.verticalCenter }
            textFormat: Text.PlainText
            color: Theme.frameText
            font: Theme.figures(Theme.px(screen.portrait ? 88 : 104), Font.DemiBold)
            text: screen.attract.clockText
        }
    }

    // --- the rooms -----------------------------------------------------------------------------------------------
    Item {
        id: area
        visible: !screen.over
        anchors {
            left: parent.left; right: parent.right; top: header.bottom; bottom: footer.top
            leftMargin: screen.margin; rightMargin: screen.margin; topMargin: Theme.px(32); bottomMargin: Theme.px(28)
        }

        readonly property var rooms: screen.attract.rooms
        readonly property int count: rooms.length
        readonly property int gap: Theme.px(20)
        // The smallest tile that keeps a two-line topic readable from a few metres, with room for the last line
        // while a slot is running. Rather than shrink the type, rooms that do not fit share the last tile.
        readonly property int minTileHeight: Theme.px(screen.underWay ? 290 : 230)
        readonly property int maxRows: Math.max(1, Math.floor((height + gap) / (minTileHeight + gap)))
        // When the rooms with sessions would not all get a tile, a fourth column (landscape) beats hiding one.
        readonly property int maxColumns: !screen.portrait && sessionRooms >= columnsFor(count) * maxRows
                                          ? 4 : columnsFor(count)
        readonly property int capacity: Math.max(2, maxColumns * maxRows)
        readonly property bool crowded: count > capacity
        readonly property int sessionRooms: rooms.filter(room => !room.free).length
        // Rooms come with sessions first, so what is cut (free rooms first) matters least to a passer-by.
        readonly property int tileCount: crowded ? Math.min(sessionRooms, capacity - 1) : count
        readonly property var rest: rooms.slice(tileCount)
        readonly property int cells: tileCount + (rest.length > 0 ? 1 : 0)
        readonly property int columns: Math.max(columnsFor(cells), Math.ceil(cells / maxRows))
        readonly property int rows: Math.max(1, Math.ceil(cells / columns))
        readonly property real tileWidth: (width - (columns - 1) * gap) / columns
        readonly property real tileHeight: Math.min((height - (rows - 1) * gap) / rows, Theme.px(420))

        function columnsFor(n: int): int {
            if (screen.portrait)
                return n <= 3 ? 1 : 2;
            return n <= 1 ? 1 : n <= 4 ? 2 : 3;
        }

        Grid {
            anchors.centerIn: parent
            columns: area.columns
            spacing: area.gap

            Repeater {
                model: area.rooms.slice(0, area.tileCount)
                delegate: RoomTile {
                    width: area.tileWidth
                    height: area.tileHeight
                }
            }

            RestTile {
                visible: area.rest.length > 0
                rooms: area.rest
                width: area.tileWidth
                height: area.tileHeight
            }
        }
    }

    // --- after the conference ------------------------------------------------------------------------------------
    Column {
        objectName: "nowNextThanks"
        visible: screen.over
        anchors { left: parent.left; right: parent.right; verticalCenter: parent.verticalCenter; margins: screen.margin }

        Text {
            width: parent.width
            horizontalAlignment: Text.AlignHCenter
            textFormat: Text.PlainText
            color: Theme.frameText
            font: Theme.font(Theme.px(112), Font.Bold)
            text: screen.attract.headline
        }
        Text {
            objectName: "sessionsHeld"
            visible: screen.attract.sessionsHeld > 0
            width: parent.width
            horizontalAlignment: Text.AlignHCenter
            textFormat: Text.PlainText
            color: Theme.card
            font: Theme.figures(Theme.px(280), Font.Bold)
            text: String(screen.attract.sessionsHeld)
        }
        Text {
            width: parent.width
            horizontalAlignment: Text.AlignHCenter
            wrapMode: Text.Wrap
            textFormat: Text.PlainText
            color: Theme.frameMuted
            font: Theme.font(Theme.px(44), Font.Medium)
            text: screen.attract.subline
        }
    }

    // --- footer --------------------------------------------------------------------------------------------------
    Text {
        id: footer
        anchors { left: parent.left; right: parent.right; bottom: parent.bottom; margins: screen.margin }
        horizontalAlignment: Text.AlignHCenter
        elide: Text.ElideRight
        textFormat: Text.PlainText
        color: Theme.frameMuted
        font: Theme.font(Theme.px(30), Font.Medium)
        text: qsTr("Touch anywhere to see the whole board · %1").arg(screen.attract.hashtag)
    }

    // One room: its name, the session under way (or the next one) in big type, and what follows.
    component RoomTile: Rectangle {
        id: tile

        required property var modelData
        readonly property var room: modelData
        readonly property bool hasNow: room.nowTopic !== ""
        readonly property bool blocked: room.blockedReason !== ""
        // The big line: what is on now; else the next (in the evening, tomorrow's first) session; else the block.
        readonly property string mainTopic: hasNow ? room.nowTopic : room.nextTopic
        readonly property string mainHost: hasNow ? room.nowHost : room.nextHost
        // The last line, live only: what follows, or an invitation when the room is (or will be) open.
        readonly property bool invites: screen.live && !blocked && (hasNow ? room.nextTopic === "" : room.openNow)
        readonly property string afterText: {
            if (!screen.live || room.free)
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
        readonly property int topicSize: Math.round(Math.min(Theme.px(52), height * (screen.underWay ? 0.145 : 0.175)))
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
                          : screen.live ? qsTr("Next %1").arg(tile.room.nextTime)
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

    // The rooms that did not get a tile of their own, by name: all free ones invite a host.
    component RestTile: Rectangle {
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
}

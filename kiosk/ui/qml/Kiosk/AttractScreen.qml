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
        objectName: "nowNextRooms"
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
        // Crowded: the rooms with sessions get tiles, a page at a time, turning every `pageSeconds` while the
        // screen waits, so every room comes round; the free rooms share the last tile on every page.
        readonly property int perPage: Math.max(1, capacity - 1)
        readonly property int pageCount: crowded ? Math.max(1, Math.ceil(sessionRooms / perPage)) : 1
        property int page: 0
        property real pageSeconds: 8
        readonly property int shownPage: page % pageCount
        readonly property var tiles: crowded
                                     ? rooms.filter(room => !room.free).slice(shownPage * perPage, (shownPage + 1) * perPage)
                                     : rooms
        readonly property int tileCount: tiles.length
        readonly property var rest: crowded ? rooms.filter(room => room.free) : []
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
                model: area.tiles
                delegate: AttractRoomTile {
                    live: screen.live
                    underWay: screen.underWay
                    width: area.tileWidth
                    height: area.tileHeight
                }
            }

            AttractRestTile {
                visible: area.rest.length > 0
                rooms: area.rest
                width: area.tileWidth
                height: area.tileHeight
            }
        }

        Timer {
            interval: area.pageSeconds * 1000
            repeat: true
            running: screen.visible && area.visible && area.pageCount > 1
            onTriggered: area.page = (area.page + 1) % area.pageCount
        }

        Text {
            objectName: "nowNextPage"
            visible: area.pageCount > 1
            anchors { horizontalCenter: parent.horizontalCenter; top: parent.bottom; topMargin: Theme.px(2) }
            color: Theme.frameMuted
            font: Theme.font(Theme.smallSize + Theme.px(4), Font.DemiBold)
            text: qsTr("Page %1 of %2 · the rooms turn every few seconds").arg(area.shownPage + 1).arg(area.pageCount)
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
}

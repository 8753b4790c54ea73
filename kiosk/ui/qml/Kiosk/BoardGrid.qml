pragma ComponentBehavior: Bound
import QtQuick
import Kiosk

// Rooms across, hours down. Both headers follow the grid as it flicks; a TableView creates only the
// cells in view, so a 40-room board costs what a 9-room one does.
Rectangle {
    id: grid

    required property KioskBoard board

    readonly property int roomCount: grid.board.rooms.length
    readonly property int hourCount: grid.board.hours.length
    // Every room in view when they fit; otherwise pages of whole columns, with a "more rooms" strip at the right
    // edge that anyone can see and tap (flicking still works for those who know).
    readonly property bool roomsPaged: roomCount * Theme.minColumnWidth > width - Theme.hourColumnWidth
    readonly property real roomArea: width - Theme.hourColumnWidth - (roomsPaged ? Theme.minTouch + Theme.gap : 0)
    readonly property int columnsInView: Math.max(1, Math.min(roomCount, Math.floor(roomArea / Theme.minColumnWidth)))
    readonly property real columnWidth: Math.max(Theme.minColumnWidth, Math.floor(roomArea / columnsInView))
    readonly property int firstColumn: Math.round(table.contentX / columnWidth)
    readonly property int roomsBefore: Math.max(0, firstColumn)
    readonly property int roomsAfter: Math.max(0, roomCount - firstColumn - columnsInView)
    // Fill the height when the day fits, but never stretch a card past twice its natural height. Slots shorter
    // than an hour get lower rows (down to half, never under a touch target), so a 15-minute grid shows four hours
    // at 1080p rather than two; a one-line topic and its host still fit.
    readonly property real minRowHeight: Math.max(Theme.minTouch,
                                                  Theme.minRowHeight * Math.min(1, Math.max(0.5, grid.board.slotMinutes / 60)))
    readonly property real rowHeight: Math.min(minRowHeight * 2,
                                               Math.max(minRowHeight,
                                                        Math.floor((height - Theme.roomHeaderHeight) / Math.max(1, hourCount))))

    // The row to bring into view once the table knows its size (at start-up it does not yet).
    property int pendingRow: -1

    function showRow(row: int): void {
        if (row < 0 || hourCount === 0)
            return;
        pendingRow = row;
        applyPendingRow();
    }

    function applyPendingRow(): void {
        if (pendingRow < 0 || table.contentHeight <= 0 || table.height <= 0)
            return;
        const target = Math.min(pendingRow * rowHeight - rowHeight * 0.25, table.contentHeight - table.height);
        table.contentY = Math.max(0, target);
        pendingRow = -1;
    }

    // The next or previous page of rooms, whole columns at a time.
    function pageRooms(direction: int): void {
        const first = Math.max(0, Math.min(roomCount - columnsInView, firstColumn + direction * columnsInView));
        roomScroll.to = first * columnWidth;
        roomScroll.restart();
    }

    NumberAnimation {
        id: roomScroll
        target: table
        property: "contentX"
        duration: 250
        easing.type: Easing.OutCubic
    }

    // Scroll a cell into view: tests and the "nearest free slot" list use this before looking for it.
    function revealCell(row: int, column: int): void {
        table.positionViewAtCell(Qt.point(column, row), TableView.Contain);
        table.forceLayout();
    }

    color: Theme.paper
    // Deferred: the sizes change while TableView is itself laying out (first show, window resize).
    onColumnWidthChanged: Qt.callLater(table.forceLayout)
    onRowHeightChanged: Qt.callLater(table.forceLayout)

    // Room names across the top.
    ListView {
        id: roomHeader
        anchors { left: parent.left; leftMargin: Theme.hourColumnWidth; right: roomPager.left; top: parent.top }
        height: Theme.roomHeaderHeight
        orientation: ListView.Horizontal
        interactive: false
        clip: true
        contentX: table.contentX
        model: grid.board.rooms

        delegate: Item {
            id: roomCell

            required property var modelData

            width: grid.columnWidth
            height: roomHeader.height

            Column {
                anchors { left: parent.left; right: parent.right; margins: Theme.gap; verticalCenter: parent.verticalCenter }
                // A long room name takes a second line ("Kongresový sál" over "Terrace 2B (Open Air)").
                Text {
                    objectName: "roomName"
                    width: parent.width
                    horizontalAlignment: Text.AlignHCenter
                    wrapMode: Text.Wrap
                    maximumLineCount: 2
                    lineHeight: 0.9
                    elide: Text.ElideRight
                    textFormat: Text.PlainText
                    color: Theme.ink
                    font: Theme.font(Theme.roomSize, Font.Bold)
                    text: roomCell.modelData.name
                }
                Text {
                    width: parent.width
                    visible: text !== ""
                    horizontalAlignment: Text.AlignHCenter
                    elide: Text.ElideRight
                    textFormat: Text.PlainText
                    color: Theme.inkMuted
                    font: Theme.font(Theme.roomNoteSize, Font.Normal)
                    text: roomCell.modelData.note
                }
            }
        }
    }

    // Hours down the left.
    ListView {
        id: hourColumn
        anchors { left: parent.left; top: roomHeader.bottom; bottom: parent.bottom }
        width: Theme.hourColumnWidth
        interactive: false
        clip: true
        contentY: table.contentY
        model: grid.board.hours

        delegate: Item {
            id: hourCell

            required property int index
            required property string modelData
            readonly property bool current: index === grid.board.nowRow

            width: hourColumn.width
            height: grid.rowHeight

            Rectangle {
                anchors { top: parent.top; topMargin: Theme.gap; horizontalCenter: parent.horizontalCenter }
                width: hourLabel.implicitWidth + Theme.pad
                height: hourLabel.implicitHeight + Theme.px(6)
                radius: height / 2
                color: hourCell.current ? Theme.now : "transparent"
            }
            Text {
                id: hourLabel
                anchors { top: parent.top; topMargin: Theme.gap + Theme.px(3); horizontalCenter: parent.horizontalCenter }
                color: hourCell.current ? "white" : Theme.ink
                font: Theme.figures(Theme.hourSize, Font.DemiBold)
                text: hourCell.modelData
            }
        }
    }

    TableView {
        id: table
        objectName: "board"
        anchors { left: hourColumn.right; right: roomPager.left; top: roomHeader.bottom; bottom: parent.bottom }
        clip: true
        boundsBehavior: Flickable.StopAtBounds
        flickDeceleration: 2500
        reuseItems: true
        model: grid.board.slots
        onContentHeightChanged: grid.applyPendingRow()
        onHeightChanged: grid.applyPendingRow()
        columnWidthProvider: function(column) { return grid.columnWidth; }
        rowHeightProvider: function(row) { return grid.rowHeight; }

        delegate: SlotCell {
            onTapped: (row, column) => grid.board.tapSlot(row, column)
        }

        // The band behind the hour under way, and the line at this minute.
        Rectangle {
            z: -1
            visible: grid.board.nowRow >= 0
            x: 0
            y: grid.board.nowRow * grid.rowHeight
            width: table.contentWidth
            height: grid.rowHeight
            color: Theme.nowSoft
        }
        // Behind the cards: it shows in the gaps between them and never strikes through what people wrote.
        Rectangle {
            id: nowLine
            objectName: "nowLine"
            z: -0.5
            visible: grid.board.nowRow >= 0
            x: 0
            y: (grid.board.nowRow + grid.board.nowFraction) * grid.rowHeight - height / 2
            width: table.contentWidth
            height: Math.max(2, Theme.px(4))
            color: Theme.now
        }
    }

    // The now-line's knob sits in the hour column so it stays visible whichever room is in view.
    Rectangle {
        visible: grid.board.nowRow >= 0
        x: Theme.hourColumnWidth - width / 2
        y: roomHeader.height + nowLine.y - table.contentY + nowLine.height / 2 - height / 2
        width: Theme.px(16)
        height: width
        radius: width / 2
        color: Theme.now
    }

    Rectangle {
        anchors { left: parent.left; right: parent.right; top: roomHeader.bottom }
        height: 1
        color: Theme.gridLine
    }

    // Which rooms are in view, and the way back, in the corner above the hours.
    Item {
        objectName: "roomPage"
        visible: grid.roomsPaged
        anchors { left: parent.left; top: parent.top }
        width: Theme.hourColumnWidth
        height: Theme.roomHeaderHeight

        Text {
            anchors { left: parent.left; right: parent.right; top: parent.top; topMargin: Theme.px(6) }
            horizontalAlignment: Text.AlignHCenter
            color: Theme.inkMuted
            font: Theme.font(Theme.roomNoteSize, Font.DemiBold)
            text: qsTr("Rooms %1–%2\nof %3").arg(grid.firstColumn + 1)
                                              .arg(Math.min(grid.roomCount, grid.firstColumn + grid.columnsInView))
                                              .arg(grid.roomCount)
        }
        Rectangle {
            objectName: "fewerRooms"
            visible: grid.roomsBefore > 0
            anchors { horizontalCenter: parent.horizontalCenter; bottom: parent.bottom; bottomMargin: Theme.px(4) }
            width: Theme.hourColumnWidth - Theme.gap * 2
            height: Math.min(Theme.minTouch, Theme.roomHeaderHeight / 2)
            radius: height / 2
            color: backTap.pressed ? Theme.accentSoft : Theme.free
            border { width: 1; color: Theme.accent }
            Text {
                anchors.centerIn: parent
                color: Theme.accent
                font: Theme.font(Theme.roomNoteSize, Font.Bold)
                text: qsTr("‹ back")
            }
            KioskTap {
                id: backTap
                onTapped: grid.pageRooms(-1)
            }
        }
    }

    // More rooms to the right: a strip down the whole edge with the count and an arrow, for someone who has never
    // used the kiosk (a half column at the edge is too quiet a hint).
    Rectangle {
        id: roomPager
        objectName: "moreRooms"
        visible: grid.roomsPaged
        enabled: grid.roomsAfter > 0
        anchors { right: parent.right; top: parent.top; bottom: parent.bottom }
        width: grid.roomsPaged ? Theme.minTouch + Theme.gap : 0
        color: !enabled ? Theme.paper : (moreTap.pressed ? Qt.darker(Theme.accent, 1.2) : Theme.accent)

        Column {
            anchors.centerIn: parent
            spacing: Theme.gap
            visible: roomPager.enabled
            Text {
                anchors.horizontalCenter: parent.horizontalCenter
                color: "white"
                font: Theme.font(Theme.roomSize, Font.Bold)
                text: "+" + grid.roomsAfter
            }
            Text {
                anchors.horizontalCenter: parent.horizontalCenter
                color: "white"
                font: Theme.font(Theme.titleSize * 1.4, Font.Bold)
                text: "›"
            }
            Text {
                anchors.horizontalCenter: parent.horizontalCenter
                color: "white"
                font: Theme.font(Theme.roomNoteSize, Font.DemiBold)
                text: qsTr("rooms")
            }
        }
        KioskTap {
            id: moreTap
            onTapped: grid.pageRooms(1)
        }
    }
}

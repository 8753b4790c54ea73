import QtQuick
import Kiosk

// The kiosk window: header with clock and day tabs, the day's grid, and the sheets that open from it.
Window {
    id: root

    required property KioskBoard board

    title: root.board.eventName + " — Open Spaces"
    color: Theme.frame
    width: 1920
    height: 1080

    // 1.0 at a 1080-pixel short side: the same board at 720p, 1080p, 4K and in portrait.
    Binding {
        target: Theme
        property: "scale"
        value: Math.max(0.6, Math.min(root.width, root.height) / 1080)
    }
    Binding {
        target: Theme
        property: "pixelDensity"
        value: root.screen ? root.screen.pixelDensity : 3.78
    }

    function showSlot(info: var): void {
        if (info.state === "booked")
            detailSheet.show(info);
        else if (info.state === "free")
            freeSheet.show(info);
    }

    BoardHeader {
        id: header
        board: root.board
        anchors { left: parent.left; right: parent.right; top: parent.top }
        height: implicitHeight
    }

    BoardGrid {
        id: grid
        objectName: "boardGrid"
        board: root.board
        anchors { left: parent.left; right: parent.right; top: header.bottom; bottom: footer.top }
        onSlotTapped: (row, column) => root.showSlot(root.board.describeSlot(row, column))
    }

    Rectangle {
        id: footer
        anchors { left: parent.left; right: parent.right; bottom: parent.bottom }
        height: Theme.footerHeight
        color: Theme.frame

        Text {
            anchors.centerIn: parent
            width: parent.width - 2 * Theme.pad
            horizontalAlignment: Text.AlignHCenter
            elide: Text.ElideRight
            color: Theme.frameMuted
            font { family: Theme.fontFamily; pixelSize: Theme.smallSize + Theme.px(2) }
            text: root.board.message !== ""
                  ? root.board.message
                  : qsTr("Tap a free slot to host an Open Space · promote it with %1").arg(root.board.hashtag)
        }
    }

    CardDetailSheet {
        id: detailSheet
    }

    FreeSlotSheet {
        id: freeSheet
    }

    Connections {
        target: root.board
        function onHomeRequested(): void {
            detailSheet.close();
            freeSheet.close();
            grid.showRow(root.board.focusRow);
        }
    }

    Component.onCompleted: grid.showRow(root.board.focusRow)
}

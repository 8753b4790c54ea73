import QtQuick
import QtQuick.VirtualKeyboard
import Kiosk

// The kiosk window: header with clock and day tabs, the day's grid, and the sheets that open from it.
Window {
    id: root

    required property KioskBoard board
    required property KioskCardForm form
    required property KioskWishList wishList
    required property KioskAttract attract

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
        if (info.state === "booked") {
            detailSheet.show(info);
        } else if (info.state === "free") {
            root.form.startAdd(info.roomKey, info.startsAt);
        }
    }

    // While the host's form is up, nothing behind it reacts to a touch (pointer handlers do not stop
    // a tap from reaching items underneath; disabled items never see it).
    readonly property bool boardInteractive: !root.form.isOpen && !root.attract.shown

    BoardHeader {
        id: header
        enabled: root.boardInteractive
        board: root.board
        anchors { left: parent.left; right: parent.right; top: parent.top }
        height: implicitHeight
    }

    BoardGrid {
        id: grid
        objectName: "boardGrid"
        visible: root.board.page === "board"
        enabled: root.boardInteractive
        board: root.board
        anchors { left: parent.left; right: parent.right; top: header.bottom; bottom: footer.top }
        onSlotTapped: (row, column) => root.showSlot(root.board.describeSlot(row, column))
    }

    WishListPage {
        wishList: root.wishList
        visible: root.board.page === "wishlist"
        enabled: root.boardInteractive
        anchors { left: parent.left; right: parent.right; top: header.bottom; bottom: footer.top }
        keyboardHeight: inputPanel.active ? inputPanel.height : 0
        onHostRequested: (ideaId, topic) => {
            root.form.beginHostingIdea(ideaId, topic);
            root.board.showBoard();
        }
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
                  : root.board.page === "wishlist"
                    ? qsTr("Wish for a topic, +1 the ones you'd attend, or host one yourself · %1").arg(root.board.hashtag)
                    : qsTr("Tap a free slot to host an Open Space · promote it with %1").arg(root.board.hashtag)
        }
    }

    // "Host this" from the wish list: a reminder of what is being placed until a free slot is tapped.
    Rectangle {
        objectName: "ideaBanner"
        visible: root.form.ideaTopic !== "" && !root.form.isOpen && root.board.page === "board"
        anchors { horizontalCenter: parent.horizontalCenter; bottom: footer.top; bottomMargin: Theme.pad }
        width: Math.min(parent.width - Theme.pad * 4, bannerRow.implicitWidth + Theme.pad * 3)
        height: bannerRow.implicitHeight + Theme.pad
        radius: Theme.radius
        color: Theme.frame
        z: 20
        Row {
            id: bannerRow
            anchors.centerIn: parent
            spacing: Theme.pad
            Text {
                anchors.verticalCenter: parent.verticalCenter
                width: Math.min(implicitWidth, root.width * 0.6)
                elide: Text.ElideRight
                textFormat: Text.PlainText
                color: Theme.frameText
                font { family: Theme.fontFamily; pixelSize: Theme.bodySize; weight: Font.DemiBold }
                text: qsTr("Tap a free slot to host “%1”").arg(root.form.ideaTopic)
            }
            TouchButton {
                primary: false
                inverted: true
                text: qsTr("Not now")
                onClicked: root.form.stopHostingIdea()
            }
        }
    }

    CardDetailSheet {
        id: detailSheet
        form: root.form
    }

    AddCardSheet {
        id: addCard
        form: root.form
        anchors.fill: parent
        z: 50
        keyboardHeight: inputPanel.active ? inputPanel.height : 0
    }

    // The on-screen keyboard, inside the window; it slides up under whatever field has focus.
    InputPanel {
        id: inputPanel
        objectName: "inputPanel"
        z: 100
        width: Math.min(parent.width, Theme.px(1600))
        x: (parent.width - width) / 2
        y: parent.height
        visible: y < parent.height
        // Animate only showing and hiding: a window resize must not leave the panel mid-slide over the board.
        states: State {
            name: "shown"
            when: inputPanel.active
            PropertyChanges { inputPanel.y: root.contentItem.height - inputPanel.height }
        }
        transitions: Transition {
            from: ""
            to: "shown"
            reversible: true
            NumberAnimation { property: "y"; duration: 160; easing.type: Easing.OutCubic }
        }
    }

    Connections {
        target: root.board
        function onHomeRequested(): void {
            detailSheet.close();
            root.form.close();
            root.form.stopHostingIdea();
            grid.showRow(root.board.focusRow);
        }
    }

    // After the idle time: what is on now and next, in big type, until someone touches the screen.
    AttractScreen {
        attract: root.attract
        anchors.fill: parent
        z: 200
    }

    // Staff with a keyboard can leave the fullscreen kiosk; there is no on-screen way out by design.
    Shortcut {
        sequence: "Ctrl+Q"
        context: Qt.ApplicationShortcut
        onActivated: Qt.quit()
    }

    // Scroll to the hour under way once the grid has been laid out and drawn: TableView settles its first
    // layout only then, and would undo an earlier scroll.
    property bool boardPlaced: false
    onFrameSwapped: {
        if (!boardPlaced) {
            boardPlaced = true;
            grid.showRow(root.board.focusRow);
        }
    }
}

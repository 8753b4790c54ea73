pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.VirtualKeyboard
import QtQuick.VirtualKeyboard.Settings
import Kiosk

// The kiosk window: header with clock and day tabs, the day's grid or the wish list, and the overlays above
// them. Which page shows and which overlay is up is the router's to say; the page takes taps only while no
// overlay is up, so a touch meant for a sheet never reaches the board beneath it.
Window {
    id: root

    required property KioskChangeFeed feed
    required property KioskRouter router
    required property KioskClock kioskClock
    required property KioskBoard board
    required property KioskCardDetail detail
    required property KioskCardForm form
    required property KioskWishList wishList
    required property KioskIdeaForm ideaForm
    required property KioskAttract attract
    required property KioskStaff staff
    required property KioskStaffCards staffCards
    required property KioskStaffBlocks staffBlocks
    required property KioskStaffIdeas staffIdeas
    required property KioskStaffAudit staffAudit
    required property KioskStaffImport staffImport
    required property KioskStaffBackups staffBackups
    required property KioskStaffTools staffTools
    required property KioskSync sync
    required property KioskStaffSync staffSync
    required property KioskHealth health
    required property KioskLanguage language

    readonly property bool showingBoard: root.router.page === KioskRouter.Board
    readonly property real keyboardHeight: inputPanel.active ? inputPanel.height : 0

    title: qsTr("%1 — Open Spaces").arg(root.board.eventName)
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

    // Everything under the overlays. Disabled items never see a touch, so nothing here reacts while a sheet,
    // a form or the attract screen is up (pointer handlers alone would let a release through).
    Item {
        id: page
        anchors.fill: parent
        enabled: root.router.pageTakesInput

        BoardHeader {
            id: header
            board: root.board
            router: root.router
            sync: root.sync
            anchors { left: parent.left; right: parent.right; top: parent.top }
            height: implicitHeight
            onStaffRequested: root.staff.requestEntry()
        }

        BoardGrid {
            id: grid
            objectName: "boardGrid"
            visible: root.showingBoard
            board: root.board
            anchors { left: parent.left; right: parent.right; top: header.bottom; bottom: footer.top }
        }

        WishListPage {
            visible: !root.showingBoard
            wishList: root.wishList
            ideaForm: root.ideaForm
            anchors { left: parent.left; right: parent.right; top: header.bottom; bottom: footer.top }
        }

        Footer {
            id: footer
            anchors { left: parent.left; right: parent.right; bottom: parent.bottom }
            text: root.feed.problem !== ""
                  ? root.feed.problem
                  : root.showingBoard
                    ? qsTr("Tap a free slot to host an Open Space · promote it with %1").arg(root.board.hashtag)
                    : qsTr("Wish for a topic, +1 the ones you'd attend, or host one yourself · %1").arg(root.board.hashtag)
        }

        // The event's name was held, but no staff PIN is set: say how to set one.
        Rectangle {
            objectName: "staffEntryHint"
            visible: root.staff.entryHint !== ""
            anchors { horizontalCenter: parent.horizontalCenter; top: header.bottom; topMargin: Theme.pad }
            width: Math.min(parent.width - Theme.pad * 4, hintText.implicitWidth + Theme.pad * 3)
            height: hintText.implicitHeight + Theme.pad * 1.5
            radius: Theme.radius
            color: Theme.frame
            z: 30
            Text {
                id: hintText
                anchors.centerIn: parent
                width: Math.min(implicitWidth, parent.width - Theme.pad * 2)
                wrapMode: Text.Wrap
                color: Theme.frameText
                font: Theme.font(Theme.bodySize, Font.DemiBold)
                text: root.staff.entryHint
            }
        }

        // What the start-up did to a damaged board, for staff; it stays until someone taps it away.
        HealthNotice {
            health: root.health
            anchors { horizontalCenter: parent.horizontalCenter; top: header.bottom; topMargin: Theme.pad }
            width: Math.min(parent.width - Theme.pad * 4, Theme.px(1400))
        }

        // "Host this" from the wish list: a reminder of what is being placed until a free slot is tapped.
        IdeaBanner {
            visible: root.form.ideaTopic !== "" && root.showingBoard
            form: root.form
            anchors { horizontalCenter: parent.horizontalCenter; bottom: footer.top; bottomMargin: Theme.pad }
            maxTextWidth: root.width * 0.6
        }
    }

    CardDetailSheet {
        detail: root.detail
        router: root.router
    }

    CardFormSheet {
        form: root.form
        anchors.fill: parent
        keyboardHeight: root.keyboardHeight
    }

    IdeaFormSheet {
        ideaForm: root.ideaForm
        anchors.fill: parent
        keyboardHeight: root.keyboardHeight
    }

    // The staff panel and the attract screen are built when they open and dropped when they close: neither is
    // needed for the board's first frame (about a fifth of the window's objects), and a kiosk spends most of its
    // day without either.
    Loader {
        anchors.fill: parent
        active: root.staff.isOpen
        sourceComponent: StaffPanel {
            staff: root.staff
            cards: root.staffCards
            blocks: root.staffBlocks
            ideas: root.staffIdeas
            audit: root.staffAudit
            importer: root.staffImport
            backups: root.staffBackups
            tools: root.staffTools
            sync: root.sync
            syncConflicts: root.staffSync
            kioskClock: root.kioskClock
            keyboardHeight: root.keyboardHeight
        }
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

    // The keyboard's layouts follow the event's language (its own first, then English); the keyboard's language
    // key switches among those. Qt Virtual Keyboard says which layouts it has once it has looked.
    function placeKeyboardLocales(): void {
        const locales = root.language.keyboardLocalesAmong(VirtualKeyboardSettings.availableLocales);
        if (locales.length === 0)
            return;
        VirtualKeyboardSettings.activeLocales = locales;
        VirtualKeyboardSettings.locale = locales[0];
    }
    Connections {
        target: VirtualKeyboardSettings
        function onAvailableLocalesChanged(): void {
            root.placeKeyboardLocales();
        }
    }
    Component.onCompleted: {
        // The keyboard lists only the active locales as available: start from all of them (a kiosk built before
        // this one in the same process, as in the tests, leaves its own choice behind).
        VirtualKeyboardSettings.activeLocales = [];
        root.placeKeyboardLocales();
    }

    Connections {
        target: root.board
        function onFocusRequested(): void {
            grid.showRow(root.board.focusRow);
        }
    }

    // After the idle time: what is on now and next, in big type, until someone touches the screen.
    Loader {
        anchors.fill: parent
        z: 200
        active: root.attract.shown
        sourceComponent: AttractScreen {
            attract: root.attract
        }
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

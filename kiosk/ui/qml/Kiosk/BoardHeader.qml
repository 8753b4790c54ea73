pragma ComponentBehavior: Bound
import QtQuick
import Kiosk

// The event's name, the day tabs and the clock, on the dark frame above the grid.
Rectangle {
    id: header

    required property KioskBoard board
    required property KioskRouter router
    required property KioskSync sync

    // The event's name held for three seconds: the way into staff mode (nothing on screen says so, on purpose).
    signal staffRequested()
    readonly property bool showingBoard: router.page === KioskRouter.Board

    // Portrait and small windows put the day tabs on a row of their own under the title and clock.
    readonly property bool stacked: width < Theme.px(1500)
    readonly property int rowHeight: Theme.headerHeight

    color: Theme.frame
    implicitHeight: stacked ? rowHeight + tabs.height + Theme.pad : rowHeight

    Column {
        id: title
        objectName: "staffEntry"
        anchors { left: parent.left; leftMargin: Theme.pad * 2 }
        y: (header.rowHeight - height) / 2
        width: Math.min(Math.max(eventName.implicitWidth, subtitle.implicitWidth),
                        header.stacked ? header.width - clock.width - Theme.pad * 6
                                       : tabs.x - Theme.pad * 4)
        spacing: Theme.px(2)

        Text {
            id: eventName
            objectName: "eventName"
            width: parent.width
            // A long name ("EuroPython 2025 Open Spaces Prague") shrinks to fit before it is elided.
            fontSizeMode: Text.HorizontalFit
            minimumPixelSize: Theme.tabSize
            elide: Text.ElideRight
            textFormat: Text.PlainText
            color: Theme.frameText
            font: Theme.font(Theme.titleSize, Font.Bold)
            text: header.board.eventName
        }
        Text {
            id: subtitle
            width: parent.width
            elide: Text.ElideRight
            color: Theme.frameMuted
            font: Theme.font(Theme.tabSize, Font.Medium)
            text: qsTr("Open Spaces")
        }

        // Only a long press means something here, so this is a TapHandler of its own rather than a KioskTap.
        TapHandler {
            id: staffHold
            longPressThreshold: 3
            onLongPressed: header.staffRequested()
        }
        // A line that fills while the name is held, so staff know to keep holding; a tap shows nothing.
        Rectangle {
            visible: staffHold.pressed && staffHold.timeHeld > 0.5
            width: parent.width * Math.min(1, staffHold.timeHeld / 3)
            height: Theme.px(4)
            radius: height / 2
            color: Theme.card
        }
    }

    Row {
        id: tabs
        x: header.stacked ? Theme.pad * 2 : (header.width - width) / 2
        y: header.stacked ? header.rowHeight : (header.rowHeight - height) / 2
        spacing: Theme.gap

        Repeater {
            model: header.board.days

            delegate: Rectangle {
                id: tab

                required property int index
                required property var modelData
                readonly property bool selected: index === header.board.dayIndex && header.showingBoard

                objectName: "dayTab-" + index
                width: Math.max(Theme.minTouch, label.implicitWidth + Theme.pad * 2)
                height: Math.max(Theme.minTouch, Theme.px(76))
                radius: Theme.radius
                color: selected ? Theme.paper : "transparent"
                border { width: selected ? 0 : Theme.px(2); color: Theme.frameMuted }

                Column {
                    id: label
                    anchors.centerIn: parent
                    Text {
                        anchors.horizontalCenter: parent.horizontalCenter
                        color: tab.selected ? Theme.frame : Theme.frameText
                        font: Theme.font(Theme.tabSize, Font.Bold)
                        text: tab.modelData.weekday
                    }
                    Text {
                        anchors.horizontalCenter: parent.horizontalCenter
                        color: tab.selected ? Theme.inkMuted : Theme.frameMuted
                        font: Theme.font(Theme.smallSize, Font.Normal)
                        text: tab.modelData.date
                    }
                }

                KioskTap {
                    onTapped: header.board.selectDay(tab.index)
                }
            }
        }

        // Topics people wish someone would host: a tab of its own beside the days.
        Rectangle {
            id: wishTab

            readonly property bool selected: !header.showingBoard

            objectName: "wishListTab"
            width: Math.max(Theme.minTouch, wishLabel.implicitWidth + Theme.pad * 2)
            height: Math.max(Theme.minTouch, Theme.px(76))
            radius: Theme.radius
            color: selected ? Theme.card : "transparent"
            border { width: selected ? 0 : Theme.px(2); color: Theme.cardEdge }

            Column {
                id: wishLabel
                anchors.centerIn: parent
                Text {
                    anchors.horizontalCenter: parent.horizontalCenter
                    color: wishTab.selected ? Theme.frame : Theme.card
                    font: Theme.font(Theme.tabSize, Font.Bold)
                    text: qsTr("Wish list")
                }
                Text {
                    anchors.horizontalCenter: parent.horizontalCenter
                    color: wishTab.selected ? Theme.inkMuted : Theme.frameMuted
                    font: Theme.font(Theme.smallSize, Font.Normal)
                    text: qsTr("ideas to host")
                }
            }

            KioskTap {
                onTapped: header.board.showWishList()
            }
        }
    }

    Column {
        id: clock
        anchors { right: parent.right; rightMargin: Theme.pad * 2 }
        y: (header.rowHeight - height) / 2

        Text {
            objectName: "clock"
            anchors.right: parent.right
            color: Theme.frameText
            font: Theme.figures(Theme.clockSize, Font.DemiBold)
            text: header.board.clockText
        }
        // With a hub: synced, syncing, offline since HH:MM, and conflicts waiting for staff.
        Row {
            objectName: "syncStatus"
            anchors.right: parent.right
            visible: header.sync.enabled
            spacing: Theme.px(8)
            readonly property string text: header.sync.statusText
            Rectangle {
                anchors.verticalCenter: parent.verticalCenter
                width: Theme.px(14)
                height: width
                radius: width / 2
                color: header.sync.state === KioskSync.Offline ? Theme.now
                       : header.sync.conflictCount > 0 ? Theme.card : Theme.ok
            }
            Text {
                color: header.sync.state === KioskSync.Offline || header.sync.conflictCount > 0 ? Theme.card : Theme.frameMuted
                font: Theme.font(Theme.smallSize, Font.DemiBold)
                text: header.sync.statusText
            }
        }
        // Not the real time (the demo's clock, a rehearsal): say so under the clock.
        Text {
            objectName: "clockNote"
            anchors.right: parent.right
            visible: text !== ""
            color: Theme.card
            font: Theme.font(Theme.smallSize, Font.DemiBold)
            text: header.board.clockNote
        }
    }
}

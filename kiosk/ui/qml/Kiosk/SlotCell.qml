pragma ComponentBehavior: Bound
import QtQuick
import Kiosk

// One room-hour: a sticky card, an inviting free slot, a blocked window with its reason, or a past hour.
Item {
    id: cell

    required property int row
    required property int column
    // The automation contract's text for the state; `kind` is the same as a KioskSlotModel enum.
    required property string slotState
    required property int kind
    required property string topic
    required property string host
    required property string handle
    required property string tagColor
    required property string tagLabel
    required property string reason
    required property bool isNow
    required property bool isOver
    required property string roomKey
    required property string hhmm

    signal tapped(int row, int column)

    objectName: "slot-" + roomKey + "-" + hhmm
    implicitWidth: Theme.minColumnWidth
    implicitHeight: Theme.minRowHeight

    readonly property bool booked: kind === KioskSlotModel.Booked
    readonly property bool free: kind === KioskSlotModel.Free
    readonly property bool blocked: kind === KioskSlotModel.Blocked
    readonly property bool past: kind === KioskSlotModel.Past

    // An hour that is over stays readable but steps back.
    opacity: isOver ? 0.45 : 1.0

    // The grid flicks from anywhere, cells included: only watch the press, and let a drag take it over.
    KioskTap {
        enabled: cell.booked || cell.free
        gesturePolicy: TapHandler.DragThreshold
        onTapped: cell.tapped(cell.row, cell.column)
    }

    // Free: a light, outlined invitation.
    Rectangle {
        visible: cell.free
        anchors { fill: parent; margins: Theme.gap }
        radius: Theme.radius
        color: Theme.free
        border { width: Math.max(1, Theme.px(2)); color: Theme.freeEdge }

        Text {
            anchors.centerIn: parent
            color: Theme.accent
            font: Theme.font(Theme.hostSize + Theme.px(2), Font.DemiBold)
            text: qsTr("+ Open Space")
        }
    }

    // Past and empty: nothing to do here any more.
    Rectangle {
        visible: cell.past
        anchors { fill: parent; margins: Theme.gap }
        radius: Theme.radius
        color: "transparent"
        border { width: 1; color: Theme.gridLine }
    }

    // Blocked: hatched, with the reason the room is taken.
    Rectangle {
        visible: cell.blocked
        anchors { fill: parent; margins: Theme.gap }
        radius: Theme.radius
        color: Theme.blocked
        clip: true

        Repeater {
            model: cell.blocked ? Math.ceil((cell.width + cell.height) / Theme.px(22)) : 0
            delegate: Rectangle {
                required property int index
                x: index * Theme.px(22) - cell.height
                y: -cell.height / 2
                width: Theme.px(6)
                height: cell.height * 2.2
                rotation: 45
                transformOrigin: Item.Center
                color: Theme.blockedStripe
                antialiasing: true
            }
        }

        Column {
            anchors { left: parent.left; right: parent.right; verticalCenter: parent.verticalCenter; margins: Theme.pad }
            spacing: Theme.px(2)
            Text {
                width: parent.width
                horizontalAlignment: Text.AlignHCenter
                color: Theme.inkMuted
                font: Theme.spaced(Theme.smallSize, Font.DemiBold, Theme.px(1), Font.AllUppercase)
                text: qsTr("Not available")
            }
            Text {
                width: parent.width
                horizontalAlignment: Text.AlignHCenter
                wrapMode: Text.Wrap
                maximumLineCount: 2
                elide: Text.ElideRight
                textFormat: Text.PlainText
                color: Theme.ink
                font: Theme.font(Theme.hostSize, Font.Normal)
                text: cell.reason
            }
        }
    }

    // Booked: a sticky card.
    // A little larger than a free slot's outline, as paper stuck over it: room for three lines of topic.
    StickyCard {
        visible: cell.booked
        anchors { fill: parent; margins: Theme.px(4) }
        topic: cell.topic
        host: cell.host
        handle: cell.handle
        tagColor: cell.tagColor
        tagLabel: cell.tagLabel
    }
}

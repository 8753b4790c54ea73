pragma ComponentBehavior: Bound
import QtQuick
import Kiosk

// A labelled row of choices, one picked: a room, a day, a time. Big enough for a finger, no dropdowns.
Column {
    id: choices

    property string label
    property var options: []
    property int current: 0
    // objectNames: prefix + "-" + index, for tests and tools.
    property string namePrefix
    signal picked(int index)

    spacing: Theme.gap

    Text {
        color: Theme.ink
        font: Theme.font(Theme.bodySize, Font.DemiBold)
        text: choices.label
    }
    Flow {
        width: choices.width
        spacing: Theme.gap
        Repeater {
            model: choices.options
            delegate: TouchButton {
                required property int index
                required property string modelData
                objectName: choices.namePrefix + "-" + index
                primary: index === choices.current
                text: modelData
                onClicked: choices.picked(index)
            }
        }
    }
}

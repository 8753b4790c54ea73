pragma ComponentBehavior: Bound
import QtQuick
import Kiosk

// The slot was taken or blocked while the host typed: nothing is lost, pick another in one tap.
Rectangle {
    id: conflict

    required property KioskCardForm form
    // The free slots' objectNames: "alternative-0"… while typing, another prefix where the sheet shows a second one.
    property string choicePrefix: "alternative"

    objectName: "slotConflict"
    height: visible ? conflictColumn.height + Theme.pad * 2 : 0
    radius: Theme.radius
    color: Theme.warning
    border { width: Theme.px(2); color: Theme.warningEdge }

    Column {
        id: conflictColumn
        x: Theme.pad
        y: Theme.pad
        width: parent.width - Theme.pad * 2
        spacing: Theme.gap
        Text {
            width: parent.width
            wrapMode: Text.Wrap
            textFormat: Text.PlainText
            color: Theme.ink
            font: Theme.font(Theme.bodySize, Font.DemiBold)
            text: conflict.form.notice + " " + (conflict.form.alternatives.length > 0
                  ? qsTr("Tap a free slot to put your card there:")
                  : qsTr("Every slot is taken; please ask the staff office."))
        }
        Flow {
            width: parent.width
            spacing: Theme.gap
            Repeater {
                model: conflict.form.alternatives
                delegate: TouchButton {
                    required property int index
                    required property string modelData
                    objectName: conflict.choicePrefix + "-" + index
                    text: modelData
                    onClicked: conflict.form.chooseAlternative(index)
                }
            }
        }
    }
}

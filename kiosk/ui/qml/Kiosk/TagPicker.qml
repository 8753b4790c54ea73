pragma ComponentBehavior: Bound
import QtQuick
import Kiosk

// Up to the form's limit of tags, as chips: a colour dot and the name, a tick and a bold edge when picked.
Column {
    id: picker

    required property KioskCardForm form

    spacing: Theme.gap

    Text {
        color: Theme.ink
        font: Theme.font(Theme.bodySize, Font.DemiBold)
        text: qsTr("Tags") + "  " + qsTr("(up to %1)").arg(picker.form.tagsMax)
    }
    Flow {
        width: parent.width
        spacing: Theme.gap
        Repeater {
            model: picker.form.tagOptions
            delegate: Rectangle {
                id: chip
                required property string key
                required property string label
                required property string colour
                required property bool selected
                objectName: "tagChip-" + key
                width: chipLabel.implicitWidth + Theme.pad * 2 + Theme.px(14)
                height: Math.max(Theme.minTouch, chipLabel.implicitHeight + Theme.pad)
                radius: height / 2
                color: selected ? Theme.accentSoft : "white"
                border { width: chip.selected ? Theme.px(3) : Math.max(1, Theme.px(2)); color: chip.selected ? Theme.accent : Theme.freeEdge }
                Rectangle {
                    anchors { left: parent.left; leftMargin: Theme.pad * 0.8; verticalCenter: parent.verticalCenter }
                    width: Theme.px(12); height: width; radius: width / 2
                    color: chip.colour
                }
                Text {
                    id: chipLabel
                    anchors { centerIn: parent; horizontalCenterOffset: Theme.px(8) }
                    color: Theme.ink
                    font: Theme.font(Theme.smallSize + Theme.px(2), chip.selected ? Font.Bold : Font.Medium)
                    text: (chip.selected ? "✓ " : "") + chip.label
                }
                KioskTap { onTapped: picker.form.toggleTag(chip.key) }
            }
        }
    }
    Text {
        visible: picker.form.tagsError !== ""
        color: Theme.danger
        font: Theme.font(Theme.smallSize + Theme.px(2), Font.Normal)
        text: "⚠ " + picker.form.tagsError
    }
}

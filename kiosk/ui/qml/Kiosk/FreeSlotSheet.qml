import QtQuick
import Kiosk

// "This slot is free": what was tapped, and how to claim it.
Sheet {
    id: freeSheet

    objectName: "freeSlotSheet"
    property var info: ({})
    maxWidth: Theme.px(900)

    function show(details: var): void {
        info = details;
        open();
    }

    Column {
        width: parent.width
        spacing: Theme.pad

        Text {
            objectName: "freeSlotTitle"
            width: parent.width - Theme.minTouch
            wrapMode: Text.Wrap
            color: Theme.accent
            font { family: Theme.fontFamily; pixelSize: Theme.sheetTitleSize; weight: Font.Bold }
            text: qsTr("This slot is free")
        }
        Text {
            width: parent.width
            wrapMode: Text.Wrap
            textFormat: Text.PlainText
            color: Theme.ink
            font { family: Theme.fontFamily; pixelSize: Theme.bodySize + Theme.px(4); weight: Font.DemiBold }
            text: (freeSheet.info.roomName ?? "") + "\n" + (freeSheet.info.when ?? "")
        }
        Text {
            width: parent.width
            wrapMode: Text.Wrap
            color: Theme.inkMuted
            font { family: Theme.fontFamily; pixelSize: Theme.bodySize }
            text: qsTr("Write your topic, a short description and your handle on a card, and it is yours.")
        }
    }
}

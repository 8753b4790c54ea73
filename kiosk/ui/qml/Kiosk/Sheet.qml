import QtQuick
import QtQuick.Controls
import Kiosk

// A modal sheet over the board: slides up, dims the board, closes on a tap outside or its close button.
Popup {
    id: sheet

    default property alias content: body.data
    property real maxWidth: Theme.px(1100)

    parent: Overlay.overlay
    anchors.centerIn: parent
    width: Math.min(parent ? parent.width - Theme.pad * 4 : maxWidth, maxWidth)
    height: Math.min(parent ? parent.height - Theme.pad * 4 : implicitHeight, body.childrenRect.height + Theme.pad * 4)
    modal: true
    dim: true
    closePolicy: Popup.CloseOnPressOutside | Popup.CloseOnEscape
    padding: Theme.pad * 2

    Overlay.modal: Rectangle {
        color: Theme.scrim
    }

    background: Rectangle {
        radius: Theme.radius * 2
        color: Theme.sheet
    }

    enter: Transition {
        NumberAnimation { property: "opacity"; from: 0; to: 1; duration: 120 }
        NumberAnimation { property: "scale"; from: 0.96; to: 1; duration: 120; easing.type: Easing.OutCubic }
    }
    exit: Transition {
        NumberAnimation { property: "opacity"; from: 1; to: 0; duration: 90 }
    }

    // Close without the fade: a modal sheet takes every touch until its fade has finished, and when another
    // screen takes over (the host's form after the right code) its first tap must not be lost to the fade.
    function closeNow(): void {
        const fade = exit;
        exit = null;
        close();
        exit = fade;
    }

    contentItem: Item {
        // Long descriptions on a small screen scroll rather than push the buttons off the sheet.
        Flickable {
            anchors.fill: parent
            contentHeight: body.height
            boundsBehavior: Flickable.StopAtBounds
            clip: true

            Item {
                id: body
                width: parent.width
                height: childrenRect.height
            }
        }

        Rectangle {
            objectName: "closeButton"
            anchors { right: parent.right; top: parent.top; rightMargin: -Theme.pad; topMargin: -Theme.pad }
            width: Theme.minTouch
            height: Theme.minTouch
            radius: width / 2
            color: closeTap.pressed ? Theme.gridLine : Theme.paper

            Text {
                anchors.centerIn: parent
                color: Theme.ink
                font: Theme.font(Theme.bodySize + Theme.px(6), Font.Bold)
                text: "✕"
            }
            KioskTap {
                id: closeTap
                onTapped: sheet.close()
            }
        }
    }
}

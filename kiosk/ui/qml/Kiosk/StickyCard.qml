import QtQuick
import Kiosk

// A session drawn as a sticky card: topic large, host and handle below, the first tag as a coloured stripe
// and its name (colour never carries meaning alone). Used on the grid and as the form's live preview.
Item {
    id: card

    property string topic
    property string host
    property string handle
    property string tagColor
    property string tagLabel
    property int topicSize: Theme.topicSize

    Rectangle {
        anchors { fill: parent; leftMargin: Theme.px(3); topMargin: Theme.px(4); rightMargin: -Theme.px(3); bottomMargin: -Theme.px(4) }
        radius: Theme.px(4)
        color: Theme.cardShadow
    }
    Rectangle {
        id: paperCard
        anchors.fill: parent
        radius: Theme.px(4)
        color: Theme.card
        border { width: 1; color: Theme.cardEdge }
        clip: true

        Rectangle {
            id: stripe
            visible: card.tagColor !== ""
            anchors { left: parent.left; top: parent.top; bottom: parent.bottom }
            width: Theme.px(8)
            color: card.tagColor !== "" ? card.tagColor : "transparent"
        }

        // The topic is what people read in passing, so it is fitted whole where it can be: wrapped at word
        // boundaries over up to three lines, then shrunk (never below Theme.topicFloor, still legible from two
        // metres), and only then elided; the detail sheet always has the full text.
        Text {
            id: topicText
            objectName: "cardTopic"
            anchors {
                left: parent.left; right: parent.right; top: parent.top
                leftMargin: Theme.px(8) + Theme.gap + (stripe.visible ? stripe.width : 0)
                rightMargin: Theme.px(8) + Theme.gap; topMargin: Theme.px(6)
            }
            height: Math.max(card.topicSize, paperCard.height - Theme.px(6) - hostText.height - Theme.px(2) - Theme.px(4))
            wrapMode: Text.Wrap
            fontSizeMode: Text.Fit
            minimumPixelSize: Math.min(card.topicSize, Theme.topicFloor)
            elide: Text.ElideRight
            verticalAlignment: Text.AlignTop
            textFormat: Text.PlainText
            color: Theme.ink
            lineHeight: 0.95
            font: Theme.font(card.topicSize, Font.Bold)
            text: card.topic
        }
        Text {
            id: hostText
            anchors {
                left: topicText.left; right: topicText.right
                top: topicText.top; topMargin: Math.min(topicText.height, topicText.contentHeight) + Theme.px(2)
            }
            elide: Text.ElideRight
            textFormat: Text.PlainText
            color: Theme.inkMuted
            font: Theme.font(Math.round(card.topicSize * 0.76), Font.Medium)
            // Who, and how to reach them: the handle is what people look for on the wall.
            text: card.host + (card.handle !== "" ? " · " + card.handle : "")
        }

        Text {
            id: labelLine
            visible: card.tagLabel !== "" && hostText.y + hostText.height + labelLine.implicitHeight + Theme.px(8) < paperCard.height
            anchors {
                left: parent.left; right: parent.right; bottom: parent.bottom
                leftMargin: Theme.px(8) + Theme.gap + stripe.width; rightMargin: Theme.gap; bottomMargin: Theme.px(6)
            }
            elide: Text.ElideRight
            textFormat: Text.PlainText
            color: Theme.inkMuted
            font: Theme.font(Math.round(card.topicSize * 0.68), Font.DemiBold)
            text: card.tagLabel
        }
    }
}

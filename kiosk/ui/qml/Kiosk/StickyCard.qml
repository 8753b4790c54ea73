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

        Column {
            anchors {
                left: parent.left; right: parent.right; top: parent.top
                leftMargin: Theme.px(8) + Theme.gap + (stripe.visible ? stripe.width : 0)
                rightMargin: Theme.px(8) + Theme.gap; topMargin: Theme.gap
            }
            spacing: Theme.px(2)

            Text {
                id: topicText
                width: parent.width
                wrapMode: Text.Wrap
                maximumLineCount: Math.max(2, Math.floor((paperCard.height - Theme.px(56)) / (card.topicSize * 1.1)))
                elide: Text.ElideRight
                textFormat: Text.PlainText
                color: Theme.ink
                lineHeight: 0.95
                font: Theme.font(card.topicSize, Font.Bold)
                text: card.topic
            }
            Text {
                width: parent.width
                elide: Text.ElideRight
                textFormat: Text.PlainText
                color: Theme.inkMuted
                font: Theme.font(Math.round(card.topicSize * 0.76), Font.Medium)
                // Who, and how to reach them: the handle is what people look for on the wall.
                text: card.host + (card.handle !== "" ? " · " + card.handle : "")
            }
        }

        Text {
            id: labelLine
            visible: card.tagLabel !== "" && paperCard.height > topicText.height + Theme.px(70)
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

import QtQuick
import Kiosk

// A form's live preview: the card exactly as the board will show it.
StickyCard {
    required property KioskCardPreview preview

    topicSize: Theme.px(34)
    topic: preview.topic
    host: preview.host
    handle: preview.handle
    tagColor: preview.tagColour
    tagLabel: preview.tagLabel
}

import QtQuick
import Kiosk

// A page that scrolls up and down, and brings what is being typed into view above the on-screen keyboard.
Flickable {
    id: flick

    flickableDirection: Flickable.VerticalFlick
    boundsBehavior: Flickable.StopAtBounds
    clip: true
    Behavior on contentY { NumberAnimation { duration: 150; easing.type: Easing.OutCubic } }

    // Bring `first` to `last` into view; if they do not both fit, the top of `first`.
    function reveal(first: Item, last: Item): void {
        const top = first.mapToItem(flick.contentItem, 0, 0).y;
        const bottom = last.mapToItem(flick.contentItem, 0, last.height).y;
        const maxY = Math.max(0, flick.contentHeight - flick.height);
        if (top < flick.contentY || bottom - top > flick.height)
            flick.contentY = Math.min(maxY, Math.max(0, top - Theme.pad));
        else if (bottom > flick.contentY + flick.height)
            flick.contentY = Math.min(maxY, bottom - flick.height + Theme.pad * 2);
    }
}

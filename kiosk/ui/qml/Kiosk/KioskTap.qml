import QtQuick

// A tap as people at a wall make it, for buttons, keys and tabs.
// - A slow, held press still counts: with no long-press threshold (Qt 6.7 and later read 0 as "never a long
//   press"), nothing on the kiosk gives a long press another meaning except the staff entry, which has its own.
// - ReleaseWithinBounds takes the press for itself: a touch screen reaches Qt as mouse events, and a mouse press
//   that a handler only watches passively is also delivered to handlers beneath it (a free slot under a sheet's
//   button would open too). A drag that leaves the button still scrolls what it sits in, and does not tap.
// Cells of a scrolling grid keep the drag-threshold policy instead (SlotCell), so a flick can start on them.
TapHandler {
    gesturePolicy: TapHandler.ReleaseWithinBounds
    longPressThreshold: 0
}

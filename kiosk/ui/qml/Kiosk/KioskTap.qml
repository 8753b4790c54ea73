import QtQuick

// A tap as people at a wall make it: a slow, held press still counts (no long-press threshold: nothing on the
// kiosk gives a long press another meaning, except the staff entry, which has its own handler).
TapHandler {
    longPressThreshold: 0
}

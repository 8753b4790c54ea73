pragma Singleton
import QtQuick

// Colours, type and sizes for the whole kiosk. Sizes scale with the window's short side so the board reads
// the same from two metres at 720p, 1080p and 4K; touch targets never drop below 9 mm (Theme.minTouch).
QtObject {
    id: theme

    // Set by Main from the window: 1.0 at a 1080-pixel short side.
    property real scale: 1.0
    // Pixels per millimetre of the screen, set by Main from Screen.pixelDensity.
    property real pixelDensity: 3.78

    function px(value: real): int {
        return Math.round(value * scale)
    }

    readonly property string fontFamily: "Inter"

    // The kiosk's type in one place: `font: Theme.font(Theme.bodySize, Font.DemiBold)`. Sizes computed from an
    // item's height are 0 before its first layout, which QFont refuses with a warning: never below one pixel.
    function font(pixelSize: int, weight: int): font {
        return Qt.font({ family: theme.fontFamily, pixelSize: Math.max(1, pixelSize), weight: weight });
    }

    // Figures that line up in columns (clocks, counts, codes).
    function figures(pixelSize: int, weight: int): font {
        return Qt.font({ family: theme.fontFamily, pixelSize: Math.max(1, pixelSize), weight: weight, features: { "tnum": 1 } });
    }

    // Type spaced out by `letterSpacing` pixels, in a `Font.Capitalization` (Font.MixedCase leaves the text as
    // it is), with figures in columns: a code's digits, a small label in capitals.
    function spaced(pixelSize: int, weight: int, letterSpacing: real, capitalization: int): font {
        return Qt.font({ family: theme.fontFamily, pixelSize: Math.max(1, pixelSize), weight: weight,
                         letterSpacing: letterSpacing, capitalization: capitalization, features: { "tnum": 1 } });
    }

    // Palette: a calm navy frame around a warm paper board; cards are sticky notes.
    readonly property color frame: "#14213d"
    readonly property color frameText: "#ffffff"
    readonly property color frameMuted: "#aab4c8"
    readonly property color paper: "#f4efe6"
    readonly property color gridLine: "#ddd5c6"
    readonly property color ink: "#1d1d1f"
    readonly property color inkMuted: "#5b5b66"
    readonly property color card: "#fff1a8"
    readonly property color cardEdge: "#e8d67a"
    readonly property color cardShadow: "#33000000"
    readonly property color free: "#fbf9f4"
    readonly property color freeEdge: "#cfc6b4"
    readonly property color accent: "#0f766e"
    readonly property color accentSoft: "#d5ece8"
    readonly property color blocked: "#e3ded4"
    readonly property color blockedStripe: "#d3ccbf"
    readonly property color now: "#e4572e"
    readonly property color nowSoft: "#fde6dc"
    readonly property color scrim: "#b3101828"
    readonly property color sheet: "#ffffff"
    readonly property color danger: "#b42318"
    // The header's "synced" dot, on the dark frame.
    readonly property color ok: "#4ade80"
    readonly property color warning: "#fff4e5"
    readonly property color warningEdge: "#f0a74b"

    // Type sizes in pixels at scale 1.
    readonly property int titleSize: px(34)
    readonly property int clockSize: px(46)
    readonly property int tabSize: px(24)
    readonly property int roomSize: px(22)
    readonly property int roomNoteSize: px(15)
    readonly property int hourSize: px(24)
    readonly property int topicSize: px(21)
    // The smallest a card's topic shrinks to before it is elided. On a 55-inch 1080p wall screen (1.6 px/mm)
    // px(16) is 10 mm type with 7 mm capitals, 2.5 times what a 20/20 eye resolves at two metres; on a denser
    // screen (a small monitor, 4K) the type never gets smaller than 4.5 mm.
    readonly property int topicFloor: Math.min(topicSize, Math.max(px(16), Math.round(pixelDensity * 4.5)))
    readonly property int hostSize: px(16)
    readonly property int smallSize: px(15)
    readonly property int sheetTitleSize: px(40)
    readonly property int bodySize: px(22)

    // Spacing and geometry.
    readonly property int gap: px(8)
    readonly property int pad: px(16)
    readonly property int radius: px(10)
    readonly property int headerHeight: px(112)
    readonly property int footerHeight: px(44)
    // Two lines of room name and its note.
    readonly property int roomHeaderHeight: px(80)
    readonly property int hourColumnWidth: px(112)
    readonly property int minColumnWidth: Math.max(px(196), minTouch)
    readonly property int minRowHeight: Math.max(px(104), minTouch)
    readonly property int minTouch: Math.round(Math.max(px(56), pixelDensity * 9))
}

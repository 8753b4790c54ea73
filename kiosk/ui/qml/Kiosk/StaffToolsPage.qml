pragma ComponentBehavior: Bound
import QtQuick
import Kiosk

// Export to a USB stick, check the board, rehearse with another clock, reset, leave the kiosk.
KioskFlickable {
    id: page

    required property KioskStaffTools tools
    required property KioskClock kioskClock
    property int rehearsalDay: 0

    contentHeight: body.height + Theme.pad * 2
    // The keyboard slides up after the confirmation field takes focus: keep it and its button in view.
    onHeightChanged: if (typed.editing) page.reveal(resetWord, resetWord)
    onVisibleChanged: if (visible) page.tools.findPlaces()

    component Heading: Text {
        color: Theme.ink
        font: Theme.font(Theme.bodySize + Theme.px(4), Font.Bold)
    }

    Column {
        id: body
        width: page.width
        spacing: Theme.pad * 1.5

        Text {
            objectName: "staffToolsNotice"
            visible: text !== ""
            width: parent.width
            wrapMode: Text.Wrap
            textFormat: Text.PlainText
            color: Theme.accent
            font: Theme.font(Theme.bodySize, Font.DemiBold)
            text: page.tools.notice
        }

        Heading { text: qsTr("Export everything to…") }
        Flow {
            width: parent.width
            spacing: Theme.gap
            Repeater {
                model: page.tools.exportPlaces
                delegate: TouchButton {
                    required property int index
                    required property string modelData
                    objectName: "exportPlace-" + index
                    width: Math.min(implicitWidth, page.width)
                    primary: false
                    elide: Text.ElideMiddle
                    text: modelData
                    onClicked: page.tools.exportTo(index)
                }
            }
        }

        Heading { text: qsTr("Check the board") }
        TouchButton {
            objectName: "checkButton"
            primary: false
            text: qsTr("Check now")
            onClicked: page.tools.check()
        }
        Repeater {
            model: page.tools.checkLines
            delegate: Text {
                required property string modelData
                width: body.width
                wrapMode: Text.Wrap
                textFormat: Text.PlainText
                color: page.tools.checkOk ? Theme.accent : Theme.danger
                font: Theme.font(Theme.bodySize, Font.Medium)
                text: modelData
            }
        }

        Heading { text: qsTr("Rehearsal clock") }
        ChoiceRow {
            width: parent.width
            label: qsTr("Day")
            namePrefix: "rehearsalDay"
            options: page.tools.dayNames
            current: page.rehearsalDay
            onPicked: (index) => page.rehearsalDay = index
        }
        Flow {
            width: parent.width
            spacing: Theme.gap
            Repeater {
                model: page.tools.rehearsalTimes
                delegate: TouchButton {
                    required property int index
                    required property string modelData
                    objectName: "rehearsalTime-" + index
                    primary: false
                    text: modelData
                    onClicked: page.tools.rehearse(page.rehearsalDay, modelData)
                }
            }
        }
        TouchButton {
            objectName: "realTimeButton"
            visible: page.kioskClock.rehearsing
            text: qsTr("Back to real time")
            onClicked: page.tools.realTime()
        }

        Heading { text: qsTr("Reset") }
        Flow {
            width: parent.width
            spacing: Theme.pad
            TouchButton {
                objectName: "resetButton"
                primary: false
                text: qsTr("Back to today's board")
                onClicked: page.tools.backToToday()
            }
            TouchButton {
                objectName: "clearBoardButton"
                primary: false
                danger: true
                text: qsTr("Clear the board for a new event…")
                onClicked: {
                    resetWord.visible = true;
                    Qt.callLater(() => page.reveal(resetWord, resetWord));
                }
            }
        }
        Column {
            id: resetWord
            visible: false
            width: parent.width
            spacing: Theme.gap
            Text {
                width: parent.width
                wrapMode: Text.Wrap
                color: Theme.danger
                font: Theme.font(Theme.bodySize, Font.DemiBold)
                text: qsTr("Every card, idea and staff block goes (a backup is made first; the config stays). Type %1 to confirm.").arg(page.tools.resetWord)
            }
            KioskTextField {
                id: typed
                objectName: "resetWordField"
                width: Math.min(parent.width, Theme.px(600))
                label: qsTr("Confirmation")
                required: true
                inputHints: Qt.ImhUppercaseOnly | Qt.ImhNoPredictiveText
                onEdited: (text) => typed.text = text
                onEditingChanged: if (typed.editing) page.reveal(resetWord, resetWord)
            }
            TouchButton {
                objectName: "clearBoardConfirm"
                danger: true
                enabled: typed.text === page.tools.resetWord
                text: qsTr("Clear the board")
                onClicked: {
                    if (page.tools.clearBoard(typed.text)) {
                        typed.text = "";
                        resetWord.visible = false;
                        page.forceActiveFocus();  // the field is gone: so is the keyboard
                    }
                }
            }
        }

        Heading { text: qsTr("Leave") }
        TouchButton {
            objectName: "exitButton"
            primary: false
            danger: true
            text: qsTr("Exit the kiosk application")
            onClicked: page.tools.quit()
        }
    }
}

import QtQuick
import QtQuick.Controls.Basic
import QtQuick.VirtualKeyboard
import Kiosk

// A labelled text field for the on-screen keyboard: live problem text beside it, a character count,
// and Enter moving on to the next field. What is typed is plain text, always.
Column {
    id: field

    property string label
    property string hint
    property string error
    property string text
    // The most characters the field takes (a counter shows near it); 0 for no counter.
    property int maxLength: 0
    property bool multiline: false
    property bool required: false
    property int inputHints: Qt.ImhNone
    // The field Enter moves to (a KioskTextField), or null for the last one.
    property var next: null
    readonly property Item input: multiline ? area : line
    readonly property bool editing: input.activeFocus
    // Characters as the validator counts them (code points): an emoji is one, not two UTF-16 units.
    readonly property int length: Array.from(text).length

    signal edited(string text)
    signal exited()
    signal done()

    function focusInput(): void {
        input.forceActiveFocus();
    }

    function advance(): void {
        if (field.next)
            field.next.focusInput();
        else
            field.done();
    }

    spacing: Theme.px(6)

    Row {
        width: parent.width
        Text {
            width: parent.width - counter.width
            color: Theme.ink
            font: Theme.font(Theme.bodySize, Font.DemiBold)
            text: field.label + (field.required ? "" : "  ") + (field.required ? "" : qsTr("(optional)"))
        }
        Text {
            id: counter
            visible: field.maxLength > 0 && (field.editing || field.length > field.maxLength * 0.8)
            color: field.length > field.maxLength ? Theme.danger : Theme.inkMuted
            font: Theme.figures(Theme.smallSize, Font.Normal)
            text: field.length + " / " + field.maxLength
        }
    }

    Rectangle {
        width: parent.width
        height: field.multiline ? Theme.px(150) : Math.max(Theme.minTouch, Theme.px(68))
        radius: Theme.radius
        color: "white"
        border {
            width: field.editing ? Theme.px(3) : Math.max(1, Theme.px(2))
            color: field.error !== "" ? Theme.danger : (field.editing ? Theme.accent : Theme.freeEdge)
        }

        TextField {
            id: line
            visible: !field.multiline
            // Only the input in use carries the name tests and tools look for.
            objectName: field.objectName !== "" && !field.multiline ? field.objectName + "Input" : ""
            anchors { fill: parent; margins: Theme.px(4) }
            background: null
            color: Theme.ink
            font: Theme.font(Theme.bodySize + Theme.px(2), Font.Normal)
            placeholderText: field.hint
            placeholderTextColor: Theme.inkMuted
            inputMethodHints: field.inputHints
            text: field.text
            EnterKeyAction.actionId: field.next ? EnterKeyAction.Next : EnterKeyAction.Done
            EnterKeyAction.label: field.next ? qsTr("Next") : qsTr("Done")
            onTextEdited: field.edited(text)
            onActiveFocusChanged: if (!activeFocus) field.exited()
            Keys.onReturnPressed: field.advance()
            Keys.onEnterPressed: field.advance()
        }

        ScrollView {
            visible: field.multiline
            anchors { fill: parent; margins: Theme.px(4) }
            TextArea {
                id: area
                objectName: field.objectName !== "" && field.multiline ? field.objectName + "Input" : ""
                background: null
                wrapMode: TextEdit.Wrap
                textFormat: TextEdit.PlainText
                color: Theme.ink
                font: Theme.font(Theme.bodySize, Font.Normal)
                placeholderText: field.hint
                placeholderTextColor: Theme.inkMuted
                inputMethodHints: field.inputHints
                text: field.text
                EnterKeyAction.actionId: field.next ? EnterKeyAction.Next : EnterKeyAction.Done
                EnterKeyAction.label: field.next ? qsTr("Next") : qsTr("Done")
                onTextChanged: if (text !== field.text) field.edited(text)
                onActiveFocusChanged: if (!activeFocus) field.exited()
                Keys.onReturnPressed: field.advance()
                Keys.onEnterPressed: field.advance()
            }
        }
    }

    Text {
        width: parent.width
        visible: field.error !== ""
        wrapMode: Text.Wrap
        textFormat: Text.PlainText
        color: Theme.danger
        font: Theme.font(Theme.smallSize + Theme.px(2), Font.Medium)
        text: "⚠ " + field.error
    }
}

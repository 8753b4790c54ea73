pragma ComponentBehavior: Bound
import QtQuick
import Kiosk

// A numeric keypad for a code: big keys, the digits shown as dots until checked. How many digits it takes
// (`minLength`, `maxLength`) comes from the view model that checks the code: the host's edit code has
// `KioskCardDetail.codeLength`, the staff PIN `KioskStaff.pinMin` to `pinMax`. Named pinKey-N and pinSubmit for tools.
Column {
    id: pad

    property string code: ""
    property string message: ""
    property string prompt: qsTr("Enter the edit code you got when you added this card")
    required property int minLength
    required property int maxLength
    // Keys are named prefix + "-1"…"-9", "-0", "-back"; the OK key is named `submitName`.
    property string keyPrefix: "codeKey"
    property string submitName: keyPrefix + "-OK"
    signal entered(string code)

    function clear(): void {
        code = "";
    }

    objectName: "codePad"
    spacing: Theme.pad

    Text {
        anchors.horizontalCenter: parent.horizontalCenter
        color: Theme.ink
        font: Theme.font(Theme.bodySize, Font.DemiBold)
        text: pad.prompt
    }
    Text {
        objectName: "codeDisplay"
        anchors.horizontalCenter: parent.horizontalCenter
        color: Theme.ink
        font: Theme.spaced(Theme.px(48), Font.Bold, Theme.px(10), Font.MixedCase)
        text: "●".repeat(pad.code.length) + "○".repeat(Math.max(0, pad.minLength - pad.code.length))
    }
    Text {
        objectName: "codeMessage"
        anchors.horizontalCenter: parent.horizontalCenter
        width: Math.min(implicitWidth, pad.width)
        visible: pad.message !== ""
        wrapMode: Text.Wrap
        horizontalAlignment: Text.AlignHCenter
        color: Theme.danger
        font: Theme.font(Theme.smallSize + Theme.px(3), Font.Medium)
        text: pad.message
    }
    Grid {
        anchors.horizontalCenter: parent.horizontalCenter
        columns: 3
        spacing: Theme.gap
        Repeater {
            model: ["1", "2", "3", "4", "5", "6", "7", "8", "9", "⌫", "0", "OK"]
            delegate: Rectangle {
                id: key
                required property string modelData
                readonly property bool isOk: modelData === "OK"
                objectName: key.isOk ? pad.submitName : pad.keyPrefix + "-" + (modelData === "⌫" ? "back" : modelData)
                width: Math.max(Theme.minTouch, Theme.px(96))
                height: Math.max(Theme.minTouch, Theme.px(80))
                radius: Theme.radius
                enabled: !isOk || pad.code.length >= pad.minLength
                opacity: enabled ? 1 : 0.4
                color: keyTap.pressed ? Theme.gridLine : (isOk ? Theme.accent : Theme.sheet)
                // An edge, so the keys stand out on the white sheet and on the paper of the staff panel alike.
                border { width: isOk ? 0 : Math.max(1, Theme.px(2)); color: Theme.freeEdge }
                Text {
                    anchors.centerIn: parent
                    color: key.isOk ? "white" : Theme.ink
                    font: Theme.font(Theme.px(34), Font.DemiBold)
                    text: key.isOk ? qsTr("OK") : key.modelData
                }
                KioskTap {
                    id: keyTap
                    onTapped: {
                        if (key.modelData === "⌫")
                            pad.code = pad.code.slice(0, -1);
                        else if (key.isOk)
                            pad.entered(pad.code);
                        else if (pad.code.length < pad.maxLength)
                            pad.code += key.modelData;
                    }
                }
            }
        }
    }
}

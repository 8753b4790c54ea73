pragma ComponentBehavior: Bound
import QtQuick
import Kiosk

// A session's details, everything shown as the host wrote it (plain text).
Sheet {
    id: detail

    objectName: "cardDetail"
    property var info: ({})
    property KioskCardForm form
    property bool enteringCode: false

    function show(details: var): void {
        info = details;
        enteringCode = false;
        codePad.clear();
        codePad.message = "";
        open();
    }

    Column {
        width: parent.width
        spacing: Theme.pad

        Text {
            width: parent.width
            color: Theme.accent
            font { family: Theme.fontFamily; pixelSize: Theme.bodySize; weight: Font.DemiBold }
            textFormat: Text.PlainText
            elide: Text.ElideRight
            text: (detail.info.when ?? "") + "  ·  " + (detail.info.roomName ?? "")
        }
        Text {
            objectName: "cardTitle"
            width: parent.width - Theme.minTouch
            wrapMode: Text.Wrap
            maximumLineCount: 3
            elide: Text.ElideRight
            textFormat: Text.PlainText
            color: Theme.ink
            font { family: Theme.fontFamily; pixelSize: Theme.sheetTitleSize; weight: Font.Bold }
            text: detail.info.topic ?? ""
        }
        Row {
            id: hostRow
            width: parent.width
            spacing: Theme.pad
            Text {
                id: hostName
                width: Math.min(implicitWidth, hostRow.width - (handleText.visible ? Math.min(handleText.implicitWidth, hostRow.width / 2) + hostRow.spacing : 0))
                elide: Text.ElideRight
                textFormat: Text.PlainText
                color: Theme.ink
                font { family: Theme.fontFamily; pixelSize: Theme.bodySize + Theme.px(2); weight: Font.DemiBold }
                text: detail.info.host ?? ""
            }
            Text {
                id: handleText
                visible: text !== ""
                width: Math.min(implicitWidth, hostRow.width - hostName.width - hostRow.spacing)
                elide: Text.ElideRight
                textFormat: Text.PlainText
                color: Theme.accent
                font { family: Theme.fontFamily; pixelSize: Theme.bodySize + Theme.px(2) }
                text: detail.info.handle ?? ""
            }
        }
        Flow {
            width: parent.width
            spacing: Theme.gap
            visible: (detail.info.tags ?? []).length > 0
            Repeater {
                model: detail.info.tags ?? []
                delegate: Rectangle {
                    id: chip
                    required property var modelData
                    width: chipText.implicitWidth + Theme.pad * 1.5
                    height: chipText.implicitHeight + Theme.gap
                    radius: height / 2
                    color: Theme.paper
                    border { width: Theme.px(3); color: chip.modelData.colour }
                    Text {
                        id: chipText
                        anchors.centerIn: parent
                        textFormat: Text.PlainText
                        color: Theme.ink
                        font { family: Theme.fontFamily; pixelSize: Theme.smallSize + Theme.px(1); weight: Font.DemiBold }
                        text: chip.modelData.label
                    }
                }
            }
        }
        Text {
            width: parent.width
            visible: text !== ""
            wrapMode: Text.Wrap
            maximumLineCount: 8
            elide: Text.ElideRight
            textFormat: Text.PlainText
            color: Theme.ink
            lineHeight: 1.15
            font { family: Theme.fontFamily; pixelSize: Theme.bodySize }
            text: detail.info.description ?? ""
        }
        Text {
            width: parent.width
            visible: text !== ""
            textFormat: Text.PlainText
            color: Theme.inkMuted
            font { family: Theme.fontFamily; pixelSize: Theme.smallSize + Theme.px(2) }
            text: detail.info.roomNote ?? ""
        }

        // Point a phone at the wall: the session's page, a calendar entry, a ready-made post.
        Row {
            visible: !detail.enteringCode && (detail.info.sessionPayload ?? "") !== ""
            spacing: Theme.pad * 2
            QrCode {
                objectName: "sessionQr"
                payload: detail.info.sessionPayload ?? ""
                source: detail.info.sessionQrSource ?? ""
                caption: qsTr("Session page")
            }
            QrCode {
                objectName: "calendarQr"
                payload: detail.info.calendarPayload ?? ""
                source: detail.info.calendarQrSource ?? ""
                caption: qsTr("Add to calendar")
            }
            QrCode {
                objectName: "shareQr"
                payload: detail.info.sharePayload ?? ""
                source: detail.info.shareQrSource ?? ""
                caption: qsTr("Share it")
            }
        }

        // The host changes or cancels their session with the code they got when adding it.
        TouchButton {
            objectName: "hostButton"
            visible: !detail.enteringCode
            primary: false
            text: qsTr("I'm the host")
            onClicked: detail.enteringCode = true
        }
        CodePad {
            id: codePad
            visible: detail.enteringCode
            width: parent.width
            onEntered: (code) => {
                const result = detail.form.verifyHostCode(detail.info.cardId, code);
                if (result.ok) {
                    detail.close();
                } else {
                    codePad.message = result.message;
                    codePad.clear();
                }
            }
        }
    }
}

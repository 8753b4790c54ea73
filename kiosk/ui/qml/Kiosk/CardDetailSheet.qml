pragma ComponentBehavior: Bound
import QtQuick
import Kiosk

// A session's details, everything shown as the host wrote it (plain text). It is up while the router says the
// detail overlay is; closing it any way (✕, a tap outside) tells the router.
Sheet {
    id: sheet

    required property KioskCardDetail detail
    required property KioskRouter router
    // "I'm the host" swaps the QR codes for the code keypad.
    property bool enteringCode: false
    readonly property bool wanted: router.overlay === KioskRouter.Detail

    objectName: "cardDetail"
    // Closed by the router when another screen takes over: at once, so that screen's first tap is not lost.
    onWantedChanged: wanted ? open() : closeNow()
    onAboutToShow: {
        enteringCode = false;
        codePad.clear();
    }
    onClosed: sheet.detail.close()

    Column {
        width: parent.width
        spacing: Theme.pad

        Text {
            width: parent.width
            color: Theme.accent
            font: Theme.font(Theme.bodySize, Font.DemiBold)
            textFormat: Text.PlainText
            elide: Text.ElideRight
            text: sheet.detail.when + "  ·  " + sheet.detail.roomName
        }
        Text {
            objectName: "cardTitle"
            width: parent.width - Theme.minTouch
            wrapMode: Text.Wrap
            maximumLineCount: 3
            elide: Text.ElideRight
            textFormat: Text.PlainText
            color: Theme.ink
            font: Theme.font(Theme.sheetTitleSize, Font.Bold)
            text: sheet.detail.topic
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
                font: Theme.font(Theme.bodySize + Theme.px(2), Font.DemiBold)
                text: sheet.detail.host
            }
            Text {
                id: handleText
                visible: text !== ""
                width: Math.min(implicitWidth, hostRow.width - hostName.width - hostRow.spacing)
                elide: Text.ElideRight
                textFormat: Text.PlainText
                color: Theme.accent
                font: Theme.font(Theme.bodySize + Theme.px(2), Font.Normal)
                text: sheet.detail.handle
            }
        }
        Flow {
            width: parent.width
            spacing: Theme.gap
            visible: tagChips.count > 0
            Repeater {
                id: tagChips
                model: sheet.detail.tags
                delegate: Rectangle {
                    id: chip
                    required property string label
                    required property string colour
                    width: chipText.implicitWidth + Theme.pad * 1.5
                    height: chipText.implicitHeight + Theme.gap
                    radius: height / 2
                    color: Theme.paper
                    border { width: Theme.px(3); color: chip.colour }
                    Text {
                        id: chipText
                        anchors.centerIn: parent
                        textFormat: Text.PlainText
                        color: Theme.ink
                        font: Theme.font(Theme.smallSize + Theme.px(1), Font.DemiBold)
                        text: chip.label
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
            font: Theme.font(Theme.bodySize, Font.Normal)
            text: sheet.detail.description
        }
        Text {
            width: parent.width
            visible: text !== ""
            textFormat: Text.PlainText
            color: Theme.inkMuted
            font: Theme.font(Theme.smallSize + Theme.px(2), Font.Normal)
            text: sheet.detail.roomNote
        }

        // Point a phone at the wall: the session's page, a calendar entry, a ready-made post.
        Row {
            visible: !sheet.enteringCode && sheet.detail.sessionPayload !== ""
            spacing: Theme.pad * 2
            QrCode {
                objectName: "sessionQr"
                payload: sheet.detail.sessionPayload
                source: sheet.detail.sessionQrSource
                caption: qsTr("Session page")
            }
            QrCode {
                objectName: "calendarQr"
                payload: sheet.detail.calendarPayload
                source: sheet.detail.calendarQrSource
                caption: qsTr("Add to calendar")
            }
            QrCode {
                objectName: "shareQr"
                payload: sheet.detail.sharePayload
                source: sheet.detail.shareQrSource
                caption: qsTr("Share it")
            }
        }

        // The host changes or cancels their session with the code they got when adding it.
        TouchButton {
            objectName: "hostButton"
            visible: !sheet.enteringCode
            primary: false
            text: qsTr("I'm the host")
            onClicked: sheet.enteringCode = true
        }
        CodePad {
            id: codePad
            visible: sheet.enteringCode
            width: parent.width
            minLength: sheet.detail.codeLength
            maxLength: sheet.detail.codeLength
            message: sheet.detail.codeMessage
            // The right code opens the host's form (the router closes this sheet); a wrong one shows why.
            onEntered: (code) => {
                codePad.clear();
                sheet.detail.enterCode(code);
            }
        }
    }
}

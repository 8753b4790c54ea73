import QtQuick
import Kiosk

// The card is on the board: the card, its QR code, and the edit code, shown only this once.
Flickable {
    id: panel

    required property KioskCardForm form

    objectName: "savedPanel"
    contentHeight: savedColumn.height + Theme.pad * 4
    clip: true

    Column {
        id: savedColumn
        width: Math.min(panel.width - Theme.pad * 6, Theme.px(1500))
        x: (panel.width - width) / 2
        y: Theme.pad * 3
        spacing: Theme.pad * 2

        Text {
            width: parent.width
            wrapMode: Text.Wrap
            color: Theme.accent
            font: Theme.font(Theme.sheetTitleSize, Font.Bold)
            text: panel.form.mode === KioskCardForm.Add ? qsTr("You're on the board!") : qsTr("The changes are on the board")
        }
        // Wraps in a narrow (portrait) window so the edit code is never cut off.
        Flow {
            width: parent.width
            spacing: Theme.pad * 3
            CardPreview {
                width: Theme.px(480)
                height: Theme.px(264)
                preview: panel.form.preview
            }
            QrCode {
                objectName: "savedSessionQr"
                visible: panel.form.savedUrl !== ""
                payload: panel.form.savedUrl
                source: panel.form.savedQrSource
                caption: qsTr("Your session's page")
            }
            Column {
                visible: panel.form.editCode !== ""
                spacing: Theme.gap
                Text {
                    color: Theme.ink
                    font: Theme.font(Theme.bodySize, Font.DemiBold)
                    text: qsTr("Your edit code")
                }
                Rectangle {
                    width: codeText.implicitWidth + Theme.pad * 3
                    height: codeText.implicitHeight + Theme.pad
                    radius: Theme.radius
                    color: "white"
                    border { width: Theme.px(3); color: Theme.accent }
                    Text {
                        id: codeText
                        objectName: "editCode"
                        anchors.centerIn: parent
                        color: Theme.ink
                        font: Theme.spaced(Theme.px(64), Font.Bold, Theme.px(8), Font.MixedCase)
                        text: panel.form.editCode
                    }
                }
                Text {
                    width: Theme.px(520)
                    wrapMode: Text.Wrap
                    color: Theme.inkMuted
                    font: Theme.font(Theme.smallSize + Theme.px(3), Font.Normal)
                    text: qsTr("Write it down or take a photo: it is shown only this once. Tap your card and \"I'm the host\" to change or cancel your session with it.")
                }
            }
        }
        Text {
            width: parent.width
            wrapMode: Text.Wrap
            color: Theme.ink
            font: Theme.font(Theme.bodySize + Theme.px(2), Font.Normal)
            text: qsTr("Spread the word: post about your session with %1 so people find it.").arg(panel.form.hashtag)
        }
        TouchButton {
            objectName: "doneButton"
            text: qsTr("Done — back to the board")
            onClicked: panel.form.close()
        }
    }
}

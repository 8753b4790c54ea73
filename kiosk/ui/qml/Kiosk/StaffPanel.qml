pragma ComponentBehavior: Bound
import QtQuick
import Kiosk

// Staff mode over the whole window: the PIN pad first, then the panel — its sections down the left, the
// chosen one on the right. It closes itself after two minutes without a touch and whenever the kiosk goes home.
Rectangle {
    id: panel

    required property KioskStaff staff
    required property KioskStaffCards cards
    required property KioskStaffBlocks blocks
    required property KioskStaffIdeas ideas
    required property KioskStaffAudit audit
    required property KioskStaffImport importer
    required property KioskStaffBackups backups
    required property KioskStaffTools tools
    required property KioskSync sync
    required property KioskStaffSync syncConflicts
    required property KioskClock kioskClock
    property real keyboardHeight: 0

    objectName: "staffPanel"
    visible: staff.isOpen
    color: Theme.paper

    // Nothing under the panel may take a touch that lands on it.
    KioskTap { gesturePolicy: TapHandler.WithinBounds }

    Rectangle {
        id: titleBar
        anchors { left: parent.left; right: parent.right; top: parent.top }
        height: Math.max(Theme.minTouch + Theme.pad * 2, Theme.px(96))
        color: Theme.frame

        Column {
            anchors { left: parent.left; leftMargin: Theme.pad * 2; verticalCenter: parent.verticalCenter }
            Text {
                color: Theme.frameText
                font: Theme.font(Theme.titleSize, Font.Bold)
                text: qsTr("Staff")
            }
            Text {
                objectName: "staffNote"
                visible: text !== ""
                color: Theme.card
                font: Theme.font(Theme.smallSize + Theme.px(2), Font.DemiBold)
                text: panel.kioskClock.rehearsing ? qsTr("Rehearsal clock: %1").arg(panel.kioskClock.rehearsalLabel) : ""
            }
        }
        TouchButton {
            objectName: "staffCloseButton"
            anchors { right: parent.right; rightMargin: Theme.pad * 2; verticalCenter: parent.verticalCenter }
            primary: false
            inverted: true
            text: panel.staff.unlocked ? qsTr("Lock and close") : qsTr("Close")
            onClicked: panel.staff.close()
        }
    }

    // --- the PIN ---------------------------------------------------------------------------------------------
    Column {
        visible: !panel.staff.unlocked
        anchors { horizontalCenter: parent.horizontalCenter; top: titleBar.bottom; topMargin: Theme.pad * 3 }
        width: Math.min(parent.width - Theme.pad * 4, Theme.px(640))
        spacing: Theme.pad

        CodePad {
            id: pinPad
            objectName: "pinPad"
            width: parent.width
            prompt: qsTr("Staff PIN")
            minLength: panel.staff.pinMin
            maxLength: panel.staff.pinMax
            keyPrefix: "pinKey"
            submitName: "pinSubmit"
            message: panel.staff.pinMessage
            onEntered: (code) => {
                pinPad.clear();
                panel.staff.submitPin(code);
            }
            Connections {
                target: panel.staff
                function onIsOpenChanged(): void {
                    pinPad.clear();
                }
            }
        }
    }

    // --- the panel -------------------------------------------------------------------------------------------
    Item {
        visible: panel.staff.unlocked
        anchors { left: parent.left; right: parent.right; top: titleBar.bottom; bottom: parent.bottom }

        Column {
            id: nav
            anchors { left: parent.left; top: parent.top; margins: Theme.pad * 2 }
            width: Theme.px(300)
            spacing: Theme.gap

            Repeater {
                model: [
                    { section: KioskStaff.Cards, label: qsTr("Cards") },
                    { section: KioskStaff.Blocks, label: qsTr("Blocked rooms") },
                    { section: KioskStaff.Ideas, label: qsTr("Wish list") },
                    { section: KioskStaff.Import, label: qsTr("Import") },
                    { section: KioskStaff.Backups, label: qsTr("Backups") },
                    { section: KioskStaff.Audit, label: qsTr("Audit log") },
                    { section: KioskStaff.Sync, label: panel.sync.conflictCount > 0
                                                       ? qsTr("Sync (%1)").arg(panel.sync.conflictCount) : qsTr("Sync") },
                    { section: KioskStaff.Tools, label: qsTr("Tools") }
                ]
                delegate: TouchButton {
                    required property var modelData
                    objectName: "staffSection-" + modelData.section
                    width: nav.width
                    primary: panel.staff.section === modelData.section
                    text: modelData.label
                    onClicked: panel.staff.showSection(modelData.section)
                }
            }
        }

        Item {
            id: content
            anchors {
                left: nav.right; right: parent.right; top: parent.top; bottom: parent.bottom
                margins: Theme.pad * 2; bottomMargin: Theme.pad * 2 + panel.keyboardHeight
            }

            StaffCardsPage { anchors.fill: parent; visible: panel.staff.section === KioskStaff.Cards; cards: panel.cards; reasonMax: panel.staff.reasonMax }
            StaffBlocksPage { anchors.fill: parent; visible: panel.staff.section === KioskStaff.Blocks; blocks: panel.blocks; reasonMax: panel.staff.reasonMax }
            StaffIdeasPage { anchors.fill: parent; visible: panel.staff.section === KioskStaff.Ideas; ideas: panel.ideas }
            StaffImportPage { anchors.fill: parent; visible: panel.staff.section === KioskStaff.Import; importer: panel.importer }
            StaffBackupsPage { anchors.fill: parent; visible: panel.staff.section === KioskStaff.Backups; backups: panel.backups }
            StaffAuditPage { anchors.fill: parent; visible: panel.staff.section === KioskStaff.Audit; audit: panel.audit }
            StaffSyncPage {
                anchors.fill: parent
                visible: panel.staff.section === KioskStaff.Sync
                sync: panel.sync
                conflicts: panel.syncConflicts
                reasonMax: panel.staff.reasonMax
            }
            StaffToolsPage {
                anchors.fill: parent
                visible: panel.staff.section === KioskStaff.Tools
                tools: panel.tools
                kioskClock: panel.kioskClock
            }
        }
    }
}

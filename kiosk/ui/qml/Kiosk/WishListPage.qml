pragma ComponentBehavior: Bound
import QtQuick
import Kiosk

// The wish list: topics people would love someone to host, a "+1, I'd come" for each, "Host this" to take
// one to the grid, and the form to add another. Everything it shows and decides comes from KioskWishList.
Rectangle {
    id: page

    required property KioskWishList wishList
    required property KioskIdeaForm ideaForm

    readonly property real margin: Theme.pad * 2
    // A topic line stretched across a whole wide screen is hard to read; wider windows get side margins.
    readonly property real cardWidth: Math.min(width - margin * 2, Theme.px(1400))

    color: Theme.paper

    // Show the person where their new idea landed in the ranking.
    Connections {
        target: page.ideaForm
        function onAdded(ideaId: string): void {
            const row = page.wishList.rowOf(ideaId);
            if (row >= 0)
                list.revealRow(row);
        }
    }

    Item {
        id: listPage
        anchors.fill: parent

        // --- title and the add button ----------------------------------------------------------------
        Item {
            id: heading
            // Narrow windows put the add button under the title instead of beside it.
            readonly property bool stacked: width < Theme.px(1000)
            x: (parent.width - width) / 2
            y: page.margin
            width: page.cardWidth
            height: stacked ? titleColumn.height + Theme.pad + addIdeaButton.height
                            : Math.max(titleColumn.height, addIdeaButton.height)

            Column {
                id: titleColumn
                y: heading.stacked ? 0 : (heading.height - height) / 2
                width: heading.stacked ? heading.width : heading.width - addIdeaButton.width - Theme.pad * 2
                spacing: Theme.px(4)

                Text {
                    width: parent.width
                    wrapMode: Text.Wrap
                    maximumLineCount: 2
                    elide: Text.ElideRight
                    color: Theme.ink
                    font: Theme.font(Theme.sheetTitleSize, Font.Bold)
                    text: qsTr("Wish list — topics people would love someone to host")
                }
                Text {
                    width: parent.width
                    wrapMode: Text.Wrap
                    maximumLineCount: 3
                    elide: Text.ElideRight
                    color: Theme.inkMuted
                    font: Theme.font(Theme.bodySize, Font.Normal)
                    text: qsTr("Tap “+1, I'd come” for the ones you would join. Fancy leading one? Tap “Host this” and pick a free slot.")
                }
            }

            TouchButton {
                id: addIdeaButton
                objectName: "addIdeaButton"
                x: heading.stacked ? 0 : heading.width - width
                y: heading.stacked ? titleColumn.height + Theme.pad : (heading.height - height) / 2
                width: Math.min(implicitWidth, heading.width)
                text: qsTr("+ Add an idea")
                onClicked: page.ideaForm.open()
            }
        }

        // --- the ideas -------------------------------------------------------------------------------
        ListView {
            id: list
            objectName: "wishList"
            anchors { left: parent.left; right: parent.right; top: heading.bottom; bottom: parent.bottom; topMargin: Theme.pad * 1.5 }
            flickableDirection: Flickable.VerticalFlick
            bottomMargin: page.margin + (toast.visible ? toast.height + Theme.pad : 0)
            clip: true
            spacing: Theme.pad
            boundsBehavior: Flickable.StopAtBounds
            model: page.wishList.ideas

            // Scroll a row into view: after adding an idea, and for tests before they look for a row.
            function revealRow(row: int): void {
                list.positionViewAtIndex(row, ListView.Contain);
            }

            // New and re-ranked ideas slide into place, so a +1 that moves an idea up is easy to follow.
            displaced: Transition { NumberAnimation { properties: "y"; duration: 200; easing.type: Easing.OutCubic } }
            move: Transition { NumberAnimation { properties: "y"; duration: 200; easing.type: Easing.OutCubic } }

            delegate: IdeaCard {}
        }

        Text {
            objectName: "wishListEmpty"
            visible: page.wishList.count === 0
            anchors { left: parent.left; right: parent.right; top: heading.bottom; margins: page.margin; topMargin: Theme.pad * 6 }
            horizontalAlignment: Text.AlignHCenter
            wrapMode: Text.Wrap
            color: Theme.inkMuted
            font: Theme.font(Theme.bodySize + Theme.px(6), Font.Normal)
            text: qsTr("No wishes yet. Is there a topic you would love someone to host? Tap “Add an idea”.")
        }

        // A short notice after a tap: thanks, or why a +1 was not counted. It clears itself.
        Rectangle {
            id: toast
            visible: page.wishList.message !== ""
            anchors { horizontalCenter: parent.horizontalCenter; bottom: parent.bottom; bottomMargin: Theme.pad }
            width: Math.min(parent.width - page.margin * 2, messageText.implicitWidth + Theme.pad * 3)
            height: messageText.height + Theme.pad * 1.5
            radius: Theme.radius
            color: Theme.frame

            Text {
                id: messageText
                objectName: "wishListMessage"
                anchors.centerIn: parent
                width: Math.min(implicitWidth, toast.width - Theme.pad * 2)
                horizontalAlignment: Text.AlignHCenter
                wrapMode: Text.Wrap
                maximumLineCount: 3
                elide: Text.ElideRight
                textFormat: Text.PlainText
                color: Theme.frameText
                font: Theme.font(Theme.bodySize, Font.DemiBold)
                text: page.wishList.message
            }
        }
    }

    // One idea: topic large, note below, the +1 count, and "Host this" or where it is being hosted.
    // The delegate spans the list so a flick anywhere scrolls it; the card itself is centred in it.
    component IdeaCard: Item {
        id: card

        required property int index
        required property string ideaId
        required property string topic
        required property string note
        required property int votes
        required property bool adopted
        required property string adoptedWhere

        // Buttons beside the text when there is room for a readable topic next to them, else below it.
        readonly property bool stacked: body.width < Theme.px(900)
        readonly property real actionsWidth: Math.max(voteButton.implicitWidth, Theme.px(340))

        objectName: "idea-" + index
        width: list.width
        height: body.height

        Rectangle {
            id: body
            x: (card.width - width) / 2
            width: page.cardWidth
            height: card.stacked ? texts.height + actions.height + Theme.pad * 3
                                 : Math.max(texts.height, actions.height) + Theme.pad * 2
            radius: Theme.radius
            color: Theme.sheet
            border { width: Math.max(1, Theme.px(2)); color: card.adopted ? Theme.accent : Theme.freeEdge }

            Column {
                id: texts
                x: Theme.pad * 1.5
                y: Theme.pad
                width: card.stacked ? body.width - Theme.pad * 3 : body.width - card.actionsWidth - Theme.pad * 4
                spacing: Theme.px(6)

                Text {
                    width: parent.width
                    wrapMode: Text.Wrap
                    maximumLineCount: 3
                    elide: Text.ElideRight
                    textFormat: Text.PlainText
                    color: Theme.ink
                    font: Theme.font(Theme.px(30), Font.Bold)
                    text: card.topic
                }
                Text {
                    visible: card.note !== ""
                    width: parent.width
                    wrapMode: Text.Wrap
                    maximumLineCount: 4
                    elide: Text.ElideRight
                    textFormat: Text.PlainText
                    color: Theme.inkMuted
                    font: Theme.font(Theme.bodySize, Font.Normal)
                    text: card.note
                }
            }

            Column {
                id: actions
                x: card.stacked ? texts.x : body.width - width - Theme.pad
                y: card.stacked ? texts.y + texts.height + Theme.pad : Theme.pad
                width: card.stacked ? texts.width : card.actionsWidth
                spacing: Theme.gap

                // "+1, I'd come": the count big enough to compare ideas from across the corridor.
                Rectangle {
                    id: voteButton
                    objectName: "voteButton"
                    width: parent.width
                    implicitWidth: voteRow.implicitWidth + Theme.pad * 2
                    height: Math.max(Theme.minTouch, voteRow.implicitHeight + Theme.pad)
                    radius: Theme.radius
                    color: voteTap.pressed ? Qt.darker(Theme.accentSoft, 1.1) : Theme.accentSoft
                    border { width: Theme.px(2); color: Theme.accent }

                    Row {
                        id: voteRow
                        anchors.centerIn: parent
                        spacing: Theme.pad
                        Text {
                            objectName: "voteCount"
                            anchors.verticalCenter: parent.verticalCenter
                            color: Theme.accent
                            font: Theme.figures(Theme.px(40), Font.Bold)
                            text: card.votes
                        }
                        Text {
                            anchors.verticalCenter: parent.verticalCenter
                            color: Theme.ink
                            font: Theme.font(Theme.bodySize, Font.DemiBold)
                            text: qsTr("+1, I'd come")
                        }
                    }
                    KioskTap {
                        id: voteTap
                        onTapped: page.wishList.vote(card.ideaId)
                    }
                }

                TouchButton {
                    objectName: "hostIdeaButton"
                    visible: !card.adopted
                    width: parent.width
                    text: qsTr("Host this")
                    onClicked: page.wishList.hostIdea(card.ideaId)
                }

                // Somebody is hosting it: say where and when instead of offering it again.
                Rectangle {
                    objectName: "adoptedBadge"
                    visible: card.adopted
                    width: parent.width
                    height: Math.max(Theme.minTouch, adoptedColumn.height + Theme.pad)
                    radius: Theme.radius
                    color: Theme.accent

                    Column {
                        id: adoptedColumn
                        anchors.centerIn: parent
                        width: parent.width - Theme.pad * 1.5
                        Text {
                            width: parent.width
                            horizontalAlignment: Text.AlignHCenter
                            color: "white"
                            font: Theme.font(Theme.bodySize, Font.Bold)
                            text: "✓ " + qsTr("Adopted")
                        }
                        Text {
                            width: parent.width
                            horizontalAlignment: Text.AlignHCenter
                            wrapMode: Text.Wrap
                            maximumLineCount: 2
                            elide: Text.ElideRight
                            textFormat: Text.PlainText
                            color: "white"
                            font: Theme.font(Theme.smallSize + Theme.px(2), Font.Medium)
                            text: card.adoptedWhere
                        }
                    }
                }
            }
        }
    }
}

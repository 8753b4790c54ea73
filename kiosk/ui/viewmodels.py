"""All the kiosk's view models, built together, and the few links between them.

Each view model knows the store, the change feed and the router, never another view model; the hand-overs
(a tapped card to the detail sheet, a verified code to the form, a staff edit back to the panel) are wired here.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass

from PySide6.QtCore import QObject, Qt, SignalInstance

from kiosk.config import KioskConfig
from kiosk.domain.clock import ShiftedClock
from kiosk.store.service import BoardService
from kiosk.ui.attract import KioskAttract
from kiosk.ui.board import KioskBoard
from kiosk.ui.cardform import KioskCardForm
from kiosk.ui.changefeed import KioskChangeFeed
from kiosk.ui.clockstate import KioskClock
from kiosk.ui.detail import KioskCardDetail
from kiosk.ui.health import KioskHealth, recovery_notice
from kiosk.ui.ideaform import KioskIdeaForm
from kiosk.ui.language import KioskLanguage
from kiosk.ui.router import KioskRouter
from kiosk.ui.staff import KioskStaff, StaffSection
from kiosk.ui.staff_audit import KioskStaffAudit
from kiosk.ui.staff_backups import KioskStaffBackups
from kiosk.ui.staff_blocks import KioskStaffBlocks
from kiosk.ui.staff_cards import KioskStaffCards
from kiosk.ui.staff_ideas import KioskStaffIdeas
from kiosk.ui.staff_import import KioskStaffImport
from kiosk.ui.staff_sync import KioskStaffSync
from kiosk.ui.staff_tools import KioskStaffTools
from kiosk.ui.sync import KioskSync
from kiosk.ui.wishlist import KioskWishList


@dataclass(frozen=True)
class ViewModels:
    feed: KioskChangeFeed
    router: KioskRouter
    kiosk_clock: KioskClock
    board: KioskBoard
    detail: KioskCardDetail
    form: KioskCardForm
    wish_list: KioskWishList
    idea_form: KioskIdeaForm
    attract: KioskAttract
    staff: KioskStaff
    staff_cards: KioskStaffCards
    staff_blocks: KioskStaffBlocks
    staff_ideas: KioskStaffIdeas
    staff_audit: KioskStaffAudit
    staff_import: KioskStaffImport
    staff_backups: KioskStaffBackups
    staff_tools: KioskStaffTools
    sync: KioskSync
    staff_sync: KioskStaffSync
    health: KioskHealth
    language: KioskLanguage

    def for_qml(self) -> dict[str, QObject]:
        """Main.qml's required properties, by their QML names (`wish_list` → `wishList`)."""
        names = {}
        for field in dataclasses.fields(self):
            head, *rest = field.name.split("_")
            names[head + "".join(part.title() for part in rest)] = getattr(self, field.name)
        return names


def build_view_models(service: BoardService, config: KioskConfig, clock: ShiftedClock, clock_note: str) -> ViewModels:
    feed = KioskChangeFeed(service)
    router = KioskRouter()
    kiosk_clock = KioskClock(clock, config.event, clock_note)
    settings = config.kiosk
    vms = ViewModels(
        feed=feed,
        router=router,
        kiosk_clock=kiosk_clock,
        board=KioskBoard(service, clock, feed, router, kiosk_clock=kiosk_clock),
        detail=KioskCardDetail(service, feed, router),
        form=KioskCardForm(
            service,
            feed,
            router,
            idle_seconds=settings.form_idle_seconds,
            warning_seconds=settings.form_warning_seconds,
        ),
        wish_list=KioskWishList(service, feed, router),
        idea_form=KioskIdeaForm(service, feed, router),
        attract=KioskAttract(service, clock, feed, router),
        staff=KioskStaff(service, router),
        staff_cards=KioskStaffCards(service, feed),
        staff_blocks=KioskStaffBlocks(service, feed),
        staff_ideas=KioskStaffIdeas(service, feed),
        staff_audit=KioskStaffAudit(service, feed),
        staff_import=KioskStaffImport(service, feed),
        staff_backups=KioskStaffBackups(service, feed),
        staff_tools=KioskStaffTools(service, feed, router, kiosk_clock),
        sync=KioskSync(service, feed, config.hub),
        staff_sync=KioskStaffSync(service, feed),
        health=KioskHealth(notice_for(service)),
        language=KioskLanguage(config.event.language, config.kiosk.keyboards),
    )
    vms.board.cardTapped.connect(vms.detail.show)
    vms.board.freeSlotTapped.connect(vms.form.startAdd)
    vms.detail.hostVerified.connect(vms.form.startEdit)
    vms.wish_list.hostRequested.connect(vms.form.beginHostingIdea)
    vms.idea_form.added.connect(vms.wish_list.welcome)
    vms.staff_cards.editRequested.connect(vms.form.startStaffEdit)
    vms.form.staffEditClosed.connect(vms.staff.reopen)
    vms.staff_cards.historyRequested.connect(vms.staff_audit.showCard)
    vms.staff_cards.historyRequested.connect(lambda _card: vms.staff.showSection(StaffSection.Audit))
    # A card saved here that the hub then displaced: its host may still be reading the saved screen.
    vms.sync.bookingsLost.connect(vms.form.bookingsLost)
    _refresh_staff_pages_while_open(vms)
    return vms


def _refresh_staff_pages_while_open(vms: ViewModels) -> None:
    """The staff panel's lists follow the board only while the panel is open, and catch up when it opens: rereading
    the audit log and every card after each host's save cost the save ~100 ms on a large board, for a panel that
    is closed nearly all day."""
    pages = (vms.staff_cards, vms.staff_blocks, vms.staff_ideas, vms.staff_audit, vms.staff_sync)
    stale = [False]
    for page in pages:
        vms.feed.boardChanged.disconnect(page.refresh)

    def board_changed() -> None:
        if vms.staff.isOpen:
            for page in pages:
                page.refresh()
        else:
            stale[0] = True

    def opened() -> None:
        if vms.staff.isOpen and stale[0]:
            stale[0] = False
            for page in pages:
                page.refresh()

    vms.feed.boardChanged.connect(board_changed)
    vms.staff.isOpenChanged.connect(opened)


def notice_for(service: BoardService) -> str:
    """What the start-up check did to the board, for staff to read on screen; empty if nothing."""
    recovery = service.start_check.recovery
    return "" if recovery is None else recovery_notice(recovery, service.event)


def connect_activity(vms: ViewModels, activity: SignalInstance) -> None:
    """A touch anywhere keeps the open form and the staff panel from timing out.

    Queued: the idle watcher sees a touch before the window does, and calling off the form's idle warning at
    once would uncover what is under it for that very touch.
    """
    for target in (vms.form.activity, vms.staff.activity):
        activity.connect(target, Qt.ConnectionType.QueuedConnection)

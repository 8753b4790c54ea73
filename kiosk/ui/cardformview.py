"""KioskCardFormView: what the host's form shows, as typed properties with one notify signal each.

`KioskCardForm` (kiosk.ui.cardform) adds what the form does. The split keeps each readable: here, the values
QML binds to, all read from one frozen `CardFormView` that is worked out once per change (kiosk.ui.formview);
`refresh()` signals only the properties whose values changed.
"""

from __future__ import annotations

from PySide6.QtCore import Property, QEnum, QObject, Signal
from PySide6.QtQml import QmlElement, QmlUncreatable

from kiosk.domain import validation
from kiosk.domain.model import Event
from kiosk.ui.formview import CardFormState, CardFormView, FormMode, FormStage, card_form_view
from kiosk.ui.preview import KioskCardPreview
from kiosk.ui.qrimage import qr_source
from kiosk.ui.tags import KioskTagModel, TagChip
from kiosk.ui.viewstate import emit_changes, notify_signals

QML_IMPORT_NAME = "Kiosk"
QML_IMPORT_MAJOR_VERSION = 1

_SIGNALS = notify_signals(CardFormView, skip=("preview",))


@QmlElement
@QmlUncreatable("The host's form is created by the application.")
class KioskCardFormView(QObject):  # type: ignore[operator]  # PySide6 stubs miss QmlUncreatable as a decorator
    QEnum(FormStage)
    QEnum(FormMode)

    isOpenChanged = Signal()
    modeChanged = Signal()
    stageChanged = Signal()
    roomNameChanged = Signal()
    whenLabelChanged = Signal()
    topicChanged = Signal()
    hostNameChanged = Signal()
    handleChanged = Signal()
    descriptionChanged = Signal()
    topicErrorChanged = Signal()
    hostNameErrorChanged = Signal()
    handleErrorChanged = Signal()
    descriptionErrorChanged = Signal()
    tagsErrorChanged = Signal()
    canSubmitChanged = Signal()
    noticeChanged = Signal()
    alternativesChanged = Signal()
    editCodeChanged = Signal()
    savedUrlChanged = Signal()
    savedQrSourceChanged = Signal()
    countdownChanged = Signal()
    confirmingDiscardChanged = Signal()
    ideaTopicChanged = Signal()

    def __init__(self, event: Event, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._event = event
        self._state = CardFormState()
        self._view = card_form_view(event, self._state)
        self._tags = KioskTagModel(self)
        self._preview = KioskCardPreview(self)
        self._adopting_topic = ""
        self.refresh()

    def refresh(self) -> None:
        """Work out the new view once and signal what changed."""
        old, self._view = self._view, card_form_view(self._event, self._state)
        emit_changes(self, old, self._view, _SIGNALS)
        if old.saved_url != self._view.saved_url:
            self.savedQrSourceChanged.emit()
        self._preview.show(self._view.preview)
        self._tags.set_chips([TagChip(t, t.key in self._state.tags) for t in self._event.tags])

    # --- properties: what is shown ---------------------------------------------------------------

    @Property(bool, notify=isOpenChanged)
    def isOpen(self) -> bool:
        return self._view.is_open

    @Property(int, notify=modeChanged)
    def mode(self) -> int:
        """A `FormMode`: adding a new card or editing one."""
        return self._view.mode

    @Property(int, notify=stageChanged)
    def stage(self) -> int:
        """A `FormStage`: typing, the slot lost, saved with the edit code, or cancelled."""
        return self._view.stage

    @Property(str, notify=roomNameChanged)
    def roomName(self) -> str:
        return self._view.room_name

    @Property(str, notify=whenLabelChanged)
    def whenLabel(self) -> str:
        return self._view.when_label

    @Property(str, notify=topicChanged)
    def topic(self) -> str:
        return self._view.topic

    @Property(str, notify=hostNameChanged)
    def hostName(self) -> str:
        return self._view.host_name

    @Property(str, notify=handleChanged)
    def handle(self) -> str:
        return self._view.handle

    @Property(str, notify=descriptionChanged)
    def description(self) -> str:
        return self._view.description

    @Property(str, notify=topicErrorChanged)
    def topicError(self) -> str:
        return self._view.topic_error

    @Property(str, notify=hostNameErrorChanged)
    def hostNameError(self) -> str:
        return self._view.host_name_error

    @Property(str, notify=handleErrorChanged)
    def handleError(self) -> str:
        return self._view.handle_error

    @Property(str, notify=descriptionErrorChanged)
    def descriptionError(self) -> str:
        return self._view.description_error

    @Property(str, notify=tagsErrorChanged)
    def tagsError(self) -> str:
        return self._view.tags_error

    @Property(bool, notify=canSubmitChanged)
    def canSubmit(self) -> bool:
        return self._view.can_submit

    @Property(str, notify=noticeChanged)
    def notice(self) -> str:
        return self._view.notice

    @Property("QStringList", notify=alternativesChanged)  # type: ignore[arg-type]
    def alternatives(self) -> list[str]:
        """Free slots near a lost one, as "Room · Fri 21 Apr · 10:00"; `chooseAlternative(i)` saves there."""
        return list(self._view.alternatives)

    @Property(str, notify=editCodeChanged)
    def editCode(self) -> str:
        return self._view.edit_code

    @Property(str, notify=savedUrlChanged)
    def savedUrl(self) -> str:
        return self._view.saved_url

    @Property(str, notify=savedQrSourceChanged)
    def savedQrSource(self) -> str:
        return qr_source(self._view.saved_url) if self._view.saved_url else ""

    @Property(int, notify=countdownChanged)
    def countdown(self) -> int:
        return self._view.countdown

    @Property(bool, notify=confirmingDiscardChanged)
    def confirmingDiscard(self) -> bool:
        """ "Cancel" was tapped on a form with something typed in it: ask before throwing it away."""
        return self._view.confirming_discard

    @Property(str, notify=ideaTopicChanged)
    def ideaTopic(self) -> str:
        """The wish-list idea being placed on the board, until a slot is picked or it is let go."""
        return self._adopting_topic

    @Property(KioskTagModel, constant=True)
    def tagOptions(self) -> KioskTagModel:
        return self._tags

    @Property(KioskCardPreview, constant=True)
    def preview(self) -> KioskCardPreview:
        """The card as the board will show it: cleaned text, normalised handle, first tag."""
        return self._preview

    @Property(str, constant=True)
    def hashtag(self) -> str:
        return self._event.hashtag

    # The limits QML shows beside each field come from the validator that enforces them.
    @Property(int, constant=True)
    def topicMax(self) -> int:
        return validation.TOPIC_MAX

    @Property(int, constant=True)
    def hostNameMax(self) -> int:
        return validation.HOST_NAME_MAX

    @Property(int, constant=True)
    def descriptionMax(self) -> int:
        return validation.DESCRIPTION_MAX

    @Property(int, constant=True)
    def tagsMax(self) -> int:
        return validation.TAGS_MAX

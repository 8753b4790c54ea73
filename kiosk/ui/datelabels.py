"""Date and time labels on screen, in the kiosk's language: names from Qt's locale data (CLDR), the order of the
parts from the translation catalogue (a German day reads `Freitag, 21. April`, a Spanish one `viernes, 21 de abril`).

The exports keep `kiosk.domain.labels` (English, no Qt); the English here matches it word for word.
"""

from __future__ import annotations

from datetime import date, datetime

from PySide6.QtCore import QDate

from kiosk.domain.labels import clock
from kiosk.domain.model import Event
from kiosk.ui.translation import current_locale, translate


def _format(day: date, pattern: str) -> str:
    return current_locale().toString(QDate(day.year, day.month, day.day), pattern)


def short_day(day: date) -> str:
    """`Fri 21 Apr`."""
    return _format(day, translate("dates", "ddd d MMM", "a day tab: Fri 21 Apr (Qt date format)"))


def long_day(day: date) -> str:
    """`Friday 21 April`."""
    return _format(day, translate("dates", "dddd d MMMM", "a day in full: Friday 21 April (Qt date format)"))


def weekday(day: date) -> str:
    """`Friday`."""
    return _format(day, translate("dates", "dddd", "a weekday alone: Friday (Qt date format)"))


def day_and_month(day: date) -> str:
    """`21 April`."""
    return _format(day, translate("dates", "d MMMM", "a date without its weekday: 21 April (Qt date format)"))


def day_label(day: date) -> dict[str, str]:
    """A day as the day tabs and pickers show it: weekday, short form and date."""
    return {"weekday": weekday(day), "short": short_day(day), "date": day_and_month(day)}


def when_label(event: Event, starts_at: datetime, ends_at: datetime) -> str:
    """`Friday 21 April · 10:00–11:00`, in the event's timezone."""
    start, end = event.local(starts_at), event.local(ends_at)
    return f"{long_day(start.date())} · {clock(start)}–{clock(end)}"


def short_when(event: Event, starts_at: datetime) -> str:
    """`Fri 21 Apr · 10:00`, in the event's timezone."""
    local = event.local(starts_at)
    return f"{short_day(local.date())} · {clock(local)}"


__all__ = ["clock", "day_and_month", "long_day", "short_day", "short_when", "weekday", "when_label"]

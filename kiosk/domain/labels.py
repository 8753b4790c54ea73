"""English date and time labels spelled out by hand, so what the wall and the exports say never depends on the
machine's locale (Qt sets the process locale from the environment at start)."""

from __future__ import annotations

from datetime import date, datetime

from kiosk.domain.model import Event

WEEKDAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
WEEKDAYS_LONG = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
MONTHS_LONG = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


def short_day(day: date) -> str:
    """`Fri 21 Apr`."""
    return f"{WEEKDAYS[day.weekday()]} {day.day} {MONTHS[day.month - 1]}"


def long_day(day: date) -> str:
    """`Friday 21 April`."""
    return f"{WEEKDAYS_LONG[day.weekday()]} {day.day} {MONTHS_LONG[day.month - 1]}"


def weekday(day: date) -> str:
    """`Friday`."""
    return WEEKDAYS_LONG[day.weekday()]


def day_and_month(day: date) -> str:
    """`21 April`."""
    return f"{day.day} {MONTHS_LONG[day.month - 1]}"


def clock(moment: datetime) -> str:
    """`09:00`, in whatever timezone `moment` carries."""
    return f"{moment.hour:02d}:{moment.minute:02d}"


def when_label(event: Event, starts_at: datetime, ends_at: datetime) -> str:
    """`Friday 21 April · 10:00–11:00`, in the event's timezone."""
    start, end = event.local(starts_at), event.local(ends_at)
    return f"{long_day(start.date())} · {clock(start)}–{clock(end)}"


def short_when(event: Event, starts_at: datetime) -> str:
    """`Fri 21 Apr · 10:00`, in the event's timezone."""
    local = event.local(starts_at)
    return f"{short_day(local.date())} · {clock(local)}"

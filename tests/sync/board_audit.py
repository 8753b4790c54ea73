"""Checking a synced conference as a whole: every kiosk's board against the others and against the hub.

`audit_conference` counts what syncing must keep at zero (cards lost, cards duplicated, slots double-booked,
displaced cards without a conflict) and whether every digest agrees, so convergence tests and the sync benchmark
report the same figures.
"""

from __future__ import annotations

import uuid
from collections import Counter
from dataclasses import dataclass

import sqlalchemy as sa
from sqlalchemy.engine import Engine

from kiosk.store.tables import ConflictRow, SessionRow
from tests.sync.harness import SimKiosk


@dataclass(frozen=True)
class ConferenceAudit:
    kiosks: int
    sessions: int
    live: int
    displaced: int
    conflicts: int
    lost: int
    duplicated: int
    double_booked: int
    unexplained_displaced: int
    digests_equal: bool

    @property
    def clean(self) -> bool:
        return (
            self.digests_equal
            and self.lost == 0
            and self.duplicated == 0
            and self.double_booked == 0
            and self.unexplained_displaced == 0
        )

    def line(self) -> str:
        return (
            f"{self.kiosks} kiosks, {self.sessions} sessions ({self.live} live, {self.displaced} displaced), "
            f"{self.conflicts} open conflicts; lost {self.lost}, duplicated {self.duplicated}, "
            f"double-booked {self.double_booked}, displaced without a conflict {self.unexplained_displaced}; "
            f"boards {'agree' if self.digests_equal else 'DIFFER'}"
        )


def audit_conference(kiosks: list[SimKiosk], created: set[uuid.UUID], hub: Engine | None = None) -> ConferenceAudit:
    """`created`: the id of every card any kiosk made (demo and imported cards included). Each kiosk must hold
    each of them, and no other."""
    lost = duplicated = double_booked = unexplained = 0
    last: tuple[int, int, int, int] = (0, 0, 0, 0)
    for kiosk in kiosks:
        with kiosk.service.engine.connect() as connection:
            rows = connection.execute(
                sa.select(
                    SessionRow.id, SessionRow.room_id, SessionRow.starts_at, SessionRow.deleted, SessionRow.displaced
                )
            ).all()
            open_conflicts = set(
                connection.scalars(
                    sa.select(ConflictRow.entity_id).where(ConflictRow.deleted.is_(False), ConflictRow.kind == "slot")
                )
            )
        ids = {row.id for row in rows}
        lost += len(created - ids)
        # Ids are primary keys, so a card applied twice would show up as a row nobody made.
        duplicated += len(ids - created)
        slots = Counter((row.room_id, row.starts_at) for row in rows if not row.deleted and not row.displaced)
        double_booked += sum(count - 1 for count in slots.values())
        displaced = [row.id for row in rows if row.displaced and not row.deleted]
        unexplained += sum(1 for card in displaced if card not in open_conflicts)
        last = (len(rows), sum(slots.values()), len(displaced), len(open_conflicts))
    if hub is not None:
        with hub.connect() as connection:
            double_booked += (
                connection.scalar(
                    sa.text(
                        "SELECT count(*) - count(DISTINCT (payload->>'room_id', payload->>'starts_at'))"
                        " FROM board_rows WHERE table_name = 'sessions' AND NOT deleted AND NOT displaced"
                    )
                )
                or 0
            )
    digests = {kiosk.digest() for kiosk in kiosks}
    sessions, live, displaced_count, conflicts = last
    return ConferenceAudit(
        kiosks=len(kiosks),
        sessions=sessions,
        live=live,
        displaced=displaced_count,
        conflicts=conflicts,
        lost=lost,
        duplicated=duplicated,
        double_booked=double_booked,
        unexplained_displaced=unexplained,
        digests_equal=len(digests) == 1,
    )

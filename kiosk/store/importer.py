"""Staff import planned sessions: every row of an import file checked against the board with each problem named (the
preview), then all of them put on the board in one change, or none of them.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from kiosk.domain.actors import Actor
from kiosk.share.importfile import ImportFile
from kiosk.store.cards import draft_columns
from kiosk.store.codes import UNUSABLE_CODE_HASH
from kiosk.store.context import StoreContext, reading
from kiosk.store.errors import SlotTaken, StoreError
from kiosk.store.import_rows import ImportBoard, PlannedRow, Slot
from kiosk.store.queries import live_room_rows
from kiosk.store.tables import SessionRow
from kiosk.store.writes import change


class ImportRefused(StoreError):  # noqa: N818 -- named like the store's other refusals (SlotTaken)
    """The import cannot go on the board as a whole; nothing of it was written.

    Besides the English message, the parts a screen needs to say it in its own language: whether the board changed
    since the preview, how many rows the plan had, and each failed row's line and problems.
    """

    def __init__(
        self,
        message: str,
        *,
        changed: bool = False,
        total: int = 0,
        failed: Sequence[tuple[int, Sequence[str]]] = (),
    ) -> None:
        super().__init__(message)
        self.changed = changed
        self.total = total
        self.failed = tuple((line, tuple(problems)) for line, problems in failed)


@dataclass(frozen=True, slots=True)
class ImportPlan:
    """The preview of an import: one `PlannedRow` per session in the file `source`, in file order."""

    source: str
    rows: tuple[PlannedRow, ...]
    warnings: tuple[str, ...] = ()
    # What the file's rows are called ("row", "entry"), with `PlannedRow.line`.
    unit: str = "row"

    @property
    def with_problems(self) -> tuple[PlannedRow, ...]:
        return tuple(row for row in self.rows if not row.ok)

    @property
    def ok(self) -> bool:
        """Whether `apply_import` would put every row on the board, as the board was at the preview."""
        return bool(self.rows) and not self.with_problems


def plan_import(ctx: StoreContext, file: ImportFile) -> ImportPlan:
    """Check every row of `file` against the board as it is now; nothing is written."""
    with reading(ctx) as s:
        board = ImportBoard(ctx.event, s)
    seen: dict[Slot, int] = {}
    rows = tuple(board.plan_row(raw, seen, file.unit) for raw in file.rows)
    return ImportPlan(file.filename, rows, file.warnings, file.unit)


def apply_import(ctx: StoreContext, plan: ImportPlan, actor: Actor) -> int:
    """Put every session of the plan on the board in one change, as `actor` (staff); returns how many.

    Raises `ImportRefused`, with nothing written, if any row has a problem, or if the board changed since the
    preview so that one now has (a slot taken or blocked meanwhile). Imported sessions have no edit code: staff
    edit them, as they do any card. Past slots are allowed: an import may restore the record of a day.
    """
    if not plan.rows:
        raise ImportRefused("There is nothing to import.")
    if not plan.ok:
        bad = [(row.line, row.problems) for row in plan.with_problems]
        raise ImportRefused(
            _refusal("Nothing was imported: fix the file and import it again.", plan, bad),
            total=len(plan.rows),
            failed=bad,
        )
    drafts = [row.draft for row in plan.rows if row.draft is not None]
    try:
        with change(ctx, actor, "staff.import") as c:
            # The preview's slot checks again, under the write lock, so what they find still holds at commit. (The
            # text was checked by the preview, which made the drafts; it cannot have changed since.)
            board = ImportBoard(ctx.event, c.session)
            late = [(row.line, board.recheck(draft)) for row, draft in zip(plan.rows, drafts, strict=True)]
            if failed := [(line, problems) for line, problems in late if problems]:
                raise ImportRefused(
                    _refusal("The board changed since the preview; nothing was imported.", plan, failed),
                    changed=True,
                    total=len(plan.rows),
                    failed=failed,
                )
            rooms = live_room_rows(c.session)
            for draft in drafts:
                columns = draft_columns(ctx.event, draft, rooms[draft.room_key].id)
                c.insert(SessionRow, **columns, edit_code_hash=UNUSABLE_CODE_HASH)
            c.describe("board", None, sessions=len(drafts), source=plan.source)
    except SlotTaken as race:
        # Another process took a slot between our check and the commit, and the unique index refused the commit.
        raise ImportRefused("A slot in the file was taken while importing; nothing was imported.") from race
    return len(drafts)


def summary(plan: ImportPlan) -> str:
    """`12 rows: 10 ready, 2 with problems`."""
    bad = len(plan.with_problems)
    text = f"{_count(len(plan.rows), plan.unit)}: {len(plan.rows) - bad} ready"
    return text + (f", {bad} with problems" if bad else "")


def _refusal(verdict: str, plan: ImportPlan, failed: Sequence[tuple[int, Sequence[str]]]) -> str:
    unit = plan.unit
    first = " ".join(f"{unit.title()} {line}: {' '.join(problems)}" for line, problems in failed[:3])
    more = f" (and {_count(len(failed) - 3, unit)} more)" if len(failed) > 3 else ""
    return f"{verdict} {len(failed)} of {_count(len(plan.rows), unit)} cannot go on the board. {first}{more}"


def _count(number: int, unit: str) -> str:
    plural = unit[:-1] + "ies" if unit.endswith("y") else unit + "s"
    return f"{number:,} {unit if number == 1 else plural}"

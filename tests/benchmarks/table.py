"""One row of the benchmark table: a figure, the baseline it was measured against in the same run, and the target.

Every benchmark module offers `rows(runs: int) -> list[Row]` beside its own `main()`, so
`python -m tests.benchmarks.all` can run them all and print one table (see README "Performance").
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Row:
    # What was measured, as a reader of the README would say it.
    measure: str
    # The figure itself, with its unit: "412 ms", "166.2 MiB", "0 lost".
    figure: str
    # The ratio to the baseline measured in the same run (None where a count speaks for itself).
    ratio: float | None = None
    # What the ratio is against: "the bare Qt Quick window (198 ms)".
    baseline: str = ""
    # The target the figure is held to, as the table prints it: "≤ 2.5×", "< 100 ms", "0".
    target: str = ""
    # Whether the target was met (None when there is no target).
    met: bool | None = None

    def cells(self) -> tuple[str, str, str, str]:
        ratio = f"{self.ratio:.2f}× {self.baseline}".strip() if self.ratio is not None else self.baseline
        verdict = {True: " ✓", False: " ✗", None: ""}[self.met]
        return self.measure, self.figure, ratio, f"{self.target}{verdict}".strip()


def markdown(rows: Iterable[Row]) -> str:
    """The rows as a Markdown table (what the README's "Performance" section shows)."""
    lines = ["| measure | figure | against the baseline | target |", "|---|---|---|---|"]
    lines += ["| " + " | ".join(cell.replace("|", "\\|") for cell in row.cells()) + " |" for row in rows]
    return "\n".join(lines)

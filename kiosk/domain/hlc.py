"""A hybrid logical clock: stamps that order changes across kiosks without trusting their wall clocks.

A stamp is (wall-clock milliseconds, counter, node). Every local change ticks the clock past both the wall clock
and the newest stamp seen, and every stamp pulled from the hub is merged in, so a change always sorts after
everything its kiosk had seen when it was made, even when a kiosk's clock is wrong or runs backwards. As text,
stamps sort in the same order as the tuples, so the database and the hub can compare them as strings.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True, order=True)
class Hlc:
    wall_ms: int
    counter: int
    node: str

    def __str__(self) -> str:
        return f"{self.wall_ms:013d}-{self.counter:06d}-{self.node}"

    @classmethod
    def parse(cls, text: str) -> Hlc | None:
        """A stamp from its text; None for an empty or malformed one (a row made before stamps existed)."""
        wall, _, rest = text.partition("-")
        counter, _, node = rest.partition("-")
        if not (wall.isdigit() and counter.isdigit() and node):
            return None
        return cls(int(wall), int(counter), node)

    def tick(self, now_ms: int) -> Hlc:
        """The stamp for a new local change."""
        if now_ms > self.wall_ms:
            return Hlc(now_ms, 0, self.node)
        return Hlc(self.wall_ms, self.counter + 1, self.node)

    def merge(self, seen: Hlc, now_ms: int) -> Hlc:
        """This clock after seeing another node's stamp: never behind it."""
        wall = max(self.wall_ms, seen.wall_ms, now_ms)
        if wall == self.wall_ms == seen.wall_ms:
            counter = max(self.counter, seen.counter) + 1
        elif wall == self.wall_ms:
            counter = self.counter + 1
        elif wall == seen.wall_ms:
            counter = seen.counter + 1
        else:
            counter = 0
        return Hlc(wall, counter, self.node)

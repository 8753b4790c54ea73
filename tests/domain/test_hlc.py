"""The hybrid logical clock: stamps only move forward, follow what was seen, and sort as text as they do as values."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from kiosk.domain.hlc import Hlc


def test_a_tick_follows_the_wall_clock_and_never_goes_back() -> None:
    clock = Hlc(1000, 0, "a")
    assert clock.tick(2000) == Hlc(2000, 0, "a")
    assert clock.tick(500) == Hlc(1000, 1, "a")  # the wall clock went back: the counter moves on


def test_merging_a_stamp_from_a_fast_kiosk_moves_past_it() -> None:
    mine = Hlc(1000, 3, "a")
    theirs = Hlc(5000, 7, "b")
    merged = mine.merge(theirs, now_ms=1200)
    assert (merged.wall_ms, merged.counter) > (theirs.wall_ms, theirs.counter) and merged.node == "a"
    assert merged.tick(1300) > merged


def test_text_round_trip_and_malformed_text() -> None:
    stamp = Hlc(1_700_000_000_000, 12, "kiosk-1a2b")
    assert Hlc.parse(str(stamp)) == stamp
    assert Hlc.parse("") is None and Hlc.parse("12-x-a") is None


stamps = st.builds(Hlc, st.integers(0, 10**12), st.integers(0, 10**5), st.sampled_from(["a", "b", "kiosk-9"]))


@given(stamps, stamps)
def test_text_order_is_value_order(a: Hlc, b: Hlc) -> None:
    assert (str(a) < str(b)) == (a < b)


@given(stamps, stamps, st.integers(0, 10**12))
def test_merge_is_never_behind_either_side(mine: Hlc, seen: Hlc, now: int) -> None:
    merged = mine.merge(seen, now)
    assert (merged.wall_ms, merged.counter) > (seen.wall_ms, seen.counter)
    assert (merged.wall_ms, merged.counter) > (mine.wall_ms, mine.counter)

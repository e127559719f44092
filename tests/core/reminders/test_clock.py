"""Noticing a sleep or a clock change between two ticks of the reminder timer."""

from __future__ import annotations

from anjian.core.reminders.clock import TICK_SECONDS, ClockReading, jump_seconds, jumped

BEFORE = ClockReading(wall=1_800_000_000.0, monotonic=5_000.0)


def test_an_ordinary_tick_is_no_jump() -> None:
    after = ClockReading(BEFORE.wall + TICK_SECONDS + 0.4, BEFORE.monotonic + TICK_SECONDS)
    assert not jumped(BEFORE, after)


def test_a_sleep_is_a_forward_jump() -> None:
    # Suspended for 8 hours: the monotonic clock stood still, the wall clock did not.
    after = ClockReading(BEFORE.wall + 8 * 3600 + TICK_SECONDS, BEFORE.monotonic + TICK_SECONDS)
    assert jumped(BEFORE, after) and jump_seconds(BEFORE, after) == 8 * 3600


def test_setting_the_clock_back_is_a_backward_jump() -> None:
    after = ClockReading(BEFORE.wall - 3600, BEFORE.monotonic + TICK_SECONDS)
    assert jumped(BEFORE, after) and jump_seconds(BEFORE, after) < 0


def test_ticks_stay_far_below_qtimers_limit() -> None:
    assert TICK_SECONDS * 1000 < 2**31 - 1
    assert 3600 / TICK_SECONDS <= 60  # at most one wake-up a minute

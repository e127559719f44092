"""Noticing that the wall clock jumped: the machine slept, or the clock was set.

A reminder timer ticks every few minutes (never one long timer: QTimer cannot
wait more than 2^31 ms, and a long timer sleeps through suspend). At each tick
the wall clock should have moved as much as the monotonic clock; if it moved
much more (a sleep: on Linux the monotonic clock stops while suspended) or
less, even backwards (the clock was set back), due items are recomputed now.
"""

from __future__ import annotations


from anjian.record import record

TICK_SECONDS = 300  # how often the reminder timer asks due_items: 12 wake-ups an hour
JUMP_TOLERANCE_SECONDS = 90.0


@record
class ClockReading:
    wall: float  # time.time()
    monotonic: float  # time.monotonic()


def jump_seconds(before: ClockReading, after: ClockReading) -> float:
    """How far the wall clock moved beyond (or short of) the monotonic clock."""
    return (after.wall - before.wall) - (after.monotonic - before.monotonic)


def jumped(before: ClockReading, after: ClockReading,
           tolerance: float = JUMP_TOLERANCE_SECONDS) -> bool:
    """Whether the wall clock jumped between two readings."""
    return abs(jump_seconds(before, after)) > tolerance

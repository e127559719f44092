"""Notifications: newly due items, at most once a day each, never in quiet hours."""

from __future__ import annotations

from datetime import datetime, time, timedelta, timezone

import pytest

from anjian.core.checklist.progress import ChecklistProgress
from anjian.core.reminders.due_item import DueItem
from anjian.core.reminders.notify import QuietHours, to_notify

NOW = datetime(2026, 11, 23, 9, 0, tzinfo=timezone.utc)
ITEM = DueItem(id="backups-tested", item_id="backups-tested", title=None, due_at=NOW,  # type: ignore[arg-type]
               section="backups")
AWAKE = time(10, 0)
QUIET = QuietHours()


def test_a_newly_due_item_is_notified() -> None:
    assert to_notify([ITEM], ChecklistProgress(), NOW, AWAKE, QUIET) == [ITEM]


def test_an_item_is_notified_at_most_once_a_day() -> None:
    progress = ChecklistProgress().notified_at([ITEM.id], NOW)
    assert to_notify([ITEM], progress, NOW + timedelta(hours=23), AWAKE, QUIET) == []
    assert to_notify([ITEM], progress, NOW + timedelta(hours=24), AWAKE, QUIET) == [ITEM]


@pytest.mark.parametrize(("local", "quiet"), [
    (time(23, 30), True), (time(2, 0), True), (time(7, 59), True), (time(8, 0), False),
    (time(21, 59), False), (time(12, 0), False)])
def test_quiet_hours_cross_midnight(local: time, quiet: bool) -> None:
    assert QUIET.contains(local) is quiet
    assert (to_notify([ITEM], ChecklistProgress(), NOW, local, QUIET) == []) is quiet


def test_quiet_hours_within_one_day_and_switched_off() -> None:
    lunch = QuietHours(time(12, 0), time(13, 0))
    assert lunch.contains(time(12, 30)) and not lunch.contains(time(13, 0))
    assert not QuietHours(enabled=False).contains(time(23, 0))

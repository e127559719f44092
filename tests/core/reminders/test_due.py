"""What is due, with injected time: cadences, snoozes, dismissals, sleep and clock changes."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

from anjian.core.checklist.evaluate import evaluate_all
from anjian.core.checklist.items import ItemKind
from anjian.core.checklist.progress import Answer, ChecklistProgress
from anjian.core.reminders.due import DUE_SOON, due_items
from anjian.core.state import State

from ..checklist.test_evaluate import item

NOW = datetime(2026, 11, 23, 9, 0, tzinfo=timezone.utc)
STATE = State.empty(NOW - timedelta(days=400))
ITEMS = [item("monthly", cadence_days=30), item("yearly", cadence_days=365),
         item("read-me", weight=0, kind=ItemKind.HELP, cadence_days=None)]


def due(progress: ChecklistProgress, now: datetime = NOW, horizon: timedelta = timedelta(0)):
    return [d.id for d in due_items(evaluate_all(ITEMS, STATE, progress, now), progress, now, horizon)]


def confirmed(at: datetime) -> ChecklistProgress:
    return (ChecklistProgress().answered("monthly", Answer.DONE, at)
            .answered("yearly", Answer.DONE, at))


def test_unanswered_items_are_due_and_help_never_is() -> None:
    assert due(ChecklistProgress()) == ["monthly", "yearly"]


def test_confirmed_items_are_due_again_after_their_cadence() -> None:
    progress = confirmed(NOW)
    assert due(progress, NOW + timedelta(days=29)) == []
    assert due(progress, NOW + timedelta(days=30)) == ["monthly"]
    assert due(progress, NOW + timedelta(days=365)) == ["monthly", "yearly"]


def test_due_soon_looks_ahead() -> None:
    progress = confirmed(NOW - timedelta(days=20))
    assert due(progress) == []
    assert due(progress, horizon=DUE_SOON) == ["monthly"]


def test_snoozed_item_returns_when_the_snooze_ends() -> None:
    progress = ChecklistProgress().snoozed("monthly", NOW + timedelta(days=1))
    assert due(progress) == ["yearly"]
    assert due(progress, NOW + timedelta(days=1)) == ["monthly", "yearly"]


def test_dismissed_item_is_never_due() -> None:
    assert due(ChecklistProgress().dismissing("monthly")) == ["yearly"]


def test_a_long_sleep_makes_everything_overdue_at_once_not_lost() -> None:
    # The machine slept through both due dates: the next question after waking sees both.
    progress = confirmed(NOW)
    assert due(progress, NOW + timedelta(days=500)) == ["monthly", "yearly"]


def test_clock_set_back_makes_nothing_due_early() -> None:
    progress = confirmed(NOW)
    assert due(progress, NOW - timedelta(days=3)) == []


def test_oldest_due_first() -> None:
    progress = (ChecklistProgress().answered("yearly", Answer.DONE, NOW - timedelta(days=400))
                .answered("monthly", Answer.DONE, NOW - timedelta(days=31)))
    assert due(progress) == ["yearly", "monthly"]

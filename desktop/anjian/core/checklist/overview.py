"""Everything the Overview page, the tray and ``anjian-cli check`` show, in one value."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from anjian.core.checklist.evaluate import ItemStatus, Score, evaluate_all, score
from anjian.core.checklist.items import ChecklistItem
from anjian.core.reminders.due import DUE_SOON, due_items
from anjian.core.reminders.due_item import DueItem
from anjian.core.state import State
from anjian.record import record


@record
class Overview:
    statuses: tuple[ItemStatus, ...]
    score: Score
    due_now: tuple[DueItem, ...]
    due_soon: tuple[DueItem, ...]  # due within DUE_SOON, not yet due
    history: tuple[tuple[datetime, int], ...]  # earlier days' scores, oldest first


def overview(state: State, items: Sequence[ChecklistItem], now: datetime) -> Overview:
    """The checklist's state at ``now``."""
    statuses = evaluate_all(items, state, state.checklist, now)
    due_now = due_items(statuses, state.checklist, now)
    now_ids = {d.id for d in due_now}
    soon = [d for d in due_items(statuses, state.checklist, now, DUE_SOON) if d.id not in now_ids]
    return Overview(tuple(statuses), score(statuses), tuple(due_now), tuple(soon),
                    state.checklist.scores)

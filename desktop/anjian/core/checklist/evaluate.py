"""Each item's state, the overall score and what it lost points for.

The score is the weighted share of the scored, applicable items that are done,
0-100. Each deduction names the item, its points and its fix, so the score is
never a mystery number.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from enum import Enum

from anjian.core.checklist.checks import CHECKS, CheckResult
from anjian.core.checklist.items import ChecklistItem, ItemKind
from anjian.core.checklist.progress import Answer, ChecklistProgress
from anjian.core.reminders.due_item import DueItem
from anjian.core.state import State
from anjian.i18n import N_, Text
from anjian.record import record


class Status(str, Enum):
    DONE = "done"
    ATTENTION = "attention"  # a check failed, or a record or habit is due again
    PENDING = "pending"  # never answered
    LATER = "later"  # the user chose "later"
    NOT_APPLICABLE = "not-applicable"
    INFO = "info"  # a help item


@record
class ItemStatus:
    """An item, how it stands, and what is due for it."""

    item: ChecklistItem
    status: Status
    reason: Text | None = None
    due_at: datetime | None = None  # when it became, or becomes, due again
    urgent: bool = False
    due: tuple[DueItem, ...] = ()


def evaluate(item: ChecklistItem, state: State, progress: ChecklistProgress,
             now: datetime) -> ItemStatus:
    """How ``item`` stands at ``now``."""
    answer = progress.answers.get(item.id)
    if item.kind is ItemKind.HELP:
        return ItemStatus(item, Status.INFO)
    if answer is not None and answer.answer is Answer.NOT_APPLICABLE:
        return ItemStatus(item, Status.NOT_APPLICABLE)
    check = CHECKS.get(item.decided_by or "")
    result = check(state, now) if check is not None else CheckResult(None)
    if result.satisfied is False:
        return ItemStatus(item, Status.ATTENTION, result.reason, now, result.urgent, result.due)
    if result.satisfied is True:
        return ItemStatus(item, Status.DONE, due=result.due)
    # Nothing to judge by: the user's own answer decides.
    if answer is None:
        return ItemStatus(item, Status.PENDING)
    if answer.answer is Answer.LATER:
        return ItemStatus(item, Status.LATER, due_at=answer.at)
    if item.cadence is not None:
        again = answer.at + item.cadence
        if again <= now:
            return ItemStatus(item, Status.ATTENTION, Text(N_("Last confirmed on {date}.")
                              , {"date": answer.at.date().isoformat()}), again)
        return ItemStatus(item, Status.DONE, due_at=again)
    return ItemStatus(item, Status.DONE)


def evaluate_all(items: Sequence[ChecklistItem], state: State, progress: ChecklistProgress,
                 now: datetime) -> list[ItemStatus]:
    """Every item's status, in checklist order."""
    return [evaluate(item, state, progress, now) for item in items]


@record
class Deduction:
    """Points an item costs the score, and why."""

    status: ItemStatus
    points: int


@record
class Score:
    value: int  # 0-100
    deductions: tuple[Deduction, ...]  # largest first; they add up to 100 - value


def score(statuses: Sequence[ItemStatus]) -> Score:
    """The overall score of the items' statuses."""
    counted = [s for s in statuses if s.item.scored and s.status is not Status.NOT_APPLICABLE]
    total = sum(s.item.weight for s in counted)
    if total == 0:
        return Score(100, ())
    lost = [s for s in counted if s.status is not Status.DONE]
    # Each lost item's share of 100 points is 100 * weight / total: exact integer
    # arithmetic on the numerators (one denominator, ``total``).
    shares = [(s, 100 * s.item.weight) for s in lost]
    value = 100 - _round_half_even(sum(n for _, n in shares), total)
    # Whole points per deduction that add up exactly (largest remainder first).
    points = {id(s): n // total for s, n in shares}
    leftover = (100 - value) - sum(points.values())
    for s, _ in sorted(shares, key=lambda p: p[1] % total, reverse=True)[:leftover]:
        points[id(s)] += 1
    deductions = sorted((Deduction(s, points[id(s)]) for s, _ in shares),
                        key=lambda d: (not d.status.urgent, -d.points))
    return Score(value, tuple(deductions))


def _round_half_even(numerator: int, denominator: int) -> int:
    """``round(numerator / denominator)`` without floating point (ties to even, as round)."""
    quotient, remainder = divmod(numerator, denominator)
    if 2 * remainder > denominator or (2 * remainder == denominator and quotient % 2):
        return quotient + 1
    return quotient

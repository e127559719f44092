"""Item states and the overall score, with injected time."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timedelta, timezone

import pytest

from anjian.core.checklist.evaluate import Status, evaluate, evaluate_all, score
from anjian.core.checklist.items import ChecklistItem, ItemKind
from anjian.core.checklist.progress import Answer, ChecklistProgress
from anjian.core.state import Account, State

NOW = datetime(2026, 11, 23, 9, 0, tzinfo=timezone.utc)
EMPTY = State.empty(NOW - timedelta(days=400))


def item(id: str, weight: int = 10, cadence_days: int | None = 90, kind: ItemKind = ItemKind.HABIT,
         decided_by: str | None = None) -> ChecklistItem:
    return ChecklistItem(id=id, advice=(), kind=kind, section="overview", weight=weight,
                         cadence=None if cadence_days is None else timedelta(days=cadence_days),
                         decided_by=decided_by, title=f"title {id}", why="why", how="how")


def progress(**answers: tuple[Answer, datetime]) -> ChecklistProgress:
    result = ChecklistProgress()
    for key, (answer, at) in answers.items():
        result = result.answered(key, answer, at)
    return result


def test_unanswered_item_is_pending() -> None:
    assert evaluate(item("a"), EMPTY, ChecklistProgress(), NOW).status is Status.PENDING


def test_confirmed_habit_is_done_until_its_cadence_runs_out() -> None:
    done_at = NOW - timedelta(days=89)
    status = evaluate(item("a"), EMPTY, progress(a=(Answer.DONE, done_at)), NOW)
    assert status.status is Status.DONE and status.due_at == done_at + timedelta(days=90)


def test_confirmed_habit_needs_attention_once_its_cadence_ran_out() -> None:
    done_at = NOW - timedelta(days=90)
    status = evaluate(item("a"), EMPTY, progress(a=(Answer.DONE, done_at)), NOW)
    assert status.status is Status.ATTENTION and status.due_at == NOW


def test_item_without_cadence_stays_done() -> None:
    status = evaluate(item("a", cadence_days=None), EMPTY,
                      progress(a=(Answer.DONE, NOW - timedelta(days=3000))), NOW)
    assert status.status is Status.DONE


def test_not_applicable_wins_over_a_failing_check() -> None:
    listed = item("a", decided_by="accounts.listed", kind=ItemKind.RECORD)
    status = evaluate(listed, EMPTY, progress(a=(Answer.NOT_APPLICABLE, NOW)), NOW)
    assert status.status is Status.NOT_APPLICABLE


def test_a_check_decides_over_the_users_answer() -> None:
    listed = item("a", decided_by="accounts.listed", kind=ItemKind.RECORD)
    claimed = progress(a=(Answer.DONE, NOW))
    assert evaluate(listed, EMPTY, claimed, NOW).status is Status.ATTENTION
    with_account = EMPTY.with_account(Account(id="x", name="OK 钱包", created=NOW))
    assert evaluate(listed, with_account, ChecklistProgress(), NOW).status is Status.DONE


def test_help_items_are_information_only() -> None:
    assert evaluate(item("h", weight=0, kind=ItemKind.HELP), EMPTY, ChecklistProgress(),
                    NOW).status is Status.INFO


def test_nothing_done_scores_zero_and_everything_done_scores_100() -> None:
    items = [item("a", 10), item("b", 30)]
    assert score(evaluate_all(items, EMPTY, ChecklistProgress(), NOW)).value == 0
    all_done = progress(a=(Answer.DONE, NOW), b=(Answer.DONE, NOW))
    result = score(evaluate_all(items, EMPTY, all_done, NOW))
    assert result.value == 100 and result.deductions == ()


def test_score_is_the_weighted_share_done() -> None:
    items = [item("a", 10), item("b", 30)]
    result = score(evaluate_all(items, EMPTY, progress(b=(Answer.DONE, NOW)), NOW))
    assert result.value == 75
    [deduction] = result.deductions
    assert (deduction.status.item.id, deduction.points) == ("a", 25)


def test_not_applicable_items_leave_the_score() -> None:
    items = [item("a", 10), item("b", 30)]
    answers = progress(a=(Answer.NOT_APPLICABLE, NOW), b=(Answer.DONE, NOW))
    assert score(evaluate_all(items, EMPTY, answers, NOW)).value == 100


@pytest.mark.parametrize("weights", [(1, 1, 1), (3, 5, 7, 11), (10, 15, 12, 8, 6, 5, 3, 2, 2)])
def test_deductions_add_up_to_what_the_score_lost(weights: tuple[int, ...]) -> None:
    items = [item(f"i{n}", w) for n, w in enumerate(weights)]
    done = progress(i0=(Answer.DONE, NOW))
    result = score(evaluate_all(items, EMPTY, done, NOW))
    assert sum(d.points for d in result.deductions) == 100 - result.value


def test_urgent_deductions_come_first() -> None:
    items = [item("a", 40), item("b", 5)]
    statuses = evaluate_all(items, EMPTY, ChecklistProgress(), NOW)
    statuses[1] = replace(statuses[1], urgent=True)
    assert score(statuses).deductions[0].status.item.id == "b"


def test_round_half_even_matches_round_on_fractions() -> None:
    from fractions import Fraction

    from anjian.core.checklist.evaluate import _round_half_even

    for denominator in range(1, 40):
        for numerator in range(0, 400):
            assert _round_half_even(numerator, denominator) == round(Fraction(numerator, denominator))

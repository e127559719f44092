"""The checklist's password checks, with injected time."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

from anjian.core.accounts import changes
from anjian.core.checklist.checks import CHECKS
from anjian.core.passwords.records import PasswordCheck, Passwords
from anjian.core.state import AccountKind, State

T0 = datetime(2026, 1, 10, 9, 0, tzinfo=timezone.utc)


def state_with(*checks: PasswordCheck, accounts=("a", "b"), months: int = 12) -> State:
    state = State.empty(T0)
    for account_id in accounts:
        state = changes.add_account(account_id, account_id.upper(), AccountKind.WALLET, "",
                                    T0)(state)
    from dataclasses import replace

    return replace(state, passwords=Passwords(checks=checks, review_months=months))


def check(account_id: str, score: int = 4, **fields) -> PasswordCheck:
    return PasswordCheck(account_id, score, 12.0, fields.pop("checked", T0), **fields)


def test_the_three_password_checks_are_registered():
    assert {"passwords.strength", "passwords.unique", "passwords.review"} <= set(CHECKS)


def test_strength_is_undecided_before_any_check():
    assert CHECKS["passwords.strength"](state_with(), T0).satisfied is None


def test_a_weak_password_fails_strength_with_a_due_item_for_its_account():
    result = CHECKS["passwords.strength"](state_with(check("a", 1), check("b")), T0)
    assert result.satisfied is False
    assert [d.id for d in result.due] == ["password-strength:a"]
    assert result.due[0].section == "passwords"


def test_a_leaked_password_is_urgent():
    result = CHECKS["passwords.strength"](
        state_with(check("a", 0, in_leak_lists=True), check("b")), T0)
    assert result.urgent and result.due[0].urgent


def test_an_unchecked_account_keeps_strength_from_being_done():
    assert CHECKS["passwords.strength"](state_with(check("a")), T0).satisfied is False


def test_strong_passwords_on_every_account_pass_strength():
    assert CHECKS["passwords.strength"](state_with(check("a"), check("b")), T0).satisfied is True


def test_a_check_of_a_removed_account_is_ignored():
    assert CHECKS["passwords.strength"](state_with(check("gone", 0), accounts=()), T0) \
        .satisfied is None


def test_uniqueness_needs_two_checks():
    assert CHECKS["passwords.unique"](state_with(check("a")), T0).satisfied is None


def test_reuse_fails_uniqueness_for_both_accounts():
    result = CHECKS["passwords.unique"](
        state_with(check("a", reused_with=("b",)), check("b", reused_with=("a",))), T0)
    assert result.satisfied is False
    assert {d.id for d in result.due} == {"password-unique:a", "password-unique:b"}


def test_near_reuse_fails_uniqueness_too():
    result = CHECKS["passwords.unique"](
        state_with(check("a", similar_to=("b",)), check("b", similar_to=("a",))), T0)
    assert result.satisfied is False


def test_distinct_passwords_pass_uniqueness():
    assert CHECKS["passwords.unique"](state_with(check("a"), check("b")), T0).satisfied is True


def test_a_review_is_not_due_within_the_cadence():
    result = CHECKS["passwords.review"](state_with(check("a")), T0 + timedelta(days=300))
    assert (result.satisfied, result.due) == (True, ())


def test_a_review_is_due_a_cadence_after_the_check():
    result = CHECKS["passwords.review"](state_with(check("a")), T0 + timedelta(days=366))
    assert result.satisfied is False
    assert [d.id for d in result.due] == ["password-review:a"]


def test_a_review_coming_up_within_two_weeks_is_listed_but_not_failed():
    result = CHECKS["passwords.review"](state_with(check("a")), T0 + timedelta(days=360))
    assert result.satisfied is True and [d.id for d in result.due] == ["password-review:a"]


def test_a_later_reported_change_moves_the_review():
    late = check("a", changed=date(2026, 6, 1))
    result = CHECKS["passwords.review"](state_with(late), T0 + timedelta(days=366))
    assert result.satisfied is True


def test_a_shorter_cadence_makes_the_review_due_sooner():
    result = CHECKS["passwords.review"](state_with(check("a"), months=3),
                                        T0 + timedelta(days=100))
    assert result.satisfied is False

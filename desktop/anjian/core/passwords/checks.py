"""The checklist's checks for passwords, decided from the ``passwords`` section.

``passwords.strength`` decides "Use a strong password on every account",
``passwords.unique`` "Use a different password for every account" and
``passwords.review`` "Review your passwords once a year" (the cadence is the
section's setting). Each says ``None`` (the user's own answer decides) until
a password was checked on the Passwords page. Registered in
:data:`anjian.core.checklist.checks.CHECKS`; this module imports no scorer.
"""

from __future__ import annotations

from datetime import datetime, time, timedelta, timezone
from typing import TYPE_CHECKING

from anjian.core.passwords.records import PasswordCheck, review_due
from anjian.core.state import State
from anjian.i18n import N_, Text

if TYPE_CHECKING:
    from anjian.core.checklist.checks import CheckResult

STRENGTH_ITEM = "password-strength"
UNIQUE_ITEM = "password-unique"
REVIEW_ITEM = "password-review"
STRONG_ENOUGH = 3  # zxcvbn's "safely unguessable": about 10^10 guesses
_SOON = timedelta(days=14)


def _checked(state: State) -> list[PasswordCheck]:
    """The checks of accounts still in the register."""
    return [c for c in state.passwords.checks if state.account(c.account_id) is not None]


def _name(state: State, account_id: str) -> str:
    account = state.account(account_id)
    return account.name if account is not None else account_id


def password_strength(state: State, now: datetime) -> CheckResult:
    """Every account's password was checked and none scored below 3."""
    from anjian.core.checklist.checks import CheckResult
    from anjian.core.reminders.due_item import DueItem

    checked = _checked(state)
    if not checked:
        return CheckResult(None)
    weak = [c for c in checked if c.score < STRONG_ENOUGH]
    due = tuple(DueItem(
        id=f"{STRENGTH_ITEM}:{c.account_id}", item_id=STRENGTH_ITEM,
        title=Text(N_("Change the weak password of {account}"),
                   {"account": _name(state, c.account_id)}),
        due_at=c.checked, section="passwords", urgent=c.in_leak_lists) for c in weak)
    if weak:
        return CheckResult(False, Text(N_("{count} account(s) have a weak password."),
                                       {"count": len(weak)}),
                           urgent=any(c.in_leak_lists for c in weak), due=due)
    unchecked = len(state.accounts) - len(checked)
    if unchecked:
        return CheckResult(False, Text(N_("{count} account(s) have no password check yet."),
                                       {"count": unchecked}))
    return CheckResult(True)


def password_unique(state: State, now: datetime) -> CheckResult:
    """No two checked accounts share a password, or the same one with another ending."""
    from anjian.core.checklist.checks import CheckResult
    from anjian.core.reminders.due_item import DueItem

    checked = _checked(state)
    if len(checked) < 2:
        return CheckResult(None)  # one fingerprint can't be compared with anything
    listed = {a.id for a in state.accounts}
    shared = [c for c in checked if set(c.reused_with + c.similar_to) & listed]
    if not shared:
        return CheckResult(True)
    due = tuple(DueItem(
        id=f"{UNIQUE_ITEM}:{c.account_id}", item_id=UNIQUE_ITEM,
        title=Text(N_("Give {account} a password of its own"),
                   {"account": _name(state, c.account_id)}),
        due_at=c.checked, section="passwords") for c in shared)
    return CheckResult(False, Text(N_(
        "{count} account(s) share a password, or nearly the same one, with another account."),
        {"count": len(shared)}), due=due)


def password_review(state: State, now: datetime) -> CheckResult:
    """Every checked password was reviewed (checked or changed) within the cadence."""
    from anjian.core.checklist.checks import CheckResult
    from anjian.core.reminders.due_item import DueItem

    checked = _checked(state)
    if not checked:
        return CheckResult(None)
    months = state.passwords.review_months
    due, overdue = [], 0
    for check in checked:
        due_at = datetime.combine(review_due(check, months), time(9), tzinfo=timezone.utc)
        overdue += due_at <= now
        if due_at <= now + _SOON:
            due.append(DueItem(
                id=f"{REVIEW_ITEM}:{check.account_id}", item_id=REVIEW_ITEM,
                title=Text(N_("Review the password of {account}"),
                           {"account": _name(state, check.account_id)}),
                due_at=due_at, section="passwords"))
    if overdue:
        return CheckResult(False, Text(N_("{count} password(s) are due for their review."),
                                       {"count": overdue}), due=tuple(due))
    return CheckResult(True, due=tuple(due))

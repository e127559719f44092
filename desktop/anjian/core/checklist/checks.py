"""The checks that decide checklist items from the state.

Each check looks at the state (and ``now``) and says whether the item is
satisfied, why not, and which of its records are due. ``satisfied=None`` means
the state holds nothing to judge by (the feature was never used): the user's
own answer then decides the item. Features add their checks to :data:`CHECKS`
under the ``decided_by`` ids of ``resources/content/checklist.json``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from anjian.core.reminders.due_item import DueItem
from anjian.core.state import State
from anjian.i18n import N_, Text


@dataclass(frozen=True)
class CheckResult:
    """The verdict of a check."""

    satisfied: bool | None
    reason: Text | None = None
    urgent: bool = False  # e.g. a bound phone that is no longer the user's
    due: tuple[DueItem, ...] = ()  # records of this item that are due (or due soon)


Check = Callable[[State, datetime], CheckResult]


def accounts_listed(state: State, now: datetime) -> CheckResult:
    """At least one account is in the register."""
    if state.accounts:
        return CheckResult(True)
    return CheckResult(False, Text(N_("No account is listed yet.")))


def _contacts_current(state: State, now: datetime) -> CheckResult:
    from anjian.core.accounts.checks import contacts_current  # imports this module

    return contacts_current(state, now)


def _channels_pinned(state: State, now: datetime) -> CheckResult:
    from anjian.core.accounts.checks import channels_pinned

    return channels_pinned(state, now)


def _password_strength(state: State, now: datetime) -> CheckResult:
    from anjian.core.passwords.checks import password_strength

    return password_strength(state, now)


def _password_unique(state: State, now: datetime) -> CheckResult:
    from anjian.core.passwords.checks import password_unique

    return password_unique(state, now)


def _password_review(state: State, now: datetime) -> CheckResult:
    from anjian.core.passwords.checks import password_review

    return password_review(state, now)


def _two_factor_enabled(state: State, now: datetime) -> CheckResult:
    from anjian.core.twofactor.checks import enabled

    return enabled(state, now)


def _two_factor_drill(state: State, now: datetime) -> CheckResult:
    from anjian.core.twofactor.checks import drill

    return drill(state, now)


def _two_factor_recovery(state: State, now: datetime) -> CheckResult:
    from anjian.core.twofactor.checks import recovery

    return recovery(state, now)


def _backups_recorded(state: State, now: datetime) -> CheckResult:
    from anjian.core.backups.checks import backups_recorded

    return backups_recorded(state, now)


def _backups_tested(state: State, now: datetime) -> CheckResult:
    from anjian.core.backups.checks import backups_tested

    return backups_tested(state, now)


CHECKS: dict[str, Check] = {
    "accounts.listed": accounts_listed,
    "accounts.contacts": _contacts_current,
    "accounts.channels": _channels_pinned,
    "passwords.strength": _password_strength,
    "passwords.unique": _password_unique,
    "passwords.review": _password_review,
    "twofactor.enabled": _two_factor_enabled,
    "twofactor.drill": _two_factor_drill,
    "twofactor.recovery": _two_factor_recovery,
    "backups.recorded": _backups_recorded,
    "backups.tested": _backups_tested,
}

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


CHECKS: dict[str, Check] = {
    "accounts.listed": accounts_listed,
    "accounts.contacts": _contacts_current,
    "accounts.channels": _channels_pinned,
}

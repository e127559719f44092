"""The checks that decide checklist items from the state.

Each check looks at the state (and ``now``) and says whether the item is
satisfied, why not, and which of its records are due. ``satisfied=None`` means
the state holds nothing to judge by (the feature was never used): the user's
own answer then decides the item. Features add their checks to :data:`CHECKS`
under the ``decided_by`` ids of ``resources/content/checklist.json``.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from datetime import datetime

from anjian.core.reminders.due_item import DueItem
from anjian.core.state import State
from anjian.i18n import N_, Text
from anjian.record import record


@record
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


def _deferred(module: str, name: str) -> Check:
    """The check ``module.name``, imported when first run.

    Feature modules import this one (for :class:`CheckResult`), and ``anjian-cli
    check`` should load only what the state needs.
    """
    def check(state: State, now: datetime) -> CheckResult:
        function: Check = getattr(importlib.import_module(module), name)
        return function(state, now)

    check.__name__ = name
    return check


CHECKS: dict[str, Check] = {
    "accounts.listed": accounts_listed,
    "accounts.contacts": _deferred("anjian.core.accounts.checks", "contacts_current"),
    "accounts.channels": _deferred("anjian.core.accounts.checks", "channels_pinned"),
    "passwords.strength": _deferred("anjian.core.passwords.checks", "password_strength"),
    "passwords.unique": _deferred("anjian.core.passwords.checks", "password_unique"),
    "passwords.review": _deferred("anjian.core.passwords.checks", "password_review"),
    "twofactor.enabled": _deferred("anjian.core.twofactor.checks", "enabled"),
    "twofactor.drill": _deferred("anjian.core.twofactor.checks", "drill"),
    "twofactor.recovery": _deferred("anjian.core.twofactor.checks", "recovery"),
    "backups.recorded": _deferred("anjian.core.backups.checks", "backups_recorded"),
    "backups.tested": _deferred("anjian.core.backups.checks", "backups_tested"),
}

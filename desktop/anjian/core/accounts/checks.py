"""The checklist's checks for bound contacts and official channels.

``accounts.contacts`` decides "Keep the phone and e-mail bound to each account your
own"; ``accounts.channels`` decides "Pin each service's official website and
support channels". Both say ``None`` (the user's own answer decides) until the
user has recorded anything to judge by. Registered in
:data:`anjian.core.checklist.checks.CHECKS`.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from anjian.core.state import State
from anjian.i18n import N_, Text

if TYPE_CHECKING:
    from anjian.core.checklist.checks import CheckResult

CONTACTS_ITEM = "contacts-current"
_SOON = timedelta(days=14)


def contacts_current(state: State, now: datetime) -> CheckResult:
    """Every bound contact is confirmed within its cadence and none is lost."""
    from anjian.core.checklist.checks import CheckResult
    from anjian.core.reminders.due_item import DueItem

    listed = {a.id for a in state.accounts}
    contacts = [c for c in state.account_details.contacts if set(c.account_ids) & listed]
    if not contacts:
        return CheckResult(None)
    # Here, not at the top: with no contacts, anjian-cli check never loads them.
    from anjian.core.accounts.contacts import ContactStatus

    due, lost, overdue = [], [], []
    for contact in contacts:
        status = contact.status(now)
        if status is ContactStatus.NO_LONGER_MINE:
            lost.append(contact)
            due.append(DueItem(
                id=f"{CONTACTS_ITEM}:{contact.id}", item_id=CONTACTS_ITEM,
                title=Text(N_("Rebind the accounts still bound to {contact}, which is no "
                              "longer yours"), {"contact": contact.masked()}),
                due_at=contact.no_longer_mine or now, section="accounts", urgent=True))
            continue
        if status is ContactStatus.DUE:
            overdue.append(contact)
        if contact.next_due() <= now + _SOON:
            due.append(DueItem(
                id=f"{CONTACTS_ITEM}:{contact.id}", item_id=CONTACTS_ITEM,
                title=Text(N_("Confirm that {contact} is still yours"),
                           {"contact": contact.masked()}),
                due_at=contact.next_due(), section="accounts"))
    if lost:
        return CheckResult(False, Text(N_(
            "{count} bound phone number(s) or e-mail(s) are no longer yours."),
            {"count": len(lost)}), urgent=True, due=tuple(due))
    if overdue:
        return CheckResult(False, Text(N_(
            "{count} bound phone number(s) or e-mail(s) are due for confirmation."),
            {"count": len(overdue)}), due=tuple(due))
    return CheckResult(True, due=tuple(due))


def channels_pinned(state: State, now: datetime) -> CheckResult:
    """Every account has an official channel, and none came from a search or a message."""
    from anjian.core.checklist.checks import CheckResult

    channels = state.account_details.channels
    if not channels or not state.accounts:
        return CheckResult(None)
    without = [a for a in state.accounts if not state.account_details.channels_of(a.id)]
    untrusted = [c for c in channels if not c.trusted]
    if untrusted:
        return CheckResult(False, Text(N_(
            "{count} official channel(s) came from a search result or a message; check them "
            "in the official app."), {"count": len(untrusted)}))
    if without:
        return CheckResult(False, Text(N_(
            "{count} account(s) have no official website or support channel recorded."),
            {"count": len(without)}))
    return CheckResult(True)

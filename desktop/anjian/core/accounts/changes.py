"""Changes to the state about accounts, contacts and channels, as pure functions.

Each function returns a ``change(state) -> state`` for ``StateStore.update`` (the UI
passes it to ``PageContext.change_state``): it is applied to the latest saved
state, so two windows never overwrite each other's edits. What the user typed is
validated before, where the change is made (``new_contact``, ``new_channel``,
:func:`account_name`), so a change itself never fails on input.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import datetime

from anjian.core.accounts.book import AccountDetails
from anjian.core.accounts.channels import OfficialChannel
from anjian.core.accounts.contacts import RecoveryContact, bind, same_value, unbind
from anjian.core.accounts.problems import InputProblem
from anjian.core.document import utc
from anjian.core.state import Account, AccountKind, State
from anjian.i18n import N_, Text

Change = Callable[[State], State]
MAX_NAME = 80
MAX_NOTES = 2000


def account_name(raw: str) -> str:
    """An account name as typed, trimmed; raises :class:`InputProblem` if empty or long."""
    name = " ".join(raw.split())
    if not name:
        raise InputProblem("name-empty", Text(N_("Give the account a name, like “OKX” or "
                                                 "“WeChat (personal)”.")))
    if len(name) > MAX_NAME:
        raise InputProblem("name-too-long", Text(N_("Keep the name under {count} characters."),
                                                 {"count": MAX_NAME}))
    return name


def account_notes(raw: str) -> str:
    """Notes as typed; raises :class:`InputProblem` if too long."""
    if len(raw) > MAX_NOTES:
        raise InputProblem("notes-too-long", Text(N_("Keep the notes under {count} characters."),
                                                  {"count": MAX_NOTES}))
    return raw.strip()


def _details(state: State, change: Callable[[AccountDetails], AccountDetails]) -> State:
    return replace(state, account_details=change(state.account_details))


def add_account(account_id: str, name: str, kind: AccountKind, notes: str, now: datetime) -> Change:
    """Add a new account."""
    account = Account(account_id, name, kind, notes, utc(now))
    return lambda state: state.with_account(account)


def edit_account(account_id: str, name: str, kind: AccountKind, notes: str) -> Change:
    """Change an account's name, kind and notes (nothing if it was removed meanwhile)."""

    def change(state: State) -> State:
        current = state.account(account_id)
        if current is None:
            return state
        edited = replace(current, name=name, kind=kind, notes=notes)
        return replace(state, accounts=tuple(edited if a.id == account_id else a
                                             for a in state.accounts))

    return change


def remove_account(account_id: str) -> Change:
    """Remove an account, its contact bindings and its channels."""
    return lambda state: _details(state.without_account(account_id),
                                  lambda d: d.without_account(account_id))


def add_contact(account_id: str, contact: RecoveryContact) -> Change:
    """Bind ``contact`` to the account; a phone or address already recorded is reused."""

    def change(state: State) -> State:
        details = state.account_details
        existing = next((c for c in details.contacts
                         if same_value(c, contact.kind, contact.value)), None)
        merged = bind(existing or contact, account_id)
        return _details(state, lambda d: d.with_contact(merged))

    return change


def change_contact(contact_id: str, edit: Callable[[RecoveryContact], RecoveryContact]) -> Change:
    """Apply ``edit`` to one contact (confirm, mark lost, the drill, cadence...)."""
    return lambda state: _details(state, lambda d: d.changing_contact(contact_id, edit))


def unbind_contact(contact_id: str, account_id: str) -> Change:
    """The account is no longer bound to the contact; a contact bound to nothing is removed."""

    def change(state: State) -> State:
        details = state.account_details.changing_contact(contact_id,
                                                         lambda c: unbind(c, account_id))
        contact = details.contact(contact_id)
        if contact is not None and not contact.bindings:
            details = details.without_contact(contact_id)
        return replace(state, account_details=details)

    return change


def add_channel(channel: OfficialChannel) -> Change:
    """Record an official channel (replacing one with the same id)."""
    return lambda state: _details(state, lambda d: d.with_channel(channel))


def remove_channel(channel_id: str) -> Change:
    """Forget an official channel."""
    return lambda state: _details(state, lambda d: d.without_channel(channel_id))


def change_channel(channel_id: str, edit: Callable[[OfficialChannel], OfficialChannel]) -> Change:
    """Apply ``edit`` to one channel (nothing if it was removed meanwhile)."""

    def change(state: State) -> State:
        current = next((c for c in state.account_details.channels if c.id == channel_id), None)
        if current is None:
            return state
        return _details(state, lambda d: d.with_channel(edit(current)))

    return change

"""Small builders for account tests."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timezone

from anjian.core.accounts import changes
from anjian.core.accounts.channels import ChannelKind, ChannelSource, new_channel
from anjian.core.accounts.contacts import ContactKind, new_contact
from anjian.core.state import AccountKind, State

T0 = datetime(2026, 1, 10, 9, 0, tzinfo=timezone.utc)


def with_accounts(*names: str, kind: AccountKind = AccountKind.EXCHANGE) -> State:
    state = State.empty(T0)
    for index, name in enumerate(names):
        state = changes.add_account(f"a{index}", name, kind, "", T0)(state)
    return state


def bound(state: State, contact_id: str, kind: ContactKind, raw: str, *account_ids: str,
          when: datetime = T0) -> State:
    contact = new_contact(contact_id, kind, raw, when, "CN")
    for account_id in account_ids:
        state = changes.add_contact(account_id, contact)(state)
    return state


def channel(state: State, channel_id: str, account_id: str, kind: ChannelKind, raw: str,
            source: ChannelSource = ChannelSource.OFFICIAL_APP) -> State:
    return changes.add_channel(new_channel(channel_id, account_id, kind, raw, source, T0, "CN"))(
        state)


def kind_of(state: State, account_id: str, kind: AccountKind) -> State:
    account = state.account(account_id)
    assert account is not None
    return state.with_account(replace(account, kind=kind))

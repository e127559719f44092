"""The account_details section: written, read back, strict, and absent means empty."""

from __future__ import annotations

import copy
from datetime import timedelta

import pytest

from anjian.core.accounts.book import AccountDetails
from anjian.core.accounts.channels import ChannelKind, ChannelSource
from anjian.core.accounts.contacts import ContactKind, mark_no_longer_mine, record_code_received
from anjian.core.accounts import changes
from anjian.core.document import DocumentError
from anjian.core.state import from_document, to_document

from .helpers import T0, bound, channel, with_accounts


def full_state():
    state = with_accounts("OKX", "QQ Mail")
    state = bound(state, "p1", ContactKind.PHONE, "13800138000", "a0", "a1")
    state = bound(state, "e1", ContactKind.EMAIL, "wei@qq.com", "a0")
    state = changes.change_contact("p1", lambda c: record_code_received(c, "a0", T0))(state)
    state = changes.change_contact("e1", lambda c: mark_no_longer_mine(c, T0))(state)
    state = channel(state, "w1", "a0", ChannelKind.WEBSITE, "https://www.okx.com/")
    return channel(state, "n1", "a0", ChannelKind.PHONE, "95188", ChannelSource.SEARCH)


def test_the_section_survives_a_round_trip():
    state = full_state()
    assert from_document(to_document(state)).account_details == state.account_details


def test_a_document_without_the_section_loads_empty():
    doc = to_document(with_accounts("OKX"))
    del doc["account_details"]
    assert from_document(doc).account_details == AccountDetails()


@pytest.mark.parametrize("path, value, field", [
    (("contacts", 0, "kind"), "fax", "account_details.contacts[0].kind"),
    (("contacts", 0, "value"), "", "account_details.contacts[0].value"),
    (("contacts", 0, "cadence_days"), 0, "account_details.contacts[0].cadence_days"),
    (("contacts", 0, "confirmed"), "yesterday", "account_details.contacts[0].confirmed"),
    (("contacts", 0, "bindings", 0, "account"), "Not An Id",
     "account_details.contacts[0].bindings[0].account"),
    (("channels", 0, "source"), "a friend", "account_details.channels[0].source"),
    (("channels", 0, "kind"), "pigeon", "account_details.channels[0].kind"),
])
def test_a_malformed_record_names_its_field(path, value, field):
    doc = copy.deepcopy(to_document(full_state()))
    target = doc["account_details"]
    for key in path[:-1]:
        target = target[key]
    target[path[-1]] = value
    with pytest.raises(DocumentError) as error:
        from_document(doc)
    assert field in str(error.value)


def test_the_same_contact_twice_is_refused():
    doc = to_document(full_state())
    doc["account_details"]["contacts"].append(doc["account_details"]["contacts"][0])
    with pytest.raises(DocumentError):
        from_document(doc)


def test_removing_an_account_drops_its_bindings_and_channels():
    state = changes.remove_account("a0")(full_state())
    details = state.account_details
    assert details.contact("p1").account_ids == ("a1",)
    assert details.channels_of("a0") == ()


def test_adding_a_known_number_to_another_account_reuses_the_contact():
    state = bound(with_accounts("OKX", "Alipay"), "p1", ContactKind.PHONE, "13800138000", "a0")
    state = bound(state, "p2", ContactKind.PHONE, "+86 138 0013 8000", "a1")
    assert [c.id for c in state.account_details.contacts] == ["p1"]
    assert state.account_details.contact("p1").account_ids == ("a0", "a1")


def test_unbinding_the_last_account_removes_the_contact():
    state = bound(with_accounts("OKX"), "p1", ContactKind.PHONE, "13800138000", "a0")
    assert changes.unbind_contact("p1", "a0")(state).account_details.contacts == ()


def test_a_change_to_a_removed_contact_changes_nothing():
    state = full_state()
    assert changes.change_contact("gone", lambda c: c)(state) == state


def test_editing_an_account_keeps_its_place_and_id():
    state = changes.edit_account("a0", "OKX (main)", full_state().accounts[0].kind, "notes")(
        full_state())
    assert [a.name for a in state.accounts] == ["OKX (main)", "QQ Mail"]


def test_times_are_stored_in_utc_to_the_second():
    state = bound(with_accounts("OKX"), "p1", ContactKind.PHONE, "13800138000", "a0",
                  when=T0 + timedelta(microseconds=5))
    stored = to_document(state)["account_details"]["contacts"][0]["confirmed"]
    assert stored == "2026-01-10T09:00:00+00:00"


def test_changing_a_channel_edits_it_in_place():
    from anjian.core.accounts.channels import checked_in_official_app

    state = channel(with_accounts("OKX"), "n1", "a0", ChannelKind.PHONE, "95188",
                    ChannelSource.SEARCH)
    state = changes.change_channel("n1", checked_in_official_app)(state)
    assert [c.source for c in state.account_details.channels] == [ChannelSource.OFFICIAL_APP]


def test_changing_a_removed_channel_changes_nothing():
    state = with_accounts("OKX")
    assert changes.change_channel("gone", lambda c: c)(state) == state

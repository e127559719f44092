"""The checklist checks for contacts and channels."""

from __future__ import annotations

from datetime import timedelta

from anjian.core.accounts import changes
from anjian.core.accounts.channels import ChannelKind, ChannelSource
from anjian.core.accounts.contacts import ContactKind, mark_no_longer_mine
from anjian.core.checklist.checks import CHECKS

from .helpers import T0, bound, channel, with_accounts

contacts = CHECKS["accounts.contacts"]
channels = CHECKS["accounts.channels"]


def test_without_contacts_the_users_answer_decides():
    assert contacts(with_accounts("OKX"), T0).satisfied is None


def test_confirmed_contacts_satisfy_the_item():
    state = bound(with_accounts("OKX"), "p1", ContactKind.PHONE, "13800138000", "a0")
    assert contacts(state, T0 + timedelta(days=10)).satisfied is True


def test_a_contact_due_soon_is_listed_as_a_due_record_before_it_fails():
    state = bound(with_accounts("OKX"), "p1", ContactKind.PHONE, "13800138000", "a0")
    result = contacts(state, T0 + timedelta(days=175))
    assert result.satisfied is True
    assert [d.id for d in result.due] == ["contacts-current:p1"]


def test_an_overdue_contact_fails_the_item():
    state = bound(with_accounts("OKX"), "p1", ContactKind.PHONE, "13800138000", "a0")
    assert contacts(state, T0 + timedelta(days=200)).satisfied is False


def test_a_lost_contact_fails_the_item_urgently():
    state = bound(with_accounts("OKX"), "p1", ContactKind.PHONE, "13800138000", "a0")
    state = changes.change_contact("p1", lambda c: mark_no_longer_mine(c, T0))(state)
    result = contacts(state, T0)
    assert (result.satisfied, result.urgent, result.due[0].urgent) == (False, True, True)


def test_without_channels_the_users_answer_decides():
    assert channels(with_accounts("OKX"), T0).satisfied is None


def test_every_account_with_a_trusted_channel_satisfies_the_item():
    state = channel(with_accounts("OKX"), "w1", "a0", ChannelKind.WEBSITE, "okx.com")
    assert channels(state, T0).satisfied is True


def test_an_account_without_channels_fails_the_item():
    state = channel(with_accounts("OKX", "Alipay"), "w1", "a0", ChannelKind.WEBSITE, "okx.com")
    assert channels(state, T0).satisfied is False


def test_a_channel_from_a_search_fails_the_item():
    state = channel(with_accounts("OKX"), "n1", "a0", ChannelKind.PHONE, "95188",
                    ChannelSource.SEARCH)
    assert channels(state, T0).satisfied is False


def test_a_lost_contact_no_account_is_bound_to_any_more_no_longer_fails_the_item():
    state = bound(with_accounts("OKX"), "p1", ContactKind.PHONE, "13800138000", "a0")
    state = bound(state, "p2", ContactKind.PHONE, "13912345678", "a0")
    state = changes.change_contact("p1", lambda c: mark_no_longer_mine(c, T0))(state)
    state = changes.unbind_contact("p1", "a0")(state)
    assert contacts(state, T0 + timedelta(days=1)).satisfied is True


def test_a_lost_contact_is_due_now_and_points_to_the_accounts_page():
    state = bound(with_accounts("OKX"), "p1", ContactKind.PHONE, "13800138000", "a0")
    when = T0 + timedelta(days=3)
    state = changes.change_contact("p1", lambda c: mark_no_longer_mine(c, when))(state)
    due = contacts(state, when + timedelta(days=1)).due
    assert [(d.item_id, d.due_at, d.section) for d in due] == [("contacts-current", when,
                                                                "accounts")]


def test_a_contact_confirmed_recently_is_not_listed_as_due():
    state = bound(with_accounts("OKX"), "p1", ContactKind.PHONE, "13800138000", "a0")
    assert contacts(state, T0 + timedelta(days=30)).due == ()


def test_the_due_record_falls_due_six_months_after_the_last_confirmation():
    state = bound(with_accounts("OKX"), "p1", ContactKind.PHONE, "13800138000", "a0")
    due = contacts(state, T0 + timedelta(days=200)).due
    assert due[0].due_at == T0 + timedelta(days=183)


def test_a_removed_accounts_channels_do_not_count():
    state = channel(with_accounts("OKX", "Alipay"), "w1", "a0", ChannelKind.WEBSITE, "okx.com")
    state = channel(state, "n1", "a1", ChannelKind.PHONE, "95188", ChannelSource.SEARCH)
    state = changes.remove_account("a1")(state)
    assert channels(state, T0).satisfied is True

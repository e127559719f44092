"""Findings about contacts and channels, with time injected."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

from anjian.core.accounts import changes
from anjian.core.accounts.channels import ChannelKind, ChannelSource
from anjian.core.accounts.contacts import ContactKind, mark_no_longer_mine
from anjian.core.accounts.findings import Priority, account_findings, second_step_of
from anjian.core.state import AccountKind

from .helpers import T0, bound, channel, kind_of, with_accounts

SOON = T0 + timedelta(days=1)


def ids(state, now=SOON):
    return [f.id for f in account_findings(state, now)]


def test_an_account_with_no_contact_is_a_low_finding():
    found = account_findings(with_accounts("OKX"), SOON)
    assert [(f.id, f.priority) for f in found] == [("no-recovery-contact", Priority.LOW)]


def test_a_self_custody_wallet_needs_no_recovery_contact():
    state = kind_of(with_accounts("imToken"), "a0", AccountKind.WALLET)
    assert ids(state) == []


def test_a_contact_no_longer_mine_is_high_priority_with_rebind_steps():
    state = bound(with_accounts("OKX", "Alipay"), "p1", ContactKind.PHONE, "13800138000",
                  "a0", "a1")
    state = changes.change_contact("p1", lambda c: mark_no_longer_mine(c, T0))(state)
    first = account_findings(state, SOON)[0]
    assert (first.id, first.priority, first.account_ids) == (
        "contact-no-longer-mine", Priority.HIGH, ("a0", "a1"))
    assert len(first.steps) >= 3 and "OKX, Alipay" in str(first.text)


def test_a_lost_contact_is_not_also_reported_as_missing_or_due():
    state = bound(with_accounts("OKX"), "p1", ContactKind.PHONE, "13800138000", "a0")
    state = changes.change_contact("p1", lambda c: mark_no_longer_mine(c, T0))(state)
    assert ids(state, T0 + timedelta(days=400)) == ["contact-no-longer-mine"]


def test_a_contact_is_due_after_six_months_and_not_before():
    state = bound(with_accounts("OKX"), "p1", ContactKind.PHONE, "13800138000", "a0")
    assert "contact-due" not in ids(state, T0 + timedelta(days=182))
    assert "contact-due" in ids(state, T0 + timedelta(days=183))


def test_one_phone_bound_to_every_account_is_a_single_point_of_failure():
    state = bound(with_accounts("OKX", "Alipay", "WeChat"), "p1", ContactKind.PHONE,
                  "13800138000", "a0", "a1", "a2")
    found = [f for f in account_findings(state, SOON) if f.id == "single-phone"]
    assert len(found) == 1 and found[0].steps


def test_a_self_custody_wallet_without_a_phone_does_not_hide_the_single_point():
    state = kind_of(with_accounts("OKX", "Alipay", "imToken"), "a2", AccountKind.WALLET)
    state = bound(state, "p1", ContactKind.PHONE, "13800138000", "a0", "a1")
    found = [f for f in account_findings(state, SOON) if f.id == "single-phone"]
    assert len(found) == 1 and found[0].account_ids == ("a0", "a1")


def test_a_phone_bound_to_some_accounts_only_is_not_a_single_point():
    state = bound(with_accounts("OKX", "Alipay"), "p1", ContactKind.PHONE, "13800138000", "a0")
    state = bound(state, "p2", ContactKind.PHONE, "13900139000", "a1")
    assert "single-phone" not in ids(state)


def test_one_account_alone_is_no_single_point_finding():
    state = bound(with_accounts("OKX"), "p1", ContactKind.PHONE, "13800138000", "a0")
    assert ids(state) == []


def test_a_recovery_mailbox_not_in_the_register_is_a_low_finding():
    state = bound(with_accounts("OKX"), "e1", ContactKind.EMAIL, "wei@qq.com", "a0")
    assert ids(state) == ["mailbox-not-listed"]


def with_mailbox(method):
    from anjian.core.twofactor.records import Method, TwoFactorRecord

    state = with_accounts("OKX", "QQ Mail")
    state = kind_of(state, "a1", AccountKind.EMAIL)
    state = bound(state, "e1", ContactKind.EMAIL, "wei@qq.com", "a0", "a1")
    state = changes.change_contact("e1", lambda c: replace(c, mailbox_account="a1"))(state)
    if method is not None:
        state = replace(state, two_factor=state.two_factor.with_record(
            TwoFactorRecord("a1", Method(method))))
    return state


def test_a_recovery_mailbox_without_two_step_verification_is_high_priority():
    found = account_findings(with_mailbox("none"), SOON)
    assert (found[0].id, found[0].priority) == ("mailbox-without-2fa", Priority.HIGH)


def test_a_recovery_mailbox_with_two_step_verification_is_fine():
    assert "mailbox-without-2fa" not in ids(with_mailbox("authenticator"))


def test_nothing_is_claimed_when_the_mailbox_has_no_two_factor_record():
    assert "mailbox-without-2fa" not in ids(with_mailbox(None))


def test_the_two_factor_section_is_read_only_if_it_has_the_expected_shape():
    class Odd:
        two_factor = object()

    assert second_step_of(Odd(), "a1") is None  # type: ignore[arg-type]


def test_a_channel_from_a_search_result_is_flagged():
    state = bound(with_accounts("Alipay"), "p1", ContactKind.PHONE, "13800138000", "a0")
    state = channel(state, "n1", "a0", ChannelKind.PHONE, "400 123 4567", ChannelSource.SEARCH)
    assert ids(state) == ["channel-untrusted-source"]


def test_findings_come_most_urgent_first():
    state = bound(with_accounts("OKX", "Alipay"), "p1", ContactKind.PHONE, "13800138000", "a0")
    state = changes.change_contact("p1", lambda c: mark_no_longer_mine(c, T0))(state)
    priorities = [f.priority for f in account_findings(state, SOON)]
    assert priorities == sorted(priorities, key=[Priority.HIGH, Priority.MEDIUM,
                                                 Priority.LOW].index)


def test_finding_keys_are_stable_per_record():
    state = bound(with_accounts("OKX"), "p1", ContactKind.PHONE, "13800138000", "a0")
    later = T0 + timedelta(days=200)
    assert [f.key for f in account_findings(state, later)] == ["contact-due:p1"]


def test_the_kind_of_a_flagged_channel_is_translated_with_the_sentence():
    from anjian.i18n import Text

    state = channel(with_accounts("OKX"), "n1", "a0", ChannelKind.PHONE, "95188",
                    ChannelSource.SEARCH)
    found = account_findings(state, T0)[0]
    assert found.text.params["kind"] == Text("Support phone number")

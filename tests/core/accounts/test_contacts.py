"""Recovery contacts: confirmations on a cadence, "no longer mine", the code drill."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

from anjian.core.accounts.contacts import (
    DEFAULT_CADENCE_DAYS,
    ContactKind,
    ContactStatus,
    bind,
    confirm_still_mine,
    mark_no_longer_mine,
    new_contact,
    record_code_received,
    same_value,
    unbind,
    with_cadence,
)
from anjian.core.accounts.phones import PhoneType
from anjian.core.accounts.problems import InputProblem

T0 = datetime(2026, 1, 10, 9, 0, tzinfo=timezone.utc)


def phone(raw: str = "13800138000"):
    return new_contact("c1", ContactKind.PHONE, raw, T0, "CN")


def test_a_new_phone_is_stored_normalised_typed_and_confirmed_now():
    contact = phone("138 0013 8000")
    assert (contact.value, contact.phone_type, contact.confirmed) == (
        "+8613800138000", PhoneType.MOBILE, T0)


def test_a_new_email_is_stored_normalised():
    contact = new_contact("c2", ContactKind.EMAIL, " Wei@QQ.com ", T0, "CN")
    assert (contact.value, contact.phone_type) == ("Wei@qq.com", None)


def test_an_unusable_value_raises_a_reason():
    with pytest.raises(InputProblem):
        new_contact("c3", ContactKind.EMAIL, "wei.qq.com", T0, "CN")


def test_the_default_cadence_is_about_six_months():
    assert 180 <= DEFAULT_CADENCE_DAYS <= 184


def test_a_contact_is_current_within_its_cadence():
    assert phone().status(T0 + timedelta(days=DEFAULT_CADENCE_DAYS - 1)) is ContactStatus.CURRENT


def test_a_contact_is_due_once_its_cadence_has_passed():
    assert phone().status(T0 + timedelta(days=DEFAULT_CADENCE_DAYS)) is ContactStatus.DUE


def test_confirming_starts_a_new_cadence():
    later = T0 + timedelta(days=200)
    contact = confirm_still_mine(phone(), later)
    assert contact.status(later + timedelta(days=100)) is ContactStatus.CURRENT
    assert contact.next_due() == later + timedelta(days=DEFAULT_CADENCE_DAYS)


def test_a_custom_cadence_is_kept_within_bounds():
    assert with_cadence(phone(), 1).cadence_days == 7
    assert with_cadence(phone(), 10_000).cadence_days == 3 * 366
    assert with_cadence(phone(), 90).next_due() == T0 + timedelta(days=90)


def test_no_longer_mine_outranks_any_confirmation():
    contact = mark_no_longer_mine(phone(), T0 + timedelta(days=1))
    assert contact.status(T0 + timedelta(days=2)) is ContactStatus.NO_LONGER_MINE


def test_confirming_again_clears_no_longer_mine():
    contact = confirm_still_mine(mark_no_longer_mine(phone(), T0), T0 + timedelta(days=1))
    assert contact.no_longer_mine is None


def test_the_drill_records_the_code_for_that_account_and_confirms_the_contact():
    later = T0 + timedelta(days=300)
    contact = record_code_received(bind(bind(phone(), "a1"), "a2"), "a2", later)
    assert contact.binding("a2").code_received == later
    assert contact.binding("a1").code_received is None
    assert contact.confirmed == later


def test_binding_twice_binds_once():
    assert bind(bind(phone(), "a1"), "a1").account_ids == ("a1",)


def test_unbinding_keeps_the_other_accounts():
    assert unbind(bind(bind(phone(), "a1"), "a2"), "a1").account_ids == ("a2",)


def test_email_domains_compare_case_blind_but_names_do_not():
    contact = new_contact("c2", ContactKind.EMAIL, "Wei@qq.com", T0, "CN")
    assert same_value(contact, ContactKind.EMAIL, "Wei@QQ.COM")
    assert not same_value(contact, ContactKind.EMAIL, "wei@qq.com")
    assert not same_value(contact, ContactKind.PHONE, "Wei@qq.com")


def test_masked_display_never_shows_the_whole_number():
    assert phone().masked() == "138****8000"


def test_naive_times_are_refused():
    with pytest.raises(ValueError):
        confirm_still_mine(phone(), datetime(2026, 1, 1))

"""The user's details become the forms people write in passwords."""

from __future__ import annotations

from datetime import date, datetime, timezone

from anjian.core.passwords.personal import (
    PersonalKind, PersonalValue, classify, expand, personal_inputs)
from anjian.core.profile import Profile
from anjian.core.state import State


def forms(*values: PersonalValue) -> set[str]:
    return {form for form, _ in expand(values)}


def test_a_chinese_name_gives_pinyin_initials_and_both_orders():
    found = forms(PersonalValue(PersonalKind.NAME, "张小明"))
    assert {"zhangxiaoming", "zxm", "xiaomingzhang", "zhang", "xiaoming", "张小明"} <= found


def test_a_compound_surname_stays_together():
    assert "ouyangfeng" in forms(PersonalValue(PersonalKind.NAME, "欧阳锋"))
    assert "fengouyang" in forms(PersonalValue(PersonalKind.NAME, "欧阳锋"))


def test_a_latin_name_gives_both_orders():
    assert {"weizhang", "zhangwei", "wz"} <= forms(PersonalValue(PersonalKind.NAME, "Wei Zhang"))


def test_a_birthday_gives_its_digit_forms():
    found = forms(PersonalValue(PersonalKind.BIRTHDAY, "1990-05-17"))
    assert {"19900517", "900517", "0517", "1990", "17051990", "1990.5.17"} <= found


def test_name_and_birthday_are_combined_both_ways():
    found = forms(PersonalValue(PersonalKind.NAME, "张伟"),
                  PersonalValue(PersonalKind.BIRTHDAY, "1990-05-17"))
    assert {"zhangwei1990", "1990zhangwei", "zw0517"} <= found


def test_a_phone_number_gives_its_tails_without_the_country_code():
    found = forms(PersonalValue(PersonalKind.PHONE, "+86 139-5721-8846"))
    assert {"13957218846", "57218846", "218846", "8846"} <= found
    assert "8613957218846" not in found


def test_a_qq_mailbox_counts_as_a_number():
    found = expand([PersonalValue(PersonalKind.EMAIL, "12345678@qq.com"),
                    PersonalValue(PersonalKind.NAME, "Li")])
    assert ("li12345678", PersonalKind.NAME) in found


def test_single_characters_are_dropped():
    assert all(len(f) >= 2 for f in forms(PersonalValue(PersonalKind.NAME, "A B")))


def test_command_line_values_are_classified():
    assert classify("张伟").kind is PersonalKind.NAME
    assert classify("1990-05-17").kind is PersonalKind.BIRTHDAY
    assert classify("19900517").kind is PersonalKind.BIRTHDAY
    assert classify("+86 139 5721 8846").kind is PersonalKind.PHONE
    assert classify("me@example.com").kind is PersonalKind.EMAIL


def test_personal_inputs_come_from_the_profile():
    state = State(created=datetime(2024, 1, 1, tzinfo=timezone.utc),
                  profile=Profile("张伟", date(1990, 5, 17)))
    assert personal_inputs(state) == (PersonalValue(PersonalKind.NAME, "张伟"),
                                      PersonalValue(PersonalKind.BIRTHDAY, "1990-05-17"))


def test_an_empty_profile_gives_no_inputs():
    assert personal_inputs(State(created=datetime(2024, 1, 1, tzinfo=timezone.utc))) == ()
    assert personal_inputs(None) == ()


def test_bound_phones_and_emails_of_the_accounts_are_personal_inputs():
    from anjian.core.accounts.contacts import ContactKind
    from tests.core.accounts.helpers import bound, with_accounts

    state = bound(with_accounts("OKX"), "c1", ContactKind.PHONE, "13957218846", "a0")
    state = bound(state, "c2", ContactKind.EMAIL, "xiaoming88@qq.com", "a0")
    values = set(personal_inputs(state))
    assert PersonalValue(PersonalKind.PHONE, "13957218846") in values
    assert PersonalValue(PersonalKind.EMAIL, "xiaoming88@qq.com") in values


def test_a_bound_phone_makes_a_password_containing_it_personal(scorer):
    from anjian.core.accounts.contacts import ContactKind
    from tests.core.accounts.helpers import bound, with_accounts

    state = bound(with_accounts("OKX"), "c1", ContactKind.PHONE, "13957218846", "a0")
    strength = scorer.score("ok13957218846", personal_inputs(state))
    assert any(p.personal == "phone" for p in strength.patterns)
    assert strength.score <= 1

"""Phone numbers: parsed in the right region, stored in E.164, typed, masked."""

from __future__ import annotations

import pytest

from anjian.core.accounts.phones import (
    PhoneType,
    default_region,
    mask_phone,
    parse_phone,
    phone_from_e164,
)
from anjian.core.accounts.problems import InputProblem

# Mainland mobile prefixes allocated for phone service (MIIT), as libphonenumber knows
# them: 161 and 174 only in their 1610 / 1740 blocks.
ALLOCATED = (
    [str(p) for p in range(130, 140)] + ["145", "147"]
    + [str(p) for p in (150, 151, 152, 153, 155, 156, 157, 158, 159)]
    + ["162", "165", "166", "167", "170", "171", "172", "173", "175", "176", "177", "178"]
    + [str(p) for p in range(180, 190)]
    + ["190", "191", "192", "193", "195", "196", "197", "198", "199"]
)
UNALLOCATED = ["140", "141", "142", "143", "144", "154", "160", "163", "164", "168", "169",
               "179", "194"]
# Data-card and IoT ranges (146, 148, 149): no voice or SMS, never a bound phone.
DATA_ONLY = ["146", "148", "149"]
PARTLY = {"161": "1610", "174": "1740"}


def test_the_tables_cover_every_mainland_mobile_prefix_from_130_to_199():
    covered = [*ALLOCATED, *UNALLOCATED, *DATA_ONLY, *PARTLY]
    assert sorted(covered) == [str(p) for p in range(130, 200)]


@pytest.mark.parametrize("prefix", ALLOCATED)
def test_every_allocated_mainland_mobile_prefix_is_a_valid_mobile(prefix):
    phone = parse_phone(f"{prefix}00138000", "CN")
    assert (phone.e164, phone.type) == (f"+86{prefix}00138000", PhoneType.MOBILE)


@pytest.mark.parametrize("block", sorted(PARTLY.values()))
def test_partly_allocated_prefixes_are_valid_in_their_block(block):
    assert parse_phone(f"{block}0138000", "CN").type is PhoneType.MOBILE


@pytest.mark.parametrize("number", ["16110138000", "17410138000"])
def test_partly_allocated_prefixes_are_refused_outside_their_block(number):
    with pytest.raises(InputProblem):
        parse_phone(number, "CN")


@pytest.mark.parametrize("prefix", UNALLOCATED + DATA_ONLY)
def test_unallocated_mainland_prefixes_are_refused(prefix):
    with pytest.raises(InputProblem) as problem:
        parse_phone(f"{prefix}00138000", "CN")
    assert problem.value.id == "phone-invalid"


@pytest.mark.parametrize("typed", [
    "13800138000", "138 0013 8000", "138-0013-8000", "+86 138 0013 8000", "+8613800138000",
    "0086 13800138000", "１３８００１３８０００", " 13800138000 ",
])
def test_the_ways_people_write_one_mainland_mobile_all_normalise_alike(typed):
    assert parse_phone(typed, "CN").e164 == "+8613800138000"


def test_a_beijing_fixed_line_is_a_fixed_line():
    phone = parse_phone("010-6552 9988", "CN")
    assert (phone.e164, phone.type) == ("+861065529988", PhoneType.FIXED_LINE)


@pytest.mark.parametrize("typed, region, e164, kind", [
    ("+886 912 345 678", "CN", "+886912345678", PhoneType.MOBILE),
    ("0912 345 678", "TW", "+886912345678", PhoneType.MOBILE),
    ("+852 5123 4567", "CN", "+85251234567", PhoneType.MOBILE),
    ("+853 6612 3456", "CN", "+85366123456", PhoneType.MOBILE),
    ("+1 202 555 0123", "CN", "+12025550123", PhoneType.FIXED_OR_MOBILE),
    ("+44 20 7946 0958", "CN", "+442079460958", PhoneType.FIXED_LINE),
])
def test_international_numbers_keep_their_country(typed, region, e164, kind):
    phone = parse_phone(typed, region)
    assert (phone.e164, phone.type) == (e164, kind)


@pytest.mark.parametrize("typed, problem_id", [
    ("", "phone-empty"),
    ("   ", "phone-empty"),
    ("hello", "phone-not-a-number"),
    ("+999 1234 5678", "phone-country-code"),
    ("12", "phone-too-short"),
    ("1380013800", "phone-invalid"),
    ("138001380001", "phone-invalid"),
    ("1" * 80, "phone-too-long"),
])
def test_bad_numbers_say_what_is_wrong(typed, problem_id):
    with pytest.raises(InputProblem) as problem:
        parse_phone(typed, "CN")
    assert problem.value.id == problem_id
    assert str(problem.value.text)


@pytest.mark.parametrize("e164, shown", [
    ("+8613800138000", "138****8000"),
    ("+8619912345678", "199****5678"),
    ("+861065529988", "010****9988"),
    ("+86075512345678", "075*****5678"),
    ("+886912345678", "+886 91***5678"),
    ("+12025550123", "+1 20****0123"),
])
def test_masks_hide_the_middle_and_keep_what_people_recognise(e164, shown):
    assert mask_phone(e164) == shown


def test_a_mask_never_shows_the_hidden_digits():
    assert "0013" not in mask_phone("+8613800138000")


def test_a_malformed_stored_value_masks_to_stars_only():
    assert set(mask_phone("not a number")) == {"*"}


def test_a_stored_number_reads_back_with_its_type():
    assert phone_from_e164("+8613800138000").type is PhoneType.MOBILE


@pytest.mark.parametrize("language, system_locale, region", [
    ("zh_CN", None, "CN"),
    ("zh_TW", None, "TW"),
    ("en", None, "CN"),
    ("zh_TW", "zh_HK.UTF-8", "HK"),
    ("zh_TW", "zh_MO", "MO"),
    ("en", "en_US.UTF-8", "US"),
    ("zh_CN", "zh-Hans-SG", "SG"),
    ("zh_CN", "C", "CN"),
    ("zh_CN", "C.UTF-8", "CN"),
])
def test_the_default_region_follows_the_locale_then_the_language(language, system_locale, region):
    assert default_region(language, system_locale) == region

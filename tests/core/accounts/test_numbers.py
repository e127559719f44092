"""The number check: a pinned official number, or the scam warning."""

from __future__ import annotations

import pytest

from anjian.core.accounts.numbers import (
    NumberVerdict,
    PinnedNumber,
    check_number,
    display_number,
    support_number_key,
)
from anjian.core.accounts.problems import InputProblem

PINNED = [PinnedNumber(support_number_key("95188", "CN"), "alipay"),
          PinnedNumber(support_number_key("400-800-9888", "CN"), "bank")]


@pytest.mark.parametrize("typed", ["95188", "9 5 1 8 8", "+86 95188", "９５１８８"])
def test_a_short_service_number_matches_however_it_is_typed(typed):
    result = check_number(typed, PINNED, "CN")
    assert (result.verdict, result.account_ids) == (NumberVerdict.OFFICIAL, ("alipay",))


@pytest.mark.parametrize("typed", ["4008009888", "400 800 9888", "+86 400-800-9888"])
def test_a_400_number_matches_however_it_is_typed(typed):
    assert check_number(typed, PINNED, "CN").verdict is NumberVerdict.OFFICIAL


def test_even_the_official_line_gets_the_never_share_codes_reminder():
    ids = [r.id for r in check_number("95188", PINNED, "CN").reasons]
    assert ids == ["matches-official", "never-share-codes"]


def test_an_unpinned_number_gets_the_scam_warnings():
    result = check_number("400-123-4567", PINNED, "CN")
    ids = [r.id for r in result.reasons]
    assert result.verdict is NumberVerdict.NOT_PINNED
    assert {"not-pinned", "search-scam", "self-custody"} <= set(ids)


def test_with_nothing_pinned_the_user_is_told_to_record_numbers():
    ids = [r.id for r in check_number("95188", [], "CN").reasons]
    assert "no-official-numbers" in ids


@pytest.mark.parametrize("typed, problem_id", [
    ("", "number-empty"), ("call me", "number-unreadable"), ("+999 12345", "number-unreadable"),
    ("1" * 70, "number-too-long"),
])
def test_bad_numbers_are_invalid_with_a_reason(typed, problem_id):
    result = check_number(typed, PINNED, "CN")
    assert result.verdict is NumberVerdict.INVALID and result.reasons[0].id == problem_id


def test_a_short_number_is_read_in_the_users_region():
    with pytest.raises(InputProblem):
        support_number_key("95188", "TW")  # a mainland service number, unknown in Taiwan


@pytest.mark.parametrize("key, shown", [
    ("+8695188", "95188"), ("+864008009888", "400 800 9888"),
    ("+85221234567", "+852 2123 4567"),
])
def test_numbers_are_shown_as_people_write_them(key, shown):
    assert display_number(key) == shown

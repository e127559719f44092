"""The range query of Have I Been Pwned, as data."""

from __future__ import annotations

import hashlib

import pytest

from anjian.core.passwords.breach import BadRangeAnswer, range_query, times_seen


def test_only_five_hex_digits_of_the_sha1_are_sent():
    prefix, suffix = range_query("password")
    digest = hashlib.sha1(b"password").hexdigest().upper()
    assert (prefix, suffix) == (digest[:5], digest[5:])


def test_the_count_of_the_matching_suffix_is_read():
    _, suffix = range_query("password")
    answer = f"0018A45C4D1DEF81644B54AB7F969B88D65:1\r\n{suffix}:9545824\r\n"
    assert times_seen(answer, suffix) == 9545824


def test_a_padding_line_counts_as_not_found():
    _, suffix = range_query("password")
    assert times_seen(f"{suffix}:0\r\n", suffix) == 0


def test_an_absent_suffix_is_not_found():
    assert times_seen("0018A45C4D1DEF81644B54AB7F969B88D65:3\n", range_query("x")[1]) == 0


def test_an_answer_in_another_format_is_refused():
    with pytest.raises(BadRangeAnswer):
        times_seen("<html>Service unavailable</html>", range_query("x")[1])

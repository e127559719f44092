"""The passwords section: stored checks, the review cadence, strict reading."""

from __future__ import annotations

from datetime import date, datetime, timezone

import pytest

from anjian.core.document import DocumentError
from anjian.core.passwords.records import (
    PasswordCheck, Passwords, add_months, due_reviews, from_section, review_due, to_section)

NOW = datetime(2025, 3, 1, 12, tzinfo=timezone.utc)
CHECK = PasswordCheck(account_id="a1", score=1, guesses_log10=4.2, checked=NOW,
                      patterns=("pinyin_name", "year"), reused_with=("a2",),
                      changed=date(2024, 12, 31), fingerprint="f00d")


def test_section_round_trips():
    section = Passwords(checks=(CHECK,), review_months=6)
    assert from_section(to_section(section)) == section


def test_missing_section_is_empty_with_a_yearly_review():
    assert from_section(None) == Passwords()
    assert Passwords().review_months == 12


def test_stored_check_holds_no_password_field():
    stored = to_section(Passwords(checks=(CHECK,)))["checks"][0]
    assert "password" not in stored and "token" not in str(stored)


@pytest.mark.parametrize("field, value", [
    ("score", 7), ("guesses_log10", "big"), ("changed", "yesterday"), ("patterns", [1]),
    ("checked", "2025-03-01T12:00:00"),
])
def test_malformed_check_names_the_field(field, value):
    doc = to_section(Passwords(checks=(CHECK,)))
    doc["checks"][0][field] = value
    with pytest.raises(DocumentError) as bad:
        from_section(doc)
    assert field in str(bad.value)


def test_review_cadence_out_of_range_is_malformed():
    with pytest.raises(DocumentError):
        from_section({"review_months": 0, "checks": []})


def test_month_arithmetic_clamps_to_the_month_end():
    assert add_months(date(2024, 1, 31), 1) == date(2024, 2, 29)
    assert add_months(date(2024, 11, 15), 14) == date(2026, 1, 15)


def test_review_counts_from_the_later_of_check_and_change():
    assert review_due(CHECK, 12) == date(2026, 3, 1)
    changed_later = PasswordCheck("a1", 3, 9.0, NOW, changed=date(2025, 6, 1))
    assert review_due(changed_later, 12) == date(2026, 6, 1)


def test_due_reviews_include_never_checked_accounts():
    section = Passwords(checks=(CHECK,), review_months=12)
    assert due_reviews(section, ["a1", "a9"], NOW) == ["a9"]
    assert due_reviews(section, ["a1"], datetime(2026, 3, 1, tzinfo=timezone.utc)) == ["a1"]


def test_reuse_findings_are_replaced():
    section = Passwords(checks=(CHECK,)).with_reuse({"a1": ((), ("a3",))})
    check = section.check_for("a1")
    assert check is not None and (check.reused_with, check.similar_to) == ((), ("a3",))

"""Reuse is found from keyed fingerprints; the password is never kept."""

from __future__ import annotations

import pytest

from anjian.core.passwords.reuse import Fingerprint, base_form, find_reuse, fingerprint

KEY = bytes(range(32))


@pytest.fixture(scope="module")
def prints() -> dict[str, Fingerprint]:
    return {
        "wechat": fingerprint("woaini1314", KEY),
        "alipay": fingerprint("woaini1314", KEY),
        "okx": fingerprint("WoAiNi1315!", KEY),
        "gmail": fingerprint("Xk9#mP2$qLw7", KEY),
    }


def test_same_password_on_two_accounts_is_reported(prints):
    found = find_reuse(prints)
    assert found["wechat"].same == ("alipay",)
    assert found["alipay"].same == ("wechat",)


def test_same_base_with_another_ending_is_near_reuse(prints):
    found = find_reuse(prints)
    assert found["okx"].similar == ("alipay", "wechat")
    assert found["okx"].same == ()


def test_unrelated_password_has_no_findings(prints):
    found = find_reuse(prints)["gmail"]
    assert (found.same, found.similar) == ((), ())


def test_base_form_drops_capitals_and_trailing_digits_and_symbols():
    assert base_form("WoAiNi1314!") == "woaini"
    assert base_form("ｗｏａｉｎｉ５２０") == "woaini"  # full-width forms normalise


def test_a_short_base_is_no_evidence():
    assert fingerprint("ab123456", KEY).base is None


def test_another_key_gives_other_fingerprints():
    assert fingerprint("woaini1314", KEY) != fingerprint("woaini1314", bytes(32))


def test_the_fingerprint_contains_no_trace_of_the_password():
    encoded = fingerprint("woaini1314", KEY).encode()
    assert "woaini" not in encoded and "1314" not in encoded


def test_fingerprint_survives_its_keyring_form(prints):
    assert Fingerprint.decode(prints["okx"].encode()) == prints["okx"]


def test_a_garbled_keyring_value_is_refused():
    with pytest.raises(ValueError):
        Fingerprint.decode("v2:abc:")


def test_lone_surrogates_can_be_fingerprinted():
    assert fingerprint("pass\ud800word", KEY) != fingerprint("password", KEY)

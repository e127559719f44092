"""Base32 secrets as people type them."""

from __future__ import annotations

import pytest

from anjian.core.twofactor.secret import (
    SecretError,
    grouped,
    is_short,
    new_secret,
    parse_secret,
    secret_text,
)


def test_typed_secrets_ignore_case_spaces_dashes_and_padding() -> None:
    assert parse_secret("jbsw y3dp-ehpk 3pxp====") == parse_secret("JBSWY3DPEHPK3PXP")


def test_a_secret_round_trips_through_its_text() -> None:
    secret = bytes(range(20))
    assert parse_secret(secret_text(secret)) == secret


def test_grouped_text_has_groups_of_four() -> None:
    assert grouped(bytes(20)) == "AAAA AAAA AAAA AAAA AAAA AAAA AAAA AAAA"


@pytest.mark.parametrize(("typed", "code"), [
    ("", "missing-secret"),
    ("   ", "missing-secret"),
    ("JBSWY3DPEHPK3PX1", "bad-base32"),
    ("JBSWY3DPEHPK3PXPJBSWY3", "bad-length"),
    ("JBSWY3DP", "too-short"),
    ("A" * 240, "too-long"),
])
def test_unusable_secrets_are_refused_with_a_reason(typed, code) -> None:
    with pytest.raises(SecretError) as refused:
        parse_secret(typed)
    assert refused.value.code == code


def test_the_bad_character_is_named_by_position_not_quoted() -> None:
    with pytest.raises(SecretError) as refused:
        parse_secret("JBSWY3DPEHPK3PX8")
    assert refused.value.text.params == {"position": 16}
    assert "8" not in str(refused.value).split("(")[0]


def test_an_80_bit_secret_is_accepted_but_short() -> None:
    secret = parse_secret("JBSWY3DPEHPK3PXP")
    assert len(secret) * 8 == 80 and is_short(secret)


def test_new_secrets_are_160_bits() -> None:
    secret = new_secret(lambda n: b"\x01" * n)
    assert len(secret) * 8 == 160 and not is_short(secret)


def test_a_random_source_of_the_wrong_length_is_refused() -> None:
    with pytest.raises(ValueError):
        new_secret(lambda n: b"\x01" * (n - 1))

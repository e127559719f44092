"""The vault's add box: a link, an export, or a typed setup key."""

from __future__ import annotations

import pytest

from anjian.core.twofactor.intake import read_input, read_links
from anjian.core.twofactor.otpauth import UriError

from .test_migration import entry, export

SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"
LINK = f"otpauth://totp/Bank:alice?secret={SECRET}&issuer=Bank"


def test_a_link_gives_its_entry() -> None:
    assert [e.title for e in read_input(f"  {LINK}\n").entries] == ["Bank: alice"]


def test_export_parts_pasted_together_are_read_as_one_export() -> None:
    text = export([entry(1)], 0, 2) + "\n" + export([entry(2)], 1, 2)
    intake = read_input(text)
    assert len(intake.entries) == 2 and intake.notes == ()


def test_a_typed_key_takes_the_name_given_beside_it() -> None:
    intake = read_input("jbsw y3dp ehpk 3pxp", issuer="Old Forum", account="me")
    assert intake.entries[0].title == "Old Forum: me"
    assert intake.entries[0].key.secret_bits == 80 and intake.entries[0].warnings


@pytest.mark.parametrize(("text", "issuer", "code"), [
    ("", "Bank", "empty"),
    ("JBSWY3DPEHPK3PXP", "", "no-name"),
    ("JBSWY3DPEHPK3PX1", "Bank", "bad-base32"),
    (f"{LINK} {LINK}", "", "several-links"),
])
def test_unusable_input_says_why(text, issuer, code) -> None:
    with pytest.raises(UriError) as error:
        read_input(text, issuer)
    assert error.value.code == code


def test_an_image_without_a_qr_code_says_so() -> None:
    with pytest.raises(UriError) as error:
        read_links([])
    assert error.value.code == "no-code"

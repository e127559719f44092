"""Google Authenticator exports, built in the tests with the same protobuf schema."""

from __future__ import annotations

import base64
from urllib.parse import quote

import pytest
from hypothesis import given
from hypothesis import strategies as st

from anjian.core.twofactor.migration import (
    is_migration,
    payload_class,
    read_batch,
    read_exports,
)
from anjian.core.twofactor.otpauth import UriError
from anjian.core.twofactor.totp import Algorithm

SHA1, SHA256, SHA512, MD5 = 1, 2, 3, 4
SIX, EIGHT = 1, 2
HOTP, TOTP = 1, 2


def export(entries: list[dict], batch_index: int = 0, batch_size: int = 1,
           batch_id: int = 7, urlsafe: bool = False) -> str:
    payload = payload_class()(version=1, batch_index=batch_index, batch_size=batch_size,
                              batch_id=batch_id)
    for fields in entries:
        payload.otp_parameters.add(**{"type": TOTP, **fields})
    blob = payload.SerializeToString()
    data = (base64.urlsafe_b64encode if urlsafe else base64.b64encode)(blob).decode()
    return f"otpauth-migration://offline?data={quote(data, safe='')}"


def entry(n: int, **fields) -> dict:
    return {"secret": bytes([n]) * 20, "name": f"user{n}@example.com".encode(),
            "issuer": f"Service{n}".encode(), **fields}


def test_an_export_is_recognised_by_its_scheme() -> None:
    assert is_migration(" otpauth-migration://offline?data=x")
    assert not is_migration("otpauth://totp/a?secret=x")


def test_every_entry_of_one_batch_is_imported() -> None:
    batch = read_batch(export([entry(1), entry(2, algorithm=SHA256, digits=EIGHT), entry(3)]))
    assert [e.issuer for e in batch.entries] == ["Service1", "Service2", "Service3"]
    second = batch.entries[1].key
    assert (second.algorithm, second.digits, second.period) == (Algorithm.SHA256, 8, 30)
    assert batch.entries[0].key.secret == bytes([1]) * 20


def test_the_issuer_prefix_in_the_name_is_dropped() -> None:
    batch = read_batch(export([entry(1, name=b"Service1:carol")]))
    assert (batch.entries[0].issuer, batch.entries[0].account) == ("Service1", "carol")


def test_skipped_entries_say_why() -> None:
    batch = read_batch(export([
        entry(1, type=HOTP, counter=4),
        entry(2, algorithm=MD5),
        entry(3, secret=b"short"),
        entry(4, name=b"\xff\xfe"),
        entry(5, digits=9),
        entry(6),
    ]))
    assert [e.issuer for e in batch.entries] == ["Service6"]
    reasons = {s.title: s.reason.msgid for s in batch.skipped}
    assert "HOTP" in reasons["Service1: user1@example.com"]
    assert "MD5" in reasons["Service2: user2@example.com"]
    assert "40 bits" in str(next(s.reason for s in batch.skipped if s.title.startswith("Service3")))
    assert "#4" in reasons and "digits" in reasons["Service5: user5@example.com"]


def test_several_batches_are_joined_in_order() -> None:
    links = [export([entry(3), entry(4)], batch_index=1, batch_size=2),
             export([entry(1), entry(2)], batch_index=0, batch_size=2)]
    reading = read_exports(links)
    assert [e.issuer for e in reading.entries] == [f"Service{n}" for n in (1, 2, 3, 4)]
    assert reading.notes == ()


def test_a_missing_batch_is_reported() -> None:
    reading = read_exports([export([entry(1)], batch_index=0, batch_size=3)])
    assert len(reading.entries) == 1
    assert reading.notes[0].params == {"size": 3, "missing": "2, 3"}


def test_a_batch_given_twice_is_read_once() -> None:
    link = export([entry(1)])
    reading = read_exports([link, link])
    assert len(reading.entries) == 1 and "twice" in reading.notes[0].msgid


def test_two_exports_are_kept_apart() -> None:
    reading = read_exports([export([entry(1)], batch_id=1), export([entry(2)], batch_id=2)])
    assert len(reading.entries) == 2 and reading.notes == ()


def test_url_safe_base64_and_a_plus_turned_into_a_space_are_read() -> None:
    assert read_batch(export([entry(62)], urlsafe=True)).entries
    link = export([entry(62)]).replace("%2B", " ")
    assert read_batch(link).entries


@pytest.mark.parametrize(("link", "code"), [
    ("otpauth://totp/a?secret=JBSWY3DPEHPK3PXP", "not-migration"),
    ("otpauth-migration://online?data=AAAA", "not-migration"),
    ("otpauth-migration://offline?foo=1", "missing-data"),
    ("otpauth-migration://offline?data=%%%", "bad-percent"),
    ("otpauth-migration://offline?data=A", "bad-base64"),
    ("otpauth-migration://offline?data=" + quote(base64.b64encode(b"\xff\xff\xff").decode()),
     "bad-payload"),
    ("otpauth-migration://offline?data=", "missing-data"),
])
def test_unusable_export_links_say_why(link, code) -> None:
    with pytest.raises(UriError) as error:
        read_batch(link)
    assert error.value.code == code


def test_an_export_without_entries_is_refused() -> None:
    with pytest.raises(UriError) as error:
        read_batch(export([]))
    assert error.value.code == "empty-export"


@given(st.binary(max_size=200))
def test_any_payload_bytes_are_read_or_refused_with_a_reason(blob) -> None:
    link = "otpauth-migration://offline?data=" + quote(base64.b64encode(blob).decode(), safe="")
    try:
        read_batch(link)
    except UriError as error:
        assert error.code

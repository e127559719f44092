"""Anjian's own backup file: sealed with a passphrase, every failure told apart."""

from __future__ import annotations

import base64
import json
from datetime import datetime, timezone

import pytest

from anjian.core.backups.archive import (
    MAGIC,
    SCRYPT_N,
    ArchiveError,
    Contents,
    seal,
    unseal,
)

NOW = datetime(2026, 3, 1, 12, 0, tzinfo=timezone.utc)
FAST_N = 2**10
PASSPHRASE = "correct horse battery 电池"
CONTENTS = Contents({"schema_version": 1, "accounts": [{"name": "微信"}]},
                    {"abc123": "JBSWY3DPEHPK3PXP"})


def sealed(**kwargs) -> bytes:
    return seal(CONTENTS, PASSPHRASE, NOW, "0.1.0", n=FAST_N, **kwargs)


def header(data: bytes) -> dict:
    return json.loads(data[len(MAGIC):].split(b"\n", 1)[0])


def test_a_sealed_backup_opens_with_its_passphrase():
    opened = unseal(sealed(), PASSPHRASE)
    assert opened.document == CONTENTS.document
    assert opened.secrets == CONTENTS.secrets
    assert opened.made == NOW
    assert opened.app_version == "0.1.0"


def test_the_file_holds_no_secret_and_no_state_in_clear():
    data = sealed()
    assert b"JBSWY3DP" not in data
    assert "微信".encode() not in data and b"accounts" not in data


def test_the_header_records_the_kdf_salt_and_cipher():
    kdf = header(sealed())["kdf"]
    assert kdf["name"] == "scrypt" and kdf["n"] == FAST_N and kdf["r"] == 8
    assert len(base64.b64decode(kdf["salt"])) == 16
    assert header(sealed())["cipher"] == "AES-256-GCM"


def test_the_default_cost_is_scrypt_at_128_mib():
    assert SCRYPT_N * 8 * 128 == 128 * 2**20


def test_each_backup_has_its_own_salt_and_nonce():
    first, second = header(sealed()), header(sealed())
    assert first["kdf"]["salt"] != second["kdf"]["salt"]
    assert first["nonce"] != second["nonce"]


def test_a_wrong_passphrase_is_told_apart():
    with pytest.raises(ArchiveError) as caught:
        unseal(sealed(), "not the passphrase")
    assert caught.value.problem == "wrong-passphrase"


@pytest.mark.parametrize("keep", [0.3, 0.9, 0.99])
def test_a_truncated_file_is_damaged(keep):
    data = sealed()
    with pytest.raises(ArchiveError) as caught:
        unseal(data[:int(len(data) * keep)], PASSPHRASE)
    assert caught.value.problem in ("damaged", "not-a-backup")


def test_a_changed_ciphertext_byte_is_damaged():
    data = bytearray(sealed())
    body_start = data.index(b"\n", len(MAGIC)) + 1
    data[body_start + 20] = ord("A") if data[body_start + 20] != ord("A") else ord("B")
    with pytest.raises(ArchiveError) as caught:
        unseal(bytes(data), PASSPHRASE)
    assert caught.value.problem == "damaged"


def test_a_changed_header_is_damaged_even_if_it_still_parses():
    data = sealed()
    raw = header(data)
    raw["cipher_note"] = "edited"
    edited = MAGIC + json.dumps(raw, sort_keys=True).encode() + b"\n" + data.split(b"\n", 2)[2]
    with pytest.raises(ArchiveError) as caught:
        unseal(edited, PASSPHRASE)
    assert caught.value.problem == "damaged"


def test_a_file_from_a_newer_version_says_so():
    data = sealed()
    raw = header(data)
    raw["format"] = 2
    newer = MAGIC + json.dumps(raw).encode() + b"\n" + data.split(b"\n", 2)[2]
    with pytest.raises(ArchiveError) as caught:
        unseal(newer, PASSPHRASE)
    assert caught.value.problem == "newer"


def test_a_file_that_asks_for_a_huge_scrypt_cost_is_refused_before_deriving():
    data = sealed()
    raw = header(data)
    raw["kdf"]["n"] = 2**30
    hostile = MAGIC + json.dumps(raw).encode() + b"\n" + data.split(b"\n", 2)[2]
    with pytest.raises(ArchiveError) as caught:
        unseal(hostile, PASSPHRASE)
    assert caught.value.problem == "damaged"


def test_another_file_is_not_a_backup():
    with pytest.raises(ArchiveError) as caught:
        unseal(b"%PDF-1.4 ...", PASSPHRASE)
    assert caught.value.problem == "not-a-backup"


def test_a_short_passphrase_is_refused():
    with pytest.raises(ArchiveError) as caught:
        seal(CONTENTS, "short", NOW, "0.1.0", n=FAST_N)
    assert caught.value.problem == "weak-passphrase"


def test_error_messages_never_contain_the_passphrase():
    with pytest.raises(ArchiveError) as caught:
        unseal(sealed(), "wrong-" + PASSPHRASE)
    assert PASSPHRASE not in str(caught.value)

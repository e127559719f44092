"""Anjian's own backup file: the whole state and its secrets, sealed with a passphrase.

The file is::

    ANJIAN-BACKUP\\n
    {"format": 1, "kdf": {...scrypt n, r, p, salt...}, "cipher": "AES-256-GCM",
     "nonce": "...", "check": "..."}\\n
    <ciphertext, base64, one line>\\n

The key comes from the passphrase by scrypt (memory-hard: each guess at a
passphrase costs 128 MiB and about half a second). The header, bytes as
written, is the AES-GCM associated data: changing the parameters, the salt or
the version makes decryption fail. ``check`` is a short value derived from the
key alone, so a wrong passphrase is told apart from a damaged file; it gives
an attacker nothing the authentication tag would not (both let a guess be
checked, both at the cost of scrypt).

The plaintext is zlib-compressed JSON: the state document, the secrets by id,
when and by which version it was made. Nothing here reads or writes files.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import json
import os
import zlib
from collections.abc import Callable, Mapping
from datetime import datetime
from typing import Any

from anjian.core.document import iso
from anjian.i18n import N_, Text
from anjian.record import record

MAGIC = b"ANJIAN-BACKUP\n"
FORMAT_VERSION = 1
CIPHER = "AES-256-GCM"
# 2^17 * 8 * 128 bytes = 128 MiB per guess: OWASP's scrypt minimum for passwords.
SCRYPT_N = 2**17
SCRYPT_R = 8
SCRYPT_P = 1
_MAX_N = 2**20  # refuse to allocate more than 1 GiB for a file someone handed us
_MAX_FILE = 64 * 2**20
MIN_PASSPHRASE = 10

Random = Callable[[int], bytes]


class ArchiveError(ValueError):
    """The file cannot be opened; ``problem`` is stable, ``text`` says why in words."""

    def __init__(self, problem: str, text: Text) -> None:
        super().__init__(str(text))
        self.problem = problem
        self.text = text


def _error(problem: str) -> ArchiveError:
    return ArchiveError(problem, Text(_PROBLEMS[problem]))


_PROBLEMS: Mapping[str, str] = {
    "not-a-backup": N_("This file is not an Anjian backup."),
    "damaged": N_("The backup file is damaged or incomplete (it may have been cut short or "
                  "changed). Nothing was imported."),
    "wrong-passphrase": N_("The passphrase is wrong. Nothing was imported."),
    "newer": N_("This backup was made by a newer version of Anjian. Update Anjian to import "
                "it. Nothing was imported."),
    "too-large": N_("The file is too large to be an Anjian backup."),
    "weak-passphrase": N_("Choose a passphrase of at least 10 characters: it is all that "
                          "protects the backup of every secret Anjian keeps."),
}


@record
class Contents:
    """What a backup carries: the state document and every secret by id."""

    document: Mapping[str, Any]
    secrets: Mapping[str, str]
    made: datetime | None = None
    app_version: str = ""


def _derive(passphrase: str, salt: bytes, n: int, r: int, p: int) -> tuple[bytes, bytes]:
    material = hashlib.scrypt(passphrase.encode("utf-8"), salt=salt, n=n, r=r, p=p,
                              maxmem=256 * n * r + 2**20, dklen=64)
    return material[:32], material[32:]


def _check_value(check_key: bytes) -> str:
    tag = hmac.new(check_key, b"anjian-backup-passphrase-check", hashlib.sha256).digest()
    return base64.b64encode(tag[:16]).decode("ascii")


def seal(contents: Contents, passphrase: str, now: datetime, app_version: str,
         n: int = SCRYPT_N, random: Random = os.urandom) -> bytes:
    """The backup file's bytes for ``contents``, sealed with ``passphrase``."""
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    if len(passphrase) < MIN_PASSPHRASE:
        raise _error("weak-passphrase")
    salt, nonce = random(16), random(12)
    key, check_key = _derive(passphrase, salt, n, SCRYPT_R, SCRYPT_P)
    header = json.dumps({
        "format": FORMAT_VERSION,
        "kdf": {"name": "scrypt", "n": n, "r": SCRYPT_R, "p": SCRYPT_P,
                "salt": base64.b64encode(salt).decode("ascii")},
        "cipher": CIPHER,
        "nonce": base64.b64encode(nonce).decode("ascii"),
        "check": _check_value(check_key),
    }, sort_keys=True).encode("ascii")
    plain = zlib.compress(json.dumps({
        "document": contents.document, "secrets": dict(contents.secrets),
        "made": iso(now), "app_version": app_version,
    }, ensure_ascii=False).encode("utf-8"), 9)
    sealed = AESGCM(key).encrypt(nonce, plain, MAGIC + header)
    return MAGIC + header + b"\n" + base64.b64encode(sealed) + b"\n"


def unseal(data: bytes, passphrase: str) -> Contents:
    """The contents of a backup file; :class:`ArchiveError` says why it cannot be opened."""
    from cryptography.exceptions import InvalidTag
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    if len(data) > _MAX_FILE:
        raise _error("too-large")
    if not data.startswith(MAGIC):
        raise _error("not-a-backup")
    header_bytes, _, body = data[len(MAGIC):].partition(b"\n")
    header = _header(header_bytes)
    kdf = header["kdf"]
    key, check_key = _derive(passphrase, kdf["salt"], kdf["n"], kdf["r"], kdf["p"])
    if not hmac.compare_digest(_check_value(check_key), header["check"]):
        raise _error("wrong-passphrase")
    try:
        sealed = base64.b64decode(body.strip(), validate=True)
        plain = AESGCM(key).decrypt(header["nonce"], sealed, MAGIC + header_bytes)
        raw = json.loads(zlib.decompress(plain).decode("utf-8"))
    except (binascii.Error, InvalidTag, zlib.error, UnicodeDecodeError, ValueError):
        raise _error("damaged") from None
    return _contents(raw)


def _header(header_bytes: bytes) -> dict[str, Any]:
    try:
        raw = json.loads(header_bytes.decode("ascii"))
        version = raw["format"]
    except (UnicodeDecodeError, ValueError, KeyError, TypeError):
        raise _error("damaged") from None
    if not isinstance(version, int) or isinstance(version, bool):
        raise _error("damaged")
    if version > FORMAT_VERSION:
        raise _error("newer")
    try:
        kdf = raw["kdf"]
        n, r, p = kdf["n"], kdf["r"], kdf["p"]
        ok = (kdf["name"] == "scrypt" and raw["cipher"] == CIPHER and version == FORMAT_VERSION
              and all(isinstance(v, int) and not isinstance(v, bool) for v in (n, r, p))
              and 2 <= n <= _MAX_N and n & (n - 1) == 0 and 1 <= r <= 32 and 1 <= p <= 16)
        salt = base64.b64decode(kdf["salt"], validate=True)
        nonce = base64.b64decode(raw["nonce"], validate=True)
        check = raw["check"]
    except (KeyError, TypeError, binascii.Error, ValueError):
        raise _error("damaged") from None
    if not ok or len(salt) < 16 or len(nonce) != 12 or not isinstance(check, str):
        raise _error("damaged")
    return {"kdf": {"n": n, "r": r, "p": p, "salt": salt}, "nonce": nonce, "check": check}


def _contents(raw: Any) -> Contents:
    if not isinstance(raw, dict):
        raise _error("damaged")
    document, secrets = raw.get("document"), raw.get("secrets")
    if not isinstance(document, dict) or not isinstance(secrets, dict):
        raise _error("damaged")
    if not all(isinstance(k, str) and isinstance(v, str) for k, v in secrets.items()):
        raise _error("damaged")
    made = None
    if isinstance(raw.get("made"), str):
        try:
            made = datetime.fromisoformat(raw["made"])
        except ValueError:
            made = None
    version = raw.get("app_version")
    return Contents(document, secrets, made, version if isinstance(version, str) else "")

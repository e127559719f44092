"""Finding the same password on two accounts without keeping any password.

For each account the user checks, Anjian keeps a *fingerprint*: two keyed,
slow hashes, one of the password and one of its base (lower-cased, trailing
digits and symbols taken off: ``WoAiNi1314!`` -> ``woaini``). Equal exact
hashes mean the same password; equal base hashes with different exact ones
mean a near reuse, like ``woaini1314`` and ``woaini1315``, which a guesser who
saw one of them tries right after.

The key is 32 random bytes made once per install and kept in its own keyring
entry; each hash's salt is derived from it, so fingerprints made on another
computer, or by anyone without the key, mean nothing, and the key can be
rotated by checking the passwords again. The hash is scrypt with
N = 2**15, r = 8, p = 1 (32 MiB, about 0.1 s per hash on a 2020s laptop): a
thief who takes both the key and the fingerprints from the keyring pays that
for every guess, and saving a check (two hashes, on the worker thread) stays
well under half a second. OWASP's 2**17 for password databases would take
0.4-0.5 s a hash here; the key, unknown to an attacker who only has a copy of
the state, carries most of the protection.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import re
import unicodedata
from collections.abc import Mapping

from anjian.record import record

SCRYPT_N = 2**15
SCRYPT_R = 8
SCRYPT_P = 1
_DKLEN = 32
_MAXMEM = 64 * 1024 * 1024  # 128 * r * N = 32 MiB, with room
KEY_BYTES = 32
_MIN_BASE = 3  # "ab1" -> "ab" is no evidence of anything
_TRAILING = re.compile(r"[\W\d_]+$")
_VERSION = "v1"


@record
class Fingerprint:
    """The keyed hashes of a password and of its base (``None`` when the base is too short)."""

    exact: bytes
    base: bytes | None

    def encode(self) -> str:
        """The keyring form: ``v1:<exact>:<base>`` in base64."""
        base = base64.b64encode(self.base).decode() if self.base else ""
        return f"{_VERSION}:{base64.b64encode(self.exact).decode()}:{base}"

    @classmethod
    def decode(cls, text: str) -> Fingerprint:
        """Parse :meth:`encode`'s form; raise ``ValueError`` if it is not one."""
        version, exact, base = text.split(":")
        if version != _VERSION or not exact:
            raise ValueError("not a password fingerprint")
        return cls(base64.b64decode(exact, validate=True),
                   base64.b64decode(base, validate=True) if base else None)


@record
class Reuse:
    """Which other accounts have the same password, or nearly the same."""

    same: tuple[str, ...] = ()
    similar: tuple[str, ...] = ()


def base_form(password: str) -> str:
    """The password without capitals and without its trailing digits and symbols."""
    return _TRAILING.sub("", unicodedata.normalize("NFKC", password)).casefold()


def _encode(text: str) -> bytes:
    # Lone surrogates cannot be UTF-8; keep them distinct rather than fail.
    return unicodedata.normalize("NFC", text).encode("utf-8", "surrogatepass")


def _salt(key: bytes, purpose: bytes) -> bytes:
    return hmac.new(key, b"anjian password fingerprint " + purpose, hashlib.sha256).digest()


def _hash(text: str, salt: bytes) -> bytes:
    return hashlib.scrypt(_encode(text), salt=salt, n=SCRYPT_N, r=SCRYPT_R, p=SCRYPT_P,
                          maxmem=_MAXMEM, dklen=_DKLEN)


def fingerprint(password: str, key: bytes) -> Fingerprint:
    """The fingerprint of ``password`` under the install's ``key`` (takes ~0.2 s)."""
    if len(key) < 16:
        raise ValueError("the reuse key is too short")
    base = base_form(password)
    return Fingerprint(
        exact=_hash(password, _salt(key, b"exact")),
        base=_hash(base, _salt(key, b"base")) if len(base) >= _MIN_BASE else None,
    )


def find_reuse(fingerprints: Mapping[str, Fingerprint]) -> dict[str, Reuse]:
    """For each account id, the other accounts with the same or a similar password."""
    found: dict[str, Reuse] = {}
    for account, mine in fingerprints.items():
        same, similar = [], []
        for other, theirs in fingerprints.items():
            if other == account:
                continue
            if hmac.compare_digest(mine.exact, theirs.exact):
                same.append(other)
            elif mine.base is not None and theirs.base is not None and \
                    hmac.compare_digest(mine.base, theirs.base):
                similar.append(other)
        found[account] = Reuse(tuple(sorted(same)), tuple(sorted(similar)))
    return found

"""TOTP secrets as people see them: base32 text, typed, pasted or scanned.

A secret is held as bytes; its text form is RFC 4648 base32 without padding, the
alphabet A–Z and 2–7. What people type is read leniently (lower case, spaces,
dashes, trailing ``=``), but a character outside the alphabet or a length that
base32 can never produce is refused with a reason that names the position, never
the character: an error message must not carry any part of a secret.
"""

from __future__ import annotations

import base64
import re
from collections.abc import Callable

from anjian.i18n import N_, Text

# RFC 4226 §4 R6: a shared secret MUST be at least 128 bits; 160 is recommended.
RECOMMENDED_BITS = 128
# What Anjian generates for the drill: the RFC's recommended length.
GENERATED_BYTES = 20
# Services still hand out 80-bit secrets (16 base32 letters); anything shorter is
# almost always a secret cut short while copying it.
MINIMUM_BITS = 80
# Longer than any service issues (SHA-512 keys are 64 bytes); beyond this the text
# is not a secret at all.
MAXIMUM_BITS = 1024

_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567"
_IGNORED = re.compile(r"[\s\-]+")
# Base32 writes 5 bits per letter, so groups of 8 letters; a last group of 1, 3
# or 6 letters cannot come from any byte string.
_IMPOSSIBLE_REMAINDERS = frozenset({1, 3, 6})


class SecretError(ValueError):
    """A secret that cannot be used; ``text`` says why (without quoting the secret)."""

    def __init__(self, code: str, text: Text) -> None:
        super().__init__(str(text))
        self.code = code
        self.text = text


def parse_secret(typed: str) -> bytes:
    """The bytes of a base32 secret as typed or scanned; raise :class:`SecretError`."""
    letters = _IGNORED.sub("", typed).upper().rstrip("=")
    if not letters:
        raise SecretError("missing-secret", Text(N_("The secret is empty.")))
    for position, letter in enumerate(letters, start=1):
        if letter not in _ALPHABET:
            raise SecretError("bad-base32", Text(N_(
                "Character {position} of the secret is not a base32 letter. Secrets use only "
                "the letters A–Z and the digits 2–7 (0, 1, 8 and 9 never appear: look for O, "
                "I or B)."), {"position": position}))
    if len(letters) % 8 in _IMPOSSIBLE_REMAINDERS:
        raise SecretError("bad-length", Text(N_(
            "The secret has {count} letters, a length base32 never produces: a letter is "
            "probably missing or doubled."), {"count": len(letters)}))
    padded = letters + "=" * (-len(letters) % 8)
    secret = base64.b32decode(padded)
    bits = len(secret) * 8
    if bits < MINIMUM_BITS:
        raise SecretError("too-short", Text(N_(
            "The secret holds only {bits} bits; real services use at least {minimum}. Check "
            "that you copied all of it."), {"bits": bits, "minimum": MINIMUM_BITS}))
    if bits > MAXIMUM_BITS:
        raise SecretError("too-long", Text(N_(
            "The secret is {bits} bits long, far longer than any authenticator secret."),
            {"bits": bits}))
    return secret


def secret_text(secret: bytes) -> str:
    """The base32 form of ``secret``, without padding (as authenticator links carry it)."""
    return base64.b32encode(secret).decode("ascii").rstrip("=")


def grouped(secret: bytes) -> str:
    """The base32 form in groups of four letters, for reading aloud or typing by hand."""
    text = secret_text(secret)
    return " ".join(text[i:i + 4] for i in range(0, len(text), 4))


def new_secret(random_bytes: Callable[[int], bytes]) -> bytes:
    """A fresh 160-bit secret from ``random_bytes`` (pass :func:`secrets.token_bytes`)."""
    secret = random_bytes(GENERATED_BYTES)
    if len(secret) != GENERATED_BYTES:
        raise ValueError("the random source returned the wrong number of bytes")
    return secret


def is_short(secret: bytes) -> bool:
    """Whether ``secret`` is below the 128 bits RFC 4226 requires (but still accepted)."""
    return len(secret) * 8 < RECOMMENDED_BITS

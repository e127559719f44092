"""The Have I Been Pwned range query, as data: what is sent and how to read the answer.

k-anonymity: only the first 5 hex digits of the password's SHA-1 leave the
computer; the service answers with every hash suffix it knows under that
prefix (about 800) and the count of each, and the match is made here. With
``Add-Padding: true`` the answer is padded with zero-count suffixes to a
similar size for every prefix, so its length does not hint at the prefix.
The request itself is made by :mod:`anjian.pwned`, only when the user asks.
"""

from __future__ import annotations

import hashlib

PREFIX_LENGTH = 5


class BadRangeAnswer(ValueError):
    """The answer is not in the range API's format."""


def range_query(password: str) -> tuple[str, str]:
    """(prefix to send, suffix to look for) of the password's upper-case SHA-1."""
    digest = hashlib.sha1(password.encode("utf-8", "surrogatepass")).hexdigest().upper()
    return digest[:PREFIX_LENGTH], digest[PREFIX_LENGTH:]


def times_seen(answer: str, suffix: str) -> int:
    """How often the breach corpus holds the password: 0 when not (padding counts 0).

    Raise :class:`BadRangeAnswer` when a line is not ``SUFFIX:COUNT``.
    """
    wanted = suffix.upper()
    for line in answer.splitlines():
        line = line.strip()
        if not line:
            continue
        found, sep, count = line.partition(":")
        if not sep or len(found) != 35 or not count.isdigit():
            raise BadRangeAnswer("not a range answer")
        if found.upper() == wanted:
            return int(count)
    return 0

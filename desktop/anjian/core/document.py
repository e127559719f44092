"""Strict reading of the plain JSON document, shared by every kind of record.

Each reader takes the record (a mapping), the key, and ``where`` (the path of
the record, for the message), and raises :class:`DocumentError` naming the
exact field when the value is missing or of the wrong shape. Times are stored
as ISO 8601 in UTC and must carry a time zone.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import datetime, timezone
from typing import Any

from anjian.i18n import N_, Text

_ID_PATTERN = re.compile(r"^[a-z0-9][a-z0-9-]{0,63}$")


class DocumentError(ValueError):
    """The document does not have the shape of a state; ``text`` says why."""

    def __init__(self, text: Text) -> None:
        super().__init__(str(text))
        self.text = text


def malformed(where: str) -> DocumentError:
    """The error for a field that is missing or of the wrong shape."""
    return DocumentError(Text(N_("The saved state is malformed at “{field}”."), {"field": where}))


def path(where: str, key: str) -> str:
    """``where.key``, or ``key`` at the top level."""
    return f"{where}.{key}" if where else key


def read_record(raw: Any, where: str) -> Mapping[str, Any]:
    """``raw`` if it is a mapping."""
    if not isinstance(raw, Mapping):
        raise malformed(where)
    return raw


def read_list(doc: Mapping[str, Any], key: str, where: str = "") -> list[Any]:
    """A list (absent means empty)."""
    value = doc.get(key, [])
    if not isinstance(value, list):
        raise malformed(path(where, key))
    return value


def read_str(doc: Mapping[str, Any], key: str, where: str = "", default: str | None = None) -> str:
    """A string; ``default`` if absent and a default is given."""
    value = doc.get(key, default)
    if not isinstance(value, str):
        raise malformed(path(where, key))
    return value


def read_int(doc: Mapping[str, Any], key: str, where: str = "", default: int | None = None) -> int:
    """An integer (not a bool); ``default`` if absent and a default is given."""
    value = doc.get(key, default)
    if isinstance(value, bool) or not isinstance(value, int):
        raise malformed(path(where, key))
    return value


def read_bool(doc: Mapping[str, Any], key: str, where: str = "", default: bool | None = None) -> bool:
    """A boolean; ``default`` if absent and a default is given."""
    value = doc.get(key, default)
    if not isinstance(value, bool):
        raise malformed(path(where, key))
    return value


def read_id(doc: Mapping[str, Any], key: str, where: str = "") -> str:
    """A record id: lower-case letters, digits and dashes."""
    value = read_str(doc, key, where)
    if not _ID_PATTERN.match(value):
        raise malformed(path(where, key))
    return value


def read_time(doc: Mapping[str, Any], key: str, where: str = "") -> datetime:
    """A time-zone-aware time."""
    value = read_str(doc, key, where)
    try:
        parsed = datetime.fromisoformat(value)
    except ValueError:
        raise malformed(path(where, key)) from None
    if parsed.tzinfo is None:
        raise malformed(path(where, key))
    return parsed


def read_optional_time(doc: Mapping[str, Any], key: str, where: str = "") -> datetime | None:
    """A time, or ``None`` when absent or null."""
    if doc.get(key) is None:
        return None
    return read_time(doc, key, where)


def utc(moment: datetime) -> datetime:
    """``moment`` in UTC; naive times are refused (time always comes in with a zone)."""
    if moment.tzinfo is None:
        raise ValueError("times in the state must be timezone-aware")
    return moment.astimezone(timezone.utc)


def iso(moment: datetime | None) -> str | None:
    """The stored form of a time: ISO 8601 in UTC, to the second."""
    return None if moment is None else utc(moment).isoformat(timespec="seconds")

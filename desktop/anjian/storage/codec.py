"""How the state document is laid out in keyring entries.

Entries under the Anjian service:

``state``
    The *head*, a small JSON object and the commit point of every save. It names
    the generation, the SHA-256 and length of the payload, and either carries the
    payload inline or says into how many shards it is cut.
``state.previous``
    The head of the generation before, copied there just before a new head is
    committed: the last good generation if the newest one turns out damaged.
``state.g<generation>.<i>``
    The shards of a generation, on backends that limit value size.
``damaged.<time>``
    A damaged head kept aside (never overwritten, never deleted by Anjian).

The payload is the JSON document, zlib-compressed and base64-encoded when that
is shorter. Everything here is a pure function: no keyring, no clock.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import json
import zlib
from dataclasses import asdict, field
from typing import Any

from anjian.i18n import N_, Text
from anjian.record import record

FORMAT = 1  # the layout version, independent of the document's schema_version
HEAD = "state"
PREVIOUS = "state.previous"

PLAIN = "json"
ZLIB = "zlib+base64"

_QUARANTINE_KEPT = 8  # how many names of kept damaged copies the head remembers


class Damaged(Exception):
    """An entry or payload cannot be trusted; ``text`` says why (never its content)."""

    def __init__(self, text: Text) -> None:
        super().__init__(str(text))
        self.text = text


class NewerFormat(Exception):
    """The head was written by a newer Anjian with a layout this one does not know."""

    def __init__(self, found: int) -> None:
        super().__init__(f"layout format {found}")
        self.found = found


@record
class Head:
    """The commit record of one generation."""

    generation: int
    sha256: str
    length: int
    encoding: str
    schema_version: int
    saved_at: str
    app_version: str
    data: str | None = None  # the payload, when inline
    shards: int = 0  # how many shards hold the payload, when not inline
    previous_generation: int = 0
    previous_shards: int = 0
    quarantine: tuple[str, ...] = field(default_factory=tuple)

    def shard_names(self) -> list[str]:
        """The entries holding this generation's payload (empty when inline)."""
        return shard_names(self.generation, self.shards)

    def with_quarantined(self, names: tuple[str, ...]) -> tuple[str, ...]:
        """The quarantine list with ``names`` added, most recent kept."""
        return (*self.quarantine, *names)[-_QUARANTINE_KEPT:]


def shard_names(generation: int, count: int) -> list[str]:
    """Entry names of the shards of ``generation``."""
    return [f"state.g{generation}.{i}" for i in range(count)]


def encode_payload(document: dict[str, Any]) -> tuple[str, str]:
    """The payload text and its encoding: compressed when that is shorter."""
    text = json.dumps(document, ensure_ascii=False, separators=(",", ":"), sort_keys=True)
    packed = base64.b64encode(zlib.compress(text.encode("utf-8"), 6)).decode("ascii")
    if len(packed) < len(text):
        return packed, ZLIB
    return text, PLAIN


def decode_payload(payload: str, encoding: str) -> dict[str, Any]:
    """The document back from a verified payload; raise :class:`Damaged` if unreadable."""
    try:
        if encoding == ZLIB:
            text = zlib.decompress(base64.b64decode(payload, validate=True)).decode("utf-8")
        elif encoding == PLAIN:
            text = payload
        else:
            raise Damaged(Text(N_("The saved state uses an unknown encoding.")))
        document = json.loads(text)
    except (binascii.Error, zlib.error, UnicodeDecodeError, ValueError, RecursionError):
        raise Damaged(Text(N_("The saved state cannot be decoded."))) from None
    if not isinstance(document, dict):
        raise Damaged(Text(N_("The saved state is not a document.")))
    return document


def digest(payload: str) -> str:
    """SHA-256 of the payload text, hex."""
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


def verify(head: Head, payload: str) -> str:
    """``payload`` if its length and hash match the head; else raise :class:`Damaged`."""
    if len(payload) != head.length or digest(payload) != head.sha256:
        raise Damaged(Text(N_("The saved state does not match its checksum: it is damaged "
                              "or was only partly written.")))
    return payload


def split(payload: str, size: int) -> list[str]:
    """Cut ``payload`` into pieces of at most ``size`` characters."""
    return [payload[i : i + size] for i in range(0, len(payload), size)] or [""]


def dump_head(head: Head) -> str:
    """The head as the compact JSON stored under ``state``."""
    record = {"anjian_state": FORMAT, **asdict(head)}
    record["quarantine"] = list(head.quarantine)
    return json.dumps(record, ensure_ascii=False, separators=(",", ":"))


def parse_head(raw: str) -> Head:
    """Read a head; raise :class:`Damaged` or :class:`NewerFormat`."""
    try:
        record = json.loads(raw)
    except (ValueError, RecursionError):
        raise Damaged(Text(N_("The saved state's index entry is not readable."))) from None
    if not isinstance(record, dict) or not isinstance(record.get("anjian_state"), int):
        raise Damaged(Text(N_("The saved state's index entry is not Anjian's.")))
    if record["anjian_state"] > FORMAT:
        raise NewerFormat(record["anjian_state"])
    try:
        head = Head(
            generation=_int(record, "generation", minimum=1),
            sha256=_str(record, "sha256"),
            length=_int(record, "length"),
            encoding=_str(record, "encoding"),
            schema_version=_int(record, "schema_version", minimum=1),
            saved_at=_str(record, "saved_at"),
            app_version=_str(record, "app_version"),
            data=record.get("data"),
            shards=_int(record, "shards"),
            previous_generation=_int(record, "previous_generation"),
            previous_shards=_int(record, "previous_shards"),
            quarantine=tuple(_names(record.get("quarantine", []))),
        )
    except (KeyError, TypeError):
        raise Damaged(Text(N_("The saved state's index entry is incomplete."))) from None
    if (head.data is None) == (head.shards == 0) or (
        head.data is not None and not isinstance(head.data, str)
    ):
        raise Damaged(Text(N_("The saved state's index entry is incomplete.")))
    return head


def _int(record: dict[str, Any], key: str, minimum: int = 0) -> int:
    value = record[key]
    if isinstance(value, bool) or not isinstance(value, int) or value < minimum:
        raise TypeError(key)
    return value


def _str(record: dict[str, Any], key: str) -> str:
    value = record[key]
    if not isinstance(value, str):
        raise TypeError(key)
    return value


def _names(value: Any) -> list[str]:
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise TypeError("quarantine")
    return value


# -- blobs: values that may need splitting (secrets, kept damaged copies) -----------

_WHOLE = "="
_PARTS = "#"


def blob_entries(name: str, text: str, limit: int | None) -> list[tuple[str, str]]:
    """The (entry, value) pairs storing ``text`` under ``name``; the index entry last."""
    if limit is None or len(text) + 1 <= limit:
        return [(name, _WHOLE + text)]
    parts = split(text, limit)
    return [(f"{name}.part{i}", p) for i, p in enumerate(parts)] + [(name, f"{_PARTS}{len(parts)}")]


def blob_part_count(index_value: str) -> int | None:
    """How many parts a blob has, or ``None`` when the value holds it whole."""
    if index_value.startswith(_WHOLE):
        return None
    if index_value.startswith(_PARTS) and index_value[1:].isdigit():
        return int(index_value[1:])
    raise Damaged(Text(N_("A stored secret is not in Anjian's format.")))


def blob_whole(index_value: str) -> str:
    """The text of a blob stored whole."""
    return index_value[len(_WHOLE):]

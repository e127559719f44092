"""Google Authenticator exports: ``otpauth-migration://offline?data=...``.

The ``data`` parameter is base64 of a protobuf ``MigrationPayload`` (the schema
below, as published by Google Authenticator's export and widely reimplemented).
It is read with the ``protobuf`` package's own parser, from a descriptor built
here in code: no generated ``_pb2`` module to keep in step with the protobuf
version, no ``protoc`` at build time, and no hand-written varint reader. The
descriptor lives in a private pool so it can never clash with another user of
protobuf's default pool.

``name`` and ``issuer`` are declared ``bytes`` although Google writes them as
``string``: the wire format is the same, and reading them as bytes lets one entry
with a broken name be skipped with a reason instead of failing the whole export.

A large export is split into several QR codes ("batches"), each its own link
with ``batch_index``/``batch_size``/``batch_id``. :func:`read_exports` takes all
the links at once and reports every entry imported, every entry skipped and why,
and the batches that are missing. Google's format carries no period: it is
always 30 s.
"""

from __future__ import annotations

import base64
import binascii
from collections.abc import Iterable
from functools import lru_cache
from typing import Any

from anjian.core.twofactor.otpauth import OtpEntry, UriError, as_text, key_warnings, \
    query_parameters
from anjian.core.twofactor.secret import MAXIMUM_BITS, MINIMUM_BITS
from anjian.core.twofactor.totp import Algorithm, TotpKey
from anjian.i18n import N_, Text
from anjian.record import record

SCHEME = "otpauth-migration://"

# Enum values of the payload (0 means "not said": the defaults below apply).
_ALGORITHMS = {0: Algorithm.SHA1, 1: Algorithm.SHA1, 2: Algorithm.SHA256, 3: Algorithm.SHA512}
_MD5 = 4
_DIGITS = {0: 6, 1: 6, 2: 8}
_TYPE_HOTP = 1
_TYPES_TOTP = (0, 2)


def payload_class() -> Any:
    """The ``MigrationPayload`` message class (built once, on first use)."""
    return _payload_class()


@lru_cache(maxsize=1)
def _payload_class() -> Any:
    from google.protobuf import descriptor_pb2, descriptor_pool, message_factory

    fdp = descriptor_pb2.FileDescriptorProto(
        name="anjian_google_auth_migration.proto", package="anjian.migration", syntax="proto3")
    payload = fdp.message_type.add(name="MigrationPayload")
    params = payload.nested_type.add(name="OtpParameters")
    f = descriptor_pb2.FieldDescriptorProto
    for number, name, kind in (
        (1, "secret", f.TYPE_BYTES),
        (2, "name", f.TYPE_BYTES),  # a string on the wire; bytes so a bad one is per entry
        (3, "issuer", f.TYPE_BYTES),
        (4, "algorithm", f.TYPE_INT32),  # enums read as plain numbers: unknown ones stay
        (5, "digits", f.TYPE_INT32),
        (6, "type", f.TYPE_INT32),
        (7, "counter", f.TYPE_INT64),
    ):
        params.field.add(name=name, number=number, type=kind, label=f.LABEL_OPTIONAL)
    payload.field.add(name="otp_parameters", number=1, type=f.TYPE_MESSAGE,
                      label=f.LABEL_REPEATED,
                      type_name=".anjian.migration.MigrationPayload.OtpParameters")
    for number, name in ((2, "version"), (3, "batch_size"), (4, "batch_index"), (5, "batch_id")):
        payload.field.add(name=name, number=number, type=f.TYPE_INT32, label=f.LABEL_OPTIONAL)
    pool = descriptor_pool.DescriptorPool()
    pool.Add(fdp)
    return message_factory.GetMessageClass(
        pool.FindMessageTypeByName("anjian.migration.MigrationPayload"))


@record
class Skipped:
    """An entry of the export that was not imported, and why."""

    title: str
    reason: Text


@record
class Batch:
    """One link of an export: its place in the export and what it held."""

    batch_id: int
    index: int
    size: int
    entries: tuple[OtpEntry, ...]
    skipped: tuple[Skipped, ...]


@record
class ExportReading:
    """Everything read from one or more export links."""

    entries: tuple[OtpEntry, ...]
    skipped: tuple[Skipped, ...]
    notes: tuple[Text, ...]  # missing or repeated batches


def is_migration(raw: str) -> bool:
    """Whether ``raw`` looks like an export link (so it goes here, not to otpauth)."""
    return raw.strip().lower().startswith(SCHEME)


def read_batch(raw: str | bytes) -> Batch:
    """Read one export link; raise :class:`UriError` if the link itself is unusable."""
    text = as_text(raw)
    if not text.lower().startswith(SCHEME):
        raise UriError("not-migration", Text(N_(
            "This is not a Google Authenticator export: it should start with "
            "“otpauth-migration://”.")))
    rest = text[len(SCHEME):].split("#", 1)[0]
    host, _, query = rest.partition("?")
    if host.lower() != "offline":
        raise UriError("not-migration", Text(N_(
            "This export link is not of the “offline” kind that Google Authenticator writes.")))
    data = query_parameters(query, plus_is_space=False).get("data", "")
    if not data:
        raise UriError("missing-data", Text(N_("The export link has no data.")))
    payload = _payload(_base64(data))
    entries: list[OtpEntry] = []
    skipped: list[Skipped] = []
    for position, params in enumerate(payload.otp_parameters, start=1):
        entry = _entry(params, position)
        if isinstance(entry, Skipped):
            skipped.append(entry)
        else:
            entries.append(entry)
    return Batch(payload.batch_id, payload.batch_index, max(payload.batch_size, 1),
                 tuple(entries), tuple(skipped))


def read_exports(links: Iterable[str | bytes]) -> ExportReading:
    """Read all the links of one or more exports; a link that is unusable raises.

    A batch seen twice is counted once; batches an export announces but that are
    not among the links are reported, so the user knows to scan them too.
    """
    seen: dict[tuple[int, int], Batch] = {}
    notes: list[Text] = []
    for raw in links:
        batch = read_batch(raw)
        place = (batch.batch_id, batch.index)
        if place in seen:
            notes.append(Text(N_("Part {part} of an export was given twice; it was read once."),
                              {"part": batch.index + 1}))
            continue
        seen[place] = batch
    by_export: dict[int, list[Batch]] = {}
    for batch in seen.values():
        by_export.setdefault(batch.batch_id, []).append(batch)
    for batches in by_export.values():
        size = max(b.size for b in batches)
        have = {b.index for b in batches}
        missing = [str(i + 1) for i in range(size) if i not in have]
        if missing:
            notes.append(Text(N_(
                "The export has {size} parts and part(s) {missing} are missing: scan every QR "
                "code the export shows."), {"size": size, "missing": ", ".join(missing)}))
    ordered = sorted(seen.values(), key=lambda b: (b.batch_id, b.index))
    return ExportReading(
        entries=tuple(e for b in ordered for e in b.entries),
        skipped=tuple(s for b in ordered for s in b.skipped),
        notes=tuple(notes),
    )


def _base64(data: str) -> bytes:
    # A "+" that went through form decoding arrives as a space; URL-safe exports exist too.
    cleaned = data.strip().replace(" ", "+").replace("-", "+").replace("_", "/").rstrip("=")
    try:
        return base64.b64decode(cleaned + "=" * (-len(cleaned) % 4), validate=True)
    except (binascii.Error, ValueError):
        raise UriError("bad-base64", Text(N_(
            "The export's data is not valid base64: the link was probably cut off or "
            "changed."))) from None


def _payload(blob: bytes) -> Any:
    from google.protobuf.message import DecodeError

    message = payload_class()()
    try:
        message.ParseFromString(blob)
    except DecodeError:
        raise UriError("bad-payload", Text(N_(
            "The export's data is damaged: it is not a Google Authenticator export."))) from None
    if not message.otp_parameters:
        raise UriError("empty-export", Text(N_("The export holds no entries.")))
    return message


def _entry(params: Any, position: int) -> OtpEntry | Skipped:
    """One entry, or why it is skipped (the reason never contains the secret)."""
    try:
        name = params.name.decode("utf-8").strip()
        issuer = params.issuer.decode("utf-8").strip()
    except UnicodeDecodeError:
        return Skipped(f"#{position}", Text(N_("Its name is not readable text.")))
    # Google puts "Issuer:account" into the name as well; keep only the account part.
    account = name.split(":", 1)[1].strip() if issuer and name.startswith(issuer + ":") else name
    title = ": ".join(p for p in (issuer, account) if p) or f"#{position}"
    if params.type == _TYPE_HOTP:
        return Skipped(title, Text(N_(
            "It is counter-based (HOTP): a backup copy cannot know how far your phone's "
            "counter has moved, so its codes would not match.")))
    if params.type not in _TYPES_TOTP:
        return Skipped(title, Text(N_("It is of a kind Anjian does not know ({kind})."),
                                   {"kind": params.type}))
    if params.algorithm == _MD5:
        return Skipped(title, Text(N_("It uses the MD5 algorithm, which Anjian does not "
                                      "support.")))
    algorithm = _ALGORITHMS.get(params.algorithm)
    digits = _DIGITS.get(params.digits)
    if algorithm is None or digits is None:
        return Skipped(title, Text(N_("Its algorithm or number of digits is unknown.")))
    bits = len(params.secret) * 8
    if bits < MINIMUM_BITS or bits > MAXIMUM_BITS:
        return Skipped(title, Text(N_(
            "Its secret is {bits} bits long; Anjian accepts {minimum} to {maximum}."),
            {"bits": bits, "minimum": MINIMUM_BITS, "maximum": MAXIMUM_BITS}))
    key = TotpKey(bytes(params.secret), algorithm, digits)
    return OtpEntry(issuer, account, key, key_warnings(key))

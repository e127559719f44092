"""Registering a recovery phrase's fingerprint in the keyring, and testing a phrase against it.

The fingerprint is a secret-grade value (see :mod:`anjian.core.backups.phrase`),
so it is its own keyring entry, pointed to by a :class:`SecretRef` and by the
backup record; the document only says that one exists and since when.
Registering a new one writes the new entry first, then the state, then
deletes the old entry: a crash in between leaves an unused entry, never a
record pointing to nothing.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import replace
from datetime import datetime
from enum import Enum

from anjian.core.backups.phrase import (
    FINGERPRINT_PURPOSE,
    SALT_BYTES,
    SCRYPT_N,
    Fingerprint,
    PhraseCheck,
    Verdict,
    check_phrase,
    fingerprint,
    matches,
)
from anjian.core.backups.register import BackupRecord, PhraseFingerprint
from anjian.core.state import SecretRef, State, new_id
from anjian.record import record
from anjian.storage.store import Snapshot, StateStore


class Outcome(str, Enum):
    """What a phrase test found."""

    INVALID = "invalid"  # the words or the checksum are wrong: nothing compared
    MATCHES = "matches"
    DIFFERS = "differs"
    NOT_REGISTERED = "not-registered"  # valid, but no fingerprint to compare with
    FINGERPRINT_LOST = "fingerprint-lost"  # the record names an entry that is gone


@record
class PhraseTest:
    """The outcome of testing a typed phrase against a backup record."""

    outcome: Outcome
    check: PhraseCheck
    registered: datetime | None = None
    snapshot: Snapshot | None = None  # the saved state, when the test was recorded


def _record(state: State | None, record_id: str) -> BackupRecord:
    record = next((r for r in (state.backups if state else ()) if r.id == record_id), None)
    if record is None:
        raise KeyError(record_id)
    return record


def register(store: StateStore, record_id: str, typed: str, language: str | None,
             now: datetime, salt: Callable[[int], bytes] = os.urandom, cost: int = SCRYPT_N
             ) -> tuple[PhraseCheck, Snapshot | None]:
    """Store the fingerprint of ``typed`` for the record; nothing is stored if it is invalid."""
    check = check_phrase(typed, language)
    if check.verdict is not Verdict.VALID:
        return check, None
    _record(store.load().state, record_id)
    ref = SecretRef(new_id(), FINGERPRINT_PURPOSE)
    store.put_secret(ref, fingerprint(check, salt(SALT_BYTES), n=cost).to_secret())
    replaced: list[str] = []

    def change(state: State) -> State:
        record = _record(state, record_id)
        if record.fingerprint is not None:
            replaced.append(record.fingerprint.secret_id)
        updated = replace(record, fingerprint=PhraseFingerprint(ref.id, now))
        refs = tuple(r for r in state.secrets if r.id not in replaced)
        return replace(state, secrets=(*refs, ref),
                       backups=tuple(updated if r.id == record_id else r for r in state.backups))

    snapshot = store.update(change)
    for old in replaced:
        store.delete_secret(SecretRef(old, FINGERPRINT_PURPOSE))
    return check, snapshot


def compare(store: StateStore, record_id: str, typed: str, language: str | None, now: datetime
         ) -> PhraseTest:
    """Compare ``typed`` with the record's fingerprint; a match is recorded as a test."""
    check = check_phrase(typed, language)
    if check.verdict is not Verdict.VALID:
        return PhraseTest(Outcome.INVALID, check)
    record = _record(store.load().state, record_id)
    if record.fingerprint is None:
        return PhraseTest(Outcome.NOT_REGISTERED, check)
    raw = store.get_secret(SecretRef(record.fingerprint.secret_id, FINGERPRINT_PURPOSE))
    try:
        stored = Fingerprint.from_secret(raw) if raw is not None else None
    except ValueError:
        stored = None
    if stored is None:
        return PhraseTest(Outcome.FINGERPRINT_LOST, check)
    registered = record.fingerprint.registered
    if not matches(check, stored):
        return PhraseTest(Outcome.DIFFERS, check, registered)
    snapshot = store.update(lambda state: replace(state, backups=tuple(
        replace(r, tested=now) if r.id == record_id else r for r in state.backups)))
    return PhraseTest(Outcome.MATCHES, check, registered, snapshot)


def forget(store: StateStore, record_id: str) -> Snapshot:
    """Remove a backup record and its fingerprint entry, if any."""
    gone: list[str] = []

    def change(state: State) -> State:
        record = next((r for r in state.backups if r.id == record_id), None)
        if record is not None and record.fingerprint is not None:
            gone.append(record.fingerprint.secret_id)
        return replace(state,
                       backups=tuple(r for r in state.backups if r.id != record_id),
                       secrets=tuple(s for s in state.secrets if s.id not in gone))

    snapshot = store.update(change)
    for secret_id in gone:
        store.delete_secret(SecretRef(secret_id, FINGERPRINT_PURPOSE))
    return snapshot

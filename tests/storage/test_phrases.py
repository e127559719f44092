"""Registering a phrase fingerprint in the real keyring and testing phrases against it."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import datetime, timezone

import pytest
from mnemonic import Mnemonic

from anjian.core.backups.phrase import FINGERPRINT_PURPOSE, SCRYPT_N, Verdict
from anjian.core.backups.register import BackupKind, BackupRecord
from anjian.core.state import SecretRef, State, to_document
from anjian.storage import phrases
from anjian.storage.phrases import Outcome

from .keyring_helpers import stored_names

NOW = datetime(2026, 4, 1, tzinfo=timezone.utc)
LATER = datetime(2026, 5, 1, tzinfo=timezone.utc)
PHRASE = Mnemonic("english").to_mnemonic(bytes(range(16)))
OTHER = Mnemonic("english").to_mnemonic(bytes([3] * 16))
FAST = 2**10


def with_record(store) -> None:
    store.update(lambda s: replace(s, backups=(BackupRecord("b1", BackupKind.RECOVERY_PHRASE),)))


def register(store, phrase=PHRASE):
    return phrases.register(store, "b1", phrase, None, NOW, cost=FAST)


def test_registering_stores_one_fingerprint_entry_and_no_word(store, service_name):
    with_record(store)
    register(store)
    state = store.load().state
    record = state.backups[0]
    assert record.fingerprint.registered == NOW
    refs = [r for r in state.secrets if r.purpose == FINGERPRINT_PURPOSE]
    assert [r.id for r in refs] == [record.fingerprint.secret_id]
    entry = store.get_secret(refs[0])
    assert {"algorithm", "n", "r", "p", "salt", "digest"} <= set(json.loads(entry))
    document = json.dumps(to_document(state))
    for word in PHRASE.split(" "):
        assert word not in entry and f'"{word}"' not in document
    assert f"secret.{refs[0].id}" in stored_names(service_name)


def test_the_default_cost_is_recorded_with_the_fingerprint(store):
    with_record(store)
    phrases.register(store, "b1", PHRASE, None, NOW)
    ref = next(r for r in store.load().state.secrets if r.purpose == FINGERPRINT_PURPOSE)
    assert json.loads(store.get_secret(ref))["n"] == SCRYPT_N


def test_an_invalid_phrase_stores_nothing(store):
    with_record(store)
    check, snapshot = register(store, PHRASE.rsplit(" ", 1)[0] + " zoo")
    assert check.verdict is Verdict.BAD_CHECKSUM and snapshot is None
    assert store.load().state.secrets == ()


def test_registering_again_replaces_and_deletes_the_old_entry(store):
    with_record(store)
    register(store)
    old = store.load().state.backups[0].fingerprint.secret_id
    register(store, OTHER)
    state = store.load().state
    assert [r.purpose for r in state.secrets] == [FINGERPRINT_PURPOSE]
    assert store.get_secret(SecretRef(old, FINGERPRINT_PURPOSE)) is None


def test_the_registered_phrase_matches_and_is_recorded_as_tested(store):
    with_record(store)
    register(store)
    result = phrases.compare(store, "b1", PHRASE.upper(), None, LATER)
    assert result.outcome is Outcome.MATCHES and result.registered == NOW
    assert store.load().state.backups[0].tested == LATER


def test_another_valid_phrase_does_not_match_and_records_nothing(store):
    with_record(store)
    register(store)
    result = phrases.compare(store, "b1", OTHER, None, LATER)
    assert result.outcome is Outcome.DIFFERS
    assert store.load().state.backups[0].tested is None


def test_a_phrase_with_a_mistake_is_not_compared(store):
    with_record(store)
    register(store)
    assert phrases.compare(store, "b1", PHRASE + " abandon", None, LATER).outcome is Outcome.INVALID


def test_without_a_registered_fingerprint_only_the_checksum_is_checked(store):
    with_record(store)
    assert phrases.compare(store, "b1", PHRASE, None, LATER).outcome is Outcome.NOT_REGISTERED


def test_a_lost_fingerprint_entry_is_reported(store):
    with_record(store)
    register(store)
    store.delete_secret(store.load().state.secrets[0])
    assert phrases.compare(store, "b1", PHRASE, None, LATER).outcome is Outcome.FINGERPRINT_LOST


def test_forgetting_a_record_deletes_its_fingerprint(store):
    with_record(store)
    register(store)
    ref = store.load().state.secrets[0]
    phrases.forget(store, "b1")
    assert store.load().state.backups == () and store.load().state.secrets == ()
    assert store.get_secret(ref) is None


def test_an_unknown_record_is_refused(store):
    store.update(lambda s: s)
    with pytest.raises(KeyError):
        register(store)
    assert isinstance(store.load().state, State)

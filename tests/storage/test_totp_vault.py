"""The TOTP vault in the real keyring: one entry per secret, only metadata in the document."""

from __future__ import annotations

import json
from datetime import datetime, timedelta, timezone

import pytest

from anjian.core.state import to_document
from anjian.core.twofactor.otpauth import OtpEntry, parse_uri
from anjian.core.twofactor.secret import secret_text
from anjian.core.twofactor.totp import Algorithm, TotpKey, code_at
from anjian.storage import totp_vault
from anjian.storage.errors import Problem, StorageError

from .keyring_helpers import stored_names

NOW = datetime(2026, 4, 1, 8, 0, 10, tzinfo=timezone.utc)
BANK = OtpEntry("Bank", "alice", TotpKey(bytes(range(20))))
OLD = OtpEntry("Old", "bob", TotpKey(bytes(range(10)), Algorithm.SHA256, 8, 60))


def test_each_secret_is_its_own_keyring_entry_and_never_in_the_document(store, service_name):
    addition = totp_vault.add_entries(store, [BANK, OLD], NOW)
    state = store.load().state
    assert [e.title for e in addition.added] == ["Bank: alice", "Old: bob"]
    for entry in state.two_factor.vault:
        assert f"secret.{entry.secret_id}" in stored_names(service_name)
        assert entry.secret_id in {s.id for s in state.secrets}
    document = json.dumps(to_document(state))
    for secret in (BANK.key.secret, OLD.key.secret):
        assert secret_text(secret) not in document


def test_the_same_entry_is_not_added_twice(store):
    totp_vault.add_entries(store, [BANK], NOW)
    again = totp_vault.add_entries(store, [BANK, BANK], NOW)
    assert again.added == () and again.already_there == ("Bank: alice", "Bank: alice")
    assert len(store.load().state.two_factor.vault) == 1


def test_codes_come_from_the_stored_secrets(store):
    totp_vault.add_entries(store, [BANK, OLD], NOW)
    state = store.load().state
    codes = {c.entry_id: c for c in totp_vault.codes(store, state, NOW)}
    bank = next(e for e in state.two_factor.vault if e.issuer == "Bank")
    old = next(e for e in state.two_factor.vault if e.issuer == "Old")
    assert codes[bank.id].code == code_at(BANK.key, NOW)
    assert codes[bank.id].next_code == code_at(BANK.key, NOW + timedelta(seconds=30))
    assert codes[bank.id].step_ends == NOW + timedelta(seconds=20)
    assert codes[old.id].code == code_at(OLD.key, NOW) and len(codes[old.id].code) == 8


def test_removing_an_entry_deletes_its_secret_entry(store, service_name):
    totp_vault.add_entries(store, [BANK], NOW)
    entry = store.load().state.two_factor.vault[0]
    state = totp_vault.remove_entry(store, entry.id).state
    assert state.two_factor.vault == () and entry.secret_id not in {s.id for s in state.secrets}
    assert f"secret.{entry.secret_id}" not in stored_names(service_name)


def test_export_gives_back_the_same_entry(store):
    totp_vault.add_entries(store, [OLD], NOW)
    entry = store.load().state.two_factor.vault[0]
    again = parse_uri(totp_vault.export_uri(store, entry))
    assert (again.issuer, again.account, again.key) == (OLD.issuer, OLD.account, OLD.key)
    assert totp_vault.reveal(store, entry).replace(" ", "") == secret_text(OLD.key.secret)


def test_a_secret_deleted_outside_anjian_is_reported_by_name(store):
    totp_vault.add_entries(store, [BANK], NOW)
    entry = store.load().state.two_factor.vault[0]
    store.vault.delete(f"secret.{entry.secret_id}")
    with pytest.raises(StorageError) as error:
        totp_vault.reveal(store, entry)
    assert error.value.text.params == {"entry": "Bank: alice"}


def test_a_failed_save_deletes_the_secrets_it_had_written(store, service_name, monkeypatch):
    before = stored_names(service_name)

    def broken(change):
        raise StorageError(Problem.CONFLICT)

    monkeypatch.setattr(store, "update", broken)
    with pytest.raises(StorageError):
        totp_vault.add_entries(store, [BANK], NOW)
    assert not any(n.startswith("secret.") for n in stored_names(service_name) - before)

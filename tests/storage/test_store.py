"""Saving and loading the state in the real Secret Service."""

from __future__ import annotations

from dataclasses import replace

import pytest

from anjian.core.state import SCHEMA_VERSION, Account, SecretRef, State, to_document
from anjian.storage import codec
from anjian.storage.codec import HEAD, PREVIOUS
from anjian.storage.errors import Problem, StorageError
from anjian.storage.lock import SaveLock
from anjian.storage.store import StateStore
from anjian.storage.vault import SecretServiceVault

from .keyring_helpers import TickingClock, stored_names
from .states import CREATED, with_accounts


def test_nothing_saved_is_a_first_run(store: StateStore) -> None:
    snap = store.load()
    assert snap.first_run
    assert snap.state is None and snap.generation == 0


def test_saved_state_loads_back_identical(store: StateStore) -> None:
    state = with_accounts(100)
    store.save(state, store.load().token)
    assert store.load().state == state


def test_a_new_store_on_a_new_connection_reads_what_was_saved(
    store: StateStore, service_name: str, lock_file
) -> None:
    state = with_accounts(3)
    store.save(state, store.load().token)
    fresh = StateStore(SecretServiceVault.connect(service_name), SaveLock(lock_file))
    try:
        assert fresh.load().state == state
    finally:
        fresh.vault.close()


def test_keyrings_own_api_reads_the_same_entry(store: StateStore, service_name: str) -> None:
    from keyring.backends import SecretService

    store.save(with_accounts(2), store.load().token)
    raw = SecretService.Keyring().get_password(service_name, HEAD)
    assert raw is not None and codec.parse_head(raw).generation == 1


def test_each_save_advances_the_generation(store: StateStore) -> None:
    for expected in (1, 2, 3):
        snap = store.save(with_accounts(expected), store.load().token)
        assert snap.generation == expected
    assert store.load().generation == 3


def test_previous_entry_holds_the_generation_before(store: StateStore) -> None:
    store.save(with_accounts(1, "a"), store.load().token)
    store.save(with_accounts(1, "b"), store.load().token)
    previous = codec.parse_head(store.vault.get(PREVIOUS) or "")
    assert previous.generation == 1


def test_large_document_is_stored_compressed(store: StateStore) -> None:
    store.save(with_accounts(100), store.load().token)
    head = codec.parse_head(store.vault.get(HEAD) or "")
    assert head.encoding == codec.ZLIB
    assert head.length < len(str(to_document(with_accounts(100))))


def test_save_with_a_stale_token_is_refused_as_conflict(store: StateStore) -> None:
    stale = store.load().token
    store.save(with_accounts(1, "first"), stale)
    with pytest.raises(StorageError) as caught:
        store.save(with_accounts(1, "second"), stale)
    assert caught.value.problem is Problem.CONFLICT
    assert store.load().state == with_accounts(1, "first")


def test_update_applies_the_change_to_the_latest_state(store: StateStore) -> None:
    store.save(with_accounts(2), store.load().token)
    extra = Account(id="extra", name="新账户", created=CREATED)
    snap = store.update(lambda s: s.with_account(extra))
    assert len(snap.state.accounts) == 3
    assert store.load().state.account("extra") == extra


def test_update_on_first_run_starts_from_an_empty_state(store: StateStore) -> None:
    snap = store.update(lambda s: s.with_account(Account(id="a1", name="x", created=CREATED)))
    assert [a.id for a in snap.state.accounts] == ["a1"]
    assert snap.generation == 1


def test_state_from_a_newer_schema_opens_read_only(store: StateStore) -> None:
    document = to_document(with_accounts(1)) | {"schema_version": SCHEMA_VERSION + 1}
    _write_head_with_document(store, document)
    snap = store.load()
    assert snap.read_only is not None and snap.state is None
    assert not snap.first_run


def test_state_from_a_newer_schema_is_never_overwritten(store: StateStore) -> None:
    document = to_document(with_accounts(1)) | {"schema_version": SCHEMA_VERSION + 1}
    raw = _write_head_with_document(store, document)
    with pytest.raises(StorageError) as caught:
        store.update(lambda s: s)
    assert caught.value.problem is Problem.READ_ONLY
    with pytest.raises(StorageError):
        store.save(with_accounts(1), store.load().token)
    assert store.vault.get(HEAD) == raw


def test_head_of_a_newer_layout_opens_read_only(store: StateStore) -> None:
    store.vault.set(HEAD, '{"anjian_state": 99, "whatever": true}')
    snap = store.load()
    assert snap.read_only is not None and snap.damage is None


def test_secret_lives_in_its_own_entry_not_in_the_document(store: StateStore) -> None:
    ref = SecretRef(id="totp-1", purpose="totp")
    canary = "JBSWY3DPEHPK3PXP-canary-秘密"
    store.put_secret(ref, canary)
    store.update(lambda s: replace(s, secrets=(ref,)))
    assert store.get_secret(ref) == canary
    assert canary not in (store.vault.get(HEAD) or "")
    assert store.load().state.secrets == (ref,)


def test_deleted_secret_is_gone(store: StateStore, service_name: str) -> None:
    ref = SecretRef(id="key-1", purpose="reuse-key")
    store.put_secret(ref, "k" * 64)
    store.delete_secret(ref)
    assert store.get_secret(ref) is None
    assert ref.entry_name() not in stored_names(service_name)


def test_saved_time_comes_from_the_clock(vault: SecretServiceVault, lock_file) -> None:
    clock = TickingClock()
    store = StateStore(vault, SaveLock(lock_file), clock=clock)
    snap = store.save(with_accounts(1), store.load().token)
    assert snap.saved_at == clock.now.replace(microsecond=0)
    assert store.load().saved_at == snap.saved_at


def _write_head_with_document(store: StateStore, document: dict) -> str:
    payload, encoding = codec.encode_payload(document)
    head = codec.Head(
        generation=1, sha256=codec.digest(payload), length=len(payload), encoding=encoding,
        schema_version=document["schema_version"], saved_at="2030-01-01T00:00:00+00:00",
        app_version="9.9.9", data=payload,
    )
    raw = codec.dump_head(head)
    store.vault.set(HEAD, raw)
    return raw


def test_empty_state_round_trips(store: StateStore) -> None:
    state = State.empty(CREATED)
    store.save(state, store.load().token)
    assert store.load().state == state

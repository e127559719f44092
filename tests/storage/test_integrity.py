"""A damaged state is detected, reported, kept, and the last good generation used."""

from __future__ import annotations

import json

import pytest

from anjian.storage import codec
from anjian.storage.codec import HEAD, PREVIOUS
from anjian.storage.store import StateStore

from .keyring_helpers import stored_names
from .states import with_accounts


@pytest.fixture
def two_generations(store: StateStore) -> StateStore:
    store.save(with_accounts(2, "old"), store.load().token)
    store.save(with_accounts(3, "new"), store.load().token)
    return store


def _tamper_payload(store: StateStore) -> str:
    record = json.loads(store.vault.get(HEAD) or "")
    record["data"] = record["data"][:-8] + "AAAAAAAA"
    raw = json.dumps(record)
    store.vault.set(HEAD, raw)
    return raw


def test_payload_not_matching_its_checksum_is_reported(two_generations: StateStore) -> None:
    _tamper_payload(two_generations)
    snap = two_generations.load()
    assert snap.damage is not None
    assert "checksum" in str(snap.damage)


def test_damaged_head_falls_back_to_the_last_good_generation(two_generations: StateStore) -> None:
    _tamper_payload(two_generations)
    snap = two_generations.load()
    assert snap.state == with_accounts(2, "old")
    assert snap.generation == 1


@pytest.mark.parametrize(
    "garbage",
    ["", "not json at all", "[]", '{"anjian_state": 1}', '{"anjian_state": "1"}',
     '{"other_app": true}', "{" * 5000],
)
def test_unreadable_head_is_reported_not_raised(two_generations: StateStore, garbage: str) -> None:
    two_generations.vault.set(HEAD, garbage)
    snap = two_generations.load()
    assert snap.damage is not None
    assert snap.state == with_accounts(2, "old")


def test_damaged_state_with_no_previous_reports_and_loads_nothing(store: StateStore) -> None:
    store.save(with_accounts(2), store.load().token)
    _tamper_payload(store)
    snap = store.load()
    assert snap.damage is not None and snap.state is None
    assert not snap.first_run


def test_missing_head_with_a_previous_copy_is_damage_not_first_run(
    two_generations: StateStore,
) -> None:
    two_generations.vault.delete(HEAD)
    snap = two_generations.load()
    assert not snap.first_run
    assert snap.damage is not None
    assert snap.state == with_accounts(2, "old")


def test_saving_over_a_damaged_head_keeps_the_damaged_copy(two_generations: StateStore) -> None:
    damaged_raw = _tamper_payload(two_generations)
    two_generations.update(lambda s: s)
    snap = two_generations.load()
    assert snap.damage is None
    [kept] = snap.quarantined
    assert two_generations.vault.get(kept) == "=" + damaged_raw


def test_saving_over_a_damaged_head_builds_on_the_last_good_state(
    two_generations: StateStore,
) -> None:
    _tamper_payload(two_generations)
    snap = two_generations.update(lambda s: s)
    assert snap.state == with_accounts(2, "old")
    assert snap.generation == 3  # above both the damaged (2) and the good (1) generation


def test_saving_over_a_damaged_head_leaves_the_last_good_copy_in_place(
    two_generations: StateStore,
) -> None:
    good_previous = two_generations.vault.get(PREVIOUS)
    _tamper_payload(two_generations)
    two_generations.update(lambda s: s)
    assert two_generations.vault.get(PREVIOUS) == good_previous


def test_kept_damaged_copies_are_never_deleted_by_later_saves(
    two_generations: StateStore, service_name: str
) -> None:
    _tamper_payload(two_generations)
    kept = two_generations.update(lambda s: s).quarantined
    for n in range(3):
        two_generations.save(with_accounts(n + 1), two_generations.load().token)
    assert set(kept) <= stored_names(service_name)
    assert two_generations.load().quarantined == kept


def test_undecodable_payload_with_a_valid_checksum_is_damage(store: StateStore) -> None:
    payload = "@@@ not base64 @@@"
    head = codec.Head(
        generation=1, sha256=codec.digest(payload), length=len(payload), encoding=codec.ZLIB,
        schema_version=1, saved_at="2026-01-01T00:00:00+00:00", app_version="0", data=payload,
    )
    store.vault.set(HEAD, codec.dump_head(head))
    assert store.load().damage is not None


def test_document_with_a_malformed_record_is_damage(store: StateStore) -> None:
    document = {"schema_version": 1, "created": "2026-01-01T00:00:00+00:00",
                "accounts": [{"id": "x", "name": 42}]}
    payload, encoding = codec.encode_payload(document)
    head = codec.Head(
        generation=1, sha256=codec.digest(payload), length=len(payload), encoding=encoding,
        schema_version=1, saved_at="2026-01-01T00:00:00+00:00", app_version="0", data=payload,
    )
    store.vault.set(HEAD, codec.dump_head(head))
    snap = store.load()
    assert snap.damage is not None and "accounts" in str(snap.damage)

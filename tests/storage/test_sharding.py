"""On backends with a value size limit (Windows), the state is cut into shards."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from anjian.storage import codec
from anjian.storage.backends import SHARD_CHARS, vault_for_backend
from anjian.storage.codec import HEAD
from anjian.storage.lock import SaveLock
from anjian.storage.store import StateStore

from . import windows_like
from .keyring_helpers import TickingClock, stored_names
from .states import with_accounts


@pytest.fixture(params=["by-class", "by-failure"])
def limited(request: pytest.FixtureRequest, service_name: str, tmp_path: Path) -> Iterator[tuple[StateStore, windows_like.WindowsLikeKeyring]]:
    backend = windows_like.make(request.param)
    vault = vault_for_backend(backend, service_name)
    yield StateStore(vault, SaveLock(tmp_path / "lock"), clock=TickingClock()), backend


def _shards(service_name: str) -> set[str]:
    return {n for n in stored_names(service_name) if n.startswith("state.g")}


def test_windows_backend_is_recognised_by_its_class(service_name: str) -> None:
    vault = vault_for_backend(windows_like.make("by-class"), service_name)
    assert vault.info.max_value == SHARD_CHARS


def test_large_state_round_trips_through_shards(limited, service_name: str) -> None:
    store, backend = limited
    state = with_accounts(100)
    store.save(state, store.load().token)
    assert store.sharded
    assert store.load().state == state
    assert len(_shards(service_name)) > 1


def test_no_value_written_exceeds_the_backend_limit(limited) -> None:
    store, backend = limited
    for n in (1, 50, 100):
        store.save(with_accounts(n), store.load().token)
    assert backend.writes
    assert max(size for _, size in backend.writes) <= SHARD_CHARS


def test_head_stays_small_and_names_its_shards(limited, service_name: str) -> None:
    store, _ = limited
    store.save(with_accounts(100), store.load().token)
    raw = store.vault.get(HEAD) or ""
    head = codec.parse_head(raw)
    assert len(raw) <= SHARD_CHARS
    assert head.data is None
    assert set(head.shard_names()) == _shards(service_name)


def test_shards_of_generations_no_head_names_are_removed(limited, service_name: str) -> None:
    store, _ = limited
    for n in range(5):
        store.save(with_accounts(60 + n), store.load().token)
    head = codec.parse_head(store.vault.get(HEAD) or "")
    expected = set(head.shard_names()) | set(codec.shard_names(head.previous_generation, head.previous_shards))
    assert _shards(service_name) == expected


def test_shards_left_by_a_crashed_attempt_are_removed_by_the_next_save(
    limited, service_name: str
) -> None:
    store, _ = limited
    store.save(with_accounts(100), store.load().token)
    # A crashed attempt at generation 2 wrote more shards than the save that follows.
    for i in range(40):
        store.vault.set(f"state.g2.{i}", "left over")
    store.save(with_accounts(100, "x"), store.load().token)
    head = codec.parse_head(store.vault.get(HEAD) or "")
    assert head.generation == 2
    assert not {f"state.g2.{i}" for i in range(head.shards, 40)} & _shards(service_name)
    assert store.load().state == with_accounts(100, "x")


def test_missing_shard_is_damage_and_the_previous_generation_is_used(
    limited, service_name: str
) -> None:
    store, _ = limited
    store.save(with_accounts(80, "old"), store.load().token)
    store.save(with_accounts(80, "new"), store.load().token)
    head = codec.parse_head(store.vault.get(HEAD) or "")
    store.vault.delete(head.shard_names()[-1])
    snap = store.load()
    assert snap.damage is not None
    assert snap.state == with_accounts(80, "old")


def test_large_secret_is_split_and_read_back(limited) -> None:
    from anjian.core.state import SecretRef

    store, backend = limited
    ref = SecretRef(id="big", purpose="test")
    secret = "秘" * 2500
    store.put_secret(ref, secret)
    assert store.get_secret(ref) == secret
    assert max(size for _, size in backend.writes) <= SHARD_CHARS

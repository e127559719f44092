"""Anjian's own backup against the real keyring: round trip, failures change nothing, undo."""

from __future__ import annotations

import uuid
from datetime import datetime, timezone
from pathlib import Path

import pytest

from anjian import files
from anjian.core.backups.archive import ArchiveError
from anjian.core.backups.register import BackupKind, BackupRecord
from anjian.core.state import SecretRef, State, to_document
from anjian.storage import transfer
from anjian.storage.lock import SaveLock
from anjian.storage.store import StateStore
from anjian.storage.vault import SecretServiceVault

from .keyring_helpers import TickingClock, delete_all
from .states import with_accounts

NOW = datetime(2026, 4, 1, tzinfo=timezone.utc)
PASS = "a long enough passphrase 很长"
FAST = 2**10
TOTP = SecretRef("totp-1", "totp")
CANARY = "CANARYJBSWY3DPEHPK3PXP"


def seeded(store: StateStore, tag: str = "", secret: str = CANARY) -> State:
    base = with_accounts(3, tag)
    state = State(created=base.created, accounts=base.accounts, secrets=(TOTP,),
                  backups=(BackupRecord("b1", BackupKind.RECOVERY_PHRASE, "steel plate"),))
    store.put_secret(TOTP, secret)
    store.update(lambda _s: state)
    return state


@pytest.fixture
def other_store(secret_service, tmp_path: Path):
    """A second keyring service: "another machine"."""
    name = f"anjian-test-{uuid.uuid4().hex[:12]}"
    vault = SecretServiceVault.connect(name)
    yield StateStore(vault, SaveLock(tmp_path / "other.lock"), clock=TickingClock())
    vault.close()
    delete_all(name)


def export(store: StateStore, path: Path, passphrase: str = PASS) -> int:
    return transfer.export_state(store, path, passphrase, NOW, "0.1.0", cost=FAST)


def test_export_then_import_on_another_machine_brings_state_and_secrets(store, other_store,
                                                                        tmp_path):
    state = seeded(store)
    path = tmp_path / "anjian.backup"
    assert export(store, path) == 1
    _, contents = transfer.read_backup(path, PASS)
    transfer.import_state(other_store, contents)
    arrived = other_store.load().state
    assert arrived.accounts == state.accounts and arrived.backups == state.backups
    assert other_store.get_secret(TOTP) == CANARY


def test_the_exported_file_holds_no_secret_in_clear(store, tmp_path):
    seeded(store)
    path = tmp_path / "anjian.backup"
    export(store, path)
    data = path.read_bytes()
    assert CANARY.encode() not in data
    assert b"steel plate" not in data


def test_the_file_is_written_owner_only_and_without_leftovers(store, tmp_path):
    seeded(store)
    path = tmp_path / "anjian.backup"
    export(store, path)
    export(store, path)  # over an existing file
    assert path.stat().st_mode & 0o077 == 0
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")) == []


def test_a_failed_write_leaves_the_old_file(store, tmp_path, monkeypatch):
    seeded(store)
    path = tmp_path / "anjian.backup"
    export(store, path)
    before = path.read_bytes()

    def crash(*_args):
        raise OSError("disk full")

    monkeypatch.setattr(files.os, "replace", crash)
    with pytest.raises(OSError):
        export(store, path)
    assert path.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")] == []


@pytest.mark.parametrize("damage, problem", [
    (lambda data: data[: len(data) // 2], "damaged"),
    (lambda data: data[:-30] + b"A" * 29 + b"\n", "damaged"),
    (lambda data: data.replace(b'"format": 1', b'"format": 7'), "newer"),
])
def test_a_bad_file_changes_nothing(store, other_store, tmp_path, damage, problem):
    seeded(store)
    seeded(other_store, tag="-mine", secret="MINE")
    before = to_document(other_store.load().state)
    path = tmp_path / "anjian.backup"
    export(store, path)
    path.write_bytes(damage(path.read_bytes()))
    with pytest.raises(ArchiveError) as caught:
        transfer.read_backup(path, PASS)
    assert caught.value.problem == problem
    assert to_document(other_store.load().state) == before
    assert other_store.get_secret(TOTP) == "MINE"


def test_a_wrong_passphrase_changes_nothing(store, tmp_path):
    seeded(store)
    path = tmp_path / "anjian.backup"
    export(store, path)
    with pytest.raises(ArchiveError) as caught:
        transfer.read_backup(path, "the wrong passphrase")
    assert caught.value.problem == "wrong-passphrase"


def test_a_state_of_a_newer_schema_inside_the_file_is_refused(store, tmp_path, monkeypatch):
    seeded(store)
    path = tmp_path / "anjian.backup"
    real = transfer.to_document
    monkeypatch.setattr(transfer, "to_document",
                        lambda state: {**real(state), "schema_version": 99})
    export(store, path)
    with pytest.raises(ArchiveError) as caught:
        transfer.read_backup(path, PASS)
    assert caught.value.problem == "newer"


def test_an_import_over_a_state_keeps_the_previous_one_restorable(store, other_store, tmp_path):
    seeded(store)
    mine = seeded(other_store, tag="-mine", secret="MINE")
    path = tmp_path / "anjian.backup"
    export(store, path)
    transfer.import_state(other_store, transfer.read_backup(path, PASS)[1])
    assert other_store.get_secret(TOTP) == CANARY
    assert transfer.previous_state(other_store.load().state) is not None

    transfer.restore_previous(other_store)
    restored = other_store.load().state
    assert restored.accounts == mine.accounts
    assert other_store.get_secret(TOTP) == "MINE"


def test_restoring_twice_undoes_the_restore(store, other_store, tmp_path):
    imported = seeded(store)
    seeded(other_store, tag="-mine", secret="MINE")
    path = tmp_path / "anjian.backup"
    export(store, path)
    transfer.import_state(other_store, transfer.read_backup(path, PASS)[1])
    transfer.restore_previous(other_store)
    transfer.restore_previous(other_store)
    assert other_store.load().state.accounts == imported.accounts
    assert other_store.get_secret(TOTP) == CANARY


def test_only_one_kept_copy_remains_after_several_imports(store, other_store, tmp_path):
    seeded(store)
    seeded(other_store, tag="-mine", secret="MINE")
    path = tmp_path / "anjian.backup"
    export(store, path)
    for _ in range(3):
        transfer.import_state(other_store, transfer.read_backup(path, PASS)[1])
    kept = [r for r in other_store.load().state.secrets
            if r.purpose == transfer.PRE_IMPORT_PURPOSE]
    assert len(kept) == 1


def test_the_kept_copy_is_not_exported(store, other_store, tmp_path):
    seeded(store)
    seeded(other_store, tag="-mine", secret="MINE")
    path = tmp_path / "anjian.backup"
    export(store, path)
    transfer.import_state(other_store, transfer.read_backup(path, PASS)[1])
    again = tmp_path / "again.backup"
    export(other_store, again)
    _, contents = transfer.read_backup(again, PASS)
    assert "MINE" not in contents.secrets.values()


def test_restoring_without_a_kept_copy_says_so(store):
    seeded(store)
    with pytest.raises(ArchiveError) as caught:
        transfer.restore_previous(store)
    assert caught.value.problem == "nothing-to-restore"

"""Shared set-up for the Backups and Incident page tests: a seeded vault, finding pages."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from pathlib import Path

from anjian.core.backups.register import BackupKind, BackupRecord
from anjian.core.state import Account, AccountKind, SecretRef, State
from anjian.storage.lock import SaveLock
from anjian.storage.store import StateStore
from anjian.ui.sections import SECTIONS

from .conftest import MemoryVault

NOW = datetime.now(timezone.utc)
WALLET = Account(id="acct-wallet", name="OK 钱包", kind=AccountKind.WALLET)
CHAT = Account(id="acct-chat", name="微信", kind=AccountKind.CHAT)
TOTP = SecretRef("totp-canary", "totp")
CANARY = "CANARYTOTP4QZ7XJ2KW"


def seeded_vault(tmp_path: Path, backups: tuple[BackupRecord, ...] = ()) -> MemoryVault:
    """A vault holding two accounts, the given backups and a canary TOTP secret."""
    vault = MemoryVault()
    store = StateStore(vault, SaveLock(tmp_path / "seed.lock"))
    store.put_secret(TOTP, CANARY)
    state = State(created=NOW, accounts=(WALLET, CHAT), secrets=(TOTP,), backups=backups)
    store.update(lambda _s: state)
    return vault


def phrase_record(**changes) -> BackupRecord:
    values = {"id": "rec-phrase", "kind": BackupKind.RECOVERY_PHRASE,
              "location": "钢板，家里保险柜", "account_id": WALLET.id, "copies": 1,
              "done": NOW - timedelta(days=300)}
    values.update(changes)
    return BackupRecord(**values)


def page(shell, section_id: str):
    """The page of a section in a running window."""
    index = [s.id for s in SECTIONS].index(section_id)
    shell.window.nav.setCurrentRow(index)
    return shell.window.section_pages[index]


def wait_loaded(qtbot, shell) -> None:
    qtbot.waitUntil(lambda: shell.window.context.status is not None, timeout=5000)


def saved_state(shell) -> State:
    return StateStore(shell.vault, SaveLock(Path("/tmp/unused.lock"))).load().state

"""The one object the UI and the CLI talk to about the security state.

It opens the keyring lazily (opening can wait on an unlock prompt, so the UI
calls it from a worker thread) and keeps the latest :class:`Snapshot`. Widgets
never touch the keyring, zxcvbn or the store directly.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timezone

from anjian import KEYRING_SERVICE
from anjian.core.state import State
from anjian.paths import lock_path
from anjian.storage.backends import open_vault
from anjian.storage.lock import SaveLock
from anjian.storage.store import Snapshot, StateStore
from anjian.storage.vault import BackendInfo

Clock = Callable[[], datetime]


def _utc_now() -> datetime:
    return datetime.now(timezone.utc)


@dataclass(frozen=True)
class StorageStatus:
    """Where the state lives and how it was last found, for the status bar and ``check``."""

    backend: BackendInfo
    snapshot: Snapshot


class AnjianService:
    """Load, change and save the state; everything here may block on the keyring."""

    def __init__(
        self,
        open_store: Callable[[], StateStore] | None = None,
        clock: Clock = _utc_now,
    ) -> None:
        self._open_store = open_store or (lambda: default_store(clock))
        self._store: StateStore | None = None
        self.clock = clock
        self.snapshot: Snapshot | None = None

    @property
    def store(self) -> StateStore:
        """The store, opening the keyring on first use (may block)."""
        if self._store is None:
            self._store = self._open_store()
        return self._store

    def load(self) -> StorageStatus:
        """Read the state from the keyring."""
        self.snapshot = self.store.load()
        return StorageStatus(self.store.vault.info, self.snapshot)

    def update(self, change: Callable[[State], State]) -> StorageStatus:
        """Apply ``change`` to the latest saved state and save it."""
        self.snapshot = self.store.update(change)
        return StorageStatus(self.store.vault.info, self.snapshot)

    def close(self) -> None:
        """Release the keyring connection."""
        if self._store is not None:
            self._store.vault.close()


def default_store(clock: Clock = _utc_now, service: str = KEYRING_SERVICE) -> StateStore:
    """The store on the user's keyring with the user's lock file."""
    return StateStore(open_vault(service), SaveLock(lock_path()), clock=clock)

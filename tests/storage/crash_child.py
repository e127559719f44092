"""A process that saves the state and gets killed (run by test_crash.py).

``python -m tests.storage.crash_child SERVICE LOCK MODE COUNT TAG KILL_AT``

Saves ``with_accounts(COUNT, TAG)`` over whatever is stored. ``KILL_AT`` = ``2k``
kills the process with SIGKILL just before its k-th keyring write or delete,
``2k + 1`` just after it; ``-1`` never. ``loop`` as TAG saves tags 0, 1, 2, ...
forever, printing each one once it is committed, until the parent kills it.
"""

from __future__ import annotations

import os
import signal
import sys
from pathlib import Path
from typing import Any

from anjian.storage.backends import vault_for_backend
from anjian.storage.codec import HEAD
from anjian.storage.lock import SaveLock
from anjian.storage.store import StateStore
from anjian.storage.vault import SecretServiceVault

from . import windows_like
from .states import with_accounts


class KillingVault:
    """Passes calls through, and kills the whole process at a chosen write."""

    def __init__(self, inner: Any, kill_at: int) -> None:
        self.inner = inner
        self.info = inner.info
        self.kill_at = kill_at
        self.writes = 0
        self.commit_write = -1  # index of the write of the head, the commit point

    def get(self, name: str) -> str | None:
        return self.inner.get(name)

    def set(self, name: str, value: str) -> None:
        if name == HEAD:
            self.commit_write = self.writes
        self._around(lambda: self.inner.set(name, value))

    def delete(self, name: str) -> bool:
        return self._around(lambda: self.inner.delete(name))

    def close(self) -> None:
        self.inner.close()

    def _around(self, call: Any) -> Any:
        if self.kill_at == 2 * self.writes:
            os.kill(os.getpid(), signal.SIGKILL)
        result = call()
        if self.kill_at == 2 * self.writes + 1:
            os.kill(os.getpid(), signal.SIGKILL)
        self.writes += 1
        return result


def open_store(service: str, lock: str, mode: str, kill_at: int = -1) -> StateStore:
    """The store a trial uses: Secret Service as is, or with Windows' size limit."""
    if mode == "sharded":
        vault: Any = vault_for_backend(windows_like.make("by-class"), service)
    else:
        vault = SecretServiceVault.connect(service)
    return StateStore(KillingVault(vault, kill_at), SaveLock(Path(lock)))


def main(argv: list[str]) -> None:
    service, lock, mode, count, tag, kill_at = argv
    store = open_store(service, lock, mode, int(kill_at))
    if tag != "loop":
        store.update(lambda _: with_accounts(int(count), tag))
        return
    for i in range(10**9):
        store.update(lambda _, i=i: with_accounts(int(count) + i % 7, str(i)))
        print(i, flush=True)


if __name__ == "__main__":
    main(sys.argv[1:])

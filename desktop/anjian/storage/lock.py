"""The lock that lets one process at a time save the state.

The GUI, the tray and ``anjian-cli`` may run at once. Each save runs under this
lock and re-reads the head inside it, so two saves never interleave and no
update is lost. The lock file holds nothing; it only exists to be locked.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from anjian.storage.errors import Problem, StorageError

# Long enough to outlast another process's save (a few keyring calls), short
# enough that a process stuck on an unlock prompt does not block others forever.
DEFAULT_TIMEOUT_S = 10.0


class SaveLock:
    """An inter-process lock on a file; re-entrant within one process and thread."""

    def __init__(self, path: Path, timeout: float = DEFAULT_TIMEOUT_S) -> None:
        self._path = path
        self._timeout = timeout
        self._lock: Any = None  # a filelock.FileLock once first held

    @contextmanager
    def held(self) -> Iterator[None]:
        """Hold the lock for the duration of the block; raise ``BUSY`` on time-out."""
        # Imported here: filelock costs ~18 ms of imports, which `anjian-cli check`
        # (a load, never a save) should not pay at every scheduled run.
        from filelock import FileLock, Timeout

        if self._lock is None:
            try:
                self._path.parent.mkdir(parents=True, exist_ok=True)
            except OSError:
                raise StorageError(Problem.WRITE_FAILED, detail="LockDirectory") from None
            self._lock = FileLock(str(self._path))
        try:
            self._lock.acquire(timeout=self._timeout)
        except Timeout:
            raise StorageError(Problem.BUSY, detail="Timeout") from None
        except OSError:
            raise StorageError(Problem.WRITE_FAILED, detail="LockFile") from None
        try:
            yield
        finally:
            self._lock.release()

"""A save killed with SIGKILL at any point leaves exactly the old or the new state.

Two kinds of trials, each against the real Secret Service, unsharded and with
Windows' value limit (sharded):

* at every keyring write and delete of a save, just before and just after it;
* at random moments while a process saves generation after generation, which
  also lands kills in the middle of D-Bus messages.

After each kill the state must load without damage and equal the old state or
the new one, and a following save must work. 210 trials in all (12 + 38 at
writes, 160 at random moments).
"""

from __future__ import annotations

import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from anjian.core.state import State
from anjian.storage.store import StateStore

from .crash_child import open_store
from .states import with_accounts

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[2]
MODES = ("inline", "sharded")
# (old size, new size): same size, growing and shrinking (the shard count changes).
SIZES = ((40, 40), (10, 120), (120, 10))
RANDOM_TRIALS_PER_MODE = 80


def _child(service: str, lock: Path, mode: str, count: int, tag: str, kill_at: int) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "tests.storage.crash_child", service, str(lock), mode,
         str(count), tag, str(kill_at)],
        cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )


def _reset(store: StateStore, old: State) -> None:
    """Head and previous both hold ``old``: every trial starts from the same entries."""
    store.update(lambda _: old)
    store.update(lambda _: old)


def _writes_in_a_save(service: str, lock: Path, mode: str, new: int) -> tuple[int, int]:
    """How many writes and deletes a save makes from the reset state, and which is the commit."""
    probe = open_store(service, str(lock), mode)
    probe.update(lambda _: with_accounts(new, "probe"))
    vault = probe.vault
    probe.vault.close()
    return vault.writes, vault.commit_write  # type: ignore[attr-defined]


@pytest.mark.parametrize("mode", MODES)
def test_kill_at_every_write_of_a_save(mode: str, service_name: str, tmp_path: Path) -> None:
    lock = tmp_path / "lock"
    trials = 0
    for old_size, new_size in SIZES:
        store = open_store(service_name, str(lock), mode)
        old, new = with_accounts(old_size, "old"), with_accounts(new_size, "new")
        _reset(store, old)
        writes, commit = _writes_in_a_save(service_name, lock, mode, new_size)
        points = 2 * writes
        for kill_at in range(points):
            _reset(store, old)
            child = _child(service_name, lock, mode, new_size, "new", kill_at)
            _, err = child.communicate(timeout=60)
            assert child.returncode == -signal.SIGKILL, (kill_at, points, err)
            snap = store.load()
            assert snap.damage is None, (kill_at, snap.damage)
            # Killed before the head was written: the old state; after: the new one.
            committed = kill_at > 2 * commit
            assert snap.state == (new if committed else old), (kill_at, commit)
            trials += 1
        store.vault.close()
    # At least: before and after the copy to state.previous and the head, per size.
    assert trials >= 4 * len(SIZES)
    print(f"{mode}: {trials} kill-at-write trials")


@pytest.mark.parametrize("mode", MODES)
def test_kill_at_random_moments_while_saving(mode: str, service_name: str, tmp_path: Path) -> None:
    lock = tmp_path / "lock"
    rng = random.Random(f"anjian-crash-{mode}")
    store = open_store(service_name, str(lock), mode)
    store.update(lambda _: with_accounts(50, "start"))
    for trial in range(RANDOM_TRIALS_PER_MODE):
        child = _child(service_name, lock, mode, 50, "loop", -1)
        # Past interpreter start-up (about 0.15 s), then a few saves in.
        time.sleep(0.15 + rng.random() * 0.25)
        child.send_signal(signal.SIGKILL)
        out, err = child.communicate(timeout=60)
        assert child.returncode == -signal.SIGKILL, err
        committed = [int(line) for line in out.split()]
        snap = store.load()
        assert snap.damage is None, (trial, snap.damage)
        candidates = [with_accounts(50, "start")] if not committed else []
        last = committed[-1] if committed else -1
        candidates += [with_accounts(50 + i % 7, str(i)) for i in (last, last + 1) if i >= 0]
        assert snap.state in candidates, (trial, last)
        # The store keeps working after every kill.
        store.update(lambda _: with_accounts(50, "start"))
    store.vault.close()

"""Several processes saving at once lose no update."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from anjian.storage.errors import Problem, StorageError

from .crash_child import open_store
from .states import with_accounts

ROOT = Path(__file__).resolve().parents[2]
SAVES_PER_PROCESS = 25


@pytest.mark.slow
@pytest.mark.parametrize("mode", ["inline", "sharded"])
def test_two_processes_saving_at_once_lose_no_update(
    mode: str, service_name: str, tmp_path: Path
) -> None:
    lock = tmp_path / "lock"
    writers = [
        subprocess.Popen(
            [sys.executable, "-m", "tests.storage.concurrent_child", service_name, str(lock),
             mode, prefix, str(SAVES_PER_PROCESS)],
            cwd=ROOT, stderr=subprocess.PIPE, text=True,
        )
        for prefix in ("gui", "cli")
    ]
    for writer in writers:
        _, err = writer.communicate(timeout=120)
        assert writer.returncode == 0, err
    store = open_store(service_name, str(lock), mode)
    snap = store.load()
    store.vault.close()
    ids = {a.id for a in snap.state.accounts}
    assert ids == {f"{p}-{i}" for p in ("gui", "cli") for i in range(SAVES_PER_PROCESS)}
    assert snap.generation == 2 * SAVES_PER_PROCESS


def test_save_based_on_a_state_another_process_replaced_is_refused(
    service_name: str, tmp_path: Path
) -> None:
    lock = tmp_path / "lock"
    mine = open_store(service_name, str(lock), "inline")
    mine.update(lambda _: with_accounts(1, "base"))
    seen = mine.load()
    other = open_store(service_name, str(lock), "inline")
    other.update(lambda _: with_accounts(2, "theirs"))
    with pytest.raises(StorageError) as caught:
        mine.save(with_accounts(3, "mine"), seen.token)
    assert caught.value.problem is Problem.CONFLICT
    assert mine.load().state == with_accounts(2, "theirs")
    for store in (mine, other):
        store.vault.close()

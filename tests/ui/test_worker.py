"""The keyring worker: calls run off the UI thread, one at a time, and report back."""

from __future__ import annotations

import threading
import time
from pathlib import Path

import pytest

from anjian.service import AnjianService
from anjian.storage.lock import SaveLock
from anjian.storage.store import StateStore
from anjian.ui.worker import KeyringWorker

from .conftest import MemoryVault


@pytest.fixture
def worker(qapp, tmp_path: Path):  # type: ignore[no-untyped-def]
    vault = MemoryVault()
    service = AnjianService(open_store=lambda: StateStore(vault, SaveLock(tmp_path / "lock")))
    worker = KeyringWorker(service)
    worker.vault = vault  # type: ignore[attr-defined]
    yield worker
    worker.stop(timeout=5)


def test_calls_run_off_the_ui_thread(worker, qtbot):
    request = worker.submit(lambda service: threading.current_thread())

    with qtbot.waitSignal(request.succeeded, timeout=5000) as blocker:
        pass

    assert blocker.args[0] is not threading.main_thread()


def test_results_arrive_on_the_ui_thread(worker, qtbot):
    request = worker.submit(lambda service: "done")
    seen: list[threading.Thread] = []
    request.succeeded.connect(lambda _result: seen.append(threading.current_thread()))

    qtbot.waitUntil(lambda: worker.pending == 0)

    assert seen == [threading.main_thread()]


def test_calls_run_one_at_a_time_in_submission_order(worker, qtbot):
    running = 0
    overlaps: list[int] = []
    order: list[int] = []

    def call(number: int):  # type: ignore[no-untyped-def]
        def run(service: AnjianService) -> None:
            nonlocal running
            running += 1
            overlaps.append(running)
            time.sleep(0.01)
            order.append(number)
            running -= 1
        return run

    for number in range(5):
        worker.submit(call(number))
    qtbot.waitUntil(lambda: worker.pending == 0)

    assert order == [0, 1, 2, 3, 4]
    assert max(overlaps) == 1


def test_an_error_is_reported_by_the_failed_signal(worker, qtbot):
    def fail(service: AnjianService) -> None:
        raise KeyError("x")

    request = worker.submit(fail)

    with qtbot.waitSignal(request.failed, timeout=5000) as blocker:
        pass
    assert isinstance(blocker.args[0], KeyError)


def test_a_cancelled_request_reports_nothing(worker, qtbot):
    release = threading.Event()
    request = worker.submit(lambda service: release.wait(5))
    request.cancel()

    with qtbot.assertNotEmitted(request.succeeded), qtbot.assertNotEmitted(request.failed):
        release.set()
        qtbot.waitUntil(lambda: worker.pending == 0)


def test_stop_closes_the_service(worker, qtbot):
    worker.submit(AnjianService.load)
    qtbot.waitUntil(lambda: worker.pending == 0)

    assert worker.stop(timeout=5)
    assert worker.vault.closed


def test_stop_gives_up_on_a_call_that_never_ends(worker, qtbot):
    started, never = threading.Event(), threading.Event()

    def hang(service: AnjianService) -> None:
        started.set()
        never.wait(10)

    worker.submit(hang)
    assert started.wait(5)

    assert not worker.stop(timeout=0.1)
    never.set()

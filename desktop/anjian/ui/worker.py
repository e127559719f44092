"""Run every call to the service off the UI thread, one at a time.

A keyring call can wait for as long as an unlock prompt stays open, so the UI
never makes one itself: it submits a call here and gets a :class:`Request`
whose signals fire on the UI thread when the call is done. Calls run in
submission order on one thread, because the store's keyring connection is not
thread-safe.

The thread is a plain daemon :class:`threading.Thread`, not a ``QThread``: a
call stuck on a prompt nobody answers must not keep the application from
quitting, and destroying a ``QThread`` that is still running aborts the
process, whereas a daemon thread is simply left behind at exit.
"""

from __future__ import annotations

import logging
import queue
import threading
import traceback
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Qt, Signal, Slot

from anjian.service import AnjianService

log = logging.getLogger(__name__)

ServiceCall = Callable[[AnjianService], Any]


class Request(QObject):
    """One submitted call; exactly one of its signals fires, unless it was cancelled."""

    succeeded = Signal(object)  # the call's return value
    failed = Signal(object)  # the exception it raised

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.done = False
        self.cancelled = False

    @property
    def pending(self) -> bool:
        """Still waiting for a result that someone wants."""
        return not self.done and not self.cancelled

    def cancel(self) -> None:
        """Stop waiting: the call may still finish, but its result is dropped."""
        self.cancelled = True


class KeyringWorker(QObject):
    """Owns the service and the one thread that talks to it."""

    # Emitted on the worker thread; a queued connection carries it to the UI thread.
    _call_finished = Signal(int, object, object)  # ticket, result, error

    def __init__(self, service: AnjianService, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._service = service
        self._jobs: queue.SimpleQueue[tuple[int, ServiceCall] | None] = queue.SimpleQueue()
        self._requests: dict[int, Request] = {}  # touched on the UI thread only
        self._next_ticket = 0
        self._stopping = threading.Event()
        self._call_finished.connect(self._deliver, Qt.ConnectionType.QueuedConnection)
        self._thread = threading.Thread(target=self._serve, name="anjian-keyring", daemon=True)
        self._thread.start()

    @property
    def pending(self) -> int:
        """How many submitted calls have not reported back yet (cancelled ones included)."""
        return len(self._requests)

    def submit(self, call: ServiceCall) -> Request:
        """Queue ``call(service)``; the returned request reports on the UI thread."""
        if self._stopping.is_set():
            raise RuntimeError("the keyring worker was stopped")
        self._next_ticket += 1
        # No Qt parent: the request lives as long as Python holds it, and only
        # the UI thread ever does.
        request = Request()
        self._requests[self._next_ticket] = request
        self._jobs.put((self._next_ticket, call))
        return request

    def stop(self, timeout: float) -> bool:
        """Close the service after the running call and end the thread.

        Calls still queued are dropped. Returns ``False`` if the running call
        did not end within ``timeout`` seconds (a prompt still open): the daemon
        thread is then abandoned, which is safe at exit.
        """
        self._stopping.set()
        self._jobs.put(None)
        self._thread.join(timeout)
        return not self._thread.is_alive()

    def _serve(self) -> None:
        while True:
            job = self._jobs.get()
            if job is None:
                break
            if self._stopping.is_set():
                continue  # drain what was queued before stop()
            ticket, call = job
            result: Any = None
            error: BaseException | None = None
            try:
                result = call(self._service)
            except Exception as exc:  # noqa: BLE001 - reported to the UI, never raised here
                error = _without_frames(exc)
            if self._stopping.is_set():
                continue
            try:
                self._call_finished.emit(ticket, result, error)
            except RuntimeError:
                break  # the Qt side is already gone (quitting)
        try:
            self._service.close()
        except Exception:  # noqa: BLE001 - closing at exit must not fail loudly
            log.warning("closing the keyring failed", exc_info=False)

    @Slot(int, object, object)
    def _deliver(self, ticket: int, result: object, error: object) -> None:
        request = self._requests.pop(ticket, None)
        if request is None:
            return
        request.done = True
        if request.cancelled:
            return
        if error is None:
            request.succeeded.emit(result)
        else:
            request.failed.emit(error)


def _without_frames(exc: Exception) -> Exception:
    """Log where an unexpected error came from, then drop its frames.

    Only the exception's type and the code locations are logged, never its
    message or the frames' variables: either can hold a secret.
    """
    from anjian.storage.errors import StorageError

    if not isinstance(exc, StorageError):
        where = "".join(traceback.format_tb(exc.__traceback__))
        log.error("unexpected %s in a keyring call:\n%s", type(exc).__name__, where)
    return exc.with_traceback(None)

"""Scoring as the user types, off the UI thread, newest text only.

zxcvbn takes from about a millisecond (short input) to most of a second
(1,024 characters), so scoring never runs on the UI thread. One thread of a
private :class:`QThreadPool` scores; while it works, keystrokes only update
the wanted text, and when it finishes the newest text is scored next. A
result for text that has changed since is dropped, never shown. A short
debounce coalesces bursts (key auto-repeat, an input method committing
several characters) without adding noticeable delay to a single keystroke.
"""

from __future__ import annotations

import sys
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, QTimer, Signal

DEBOUNCE_MS = 15
# While a password is scored (pure Python, holding the GIL), the interpreter
# hands the GIL to a waiting thread every this many seconds instead of every
# 5 ms, so the UI thread waits less for it between keystrokes.
SWITCH_INTERVAL_S = 0.001


class _Relay(QObject):
    """Carries a result from the pool thread to the UI thread (a queued connection)."""

    finished = Signal(int, object)  # generation, Strength or exception


class _ScoreTask(QRunnable):
    def __init__(self, generation: int, password: str, state: Any, relay: _Relay) -> None:
        super().__init__()
        self._generation = generation
        self._password: str | None = password
        self._state = state
        self._relay = relay

    def run(self) -> None:
        previous = sys.getswitchinterval()
        sys.setswitchinterval(min(previous, SWITCH_INTERVAL_S))
        try:
            self._score()
        finally:
            sys.setswitchinterval(previous)

    def _score(self) -> None:
        try:
            from anjian.core.passwords.personal import personal_inputs
            from anjian.wordlists import password_scorer

            assert self._password is not None
            result: Any = password_scorer().score(self._password, personal_inputs(self._state))
        except Exception as exc:  # noqa: BLE001 - shown as a message, never a crash
            result = exc
        self._password = None  # no copy outlives the task
        self._relay.finished.emit(self._generation, result)


class LiveScorer(QObject):
    """Scores the latest text given to :meth:`request`; emits only current results."""

    scored = Signal(object)  # a Strength for the text as it is now
    failed = Signal(object)  # the exception scoring the current text raised
    cleared = Signal()  # the text is empty

    def __init__(self, parent: QObject | None = None, debounce_ms: int = DEBOUNCE_MS) -> None:
        super().__init__(parent)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._relay = _Relay(self)
        self._relay.finished.connect(self._finished)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(debounce_ms)
        self._timer.timeout.connect(self._start)
        self._generation = 0
        self._busy = False
        self._text = ""
        self._state: Any = None

    @property
    def busy(self) -> bool:
        """Whether a result for the current text is still to come."""
        return self._busy or self._timer.isActive()

    def request(self, text: str, state: Any) -> None:
        """Score ``text`` (with ``state``'s personal details) once typing pauses."""
        self._generation += 1
        self._text, self._state = text, state
        if not text:
            self._timer.stop()
            self.cleared.emit()
            return
        self._timer.start()

    def cancel(self) -> None:
        """Forget the text; a result still on its way is dropped."""
        self._generation += 1
        self._text = ""
        self._timer.stop()

    def wait(self, msecs: int = 5000) -> bool:
        """Wait for the pool thread (tests and shutdown)."""
        return self._pool.waitForDone(msecs)

    def _start(self) -> None:
        if self._busy or not self._text:
            return  # _finished starts the newest text
        self._busy = True
        self._pool.start(_ScoreTask(self._generation, self._text, self._state, self._relay))

    def _finished(self, generation: int, result: object) -> None:
        self._busy = False
        if generation != self._generation:
            if self._text and not self._timer.isActive():
                self._start()  # stale: score what is typed now
            return
        if isinstance(result, BaseException):
            self.failed.emit(result)
        else:
            self.scored.emit(result)

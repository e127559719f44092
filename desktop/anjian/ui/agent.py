"""Anjian in the tray before its window is opened: small, and only reminding.

Started at login (``anjian --background``) on a desktop with a system tray, Anjian
lives in the tray for hours or days and is mostly never opened. The agent keeps
that process small: it shows the tray icon and asks ``anjian-cli remind`` (a
short-lived child process, started without waiting on it) what is due at every
reminder tick and after the wall clock jumps (sleep, a clock change); the child
loads the keyring, applies the notification rules and remembers what it
notified. Only when the user opens the window is the full window built; it then
takes the tray over and the agent stops ticking.
"""

from __future__ import annotations

import json
import logging
import sys
import time
from collections.abc import Callable

from PySide6.QtCore import QObject, QProcess, Qt, QTimer, Signal

from anjian.core.reminders.clock import TICK_SECONDS, ClockReading, jumped
from anjian.i18n import Text
from anjian.record import record
from anjian.ui.language import InterfaceLanguage
from anjian.ui.notifier import Notifier
from anjian.ui.tray import Tray

log = logging.getLogger(__name__)

# A child that has not answered by then is stopped; the next tick tries again.
CHILD_TIMEOUT_MS = 60_000


@record
class AgentDueItem:
    """A due item as the child reported it, its title already in the UI language."""

    id: str
    title: Text | str
    urgent: bool


def remind_command(language: str) -> list[str]:
    """How the agent runs ``anjian-cli remind`` (this interpreter, so the same install)."""
    return [sys.executable, "-m", "anjian.cli", "remind", "--json", "--lang", language]


class TrayAgent(QObject):
    """The tray icon and a reminder tick, until the window is opened."""

    due_changed = Signal(list)  # of AgentDueItem

    def __init__(self, tray: Tray, language: InterfaceLanguage, notifier: Notifier,
                 command: Callable[[str], list[str]] = remind_command,
                 read_clock: Callable[[], ClockReading] | None = None,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.tray = tray
        self._language = language
        self.notifier = notifier
        self._command = command
        self._read_clock = read_clock or (lambda: ClockReading(time.time(), time.monotonic()))
        self._last = self._read_clock()
        # One child process object, started again at every check.
        self.process = QProcess(self)
        self.process.finished.connect(self._finished)
        self.process.errorOccurred.connect(self._failed)
        self.busy = False
        self.checks = 0
        self.timer = QTimer(self)
        self.timer.setTimerType(Qt.TimerType.VeryCoarseTimer)
        self.timer.setInterval(TICK_SECONDS * 1000)
        self.timer.timeout.connect(self.tick)
        self._kill_timer = QTimer(self)
        self._kill_timer.setSingleShot(True)
        self._kill_timer.timeout.connect(self._give_up)
        language.changed.connect(self.check)  # titles come back in the new language

    def start(self) -> None:
        """Start ticking, and check right away."""
        self.timer.start()
        self.check()

    def stop(self) -> None:
        """Stop ticking (the window has taken over); a running check is let finish."""
        self.timer.stop()

    def tick(self) -> None:
        reading = self._read_clock()
        if jumped(self._last, reading):
            log.info("wall clock jumped (sleep or clock change): checking now")
        self._last = reading
        self.check()

    def check(self) -> None:
        """Ask the child what is due (one at a time; never waits on it)."""
        if self.busy:
            return
        program, *arguments = self._command(self._language.code)
        self.busy = True
        self.checks += 1
        self._kill_timer.start(CHILD_TIMEOUT_MS)
        self.process.start(program, arguments)

    def _finished(self, code: int, _status: QProcess.ExitStatus) -> None:
        if not self.busy:
            return
        self._done()
        output = bytes(self.process.readAllStandardOutput().data()).decode("utf-8", "replace")
        try:
            result = json.loads(output)
            due = [AgentDueItem(str(d["id"]), str(d["title"]), bool(d["urgent"]))
                   for d in result["due"]]
        except (ValueError, KeyError, TypeError):
            # An error (exit 2: no keyring, locked...) is shown when the window opens.
            log.info("anjian-cli remind exited with %s without a result", code)
            return
        self.tray.show_due(due)
        self.due_changed.emit(due)
        notify = result.get("notify")
        if isinstance(notify, dict) and self.notifier.available:
            self.notifier.notify(str(notify.get("title", "")), str(notify.get("body", "")))

    def _failed(self, error: QProcess.ProcessError) -> None:
        if self.busy and error == QProcess.ProcessError.FailedToStart:
            log.warning("could not start anjian-cli remind: %s", self.process.errorString())
            self._done()

    def _give_up(self) -> None:
        if self.busy:
            log.warning("anjian-cli remind did not answer in time; stopped")
            self._done()
            self.process.kill()

    def _done(self) -> None:
        self._kill_timer.stop()
        self.busy = False

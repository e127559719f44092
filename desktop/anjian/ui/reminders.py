"""The reminder clock: asks what is due every few minutes, and at once after a sleep.

One short repeating timer (``TICK_SECONDS``, coarse, so the system may batch its
wake-ups) instead of one long timer: QTimer cannot wait beyond 2^31 ms, and a
long timer does not notice that the machine slept or the clock was changed. At
each tick the wall clock is compared with the monotonic clock; a jump is
logged and the due items are simply asked again, which is all a jump needs.
Newly due items are notified at most once a day each, never in quiet hours;
the score is recorded when it changes.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import QObject, Qt, QTimer, Signal

from anjian.core.checklist.overview import Overview
from anjian.core.reminders.clock import TICK_SECONDS, ClockReading, jump_seconds, jumped
from anjian.core.reminders.notify import notification, to_notify
from anjian.preferences import quiet_hours
from anjian.service import AnjianService, StorageStatus
from anjian.ui.context import PageContext
from anjian.ui.notifier import Notifier

log = logging.getLogger(__name__)


class ReminderClock(QObject):
    """Keeps the due items current and notifies newly due ones."""

    due_changed = Signal(object)  # an Overview

    def __init__(self, context: PageContext, notifier: Notifier,
                 quiet: Callable[[], str], parent: QObject | None = None,
                 read_clock: Callable[[], ClockReading] | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self.notifier = notifier
        self._quiet = quiet
        self._read_clock = read_clock or (lambda: ClockReading(time.time(), time.monotonic()))
        self._last = self._read_clock()
        self.timer = QTimer(self)
        self.timer.setTimerType(Qt.TimerType.VeryCoarseTimer)
        self.timer.setInterval(TICK_SECONDS * 1000)
        self.timer.timeout.connect(self.tick)
        self.jumps = 0
        context.state_changed.connect(self._state_changed)

    def start(self) -> None:
        """Start ticking, and check right away."""
        self.timer.start()
        self.check(notify=True)

    def tick(self) -> None:
        """One tick: notice a clock jump, then ask what is due."""
        reading = self._read_clock()
        if jumped(self._last, reading):
            self.jumps += 1
            log.info("wall clock jumped by %+.0f s (sleep or clock change)",
                     jump_seconds(self._last, reading))
        self._last = reading
        self.check(notify=True)

    def check(self, notify: bool) -> None:
        """Ask the worker for the due items (and record today's score)."""
        self._context.call(AnjianService.overview,
                           lambda overview: self._arrived(overview, notify))
        if notify:
            self._context.call(AnjianService.record_score, self._score_recorded)

    def _state_changed(self, status: StorageStatus) -> None:
        self.check(notify=False)

    def _score_recorded(self, status: StorageStatus | None) -> None:
        """A bookkeeping save (score, notification times) finished, or was not needed."""
        if status is not None:
            self._context.state_changed.emit(status)

    def _arrived(self, overview: Overview, notify: bool) -> None:
        self.due_changed.emit(overview)
        state = self._context.state
        if not notify or state is None or not self.notifier.available:
            return
        now = datetime.now().astimezone()
        fresh = to_notify(overview.due_now, state.checklist, now, now.time(),
                          quiet_hours(self._quiet()))
        if not fresh:
            return
        self.notifier.notify(*notification(fresh, self._context.language.translate))
        ids = [item.id for item in fresh]
        self._context.call(lambda s: s.record_notified(ids), self._score_recorded)

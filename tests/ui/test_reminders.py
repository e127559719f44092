"""Reminders in the running app: notifications, throttling, quiet hours, clock jumps, tray."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timedelta, timezone

from PySide6.QtGui import QIcon

from anjian.core.reminders.clock import TICK_SECONDS, ClockReading
from anjian.core.state import Account, AccountKind
from anjian.preferences import Preferences
from anjian.storage.lock import SaveLock
from anjian.storage.store import StateStore
from anjian.ui.reminders import ReminderClock
from anjian.ui.tray import MENU_ITEMS, Tray

from .conftest import MemoryVault
from .test_overview import _saved_state

NOW = datetime(2026, 11, 23, 9, 0, tzinfo=timezone.utc)


class FakeNotifier:
    available = True

    def __init__(self) -> None:
        self.shown: list[tuple[str, str]] = []

    def notify(self, title: str, body: str) -> None:
        self.shown.append((title, body))


def _saved(tmp_path) -> MemoryVault:
    vault = MemoryVault()
    store = StateStore(vault, SaveLock(tmp_path / "seed.lock"))
    store.update(lambda s: s.with_account(
        Account(id="w1", name="OK 钱包", kind=AccountKind.WALLET, created=NOW)))
    return vault


NEVER_QUIET = Preferences(quiet_hours="")


def test_due_items_are_notified_once_and_the_time_is_saved(open_window, qtbot, tmp_path):
    notifier = FakeNotifier()
    shell = open_window(vault=_saved(tmp_path), notifier=notifier, preferences=NEVER_QUIET)
    qtbot.waitUntil(lambda: bool(notifier.shown) and shell.worker.pending == 0)

    assert len(notifier.shown) == 1
    assert "things are due" in notifier.shown[0][1]
    assert _saved_state(shell.vault)["checklist"]["notified"]


def test_the_next_tick_does_not_notify_the_same_items_again(open_window, qtbot, tmp_path):
    notifier = FakeNotifier()
    shell = open_window(vault=_saved(tmp_path), notifier=notifier, preferences=NEVER_QUIET)
    qtbot.waitUntil(lambda: bool(notifier.shown) and shell.worker.pending == 0)

    shell.window.reminders.tick()
    qtbot.waitUntil(lambda: shell.worker.pending == 0)

    assert len(notifier.shown) == 1


def test_nothing_is_notified_in_quiet_hours(open_window, qtbot, tmp_path):
    notifier = FakeNotifier()
    always_quiet = Preferences(quiet_hours="00:00-23:59")
    shell = open_window(vault=_saved(tmp_path), notifier=notifier, preferences=always_quiet)
    qtbot.waitUntil(lambda: shell.window.overview.overview is not None)
    qtbot.waitUntil(lambda: shell.worker.pending == 0)

    assert notifier.shown == []


def test_a_first_run_is_not_written_by_reminders(open_window, qtbot):
    notifier = FakeNotifier()
    shell = open_window(notifier=notifier, preferences=NEVER_QUIET)
    qtbot.waitUntil(lambda: shell.window.overview.overview is not None)
    qtbot.waitUntil(lambda: shell.worker.pending == 0)

    assert "state" not in shell.vault.values  # nothing saved until the user saves


def test_the_timer_ticks_often_but_never_near_qtimers_limit(open_window, qtbot, tmp_path):
    shell = open_window(vault=_saved(tmp_path))
    qtbot.waitUntil(lambda: shell.window.reminders.timer.isActive())

    interval = shell.window.reminders.timer.interval()
    assert interval == TICK_SECONDS * 1000 < 2**31 - 1


def test_a_wall_clock_jump_is_noticed_and_due_items_asked_again(open_window, qtbot, tmp_path):
    shell = open_window(vault=_saved(tmp_path))
    qtbot.waitUntil(lambda: shell.window.overview.overview is not None)
    readings = iter([ClockReading(1_000.0 + 8 * 3600, 600.0)])
    clock: ReminderClock = shell.window.reminders
    clock._last = ClockReading(1_000.0, 300.0)
    clock._read_clock = lambda: next(readings)
    overviews = []
    clock.due_changed.connect(overviews.append)

    clock.tick()
    qtbot.waitUntil(lambda: bool(overviews))

    assert clock.jumps == 1


def test_the_tray_shows_the_count_and_lists_the_first_items(open_window, qtbot, tmp_path):
    shell = open_window(vault=_saved(tmp_path))
    qtbot.waitUntil(lambda: shell.window.overview.overview is not None)
    opened = []
    tray = Tray(QIcon(), shell.language, lambda: opened.append(1), lambda: None, lambda: None)
    due = shell.window.overview.overview.due_now

    tray.show_due(due)

    assert tray.toolTip() == f"Anjian: {len(due)} due"
    listed = [a.text() for a in tray.due_actions]
    assert len(listed) == min(len(due), MENU_ITEMS)
    tray.due_actions[0].trigger()
    assert opened == [1]


def test_the_tray_says_when_nothing_is_due(open_window, qtbot):
    shell = open_window()
    tray = Tray(QIcon(), shell.language, lambda: None, lambda: None, lambda: None)

    tray.show_due([])

    assert tray.toolTip() == "Anjian: nothing is due"


def test_without_a_tray_the_window_says_so(open_window, qtbot):
    shell = open_window()

    shell.window.say_no_tray()

    assert "No system tray" in shell.window.no_tray_label.text()


def test_start_at_login_writes_and_removes_the_autostart_entry(open_window, qtbot, tmp_path):
    from anjian.autostart import XdgAutostart

    autostart = XdgAutostart(tmp_path / "cfg")
    shell = open_window(autostart=autostart)
    action = shell.window.reminder_settings.autostart_action

    action.setChecked(True)
    assert autostart.enabled() and "--background" in autostart.path.read_text(encoding="utf-8")
    action.setChecked(False)
    assert not autostart.enabled()

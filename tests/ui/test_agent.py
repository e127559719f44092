"""The tray agent: asks a child process what is due, shows it, notifies, never waits."""

from __future__ import annotations

import json
import sys

from anjian.core.reminders.clock import ClockReading
from anjian.i18n import load_catalogue
from anjian.ui.agent import TrayAgent, remind_command
from anjian.ui.language import InterfaceLanguage
from anjian.ui.tray import Tray

RESULT = {"due": [{"id": "item:public-wifi", "title": "避免在公共 Wi-Fi 使用理财应用",
                   "urgent": False},
                  {"id": "contact:p1", "title": "Phone no longer yours", "urgent": True}],
          "notify": {"title": "Anjian: security check due", "body": "2 things are due"},
          "score": 40}


class Recorder:
    available = True

    def __init__(self) -> None:
        self.sent: list[tuple[str, str]] = []

    def notify(self, title: str, body: str) -> None:
        self.sent.append((title, body))


def _printing(result: object, exit_code: int = 1):  # type: ignore[no-untyped-def]
    script = f"import sys; print({json.dumps(json.dumps(result))}); sys.exit({exit_code})"
    return lambda _language: [sys.executable, "-c", script]


def _agent(qapp, command, read_clock=None):  # type: ignore[no-untyped-def]
    language = InterfaceLanguage(qapp, "en", load=load_catalogue)
    tray = Tray(qapp.windowIcon(), language, lambda: None, lambda: None, lambda: None)
    notifier = Recorder()
    return TrayAgent(tray, language, notifier, command=command, read_clock=read_clock), notifier


def test_due_items_reach_the_tray_and_one_notification_is_sent(qapp, qtbot) -> None:
    agent, notifier = _agent(qapp, _printing(RESULT))
    with qtbot.waitSignal(agent.due_changed, timeout=10000) as shown:
        agent.start()
    assert [item.id for item in shown.args[0]] == ["item:public-wifi", "contact:p1"]
    assert len(agent.tray.due) == 2
    assert agent.tray.toolTip() == "Anjian: 2 due"
    assert "! Phone no longer yours" in [a.text() for a in agent.tray.menu.actions()]
    assert notifier.sent == [("Anjian: security check due", "2 things are due")]
    agent.stop()


def test_nothing_to_notify_sends_nothing(qapp, qtbot) -> None:
    agent, notifier = _agent(qapp, _printing({**RESULT, "notify": None}))
    with qtbot.waitSignal(agent.due_changed, timeout=10000):
        agent.check()
    assert notifier.sent == []


def test_an_error_from_the_child_leaves_the_tray_as_it_was(qapp, qtbot) -> None:
    error = {"error": {"id": "locked", "message": "The keyring is locked."}}
    agent, notifier = _agent(qapp, _printing(error, exit_code=2))
    agent.check()
    qtbot.waitUntil(lambda: not agent.busy, timeout=10000)
    assert agent.tray.due == [] and notifier.sent == []


def test_a_program_that_cannot_start_is_survived(qapp, qtbot) -> None:
    agent, _ = _agent(qapp, lambda _language: ["/nonexistent/anjian-cli"])
    agent.check()
    qtbot.waitUntil(lambda: not agent.busy, timeout=10000)
    agent.check()  # and the next tick tries again
    assert agent.checks == 2
    qtbot.waitUntil(lambda: not agent.busy, timeout=10000)


def test_one_check_at_a_time(qapp, qtbot) -> None:
    slow = lambda _language: [sys.executable, "-c", "import time; time.sleep(0.5)"]  # noqa: E731
    agent, _ = _agent(qapp, slow)
    agent.check()
    agent.check()
    assert agent.checks == 1
    qtbot.waitUntil(lambda: not agent.busy, timeout=10000)


def test_every_tick_checks_and_the_timer_is_coarse_and_short(qapp, qtbot) -> None:
    readings = iter([ClockReading(0, 0), ClockReading(300, 300), ClockReading(90000, 600)])
    agent, _ = _agent(qapp, _printing(RESULT), read_clock=lambda: next(readings))
    assert agent.timer.interval() <= 600_000  # far below QTimer's 2^31 ms limit
    with qtbot.waitSignal(agent.due_changed, timeout=10000):
        agent.tick()
    with qtbot.waitSignal(agent.due_changed, timeout=10000):
        agent.tick()  # after a sleep of a day: checks at once
    assert agent.checks == 2


def test_the_child_is_this_python_running_anjian_cli_remind() -> None:
    command = remind_command("zh_TW")
    assert command[0] == sys.executable
    assert command[1:] == ["-m", "anjian.cli", "remind", "--json", "--lang", "zh_TW"]

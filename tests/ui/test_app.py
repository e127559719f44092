"""The ``anjian`` entry point, run as a separate process as a user would."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from PySide6.QtWidgets import QWidget

from anjian import __version__
from anjian.ui.app import after_first_paint


def _run(args: list[str], config_dir: Path, **env: str) -> subprocess.CompletedProcess[str]:
    environment = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "ANJIAN_CONFIG_DIR": str(config_dir),
        # No keyring at all: the window must show regardless.
        "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring",
        "LANGUAGE": "en",
        **env,
    }
    return subprocess.run([sys.executable, *args], env=environment, capture_output=True,
                          text=True, timeout=60, check=False)


def test_version_is_printed_without_loading_qt(config_dir):
    code = ("import sys; from anjian.ui.app import main; rc = main(['--version']); "
            "print('qt loaded' if 'PySide6' in sys.modules else 'no qt'); sys.exit(rc)")

    done = _run(["-c", code], config_dir)

    assert done.returncode == 0
    assert done.stdout.split("\n")[:2] == [f"Anjian {__version__}", "no qt"]


def test_the_app_quits_after_its_first_paint_when_benchmarking(config_dir):
    done = _run(["-m", "anjian"], config_dir, ANJIAN_QUIT_AFTER_FIRST_PAINT="1")

    assert done.returncode == 0, done.stderr


def test_an_unknown_language_is_a_usage_error(config_dir):
    done = _run(["-m", "anjian", "--lang", "xx"], config_dir)

    assert done.returncode == 2
    assert "--lang" in done.stderr


def test_an_action_can_wait_for_the_first_paint_of_a_window(qtbot):
    window = QWidget()
    qtbot.addWidget(window)
    calls: list[str] = []
    after_first_paint(window, lambda: calls.append("painted"))
    assert calls == []

    window.show()
    qtbot.waitUntil(lambda: calls == ["painted"])
    window.update()
    qtbot.wait(50)

    assert calls == ["painted"]


@pytest.mark.keyring
# The offscreen platform has no tray: it says so when the icon is shown.
@pytest.mark.qt_log_ignore(r"No such signal QPlatformNativeInterface::systemTrayWindowChanged",
                           r"^This plugin does not support (propagateSizeHints|raise)\(\)$")
def test_in_the_tray_the_window_is_built_only_when_opened(qapp, qtbot, monkeypatch) -> None:
    from PySide6.QtCore import QTimer
    from PySide6.QtGui import QIcon

    from anjian.paths import resources_dir

    from anjian.preferences import Preferences
    from anjian.ui import app as ui_app
    from anjian.ui.agent import TrayAgent
    from anjian.ui.language import InterfaceLanguage

    built = []
    real_build = ui_app._build_window
    monkeypatch.setattr(ui_app, "_build_window",
                        lambda *a: built.append(real_build(*a)) or built[-1])
    language = InterfaceLanguage(qapp, "en")
    qapp.setWindowIcon(QIcon(str(resources_dir() / "icons" / "anjian.svg")))
    seen = {}

    def open_from_tray() -> None:
        agent = qapp.findChild(TrayAgent)
        seen["before"] = (len(built), agent.timer.isActive())
        agent.tray.open_action.trigger()
        seen["after"] = (len(built), agent.timer.isActive(), built[0].tray is agent.tray,
                         built[0].isVisible())
        QTimer.singleShot(200, built[0].quit_app)

    QTimer.singleShot(100, open_from_tray)
    ui_app.run_in_tray(qapp, language, Preferences())
    assert seen["before"] == (0, True)  # only the agent ran
    assert seen["after"] == (1, False, True, True)  # the window took the tray over
    language.deleteLater()
    qapp.setQuitOnLastWindowClosed(True)

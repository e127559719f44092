"""The ``anjian`` entry point, run as a separate process as a user would."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

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

"""Screenshot the real main window, as a person would see it, for review.

Run through ``scripts/screenshots`` (which provides a virtual screen and a
private keyring); writes ``<out>/<name>-<lang>.png`` for each section and the
About dialog. The state loads from the real keyring first.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from anjian.preferences import Preferences
from anjian.service import AnjianService
from anjian.ui.about import AboutDialog
from anjian.ui.app import create_application
from anjian.ui.language import InterfaceLanguage
from anjian.ui.main_window import MainWindow
from anjian.ui.worker import KeyringWorker


def main(out: Path, language: str) -> None:
    app = create_application(sys.argv[:1])
    worker = KeyringWorker(AnjianService())
    window = MainWindow(worker, InterfaceLanguage(app, language), Preferences())
    window.resize(1000, 680)

    def shoot_all() -> None:
        for row in range(window.nav.count()):
            window.nav.setCurrentRow(row)
            app.processEvents()
            window.grab().save(str(out / f"section{row}-{language}.png"))
        window.nav.setCurrentRow(0)
        window.show_about()
        QTimer.singleShot(300, shoot_about)

    def shoot_about() -> None:
        dialog = window.findChild(AboutDialog)
        if dialog is not None:
            dialog.grab().save(str(out / f"about-{language}.png"))
        app.quit()

    run_window(app, window, worker, shoot_all, limit_ms=20000)


def run_window(app: QApplication, window: MainWindow, worker: KeyringWorker,
               first: Callable[[], None], delay_ms: int = 300,
               limit_ms: int = 30000) -> None:
    """Show ``window``, load the state, call ``first`` ``delay_ms`` after it loads.

    The screenshot scripts share this: whatever ``first`` starts must end with
    ``app.quit()``; after ``limit_ms`` the run ends anyway (never hang a review).
    """
    window.state_loaded.connect(lambda _status: QTimer.singleShot(delay_ms, first))
    QTimer.singleShot(limit_ms, app.quit)
    window.show()
    window.load_state()
    app.exec()
    worker.stop(2)


if __name__ == "__main__":
    main(Path(sys.argv[1]), sys.argv[2])

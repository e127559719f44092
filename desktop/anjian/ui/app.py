"""``anjian``: the desktop application's one entry point (also ``python -m anjian``).

The command line is parsed and the language picked before Qt is imported, so
``--help`` and ``--version`` answer at once, in the user's language. Then the
application, the service and the window are built here and passed to each
other: nothing is global. The window paints first; then the state loads
behind it, in the keyring worker.
"""

from __future__ import annotations

import argparse
import os
import signal
import sys
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from anjian import APP_ID, __version__
from anjian.arguments import TranslatedParser
from anjian.i18n import (LANGUAGES, N_, Catalogue, Text, load_catalogue, resolve_language,
                         stretch_factor, stretched)
from anjian.paths import resources_dir
from anjian.preferences import Preferences, load_preferences

if TYPE_CHECKING:
    from PySide6.QtWidgets import QApplication, QWidget

    from anjian.ui.language import InterfaceLanguage
    from anjian.ui.main_window import MainWindow

# Benchmarks set this to measure the time to the first painted window.
QUIT_AFTER_FIRST_PAINT = "ANJIAN_QUIT_AFTER_FIRST_PAINT"

# At exit, time for the worker to finish a call in flight and close the keyring
# connection; a call stuck on an unanswered unlock prompt is abandoned instead.
STOP_TIMEOUT_S = 2.0


def main(argv: Sequence[str] | None = None) -> int:
    """Start Anjian's window; returns the exit code."""
    args = list(sys.argv[1:] if argv is None else argv)
    preferences = load_preferences()
    early = _early_language(args, preferences)
    parser = _parser(load_catalogue(resolve_language(early)))
    try:
        options, qt_args = parser.parse_known_args(args)
    except SystemExit as stop:  # --help, or a usage error already printed
        return stop.code if isinstance(stop.code, int) else 2
    if options.version:
        if sys.stdout is not None:  # a GUI launch on Windows has no console
            catalogue = load_catalogue(resolve_language(early))
            print(catalogue.render(Text(N_("Anjian {version}"), {"version": __version__})))
        return 0
    return _run(options.lang or preferences.language, preferences, qt_args, options.background)


def _early_language(args: Sequence[str], preferences: Preferences) -> str | None:
    """``--lang`` if given, else the saved choice: known before parsing, for translated help."""
    for i, arg in enumerate(args):
        if arg == "--lang" and i + 1 < len(args) and args[i + 1] in LANGUAGES:
            return args[i + 1]
        if arg.startswith("--lang=") and arg.split("=", 1)[1] in LANGUAGES:
            return arg.split("=", 1)[1]
    return preferences.language


def _parser(catalogue: Catalogue) -> argparse.ArgumentParser:
    tr = catalogue.gettext
    parser = TranslatedParser(
        prog="anjian", allow_abbrev=False, catalogue=catalogue,
        description=tr(N_("Anjian (安检): check your account security.")))
    parser.add_argument("--lang", choices=LANGUAGES,
                        help=tr(N_("Language of the window, for this run only.")))
    parser.add_argument("--version", action="store_true", help=tr(N_("Show the version of Anjian.")))
    parser.add_argument("--background", action="store_true",
                        help=tr(N_("Start in the tray (as at login) and only remind.")))
    return parser


def _run(language_choice: str | None, preferences: Preferences, qt_args: list[str],
         background: bool = False) -> int:
    from PySide6.QtWidgets import QSystemTrayIcon

    from anjian.ui.language import InterfaceLanguage

    # Ctrl+C in a terminal ends the app at once: nothing waits in memory to be
    # saved (the state is saved to the keyring as it changes).
    signal.signal(signal.SIGINT, signal.SIG_DFL)
    app = create_application([sys.argv[0] if sys.argv else "anjian", *qt_args])
    language = InterfaceLanguage(app, language_choice, load=_catalogue_loader())
    if background and QSystemTrayIcon.isSystemTrayAvailable():
        return run_in_tray(app, language, preferences)
    window = _build_window(language, preferences)
    in_tray = _attach_tray(app, window, language)
    if not in_tray:
        window.say_no_tray()
    if os.environ.get(QUIT_AFTER_FIRST_PAINT) == "1":
        after_first_paint(window, app.quit)  # measure the start-up alone
    else:
        # Started any earlier, the keyring work (imports, a D-Bus session, its
        # key exchange) competes with the first paint for the interpreter and
        # delays it by about 50 ms here; started now, the state arrives as soon.
        after_first_paint(window, window.load_state)
    if background:
        window.showMinimized()  # no tray to live in: stay out of the way, reachable
    else:
        window.show()
    try:
        return app.exec()
    finally:
        window.stop_worker(STOP_TIMEOUT_S)


def _build_window(language: InterfaceLanguage, preferences: Preferences) -> MainWindow:
    from anjian.service import AnjianService
    from anjian.ui.main_window import MainWindow
    from anjian.ui.notifier import for_this_desktop
    from anjian.ui.worker import KeyringWorker

    return MainWindow(KeyringWorker(AnjianService()), language, preferences,
                      notifier=for_this_desktop(None))


def run_in_tray(app: QApplication, language: InterfaceLanguage,
                 preferences: Preferences) -> int:
    """Started at login: the tray agent alone, the window built when first opened."""
    from anjian.ui.agent import TrayAgent
    from anjian.ui.notifier import for_this_desktop
    from anjian.ui.tray import Tray

    windows: list[MainWindow] = []

    def open_window() -> None:
        if not windows:
            window = _build_window(language, preferences)
            windows.append(window)
            agent.stop()
            window.attach_tray(tray)
            window.load_state()
        windows[0].show_from_tray()

    def check_now() -> None:
        if windows:
            windows[0].reminders.check(notify=True)
        else:
            agent.check()

    def quit_app() -> None:
        if windows:
            windows[0].quit_app()
        else:
            app.quit()

    tray = Tray(app.windowIcon(), language, open_window, check_now, quit_app)
    agent = TrayAgent(tray, language, for_this_desktop(tray), parent=app)
    tray.show()
    app.setQuitOnLastWindowClosed(False)
    agent.start()
    try:
        return app.exec()
    finally:
        if windows:
            windows[0].stop_worker(STOP_TIMEOUT_S)


def _catalogue_loader() -> Callable[[str], Catalogue]:
    """How the window loads its catalogues: stretched in the layout test mode."""
    factor = stretch_factor()
    if factor is None:
        return load_catalogue
    return lambda language: stretched(load_catalogue(language), factor)


def _attach_tray(app: QApplication, window: MainWindow, language: InterfaceLanguage) -> bool:
    """Put Anjian in the system tray, where the desktop has one."""
    from PySide6.QtWidgets import QSystemTrayIcon

    from anjian.ui.tray import Tray

    if not QSystemTrayIcon.isSystemTrayAvailable():
        return False
    tray = Tray(app.windowIcon(), language, window.show_from_tray,
                lambda: window.reminders.check(notify=True), window.quit_app, window)
    window.attach_tray(tray)
    tray.show()
    app.setQuitOnLastWindowClosed(False)
    return True


def create_application(argv: list[str]) -> QApplication:
    """The QApplication, named and with its icon (Qt 6 scales for high DPI by itself)."""
    from PySide6.QtGui import QIcon
    from PySide6.QtWidgets import QApplication

    app = QApplication(argv)
    app.setApplicationName("Anjian")
    app.setApplicationVersion(__version__)
    app.setOrganizationName("Anjian")
    app.setOrganizationDomain("anjian.github.io")
    app.setDesktopFileName(APP_ID)
    icon = resources_dir() / "icons" / "anjian.svg"
    if icon.is_file():
        app.setWindowIcon(QIcon(str(icon)))
    return app


def after_first_paint(window: QWidget, action: Callable[[], object]) -> None:
    """Run ``action`` once, right after ``window`` is first painted."""
    from PySide6.QtCore import QEvent, QObject, QTimer

    class FirstPaint(QObject):
        def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
            if event.type() == QEvent.Type.Paint:
                watched.removeEventFilter(self)
                self.deleteLater()
                QTimer.singleShot(0, action)  # once this paint has reached the screen
            return False

    window.installEventFilter(FirstPaint(window))

"""The main window: sections on the left, their pages on the right, the state below.

The window shows at once and loads the state through the keyring worker, so
its first paint never waits for the keyring. It says where the state lives
and when it was saved, reports a damaged or read-only state, and announces a
first run with :attr:`MainWindow.first_run` (the first-run wizard hooks in there).
"""

from __future__ import annotations

import logging
from typing import Any

from PySide6.QtCore import QByteArray, Qt, Signal, Slot
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QStackedWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from anjian.autostart import Autostart
from anjian.autostart import for_this_system as autostart_for_this_system
from anjian.i18n import LANGUAGE_NAMES, LANGUAGES, N_, Text
from anjian.preferences import Preferences, save_preferences
from anjian.service import AnjianService, StorageStatus
from anjian.ui import messages
from anjian.ui.keyring_panel import KeyringPanel
from anjian.ui.language import InterfaceLanguage
from anjian.ui.context import PageContext
from anjian.ui.overview import OverviewPage
from anjian.ui.section_pages import build_page
from anjian.ui.sections import SECTIONS
from anjian.ui.notifier import NoNotifier, Notifier, TrayNotifier
from anjian.ui.reminder_settings import ReminderSettings
from anjian.ui.reminders import ReminderClock
from anjian.ui.tray import Tray
from anjian.ui.wizard import ChecklistWizard
from anjian.ui.worker import KeyringWorker

log = logging.getLogger(__name__)

DEFAULT_SIZE = (980, 660)
_NAV_STYLE = """
QListWidget#sections { border: none; border-right: 1px solid palette(mid); padding-top: 6px; }
QListWidget#sections::item { padding: 8px 16px; }
"""
_STATUS_STYLE = """
QStatusBar { border-top: 1px solid palette(mid); }
QStatusBar::item { border: none; }
QStatusBar QLabel { padding: 2px 10px; }
"""


class MainWindow(QMainWindow):
    """Anjian's one main window."""

    first_run = Signal()  # no state has ever been saved here; emitted once
    state_loaded = Signal(object)  # a StorageStatus, after every successful load

    def __init__(
        self,
        worker: KeyringWorker,
        language: InterfaceLanguage,
        preferences: Preferences,
        parent: QWidget | None = None,
        notifier: Notifier | None = None,
        autostart: Autostart | None = None,
    ) -> None:
        super().__init__(parent)
        self._worker = worker
        self._language = language
        self._preferences = preferences
        self._status: StorageStatus | None = None
        self._load_failed = False
        self._first_run_announced = False
        self._autostart = autostart or autostart_for_this_system()
        self._quitting = False

        self.nav = QListWidget(self)
        self.nav.setObjectName("sections")
        self.nav.setStyleSheet(_NAV_STYLE)
        self.pages = QStackedWidget(self)
        self.keyring_panel = KeyringPanel(language, self)
        self.context = PageContext(worker, language, self.keyring_panel, self)
        self.context.state_changed.connect(self._state_arrived)
        self.overview = OverviewPage(SECTIONS[0], self.context, self.pages)
        # The other pages are built when first shown: a window that lives in the
        # tray (started at login) never pays for them.
        self._built: dict[int, Any] = {0: self.overview}
        self.pages.addWidget(self.overview)
        self.nav.addItem(QListWidgetItem())
        for _ in SECTIONS[1:]:
            self.pages.addWidget(QWidget(self.pages))
            self.nav.addItem(QListWidgetItem())
        self.nav.currentRowChanged.connect(self._show_row)
        self.nav.setCurrentRow(0)
        self.context.section_requested.connect(self.open_section)
        self.overview.wizard_requested.connect(self.open_checklist)
        self.reminders = ReminderClock(self.context, notifier or NoNotifier(),
                                       lambda: self._preferences.quiet_hours, self)
        self.reminders.due_changed.connect(self.overview.show_overview)
        self.tray: Tray | None = None
        self.first_run.connect(self.open_checklist)
        self.wizard: ChecklistWizard | None = None

        right = QVBoxLayout()
        right.setContentsMargins(0, 0, 0, 0)
        right.setSpacing(0)
        right.addWidget(self.keyring_panel)
        right.addWidget(self.pages, 1)
        body = QHBoxLayout()
        body.setContentsMargins(0, 0, 0, 0)
        body.setSpacing(0)
        body.addWidget(self.nav)
        body.addLayout(right, 1)
        central = QWidget(self)
        central.setLayout(body)
        self.setCentralWidget(central)

        self.backend_label = QLabel(self)
        self.saved_label = QLabel(self)
        self._status_separator = QFrame(self)
        self._status_separator.setFrameShape(QFrame.Shape.VLine)
        self._status_separator.setFrameShadow(QFrame.Shadow.Sunken)
        self.statusBar().setStyleSheet(_STATUS_STYLE)
        self.statusBar().addWidget(self.backend_label)
        self.statusBar().addWidget(self._status_separator)
        self.statusBar().addWidget(self.saved_label, 1)

        self._build_menus()
        language.changed.connect(self.retranslate)
        self.retranslate()
        self._restore_geometry()

    # -- the state -----------------------------------------------------------------

    def load_state(self) -> None:
        """Ask the worker for the state; the window stays usable while it comes."""
        self.context.call(AnjianService.load, self.context.state_changed.emit, self._state_failed)

    @Slot(object)
    def _state_arrived(self, status: StorageStatus) -> None:
        self._status = status
        self._load_failed = False
        self.overview.show_snapshot(status.snapshot)
        self._render_status()
        self.state_loaded.emit(status)
        if not self.reminders.timer.isActive():
            self.reminders.start()
        if status.snapshot.first_run and not self._first_run_announced:
            self._first_run_announced = True
            self.first_run.emit()

    @Slot(object)
    def _state_failed(self, _error: object) -> None:
        # The keyring panel explains the error; the status bar only says there is no state.
        self._load_failed = True
        self._render_status()

    def _render_status(self) -> None:
        backend, saved, details = self._status_texts()
        tr = self._language.translate
        self.backend_label.setText(tr(backend))
        self.saved_label.setText(tr(saved) if saved else "")
        self.saved_label.setToolTip(tr(details) if details else "")
        self._status_separator.setVisible(bool(saved))
        for label in (self.backend_label, self.saved_label):
            label.setAccessibleName(label.text())
            label.setAccessibleDescription(label.toolTip())

    def _status_texts(self) -> tuple[Text | str, Text | str, Text | None]:
        """Where the state lives, when it was saved, and the full warning if any."""
        if self._status is None:
            backend = N_("Keyring: not connected") if self._load_failed else N_(
                "Opening the keyring…")
            return backend, "", None
        backend_text = Text(N_("Keyring: {backend}"), {"backend": self._status.backend.name})
        snapshot = self._status.snapshot
        if snapshot.damage is not None:
            return (backend_text, N_("Warning: the saved state is damaged (see Overview)."),
                    snapshot.damage)
        if snapshot.read_only is not None:
            return (backend_text, N_("Warning: read-only, nothing will be saved (see Overview)."),
                    snapshot.read_only)
        if snapshot.saved_at is None:
            return backend_text, N_("Not saved yet"), None
        local = snapshot.saved_at.astimezone().strftime("%Y-%m-%d %H:%M")
        return backend_text, Text(N_("Last saved: {time}"), {"time": local}), None

    def open_checklist(self) -> None:
        """Open the checklist wizard where it stopped (one at a time)."""
        if self.wizard is None:
            self.wizard = ChecklistWizard(self.context, self)
            self.wizard.destroyed.connect(self._wizard_closed)
            self.wizard.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.wizard.show()
        self.wizard.raise_()
        self.wizard.activateWindow()

    def _wizard_closed(self) -> None:
        self.wizard = None

    def page(self, row: int) -> Any:
        """The page of the section in ``row``, built now if it was not yet."""
        page = self._built.get(row)
        if page is None:
            placeholder = self.pages.widget(row)
            page = build_page(SECTIONS[row], self.context, self.pages)
            page.retranslate()
            self.pages.insertWidget(row, page)
            self.pages.removeWidget(placeholder)
            placeholder.deleteLater()
            self._built[row] = page
        return page

    @property
    def section_pages(self) -> list[Any]:
        """Every section's page, in order (builds those not built yet)."""
        return [self.page(row) for row in range(len(SECTIONS))]

    def _show_row(self, row: int) -> None:
        if row >= 0:
            self.page(row)
            self.pages.setCurrentIndex(row)

    def open_section(self, section_id: str) -> None:
        """Show the page of ``section_id`` (an unknown id leaves the page as it is)."""
        for row, section in enumerate(SECTIONS):
            if section.id == section_id:
                self.nav.setCurrentRow(row)
                return

    # -- menus and language --------------------------------------------------------

    def _build_menus(self) -> None:
        bar = self.menuBar()
        self._file_menu = bar.addMenu("")
        self.quit_action = QAction(self)
        self.quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        self.quit_action.triggered.connect(self.quit_app)
        self._file_menu.addAction(self.quit_action)

        self._settings_menu = bar.addMenu("")
        self._language_menu = self._settings_menu.addMenu("")
        group = QActionGroup(self)
        group.setExclusive(True)
        group.triggered.connect(self._language_picked)
        self.language_actions: dict[str | None, QAction] = {}
        for code in (*LANGUAGES, None):
            if code is None:
                self._language_menu.addSeparator()
            # Each language is named in itself, so anyone can find their own.
            action = QAction(LANGUAGE_NAMES.get(code or "", ""), group)
            action.setCheckable(True)
            action.setChecked(code == self._language.preferred)
            action.setData(code or "")
            self._language_menu.addAction(action)
            self.language_actions[code] = action

        self.reminder_settings = ReminderSettings(
            self._settings_menu, self._language, self._autostart, lambda: self._preferences,
            lambda prefs: self._remember(prefs, N_("Your settings could not be saved.")), self)

        self._help_menu = bar.addMenu("")
        self.about_action = QAction(self)
        self.about_action.triggered.connect(self.show_about)
        self._help_menu.addAction(self.about_action)

    @Slot(QAction)
    def _language_picked(self, action: QAction) -> None:
        self.choose_language(action.data() or None)

    def choose_language(self, preferred: str | None) -> None:
        """Switch every text to ``preferred`` (``None``: follow the system) and remember it."""
        self.language_actions[preferred].setChecked(True)
        self._language.choose(preferred)
        self._remember(self._preferences.with_changes(language=preferred),
                       N_("Your language choice could not be saved. It applies until you "
                          "close Anjian."))

    def show_about(self) -> None:
        """Open the About dialog (window-modal, without blocking the event loop)."""
        # Imported on demand: reading package metadata costs ~40 ms of start-up.
        from anjian.ui.about import AboutDialog

        dialog = AboutDialog(self._language, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()

    def retranslate(self) -> None:
        """Render every visible text in the current language."""
        tr = self._language.translate
        self.setWindowTitle(tr(N_("Anjian")))
        self._file_menu.setTitle(tr(N_("&File")))
        self.quit_action.setText(tr(N_("&Quit")))
        self._settings_menu.setTitle(tr(N_("&Settings")))
        self._language_menu.setTitle(tr(N_("&Language")))
        self.language_actions[None].setText(tr(N_("Follow system")))
        self._help_menu.setTitle(tr(N_("&Help")))
        self.about_action.setText(tr(N_("&About Anjian")))
        # Qt's own "more menus" button, shown when the window is too narrow for
        # the menu bar, has only an icon: give screen readers a name for it.
        overflow = self.menuBar().findChild(QToolButton, "qt_menubar_ext_button")
        if overflow is not None:
            overflow.setAccessibleName(tr(N_("More menus")))
        self.nav.setAccessibleName(tr(N_("Sections")))
        self.pages.setAccessibleName(tr(N_("Section page")))
        self.keyring_panel.retranslate()
        for row, section in enumerate(SECTIONS):
            if row in self._built:
                self._built[row].retranslate()
            self.nav.item(row).setText(tr(section.title))
        # Wide enough for the longest title in this language, never clipped.
        self.nav.setFixedWidth(self.nav.sizeHintForColumn(0) + 2 * self.nav.frameWidth() + 24)
        self._render_status()

    # -- geometry ------------------------------------------------------------------

    def _restore_geometry(self) -> None:
        saved = self._preferences.window_geometry
        if saved and self.restoreGeometry(QByteArray.fromBase64(saved.encode("ascii"))):
            return
        self.resize(*DEFAULT_SIZE)

    def attach_tray(self, tray: Tray) -> None:
        """Keep running in ``tray`` when the window is closed; show the due count there."""
        self.tray = tray
        self.reminders.notifier = TrayNotifier(tray)
        self.reminders.due_changed.connect(lambda o: tray.show_due(o.due_now))

    def stop_worker(self, timeout: float) -> bool:
        """Let the keyring worker finish its call in flight (at most ``timeout`` s) and stop."""
        return self._worker.stop(timeout)

    def show_from_tray(self) -> None:
        """Bring the window back from the tray."""
        self.showNormal()
        self.raise_()
        self.activateWindow()

    def say_no_tray(self) -> None:
        """Tell, once, in the status bar, that this desktop has no system tray."""
        self.no_tray_label = QLabel(self)
        self.no_tray_label.setWordWrap(False)
        self.statusBar().addPermanentWidget(self.no_tray_label)
        self._language.changed.connect(self._render_no_tray)
        self._render_no_tray()

    def _render_no_tray(self) -> None:
        tr = self._language.translate
        self.no_tray_label.setText(tr(N_("No system tray: reminders appear as notifications "
                                         "and on the Overview while Anjian is open.")))
        self.no_tray_label.setAccessibleName(self.no_tray_label.text())

    def quit_app(self) -> None:
        """Quit for real (the tray too)."""
        self._quitting = True
        self.close()
        QApplication.quit()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt's name
        """Remember where the window was; with a tray, keep running there."""
        geometry = bytes(self.saveGeometry().toBase64().data()).decode("ascii")
        self._remember(self._preferences.with_changes(window_geometry=geometry), None)
        if self.tray is not None and not self._quitting:
            self.hide()
            event.ignore()
            return
        super().closeEvent(event)

    def _remember(self, preferences: Preferences, failure: str | None) -> None:
        self._preferences = preferences
        try:
            save_preferences(preferences)
        except OSError:
            log.warning("could not save the preferences")
            if failure is not None:  # on close, a dialog would only be in the way
                tr = self._language.translate
                messages.warning(self, tr(N_("Anjian")), tr(failure))

"""Settings for reminders: start at login, and quiet hours for notifications.

Start-at-login writes only a launcher (XDG autostart entry, the Run key, a
LaunchAgent) through :mod:`anjian.autostart`; quiet hours live with the other
non-secret preferences.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import time

from PySide6.QtCore import QObject, QTime
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QMenu,
    QTimeEdit,
    QWidget,
)

from anjian.autostart import Autostart, launch_command
from anjian.i18n import N_
from anjian.preferences import Preferences, parse_quiet_hours
from anjian.ui import messages
from anjian.ui.language import InterfaceLanguage


class QuietHoursDialog(QDialog):
    """Choose the hours without notifications."""

    def __init__(self, value: str, language: InterfaceLanguage, parent: QWidget | None) -> None:
        super().__init__(parent)
        tr = language.translate
        self.setWindowTitle(tr(N_("Quiet hours")))
        parsed = parse_quiet_hours(value)
        start, end = parsed or (time(22, 0), time(8, 0))
        self.enabled = QCheckBox(tr(N_("No notifications during these hours")), self)
        self.enabled.setChecked(parsed is not None)
        self.start = QTimeEdit(QTime(start.hour, start.minute), self)
        self.end = QTimeEdit(QTime(end.hour, end.minute), self)
        for edit, name in ((self.start, N_("From")), (self.end, N_("Until"))):
            edit.setDisplayFormat("HH:mm")
            edit.setAccessibleName(tr(name))
        form = QFormLayout(self)
        form.addRow(self.enabled)
        form.addRow(tr(N_("From")), self.start)
        form.addRow(tr(N_("Until")), self.end)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def value(self) -> str:
        """The choice as stored in the preferences ("" = never quiet)."""
        if not self.enabled.isChecked():
            return ""
        return f"{self.start.time().toString('HH:mm')}-{self.end.time().toString('HH:mm')}"


class ReminderSettings(QObject):
    """The reminder entries of the Settings menu."""

    def __init__(self, menu: QMenu, language: InterfaceLanguage, autostart: Autostart,
                 preferences: Callable[[], Preferences],
                 remember: Callable[[Preferences], None], parent: QWidget) -> None:
        super().__init__(parent)
        self._language = language
        self._autostart = autostart
        self._preferences = preferences
        self._remember = remember
        self._parent = parent
        menu.addSeparator()
        self.autostart_action = QAction(menu)
        self.autostart_action.setCheckable(True)
        self.autostart_action.setChecked(self._enabled())
        self.autostart_action.toggled.connect(self.set_autostart)
        menu.addAction(self.autostart_action)
        self.quiet_action = QAction(menu)
        self.quiet_action.triggered.connect(self.choose_quiet_hours)
        menu.addAction(self.quiet_action)
        language.changed.connect(self.retranslate)
        self.retranslate()

    def retranslate(self) -> None:
        tr = self._language.translate
        self.autostart_action.setText(tr(N_("Start at &login (for reminders)")))
        self.quiet_action.setText(tr(N_("&Quiet hours…")))

    def _enabled(self) -> bool:
        try:
            return self._autostart.enabled()
        except OSError:
            return False

    def set_autostart(self, on: bool) -> None:
        """Turn starting at login on or off; say so if the launcher cannot be written."""
        try:
            if on:
                self._autostart.enable(launch_command())
            else:
                self._autostart.disable()
        except OSError:
            tr = self._language.translate
            messages.warning(self._parent, tr(N_("Start at login")),
                             tr(N_("Anjian could not change whether it starts at login.")))
            self.autostart_action.blockSignals(True)
            self.autostart_action.setChecked(self._enabled())
            self.autostart_action.blockSignals(False)

    def choose_quiet_hours(self) -> None:
        dialog = QuietHoursDialog(self._preferences().quiet_hours, self._language, self._parent)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self._remember(self._preferences().with_changes(quiet_hours=dialog.value()))

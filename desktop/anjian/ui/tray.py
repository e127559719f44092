"""The tray icon: how many things are due, and a menu to act on them.

Only where the desktop has a system tray (``QSystemTrayIcon.isSystemTrayAvailable``);
elsewhere the window says so and reminders come as notifications. The count is
drawn on the icon and also said in the tooltip, so it is never colour alone.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QAction, QColor, QFont, QIcon, QPainter, QPixmapCache
from PySide6.QtWidgets import QMenu, QSystemTrayIcon, QWidget

from anjian.core.reminders.due_item import DueItem
from anjian.i18n import N_, Text
from anjian.ui.language import InterfaceLanguage

MENU_ITEMS = 5  # due items listed in the menu; the window has the rest


def badge_icon(base: QIcon, count: int, size: int = 64) -> QIcon:
    """``base`` with ``count`` in a badge (nothing when zero)."""
    pixmap = base.pixmap(size, size)
    # Drawing an icon fills Qt's pixmap cache, whose upkeep timer then wakes the
    # process every 30 s for as long as anything is cached: in the tray, where
    # nothing else draws, that would be the only wake-up. Empty it (it refills
    # when the window draws).
    QPixmapCache.clear()
    if count <= 0 or pixmap.isNull():
        return base if not pixmap.isNull() else QIcon()
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    diameter = size // 2
    rect = QRect(size - diameter, 0, diameter, diameter)
    painter.setBrush(QColor("#c62828"))
    painter.setPen(QColor("#ffffff"))
    painter.drawEllipse(rect)
    font = QFont()
    font.setBold(True)
    font.setPixelSize(int(diameter * 0.62))
    painter.setFont(font)
    painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, str(count) if count < 100 else "99+")
    painter.end()
    return QIcon(pixmap)


class Tray(QSystemTrayIcon):
    """The icon and its menu."""

    def __init__(self, icon: QIcon, language: InterfaceLanguage, open_window: Callable[[], None],
                 check_now: Callable[[], None], quit_app: Callable[[], None],
                 parent: QWidget | None = None) -> None:
        super().__init__(icon, parent)
        self._base = icon
        self._language = language
        self._open_window = open_window
        self.due: list[DueItem] = []
        self.menu = QMenu(parent)
        # Owned by the tray, not the menu: QMenu.clear() deletes the actions it owns.
        self.open_action = QAction(self)
        self.open_action.triggered.connect(open_window)
        self.check_action = QAction(self)
        self.check_action.triggered.connect(check_now)
        self.quit_action = QAction(self)
        self.quit_action.triggered.connect(quit_app)
        self.due_actions: list[QAction] = []
        self.setContextMenu(self.menu)
        self.activated.connect(self._activated)
        language.changed.connect(self.render)
        self.render()

    def show_due(self, due: Sequence[DueItem]) -> None:
        """Show how many items are due and list the first few."""
        self.due = list(due)
        self.setIcon(badge_icon(self._base, len(self.due)))
        self.render()

    def render(self) -> None:
        """Texts and menu in the current language."""
        tr = self._language.translate
        count = len(self.due)
        self.setToolTip(tr(Text(N_("Anjian: {count} due"), {"count": count})) if count
                        else tr(N_("Anjian: nothing is due")))
        self.open_action.setText(tr(N_("Open Anjian")))
        self.check_action.setText(tr(N_("Check now")))
        self.quit_action.setText(tr(N_("Quit Anjian")))
        self.menu.clear()
        self.menu.addAction(self.open_action)
        self.menu.addSeparator()
        self.due_actions = []
        for item in self.due[:MENU_ITEMS]:
            action = self.menu.addAction(("! " if item.urgent else "") + tr(item.title))
            action.triggered.connect(self._open_window)
            self.due_actions.append(action)
        if len(self.due) > MENU_ITEMS:
            more = self.menu.addAction(tr(Text(N_("… and {count} more"),
                                               {"count": len(self.due) - MENU_ITEMS})))
            more.triggered.connect(self._open_window)
        if not self.due:
            nothing = self.menu.addAction(tr(N_("Nothing is due")))
            nothing.setEnabled(False)
        self.menu.addSeparator()
        self.menu.addAction(self.check_action)
        self.menu.addAction(self.quit_action)

    def _activated(self, reason: QSystemTrayIcon.ActivationReason) -> None:
        if reason in (QSystemTrayIcon.ActivationReason.Trigger,
                      QSystemTrayIcon.ActivationReason.DoubleClick):
            self._open_window()

"""Desktop notifications: through the tray where there is one, else the desktop's service.

Without a system tray (many Linux desktops, Xvfb) Qt cannot show a message, so
on Linux we ask ``org.freedesktop.Notifications`` over D-Bus directly; the call
runs on a pool thread, never on the UI thread. Where neither exists, the
window's Due list is what remains, and the app says so.
"""

from __future__ import annotations

import logging
import sys
from typing import Protocol

from PySide6.QtCore import QRunnable, QThreadPool
from PySide6.QtWidgets import QSystemTrayIcon

log = logging.getLogger(__name__)
APP_NAME = "Anjian"
NOTIFY_TIMEOUT_MS = 10_000


class Notifier(Protocol):
    available: bool  # False: nothing can be shown, so nothing is recorded as notified

    def notify(self, title: str, body: str) -> None:
        """Show one notification (fire and forget)."""


class TrayNotifier:
    """Balloon messages of a visible tray icon."""

    available = True

    def __init__(self, tray: QSystemTrayIcon) -> None:
        self._tray = tray

    def notify(self, title: str, body: str) -> None:
        self._tray.showMessage(title, body, self._tray.icon(), NOTIFY_TIMEOUT_MS)


class _DBusNotify(QRunnable):
    def __init__(self, title: str, body: str) -> None:
        super().__init__()
        self.title, self.body = title, body

    def run(self) -> None:
        try:
            from jeepney import DBusAddress, new_method_call
            from jeepney.io.blocking import open_dbus_connection

            address = DBusAddress("/org/freedesktop/Notifications",
                                  bus_name="org.freedesktop.Notifications",
                                  interface="org.freedesktop.Notifications")
            message = new_method_call(address, "Notify", "susssasa{sv}i", (
                APP_NAME, 0, "io.github.anjian.Anjian", self.title, self.body, [], {},
                NOTIFY_TIMEOUT_MS))
            with open_dbus_connection(bus="SESSION") as connection:
                connection.send_and_get_reply(message, timeout=5)
        except Exception as exc:  # noqa: BLE001 - no notification service is not an error
            log.info("desktop notification not shown (%s)", type(exc).__name__)


class FreedesktopNotifier:
    """``org.freedesktop.Notifications`` on the session bus (Linux without a tray)."""

    available = True

    def notify(self, title: str, body: str) -> None:
        QThreadPool.globalInstance().start(_DBusNotify(title, body))


class NoNotifier:
    """Nowhere to notify: the window's Due list is all there is."""

    available = False

    def notify(self, title: str, body: str) -> None:
        log.info("no notification service; due items are in the window")


def for_this_desktop(tray: QSystemTrayIcon | None) -> Notifier:
    """The best notifier available here."""
    if tray is not None:
        return TrayNotifier(tray)
    if sys.platform.startswith("linux"):
        return FreedesktopNotifier()
    return NoNotifier()

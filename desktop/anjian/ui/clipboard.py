"""Copying a secret-grade text (an authenticator code) so it does not linger.

The text goes to the clipboard with the hints password managers use, so that
clipboard histories and sync tools skip it: KDE's ``x-kde-passwordManagerHint``
= ``secret`` (Klipper and other X11/Wayland histories), Windows'
``ExcludeClipboardContentFromMonitorProcessing`` (and ``CanIncludeInClipboardHistory``
and ``CanUploadToCloudClipboard`` = 0, for Win+V history and cloud sync), and
macOS's ``org.nspasteboard.ConcealedType`` (nspasteboard.org, honoured by Maccy,
Alfred, Paste...). After ``clear_after`` the clipboard is cleared, but only if it
still holds what we put there: whatever the user copied since is left alone. It
is also cleared when the application quits before the delay is over.

On macOS, Qt writes an unknown MIME type under the UTI
``com.trolltech.anymime.<type>``, which no clipboard history knows; the
concealed type is therefore given as KeePassXC does, under its own MIME name,
and a small UTI converter maps that name to ``org.nspasteboard.ConcealedType``
(installed on first copy, on macOS only, where PySide6 has QUtiMimeConverter).
"""

from __future__ import annotations

import sys
from typing import Any

from PySide6.QtCore import QByteArray, QMimeData, QObject, QTimer
from PySide6.QtGui import QClipboard, QGuiApplication

CLEAR_AFTER_MS = 15_000

MACOS_CONCEALED_MIME = "application/x-nspasteboard-concealed-type"
MACOS_CONCEALED_UTI = "org.nspasteboard.ConcealedType"

# Qt maps MIME types to native formats; on Windows a type written as
# 'application/x-qt-windows-mime;value="Name"' becomes the clipboard format "Name".
HINTS: dict[str, bytes] = {
    "x-kde-passwordManagerHint": b"secret",
    'application/x-qt-windows-mime;value="ExcludeClipboardContentFromMonitorProcessing"': b"1",
    'application/x-qt-windows-mime;value="CanIncludeInClipboardHistory"': b"\x00\x00\x00\x00",
    'application/x-qt-windows-mime;value="CanUploadToCloudClipboard"': b"\x00\x00\x00\x00",
    MACOS_CONCEALED_MIME: b"1",
}


def secret_mime_data(text: str) -> QMimeData:
    """``text`` as clipboard data, with every "do not keep this" hint."""
    data = QMimeData()
    data.setText(text)
    for mime_type, value in HINTS.items():
        data.setData(mime_type, value)
    return data


class SecretClipboard(QObject):
    """Puts codes on the clipboard and takes them off again in time."""

    def __init__(self, parent: QObject | None = None, clear_after_ms: int = CLEAR_AFTER_MS) -> None:
        super().__init__(parent)
        self._copied: str | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(clear_after_ms)
        self._timer.timeout.connect(self.clear_if_ours)
        self._converter: Any = None
        app = QGuiApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self.clear_if_ours)

    @property
    def clipboard(self) -> QClipboard:
        """The system clipboard."""
        return QGuiApplication.clipboard()

    def copy(self, text: str) -> None:
        """Copy ``text`` with the hints; it is cleared after the delay if still there."""
        if sys.platform == "darwin" and self._converter is None:
            self._converter = macos_concealed_converter()
        self._copied = text
        self.clipboard.setMimeData(secret_mime_data(text))
        self._timer.start()

    def clear_if_ours(self) -> None:
        """Clear the clipboard if it still holds the text we copied."""
        copied, self._copied = self._copied, None
        self._timer.stop()
        if copied is not None and self.clipboard.text() == copied:
            self.clipboard.clear()


def macos_concealed_converter() -> Any:
    """A converter that writes :data:`MACOS_CONCEALED_MIME` as the nspasteboard.org
    concealed UTI (None where this PySide6 lacks QUtiMimeConverter); keep it alive."""
    from PySide6 import QtGui

    base = getattr(QtGui, "QUtiMimeConverter", None)
    if base is None:
        return None

    class ConcealedType(base):  # type: ignore[misc, valid-type]
        def utiForMime(self, mime: str) -> str:  # noqa: N802 - Qt's name
            return MACOS_CONCEALED_UTI if mime == MACOS_CONCEALED_MIME else ""

        def mimeForUti(self, uti: str) -> str:  # noqa: N802 - Qt's name
            return MACOS_CONCEALED_MIME if uti == MACOS_CONCEALED_UTI else ""

        def convertFromMime(self, mime: str, data: Any, uti: str) -> list[QByteArray]:  # noqa: N802
            return [QByteArray(b"1")]

        def convertToMime(self, mime: str, data: list[QByteArray], uti: str) -> Any:  # noqa: N802
            return data[0] if data else QByteArray()

    return ConcealedType()

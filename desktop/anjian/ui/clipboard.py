"""Copying a secret-grade text (an authenticator code) so it does not linger.

The text goes to the clipboard with the hints password managers use, so that
clipboard histories and sync tools skip it: KDE's ``x-kde-passwordManagerHint``
= ``secret``, Windows' ``ExcludeClipboardContentFromMonitorProcessing`` (and
``CanIncludeInClipboardHistory`` = 0), and macOS's ``org.nspasteboard.ConcealedType``.
After ``clear_after`` the clipboard is cleared, but only if it still holds what
we put there: whatever the user copied since is left alone.
"""

from __future__ import annotations

from PySide6.QtCore import QMimeData, QObject, QTimer
from PySide6.QtGui import QClipboard, QGuiApplication

CLEAR_AFTER_MS = 15_000

# Qt maps MIME types to native formats; on Windows a type written as
# 'application/x-qt-windows-mime;value="Name"' becomes the clipboard format "Name".
HINTS: dict[str, bytes] = {
    "x-kde-passwordManagerHint": b"secret",
    'application/x-qt-windows-mime;value="ExcludeClipboardContentFromMonitorProcessing"': b"1",
    'application/x-qt-windows-mime;value="CanIncludeInClipboardHistory"': b"\x00\x00\x00\x00",
    'application/x-qt-windows-mime;value="CanUploadToCloudClipboard"': b"\x00\x00\x00\x00",
    "org.nspasteboard.ConcealedType": b"",
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

    @property
    def clipboard(self) -> QClipboard:
        """The system clipboard."""
        return QGuiApplication.clipboard()

    def copy(self, text: str) -> None:
        """Copy ``text`` with the hints; it is cleared after the delay if still there."""
        self._copied = text
        self.clipboard.setMimeData(secret_mime_data(text))
        self._timer.start()

    def clear_if_ours(self) -> None:
        """Clear the clipboard if it still holds the text we copied."""
        copied, self._copied = self._copied, None
        self._timer.stop()
        if copied is not None and self.clipboard.text() == copied:
            self.clipboard.clear()

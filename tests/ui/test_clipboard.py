"""Copied codes carry the password-manager hints and leave the clipboard in time."""

from __future__ import annotations

from PySide6.QtGui import QGuiApplication

from anjian.ui.clipboard import (
    CLEAR_AFTER_MS,
    MACOS_CONCEALED_MIME,
    MACOS_CONCEALED_UTI,
    SecretClipboard,
    macos_concealed_converter,
)


def test_a_copied_code_is_cleared_after_the_delay(qtbot) -> None:
    clipboard = SecretClipboard(clear_after_ms=100)
    clipboard.copy("123456")
    assert QGuiApplication.clipboard().text() == "123456"
    qtbot.waitUntil(lambda: QGuiApplication.clipboard().text() == "", timeout=2000)


def test_something_the_user_copied_since_is_left_alone(qtbot) -> None:
    clipboard = SecretClipboard(clear_after_ms=100)
    clipboard.copy("123456")
    QGuiApplication.clipboard().setText("my own note")
    qtbot.wait(250)
    assert QGuiApplication.clipboard().text() == "my own note"


def test_the_copy_carries_the_kde_windows_and_macos_hints(qtbot) -> None:
    SecretClipboard().copy("654321")
    data = QGuiApplication.clipboard().mimeData()
    assert bytes(data.data("x-kde-passwordManagerHint")) == b"secret"
    formats = data.formats()
    assert MACOS_CONCEALED_MIME in formats
    assert any("ExcludeClipboardContentFromMonitorProcessing" in f for f in formats)
    QGuiApplication.clipboard().clear()


def test_the_default_delay_is_15_seconds() -> None:
    assert CLEAR_AFTER_MS == 15_000


def test_a_code_still_on_the_clipboard_is_cleared_when_the_application_quits(qtbot) -> None:
    clipboard = SecretClipboard()
    clipboard.copy("246810")
    QGuiApplication.instance().aboutToQuit.emit()
    assert QGuiApplication.clipboard().text() == ""


def test_the_macos_converter_maps_the_concealed_type_where_qt_offers_it() -> None:
    converter = macos_concealed_converter()
    if converter is None:  # PySide6 binds QUtiMimeConverter only in its macOS build
        from PySide6 import QtGui

        assert not hasattr(QtGui, "QUtiMimeConverter")
        return
    assert converter.utiForMime(MACOS_CONCEALED_MIME) == MACOS_CONCEALED_UTI
    assert converter.mimeForUti(MACOS_CONCEALED_UTI) == MACOS_CONCEALED_MIME

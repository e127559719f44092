"""Every file dialog goes through here, so tests patch one place (like :mod:`messages`)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QWidget


def ask_save_path(parent: QWidget | None, title: str, suggested: str, filters: str) -> Path | None:
    """Where to write a file, or ``None`` if the user cancelled."""
    chosen, _ = QFileDialog.getSaveFileName(parent, title, str(Path.home() / suggested), filters)
    return Path(chosen) if chosen else None


def ask_open_path(parent: QWidget | None, title: str, filters: str) -> Path | None:
    """Which file to read, or ``None`` if the user cancelled."""
    chosen, _ = QFileDialog.getOpenFileName(parent, title, str(Path.home()), filters)
    return Path(chosen) if chosen else None

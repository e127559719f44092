"""Every message box Anjian shows goes through here, so tests patch one place.

Callers pass texts already rendered in the interface language; the buttons
are Qt's standard ones, translated by Qt's own catalogue. Later features add
their kinds of box here (a question, a confirmation) rather than in widgets.
"""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox, QWidget


def warning(parent: QWidget | None, title: str, text: str) -> None:
    """Tell the user something went wrong and what it means for them; wait for OK."""
    box = QMessageBox(QMessageBox.Icon.Warning, title, text, QMessageBox.StandardButton.Ok, parent)
    box.setAccessibleName(title)
    box.exec()


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



def confirm(parent: QWidget | None, title: str, text: str, confirm_label: str) -> bool:
    """Ask before something risky; ``True`` only if the user pressed ``confirm_label``.

    Cancel is the default button, so pressing Enter never does the risky thing.
    """
    box = QMessageBox(QMessageBox.Icon.Warning, title, text, QMessageBox.StandardButton.NoButton,
                      parent)
    box.setAccessibleName(title)
    go = box.addButton(confirm_label, QMessageBox.ButtonRole.AcceptRole)
    cancel = box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(cancel)
    box.exec()
    return box.clickedButton() is go


def information(parent: QWidget | None, title: str, text: str) -> None:
    """Tell the user something worked and what it means for them; wait for OK."""
    box = QMessageBox(QMessageBox.Icon.Information, title, text, QMessageBox.StandardButton.Ok,
                      parent)
    box.setAccessibleName(title)
    box.exec()

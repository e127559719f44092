"""Exporting Anjian's own state to an encrypted file, and importing one, from the Backups page.

The passphrase is asked in a dialog (twice for a new file); key derivation,
encryption and the keyring all run on the worker. Expected failures (a wrong
passphrase, a damaged or newer file, a disk error) come back as values and
are shown in a message box; importing over a saved state asks first and says
how to get the old one back.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from anjian.core.backups.archive import MIN_PASSPHRASE
from anjian.i18n import N_, Text
from anjian.record import record
from anjian.ui import files, messages
from anjian.ui.context import PageContext

_FILTER = N_("Anjian backups (*.anjian-backup);;All files (*)")


@record
class Result:
    """A worker call's value, or the reason it could not be done."""

    value: Any = None
    problem: Text | None = None


def expected(call: Callable[[], Any]) -> Result:
    """Run ``call``; a bad file or a disk error is a :class:`Result`, not an exception."""
    from anjian.core.backups.archive import ArchiveError

    try:
        return Result(call())
    except ArchiveError as exc:
        return Result(problem=exc.text)
    except OSError as exc:
        return Result(problem=Text(N_("The file could not be written or read ({kind})."),
                                   {"kind": type(exc).__name__}))


class PassphraseDialog(QDialog):
    """Ask for a passphrase; for a new file, twice and at least 10 characters."""

    def __init__(self, context: PageContext, title: str, new: bool, parent: QWidget) -> None:
        super().__init__(parent)
        tr = context.language.translate
        self._tr = tr
        self._new = new
        self.setWindowTitle(title)
        self.setAccessibleName(title)
        self.setMinimumWidth(460)
        self.explanation = QLabel(tr(
            N_("The file will hold every secret Anjian keeps, encrypted with this passphrase. "
               "Write the passphrase down and keep it apart from the file: without it nobody "
               "can open the file, you included.") if new
            else N_("Type the passphrase that was chosen when the file was made.")), self)
        self.explanation.setWordWrap(True)
        self.passphrase = QLineEdit(self)
        self.again = QLineEdit(self)
        for field, name in ((self.passphrase, N_("Passphrase")),
                            (self.again, N_("The same passphrase again"))):
            field.setEchoMode(QLineEdit.EchoMode.Password)
            field.setAccessibleName(tr(name))
            field.textChanged.connect(self._changed)
        self.problem = QLabel(self)
        self.problem.setWordWrap(True)
        form = QFormLayout()
        form.addRow(tr(N_("Passphrase")), self.passphrase)
        if new:
            form.addRow(tr(N_("Again")), self.again)
        else:
            self.again.hide()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        column = QVBoxLayout(self)
        column.addWidget(self.explanation)
        column.addLayout(form)
        column.addWidget(self.problem)
        column.addWidget(self.buttons)
        self.finished.connect(self._forget)
        self._changed()

    def _changed(self) -> None:
        text = self.passphrase.text()
        problem: str | None = None
        if self._new and 0 < len(text) < MIN_PASSPHRASE:
            problem = N_("At least 10 characters.")
        elif self._new and self.again.text() and self.again.text() != text:
            problem = N_("The two passphrases differ.")
        ok = bool(text) and problem is None and (not self._new or (
            len(text) >= MIN_PASSPHRASE and self.again.text() == text))
        self.problem.setText(self._tr(problem) if problem else "")
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(ok)

    def value(self) -> str:
        """The passphrase typed (read it once, right after the dialog is accepted)."""
        return self._value

    _value = ""

    def accept(self) -> None:
        """Keep the passphrase for :meth:`value`, then clear the fields."""
        self._value = self.passphrase.text()
        super().accept()

    def _forget(self) -> None:
        self.passphrase.clear()
        self.again.clear()


def ask_passphrase(context: PageContext, parent: QWidget, title: str, new: bool) -> str | None:
    """The passphrase, or ``None`` if cancelled (tests patch this one function)."""
    dialog = PassphraseDialog(context, title, new, parent)
    try:
        return dialog.value() if dialog.exec() == QDialog.DialogCode.Accepted else None
    finally:
        dialog.deleteLater()


def export_state(context: PageContext, parent: QWidget) -> None:
    """Choose a file and a passphrase, and write the encrypted backup of the whole state."""
    tr = context.language.translate
    title = tr(N_("Export Anjian's state"))
    path = files.ask_save_path(parent, title, "anjian.anjian-backup", tr(_FILTER))
    if path is None:
        return
    passphrase = ask_passphrase(context, parent, title, new=True)
    if passphrase is None:
        return

    def done(result: Result) -> None:
        if result.problem is not None:
            messages.warning(parent, title, tr(result.problem))
            return
        messages.information(parent, title, tr(Text(
            N_("Saved the state and {count} secrets to {path}, encrypted with your passphrase."),
            {"count": result.value, "path": str(path)})))

    context.call(lambda service: expected(lambda: service.export_state(path, passphrase)), done)


def import_state(context: PageContext, parent: QWidget) -> None:
    """Choose a file and its passphrase, open it, ask before replacing, import it."""
    tr = context.language.translate
    title = tr(N_("Import Anjian's state"))
    path = files.ask_open_path(parent, title, tr(_FILTER))
    if path is None:
        return
    passphrase = ask_passphrase(context, parent, title, new=False)
    if passphrase is None:
        return

    def opened(result: Result) -> None:
        if result.problem is not None:
            messages.warning(parent, title, tr(result.problem))
            return
        incoming, contents = result.value
        if context.state is not None and not messages.confirm(
                parent, title, tr(Text(N_(
                    "Replace the state saved here by the one in the file ({accounts} accounts, "
                    "{secrets} secrets)? The current state is kept in your keyring and can be "
                    "put back with \"Undo the last import\"."),
                    {"accounts": len(incoming.accounts), "secrets": len(contents.secrets)})),
                tr(N_("Replace"))):
            return
        context.call(lambda service: service.import_state(contents), imported)

    def imported(status: Any) -> None:
        context.state_changed.emit(status)
        messages.information(parent, title, tr(N_("The state was imported.")))

    context.call(lambda service: expected(lambda: service.read_backup(Path(path), passphrase)),
                 opened)


def restore_previous(context: PageContext, parent: QWidget) -> None:
    """Put back the state the last import replaced, after asking."""
    tr = context.language.translate
    title = tr(N_("Undo the last import"))
    if not messages.confirm(parent, title, tr(N_(
            "Put back the state from before the last import? The state you have now is kept "
            "in turn, so this can be undone as well.")), tr(N_("Put it back"))):
        return

    def done(result: Result) -> None:
        if result.problem is not None:
            messages.warning(parent, title, tr(result.problem))
            return
        context.state_changed.emit(result.value)

    context.call(lambda service: expected(service.restore_previous_state), done)

"""The dialog that adds or edits one backup record: what, which account, where, when.

Dates are days (a person remembers "last Sunday", not a time); a day is kept
as noon local time so that it stays the same day in every nearby time zone.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime, time

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from anjian.core.backups.register import (
    DEFAULT_CADENCE_MONTHS,
    KIND_HINTS,
    KIND_NAMES,
    BackupKind,
    BackupRecord,
)
from anjian.core.state import State, new_id
from anjian.i18n import N_, Text
from anjian.ui.language import InterfaceLanguage


def to_day(moment: datetime | None) -> QDate | None:
    """The local day of ``moment``."""
    if moment is None:
        return None
    local = moment.astimezone()
    return QDate(local.year, local.month, local.day)


def from_day(day: QDate) -> datetime:
    """Noon local time of ``day``, as an aware time."""
    return datetime.combine(day.toPython(), time(12, 0)).astimezone()


class _DayField(QWidget):
    """A date with a "not yet" box in front of it."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        self.known = QCheckBox(self)
        self.date = QDateEdit(self)
        self.date.setCalendarPopup(True)
        self.date.setDisplayFormat("yyyy-MM-dd")
        self.date.setDate(QDate.currentDate())
        self.known.toggled.connect(self.date.setEnabled)
        row.addWidget(self.known)
        row.addWidget(self.date, 1)

    def set_value(self, moment: datetime | None) -> None:
        day = to_day(moment)
        self.known.setChecked(day is not None)
        self.date.setEnabled(day is not None)
        if day is not None:
            self.date.setDate(day)

    def value(self) -> datetime | None:
        return from_day(self.date.date()) if self.known.isChecked() else None


class BackupEditor(QDialog):
    """Add a backup record, or edit one."""

    def __init__(self, language: InterfaceLanguage, state: State | None,
                 record: BackupRecord | None, parent: QWidget) -> None:
        super().__init__(parent)
        self._language = language
        self._record = record
        tr = language.translate
        self.setWindowTitle(tr(N_("Edit backup") if record else N_("Add a backup")))
        self.setAccessibleName(self.windowTitle())
        self.setMinimumWidth(520)

        self.kind = QComboBox(self)
        for kind in BackupKind:
            self.kind.addItem(tr(KIND_NAMES[kind]), kind.value)
        self.hint = QLabel(self)
        self.hint.setWordWrap(True)
        self.hint.setTextFormat(Qt.TextFormat.PlainText)
        self.account = QComboBox(self)
        self.account.addItem(tr(N_("(no account)")), "")
        for account in (state.accounts if state else ()):
            self.account.addItem(account.name, account.id)
        self.location = QLineEdit(self)
        self.location.setPlaceholderText(tr(N_("e.g. steel plate in the home safe")))
        self.location.setMaxLength(300)
        self.copies = QSpinBox(self)
        self.copies.setRange(0, 99)
        self.copies.setValue(1)
        self.made = _DayField(self)
        self.tested_on = _DayField(self)
        self.cadence = QSpinBox(self)
        self.cadence.setRange(0, 120)
        self.warning = QLabel(tr(N_("Describe where the backup is, never what it says: do "
                                    "not type the phrase, key or codes here.")), self)
        self.warning.setWordWrap(True)

        form = QFormLayout()
        form.addRow(tr(N_("What")), self.kind)
        form.addRow("", self.hint)
        form.addRow(tr(N_("Account")), self.account)
        form.addRow(tr(N_("Where it is kept")), self.location)
        form.addRow("", self.warning)
        form.addRow(tr(N_("Copies")), self.copies)
        form.addRow(tr(N_("Made on")), self.made)
        form.addRow(tr(N_("Last tested on")), self.tested_on)
        form.addRow(tr(N_("Remind me every (months)")), self.cadence)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        column = QVBoxLayout(self)
        column.addLayout(form)
        column.addWidget(self.buttons)

        names = {
            self.kind: N_("What was backed up"), self.account: N_("Account"),
            self.location: N_("Where it is kept"), self.copies: N_("Copies"),
            self.made.known: N_("Made: known"), self.made.date: N_("Made on"),
            self.tested_on.known: N_("Tested: known"), self.tested_on.date: N_("Last tested on"),
            self.cadence: N_("Remind me every (months)"),
        }
        for widget, name in names.items():
            widget.setAccessibleName(tr(name))
        self.kind.currentIndexChanged.connect(self._kind_changed)
        self._fill(record)

    def _fill(self, record: BackupRecord | None) -> None:
        if record is not None:
            self.kind.setCurrentIndex(self.kind.findData(record.kind.value))
            index = self.account.findData(record.account_id or "")
            self.account.setCurrentIndex(max(index, 0))
            self.location.setText(record.location)
            self.copies.setValue(record.copies)
            self.made.set_value(record.done)
            self.tested_on.set_value(record.tested)
            self.cadence.setValue(record.cadence_months or 0)
            # A registered phrase fingerprint belongs to a phrase record: keep it one.
            self.kind.setEnabled(record.fingerprint is None)
        else:
            self.made.set_value(None)
            self.tested_on.set_value(None)
        self._kind_changed()

    def _kind_changed(self) -> None:
        tr = self._language.translate
        kind = BackupKind(self.kind.currentData())
        default = DEFAULT_CADENCE_MONTHS[kind]
        self.cadence.setSpecialValueText(tr(Text(N_("default ({months})"), {"months": default})))
        hint = KIND_HINTS.get(kind)
        self.hint.setText(tr(hint) if hint else "")
        self.hint.setVisible(hint is not None)

    def record(self) -> BackupRecord:
        """The record as the dialog now describes it (the same id when editing)."""
        base = self._record or BackupRecord(id=new_id(), kind=BackupKind.RECOVERY_PHRASE)
        kind = BackupKind(self.kind.currentData())
        return replace(
            base,
            kind=kind,
            account_id=self.account.currentData() or None,
            location=self.location.text().strip(),
            copies=self.copies.value(),
            done=self.made.value(),
            tested=self.tested_on.value(),
            cadence_months=self.cadence.value() or None,
        )

"""The Backups page: the register with its findings and due dates, the phrase test,
Anjian's own encrypted export, and the security report.

What is due is computed by core from the records and the time; this page only
shows it, in words (never by colour alone), and sends every change through
the page context to the keyring worker.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timezone
from typing import Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QResizeEvent, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QScrollArea,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from anjian.core.backups.register import (
    KIND_NAMES,
    TESTABLE,
    BackupKind,
    BackupRecord,
    finding_text,
    findings,
    snooze,
)
from anjian.core.state import State
from anjian.i18n import N_, Text
from anjian.service import StorageStatus
from anjian.ui import messages, report_export, state_transfer
from anjian.ui.context import PageContext
from anjian.ui.sections import Section
from anjian.ui.pages import heading_font, wrapping_label

SNOOZE_DAYS = 7
_COLUMNS = (N_("Item"), N_("Account"), N_("Where it is kept"), N_("Copies"), N_("Made"),
            N_("Tested"), N_("Next due"), N_("Needs attention"))


def _day(moment: datetime | None) -> str:
    return moment.astimezone().date().isoformat() if moment is not None else "—"


class BackupsPage(QScrollArea):
    """The backup register and Anjian's own backup."""

    def __init__(self, section: Section, context: PageContext, parent: QWidget) -> None:
        super().__init__(parent)
        self.section = section
        self._context = context
        self._records: tuple[BackupRecord, ...] = ()
        self.setWidgetResizable(True)
        self.setFrameShape(QScrollArea.Shape.NoFrame)
        body = QWidget(self)
        self.setWidget(body)
        column = QVBoxLayout(body)
        column.setContentsMargins(28, 24, 28, 28)
        column.setSpacing(12)

        self.title = QLabel(body)
        heading_font(self.title, 1.6)
        self.summary = wrapping_label(body)
        self.attention = wrapping_label(body, bold=True)
        self.table = QTableWidget(0, len(_COLUMNS), body)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(len(_COLUMNS) - 1, QHeaderView.ResizeMode.Stretch)
        # Rows wrap in the last column: size them again whenever the columns get their widths.
        header.sectionResized.connect(lambda *_a: self._fit_later.start())
        self._fit_later = QTimer(self)
        self._fit_later.setSingleShot(True)
        self._fit_later.setInterval(0)
        self._fit_later.timeout.connect(self._fit_rows)
        self.table.itemSelectionChanged.connect(self._selection_changed)
        self.table.doubleClicked.connect(self._edit)

        buttons = QHBoxLayout()
        self.add_button = QPushButton(body)
        self.edit_button = QPushButton(body)
        self.phrase_button = QPushButton(body)
        self.done_button = QPushButton(body)
        self.snooze_button = QPushButton(body)
        self.remove_button = QPushButton(body)
        for button, slot in ((self.add_button, self._add), (self.edit_button, self._edit),
                             (self.phrase_button, self._phrase_test),
                             (self.done_button, self._done_today),
                             (self.snooze_button, self._snooze),
                             (self.remove_button, self._remove)):
            button.clicked.connect(slot)
            buttons.addWidget(button)
        buttons.addStretch(1)

        self.own_box = QGroupBox(body)
        own = QVBoxLayout(self.own_box)
        self.own_text = wrapping_label(self.own_box)
        own.addWidget(self.own_text)
        own_buttons = QHBoxLayout()
        self.export_button = QPushButton(self.own_box)
        self.import_button = QPushButton(self.own_box)
        self.undo_import_button = QPushButton(self.own_box)
        self.export_button.clicked.connect(lambda: state_transfer.export_state(context, self))
        self.import_button.clicked.connect(lambda: state_transfer.import_state(context, self))
        self.undo_import_button.clicked.connect(
            lambda: state_transfer.restore_previous(context, self))
        for button in (self.export_button, self.import_button, self.undo_import_button):
            own_buttons.addWidget(button)
        own_buttons.addStretch(1)
        own.addLayout(own_buttons)

        self.report_box = QGroupBox(body)
        reports = QVBoxLayout(self.report_box)
        self.report_text = wrapping_label(self.report_box)
        reports.addWidget(self.report_text)
        report_buttons = QHBoxLayout()
        self.report_pdf_button = QPushButton(self.report_box)
        self.report_html_button = QPushButton(self.report_box)
        self.report_preview_button = QPushButton(self.report_box)
        build = _security_report
        self.report_pdf_button.clicked.connect(
            lambda: report_export.save(context, self, build, "pdf", "anjian-report"))
        self.report_html_button.clicked.connect(
            lambda: report_export.save(context, self, build, "html", "anjian-report"))
        self.report_preview_button.clicked.connect(
            lambda: report_export.preview(context, self, build))
        for button in (self.report_pdf_button, self.report_html_button,
                       self.report_preview_button):
            report_buttons.addWidget(button)
        report_buttons.addStretch(1)
        reports.addLayout(report_buttons)

        for widget in (self.title, self.summary, self.attention, self.table):
            column.addWidget(widget)
        column.addLayout(buttons)
        column.addWidget(self.own_box)
        column.addWidget(self.report_box)
        column.addStretch(1)

        context.state_changed.connect(self._show_state)
        context.language.changed.connect(self.retranslate)
        if context.status is not None:
            self._show_state(context.status)
        self.retranslate()

    # -- showing -------------------------------------------------------------------

    def _show_state(self, status: StorageStatus) -> None:
        state = status.snapshot.state
        self._records = state.backups if state is not None else ()
        self.undo_import_button.setEnabled(state is not None and any(
            s.purpose == "pre-import-state" for s in state.secrets))
        self._fill()

    def _state(self) -> State | None:
        return self._context.state

    def _fill(self) -> None:
        tr = self._context.language.translate
        now = datetime.now(timezone.utc)
        state = self._state()
        selected = self.selected()
        self.table.setRowCount(len(self._records))
        pending = 0
        for row, record in enumerate(self._records):
            found = findings(record, now)
            pending += bool(found)
            account = state.account(record.account_id) if state and record.account_id else None
            due = record.due()
            due_text = _day(due)
            if record.snoozed_until is not None and now < record.snoozed_until:
                due_text = tr(Text(N_("{due} (reminder snoozed until {until})"),
                                   {"due": due_text, "until": _day(record.snoozed_until)}))
            cells = (
                tr(KIND_NAMES[record.kind]),
                account.name if account else "—",
                record.location or "—",
                str(record.copies),
                _day(record.done),
                _day(record.tested) if record.kind in TESTABLE else tr(N_("(not tested)")),
                due_text,
                "\n".join(tr(finding_text(record, f)) for f in found) or tr(N_("Nothing")),
            )
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, record.id)
                self.table.setItem(row, col, item)
        self._fit_rows()
        if selected is not None:
            self._select(selected.id)
        if not self._records:
            self.attention.setText(tr(N_("Nothing is registered yet. Add what you have backed "
                                         "up: recovery phrases, keys, recovery codes, "
                                         "transaction records.")))
        elif pending:
            self.attention.setText(tr(Text(N_("{count} of {total} backups need attention."),
                                           {"count": pending, "total": len(self._records)})))
        else:
            self.attention.setText(tr(N_("Every backup is up to date.")))
        self._selection_changed()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt's name
        """Fit the rows once the page is laid out at its real width."""
        super().showEvent(event)
        self._fit_later.start()

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt's name
        """Fit the rows again at the new width."""
        super().resizeEvent(event)
        self._fit_later.start()

    def _fit_rows(self) -> None:
        """Rows as tall as their wrapped text, the table as tall as its rows (within limits)."""
        self.table.resizeRowsToContents()
        for row in range(self.table.rowCount()):  # a little air around wrapped lines
            self.table.setRowHeight(row, self.table.rowHeight(row) + 6)
        rows = sum(self.table.rowHeight(r) for r in range(self.table.rowCount()))
        height = self.table.horizontalHeader().height() + rows + 2 * self.table.frameWidth() + 4
        self.table.setFixedHeight(max(120, min(height, 480)))
        body = self.widget()
        if body is not None and body.layout() is not None:
            body.layout().activate()

    def retranslate(self) -> None:
        """Render every text in the current language."""
        tr = self._context.language.translate
        self.title.setText(tr(self.section.title))
        self.summary.setText(tr(self.section.summary))
        self.setAccessibleName(tr(self.section.title))
        self.table.setHorizontalHeaderLabels([tr(c) for c in _COLUMNS])
        self.table.setAccessibleName(tr(N_("Backup register")))
        texts = {
            self.add_button: N_("Add…"), self.edit_button: N_("Edit…"),
            self.phrase_button: N_("Test the phrase…"),
            self.done_button: N_("Done today"),
            self.snooze_button: N_("Remind me in a week"),
            self.remove_button: N_("Remove"),
            self.export_button: N_("Export…"), self.import_button: N_("Import…"),
            self.undo_import_button: N_("Undo the last import"),
            self.report_pdf_button: N_("Save as PDF…"),
            self.report_html_button: N_("Save as HTML…"),
            self.report_preview_button: N_("Print preview…"),
        }
        for button, text in texts.items():
            button.setText(tr(text))
            button.setAccessibleName(tr(text).rstrip("…"))
        self.done_button.setToolTip(tr(N_("Record that the selected backup was made or "
                                          "tested today.")))
        self.own_box.setTitle(tr(N_("Anjian's own backup")))
        self.own_text.setText(tr(N_(
            "Everything Anjian records, secrets included, in one file encrypted with a "
            "passphrase: to move to a new computer or to keep offline. Importing replaces the "
            "state here; the replaced one is kept so that the import can be undone.")))
        self.report_box.setTitle(tr(N_("Security report")))
        self.report_text.setText(tr(N_(
            "Findings, due items and a summary per account, to print or keep. It never "
            "contains a password, a recovery phrase or a two-step verification secret.")))
        self._fill()

    # -- the selection and its actions ----------------------------------------------

    def selected(self) -> BackupRecord | None:
        """The record of the selected row, if any."""
        items = self.table.selectedItems()
        if not items:
            return None
        record_id = items[0].data(Qt.ItemDataRole.UserRole)
        return next((r for r in self._records if r.id == record_id), None)

    def _select(self, record_id: str) -> None:
        for row in range(self.table.rowCount()):
            item = self.table.item(row, 0)
            if item is not None and item.data(Qt.ItemDataRole.UserRole) == record_id:
                self.table.selectRow(row)
                return

    def _selection_changed(self) -> None:
        record = self.selected()
        for button in (self.edit_button, self.done_button, self.snooze_button,
                       self.remove_button):
            button.setEnabled(record is not None)
        self.phrase_button.setEnabled(record is not None
                                      and record.kind is BackupKind.RECOVERY_PHRASE)

    def _save(self, record: BackupRecord) -> None:
        self._context.call(lambda service: service.save_backup(record),
                           self._context.state_changed.emit)

    def _add(self) -> None:
        self.open_editor(None)

    def _edit(self, *_args: Any) -> None:
        record = self.selected()
        if record is not None:
            self.open_editor(record)

    def open_editor(self, record: BackupRecord | None) -> Any:
        """The add/edit dialog (window-modal); saving it saves the record."""
        from anjian.ui.backup_editor import BackupEditor

        dialog = BackupEditor(self._context.language, self._state(), record, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self._save(dialog.record()))
        dialog.open()
        return dialog

    def _phrase_test(self) -> None:
        record = self.selected()
        if record is not None:
            self.open_phrase_test(record)

    def open_phrase_test(self, record: BackupRecord) -> Any:
        """The recovery-phrase test for ``record`` (window-modal)."""
        from anjian.ui.phrase_dialog import PhraseDialog

        dialog = PhraseDialog(self._context, record, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def _done_today(self) -> None:
        record = self.selected()
        if record is None:
            return
        now = datetime.now(timezone.utc)
        if record.kind in TESTABLE and record.done is not None:
            self._save(replace(record, tested=now, snoozed_until=None))
        else:
            self._save(replace(record, done=now, snoozed_until=None))

    def _snooze(self) -> None:
        record = self.selected()
        if record is not None:
            self._save(snooze(record, datetime.now(timezone.utc), SNOOZE_DAYS))

    def _remove(self) -> None:
        record = self.selected()
        if record is None:
            return
        tr = self._context.language.translate
        if not messages.confirm(self, tr(N_("Remove")), tr(N_(
                "Remove this backup from the register? The backup itself is not touched; "
                "Anjian only forgets what it recorded about it.")), tr(N_("Remove"))):
            return
        record_id = record.id
        self._context.call(lambda service: service.delete_backup(record_id),
                           self._context.state_changed.emit)


def _security_report(service: Any) -> Any:
    return service.security_report()

"""The Incident page: choose the stolen account, work through its playbook step by step.

Each step is checked off with its time and notes; evidence (transaction ids,
login records, screenshots' file paths) is listed; the incident can be
paused and resumed, closed ones stay in the list as history; the report goes
to PDF, HTML or the printer. The steps come from core's playbook; a step that
another section helps with has a button that opens it.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from PySide6.QtCore import QDateTime, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateTimeEdit,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from anjian.core.incidents import incident as core
from anjian.core.incidents.playbook import STEPS
from anjian.core.incidents.support import pinned_support
from anjian.core.reports.content import ACCOUNT_KIND_NAMES
from anjian.core.state import new_id
from anjian.i18n import N_, Text
from anjian.service import StorageStatus
from anjian.ui import report_export
from anjian.ui.context import PageContext
from anjian.ui.pages import heading_font, wrapping_label
from anjian.ui.sections import SECTIONS, Section

_SECTION_TITLES = {s.id: s.title for s in SECTIONS}


def _when(moment: datetime | None) -> str:
    return moment.astimezone().strftime("%Y-%m-%d %H:%M") if moment else "—"


class StepRow(QFrame):
    """One playbook step: check box with the title, the detail, when done, notes."""

    def __init__(self, page: IncidentPage, step_id: str, number: int) -> None:
        super().__init__(page.steps_box)
        self.step_id = step_id
        self.setObjectName("stepRow")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        grid = QGridLayout(self)
        grid.setContentsMargins(10, 8, 10, 8)
        self.check = QCheckBox(self)
        self.detail = wrapping_label(self)
        self.done_at = wrapping_label(self)
        self.done_at.setWordWrap(False)  # "Done 2026-05-04 10:00" reads as one unit
        self.notes = QLineEdit(self)
        self.notes.setMaxLength(4000)
        step = STEPS.get(step_id)
        self.section_id = step.section if step else None
        self.link = QPushButton(self)
        self.link.setAccessibleName(step_id)  # replaced by the section's name when shown
        self.link.setVisible(self.section_id is not None)
        self.number = number
        grid.addWidget(self.check, 0, 0, 1, 2)
        grid.addWidget(self.done_at, 0, 2, Qt.AlignmentFlag.AlignRight)
        grid.addWidget(self.detail, 1, 0, 1, 3)
        grid.addWidget(self.notes, 2, 0, 1, 2)
        grid.addWidget(self.link, 2, 2)
        grid.setColumnStretch(1, 1)
        self.check.clicked.connect(lambda checked: page.check_step(step_id, checked))
        self.notes.editingFinished.connect(lambda: page.save_notes(step_id, self.notes.text()))
        self.link.clicked.connect(lambda: page.open_section(self.section_id))

    def show_record(self, record: core.StepRecord, editable: bool, tr: Any) -> None:
        step = STEPS.get(self.step_id)
        title = tr(step.title) if step else self.step_id
        self.check.setText(f"{self.number}. {title}")
        self.check.setAccessibleName(title)
        self.check.setChecked(record.done_at is not None)
        self.check.setEnabled(editable)
        self.detail.setText(tr(step.detail) if step else "")
        self.done_at.setText(tr(Text(N_("Done {time}"), {"time": _when(record.done_at)}))
                             if record.done_at else tr(N_("Not done yet")))
        if not self.notes.hasFocus():
            self.notes.setText(record.notes)
        self.notes.setEnabled(editable)
        self.notes.setPlaceholderText(tr(N_("Notes: case number, who you spoke to, what they "
                                            "said")))
        self.notes.setAccessibleName(tr(Text(N_("Notes for step {number}"),
                                             {"number": self.number})))
        if self.section_id:
            text = tr(Text(N_("Open {section}"),
                           {"section": tr(_SECTION_TITLES[self.section_id])}))
            self.link.setText(text.replace("&", "&&"))  # "Links & numbers": no mnemonic
            self.link.setAccessibleName(text)


class IncidentPage(QScrollArea):
    """The stolen-account playbook, its evidence and its report."""

    def __init__(self, section: Section, context: PageContext, parent: QWidget) -> None:
        super().__init__(parent)
        self.section = section
        self._context = context
        self._rows: list[StepRow] = []
        self._rows_for: str | None = None
        self.setWidgetResizable(True)
        self.setFrameShape(QScrollArea.Shape.NoFrame)
        body = QWidget(self)
        self.setWidget(body)
        column = QVBoxLayout(body)
        column.setContentsMargins(28, 24, 28, 28)
        column.setSpacing(12)
        self.title = wrapping_label(body)
        heading_font(self.title, 1.6)
        self.summary = wrapping_label(body)

        start = QHBoxLayout()
        self.account_label = QLabel(body)
        self.account = QComboBox(body)
        self.start_button = QPushButton(body)
        self.start_button.clicked.connect(self._start)
        start.addWidget(self.account_label)
        start.addWidget(self.account, 1)
        start.addWidget(self.start_button)
        self.no_accounts = wrapping_label(body)
        self.accounts_button = QPushButton(body)
        self.accounts_button.clicked.connect(lambda: self.open_section("accounts"))

        choose = QHBoxLayout()
        self.incident_label = QLabel(body)
        self.incident = QComboBox(body)
        self.incident.currentIndexChanged.connect(self._show_incident)
        choose.addWidget(self.incident_label)
        choose.addWidget(self.incident, 1)

        status_row = QHBoxLayout()
        self.status = wrapping_label(body, bold=True)
        self.pause_button = QPushButton(body)
        self.close_button = QPushButton(body)
        self.pause_button.clicked.connect(self._pause_or_resume)
        self.close_button.clicked.connect(self._close_or_reopen)
        status_row.addWidget(self.status, 1)
        status_row.addWidget(self.pause_button)
        status_row.addWidget(self.close_button)
        self.support = wrapping_label(body)

        self.steps_box = QGroupBox(body)
        self.steps_layout = QVBoxLayout(self.steps_box)

        self.evidence_box = QGroupBox(body)
        evidence = QVBoxLayout(self.evidence_box)
        self.evidence = QTableWidget(0, 4, self.evidence_box)
        self.evidence.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.evidence.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.evidence.verticalHeader().hide()
        self.evidence.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.evidence.setMinimumHeight(120)
        add = QHBoxLayout()
        self.evidence_kind = QComboBox(self.evidence_box)
        for kind in core.EvidenceKind:
            self.evidence_kind.addItem("", kind.value)
        self.evidence_value = QLineEdit(self.evidence_box)
        self.evidence_value.setMaxLength(4000)
        self.evidence_known = QCheckBox(self.evidence_box)
        self.evidence_when = QDateTimeEdit(QDateTime.currentDateTime(), self.evidence_box)
        self.evidence_when.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.evidence_when.setEnabled(False)
        self.evidence_known.toggled.connect(self.evidence_when.setEnabled)
        self.add_evidence_button = QPushButton(self.evidence_box)
        self.remove_evidence_button = QPushButton(self.evidence_box)
        self.add_evidence_button.clicked.connect(self._add_evidence)
        self.remove_evidence_button.clicked.connect(self._remove_evidence)
        self.evidence_value.returnPressed.connect(self._add_evidence)
        for widget in (self.evidence_kind, self.evidence_value, self.evidence_known,
                       self.evidence_when, self.add_evidence_button):
            add.addWidget(widget, 1 if widget is self.evidence_value else 0)
        evidence.addWidget(self.evidence)
        evidence.addLayout(add)
        evidence.addWidget(self.remove_evidence_button, 0, Qt.AlignmentFlag.AlignLeft)

        reports = QHBoxLayout()
        self.report_pdf_button = QPushButton(body)
        self.report_html_button = QPushButton(body)
        self.report_preview_button = QPushButton(body)
        self.report_pdf_button.clicked.connect(lambda: self._report("pdf"))
        self.report_html_button.clicked.connect(lambda: self._report("html"))
        self.report_preview_button.clicked.connect(self._preview)
        for button in (self.report_pdf_button, self.report_html_button,
                       self.report_preview_button):
            reports.addWidget(button)
        reports.addStretch(1)

        column.addWidget(self.title)
        column.addWidget(self.summary)
        column.addLayout(start)
        column.addWidget(self.no_accounts)
        column.addWidget(self.accounts_button, 0, Qt.AlignmentFlag.AlignLeft)
        column.addLayout(choose)
        column.addLayout(status_row)
        column.addWidget(self.support)
        column.addWidget(self.steps_box)
        column.addWidget(self.evidence_box)
        column.addLayout(reports)
        column.addStretch(1)

        context.state_changed.connect(self._show_state)
        context.language.changed.connect(self.retranslate)
        self.retranslate()
        if context.status is not None:
            self._show_state(context.status)

    # -- showing -------------------------------------------------------------------

    def current(self) -> core.Incident | None:
        """The incident chosen in the list, as last saved."""
        state = self._context.state
        incident_id = self.incident.currentData()
        if state is None or not incident_id:
            return None
        return next((i for i in state.incidents if i.id == incident_id), None)

    def _show_state(self, _status: StorageStatus | None = None) -> None:
        tr = self._context.language.translate
        state = self._context.state
        accounts = state.accounts if state else ()
        chosen_account = self.account.currentData()
        self.account.blockSignals(True)
        self.account.clear()
        for account in accounts:
            self.account.addItem(f"{account.name} ({tr(ACCOUNT_KIND_NAMES[account.kind])})",
                                 account.id)
        if chosen_account:
            self.account.setCurrentIndex(max(self.account.findData(chosen_account), 0))
        self.account.blockSignals(False)
        self.start_button.setEnabled(bool(accounts))
        self.no_accounts.setVisible(not accounts)
        self.accounts_button.setVisible(not accounts)

        chosen = self.incident.currentData()
        incidents = state.incidents if state else ()
        self.incident.blockSignals(True)
        self.incident.clear()
        # Newest first; closed ones stay as history.
        for item in sorted(incidents, key=lambda i: i.opened, reverse=True):
            self.incident.addItem(tr(Text(N_("{account}, opened {time}: {status}"), {
                "account": item.account_name, "time": _when(item.opened),
                "status": tr(core.STATUS_NAMES[item.status])})), item.id)
        if chosen:
            self.incident.setCurrentIndex(max(self.incident.findData(chosen), 0))
        self.incident.blockSignals(False)
        self._show_incident()

    def _show_incident(self, *_args: Any) -> None:
        tr = self._context.language.translate
        incident = self.current()
        for widget in (self.steps_box, self.evidence_box, self.status, self.pause_button,
                       self.close_button, self.support, self.report_pdf_button,
                       self.report_html_button, self.report_preview_button):
            widget.setVisible(incident is not None)
        self.incident.setEnabled(self.incident.count() > 0)
        if incident is None:
            return
        editable = incident.status is core.Status.OPEN
        status = tr(Text(N_("{status}: {done} of {total} steps done."), {
            "status": tr(core.STATUS_NAMES[incident.status]), "done": incident.done_count,
            "total": len(incident.steps)}))
        if incident.status is core.Status.PAUSED:
            status += " " + tr(N_("Resume to check off more steps."))
        self.status.setText(status)
        self.pause_button.setText(tr(N_("Resume") if incident.status is core.Status.PAUSED
                                     else N_("Pause")))
        self.pause_button.setEnabled(incident.status is not core.Status.CLOSED)
        self.close_button.setText(tr(N_("Reopen") if incident.status is core.Status.CLOSED
                                     else N_("Close the incident")))
        for button in (self.pause_button, self.close_button):
            button.setAccessibleName(button.text())
        state = self._context.state
        channel = pinned_support(state, incident.account_id) if state else None
        self.support.setText(tr(Text(N_("Official support channel: {channel}"),
                                     {"channel": channel})) if channel else tr(N_(
            "No official support channel is recorded for this account. Find it in the official "
            "app or on the official website, never in search results.")))
        if self._rows_for != incident.id:
            self._build_rows(incident)
        for row, record in zip(self._rows, incident.steps):
            row.show_record(record, editable, tr)
        self._show_evidence(incident)

    def _build_rows(self, incident: core.Incident) -> None:
        for row in self._rows:
            self.steps_layout.removeWidget(row)
            row.deleteLater()
        self._rows = [StepRow(self, record.step_id, number)
                      for number, record in enumerate(incident.steps, 1)]
        for row in self._rows:
            self.steps_layout.addWidget(row)
        self._rows_for = incident.id

    def _show_evidence(self, incident: core.Incident) -> None:
        tr = self._context.language.translate
        self.evidence.setRowCount(len(incident.evidence))
        for row, item in enumerate(incident.evidence):
            cells = (tr(core.EVIDENCE_NAMES[item.kind]), item.value, _when(item.when), item.notes)
            for col, text in enumerate(cells):
                cell = QTableWidgetItem(text)
                cell.setData(Qt.ItemDataRole.UserRole, item.id)
                self.evidence.setItem(row, col, cell)
        can_add = incident.status is not core.Status.CLOSED
        for widget in (self.evidence_kind, self.evidence_value, self.evidence_known,
                       self.add_evidence_button, self.remove_evidence_button):
            widget.setEnabled(can_add)

    def retranslate(self) -> None:
        """Render every text in the current language."""
        tr = self._context.language.translate
        self.title.setText(tr(self.section.title))
        self.summary.setText(tr(self.section.summary))
        self.setAccessibleName(tr(self.section.title))
        self.account_label.setText(tr(N_("Stolen account:")))
        self.account.setAccessibleName(tr(N_("Stolen account")))
        self.start_button.setText(tr(N_("Start the playbook")))
        self.no_accounts.setText(tr(N_("Add the account on the Accounts page first.")))
        self.accounts_button.setText(tr(N_("Open Accounts")))
        self.incident_label.setText(tr(N_("Incident:")))
        self.incident.setAccessibleName(tr(N_("Incident")))
        self.steps_box.setTitle(tr(N_("Steps, in this order")))
        self.evidence_box.setTitle(tr(N_("Evidence")))
        self.evidence.setHorizontalHeaderLabels([tr(N_("Kind")), tr(N_("Value")),
                                                 tr(N_("When it happened")), tr(N_("Notes"))])
        self.evidence.setAccessibleName(tr(N_("Evidence")))
        for index, kind in enumerate(core.EvidenceKind):
            self.evidence_kind.setItemText(index, tr(core.EVIDENCE_NAMES[kind]))
        self.evidence_kind.setAccessibleName(tr(N_("Kind of evidence")))
        self.evidence_value.setPlaceholderText(tr(N_("Transaction id, login record, or the "
                                                     "screenshot's file path")))
        self.evidence_value.setAccessibleName(tr(N_("Evidence")))
        self.evidence_known.setText(tr(N_("Happened at")))
        self.evidence_when.setAccessibleName(tr(N_("When it happened")))
        self.add_evidence_button.setText(tr(N_("Add")))
        self.add_evidence_button.setAccessibleName(tr(N_("Add evidence")))
        self.remove_evidence_button.setText(tr(N_("Remove the selected evidence")))
        self.report_pdf_button.setText(tr(N_("Save the report as PDF…")))
        self.report_html_button.setText(tr(N_("Save as HTML…")))
        self.report_preview_button.setText(tr(N_("Print preview…")))
        # Named here too: before any incident is chosen they have no text yet.
        self.pause_button.setAccessibleName(tr(N_("Pause or resume the incident")))
        self.close_button.setAccessibleName(tr(N_("Close or reopen the incident")))
        for button in (self.start_button, self.accounts_button, self.remove_evidence_button,
                       self.report_pdf_button, self.report_html_button,
                       self.report_preview_button):
            button.setAccessibleName(button.text().rstrip("…"))
        self._rows_for = None  # rebuild the steps in the new language
        self._show_state()

    # -- changes (all through the worker) --------------------------------------------

    def _change(self, change: Any) -> None:
        incident = self.current()
        if incident is None:
            return
        incident_id = incident.id
        self._context.call(lambda service: service.change_incident(incident_id, change),
                           self._context.state_changed.emit)

    def _start(self) -> None:
        account_id = self.account.currentData()
        if not account_id:
            return

        def started(status: StorageStatus) -> None:
            newest = max((i for i in status.snapshot.state.incidents
                          if i.account_id == account_id), key=lambda i: i.opened)
            self._context.state_changed.emit(status)
            self.incident.setCurrentIndex(self.incident.findData(newest.id))

        self._context.call(lambda service: service.open_incident(account_id), started)

    def check_step(self, step_id: str, checked: bool) -> None:
        """Check a step off now, or undo that."""
        if checked:
            self._change(lambda incident, now: core.check_step(incident, step_id, now))
        else:
            self._change(lambda incident, _now: core.uncheck_step(incident, step_id))

    def save_notes(self, step_id: str, notes: str) -> None:
        """Save a step's notes if they changed."""
        incident = self.current()
        record = incident.step(step_id) if incident else None
        if record is None or record.notes == notes or incident.status is not core.Status.OPEN:
            return
        self._change(lambda item, _now: core.set_notes(item, step_id, notes))

    def _pause_or_resume(self) -> None:
        incident = self.current()
        if incident is not None:
            what = "resumed" if incident.status is core.Status.PAUSED else "paused"
            self._change(lambda item, now: core.transition(item, what, now))

    def _close_or_reopen(self) -> None:
        incident = self.current()
        if incident is not None:
            what = "reopened" if incident.status is core.Status.CLOSED else "closed"
            self._change(lambda item, now: core.transition(item, what, now))

    def _add_evidence(self) -> None:
        value = self.evidence_value.text().strip()
        if not value or self.current() is None:
            return
        kind = core.EvidenceKind(self.evidence_kind.currentData())
        when = (self.evidence_when.dateTime().toPython().astimezone()
                if self.evidence_known.isChecked() else None)
        evidence_id = new_id()
        self._change(lambda item, now: core.add_evidence(
            item, core.Evidence(evidence_id, kind, value, now, when=when)))
        self.evidence_value.clear()

    def _remove_evidence(self) -> None:
        items = self.evidence.selectedItems()
        if items:
            evidence_id = items[0].data(Qt.ItemDataRole.UserRole)
            self._change(lambda item, _now: core.remove_evidence(item, evidence_id))

    def open_section(self, section_id: str | None) -> None:
        """Show another section's page, if the window offers that."""
        opener = getattr(self._context, "open_section", None)
        if section_id and callable(opener):
            opener(section_id)

    def _report(self, kind: str) -> None:
        incident = self.current()
        if incident is not None:
            incident_id = incident.id
            report_export.save(self._context, self,
                               lambda service: service.incident_report(incident_id), kind,
                               "anjian-incident")

    def _preview(self) -> None:
        incident = self.current()
        if incident is not None:
            incident_id = incident.id
            report_export.preview(self._context, self,
                                  lambda service: service.incident_report(incident_id))


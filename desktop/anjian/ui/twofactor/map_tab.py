"""The 2FA map: for each account, how it confirms that it is you, and what is weak.

Accounts come from the state (the Accounts page adds them). A table lists them
with what is recorded; the form under it edits the selected account's record;
the findings below say what needs attention, each with its urgency in words.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timezone

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from anjian.core.state import State
from anjian.core.twofactor.checks import backed_up
from anjian.core.twofactor.records import (
    METHOD_NAMES,
    WEAKER_BECAUSE,
    AccountName,
    Method,
    Severity,
    TwoFactorRecord,
    findings,
)
from anjian.i18n import N_, Text
from anjian.ui.context import PageContext
from anjian.ui.pages import wrapping_label

_SEVERITY_WORDS = {
    Severity.HIGH: N_("Urgent"),
    Severity.MEDIUM: N_("Should fix"),
    Severity.LOW: N_("To record"),
}
_COLUMNS = (N_("Account"), N_("Method"), N_("Held by"), N_("Recovery codes"),
            N_("Last verified"))


class MapTab(QWidget):
    """The 2FA map of every account."""

    def __init__(self, context: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self._state: State | None = None
        column = QVBoxLayout(self)
        column.setContentsMargins(16, 14, 16, 14)
        column.setSpacing(10)
        self.empty = wrapping_label(self)
        column.addWidget(self.empty)

        self.table = QTableWidget(0, len(_COLUMNS), self)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.itemSelectionChanged.connect(self._selected)
        column.addWidget(self.table, 2)

        self.form_box = QWidget(self)
        form = QFormLayout(self.form_box)
        form.setContentsMargins(0, 0, 0, 0)
        # Says whose record the form edits: the selected row alone was easy to miss.
        self.form_heading = QLabel(self.form_box)
        self.form_heading.setTextFormat(Qt.TextFormat.PlainText)
        heading_font = self.form_heading.font()
        heading_font.setBold(True)
        self.form_heading.setFont(heading_font)
        form.addRow(self.form_heading)
        self.method = QComboBox(self.form_box)
        for _method in Method:
            self.method.addItem("")
        self.method.currentIndexChanged.connect(self._render_weaker)
        self.device = QLineEdit(self.form_box)
        self.recovery = QLineEdit(self.form_box)
        self.verified = QCheckBox(self.form_box)
        self.weaker = wrapping_label(self.form_box)
        self.save_button = QPushButton(self.form_box)
        self.save_button.clicked.connect(self.save)
        self.method_label, self.device_label, self.recovery_label = (
            QLabel(self.form_box), QLabel(self.form_box), QLabel(self.form_box))
        form.addRow(self.method_label, self.method)
        form.addRow("", self.weaker)
        form.addRow(self.device_label, self.device)
        form.addRow(self.recovery_label, self.recovery)
        buttons = QHBoxLayout()
        buttons.addWidget(self.verified)
        buttons.addStretch(1)
        buttons.addWidget(self.save_button)
        form.addRow(buttons)
        for label, field in ((self.method_label, self.method), (self.device_label, self.device),
                             (self.recovery_label, self.recovery)):
            label.setBuddy(field)
        column.addWidget(self.form_box)

        self.findings_heading = QLabel(self)
        bold = self.findings_heading.font()
        bold.setBold(True)
        self.findings_heading.setFont(bold)
        self.findings = wrapping_label(self)
        column.addWidget(self.findings_heading)
        column.addWidget(self.findings, 1, Qt.AlignmentFlag.AlignTop)
        self.retranslate()

    # -- the state -----------------------------------------------------------------

    def show_state(self, state: State | None) -> None:
        """Show the map of ``state``, keeping the selected account if it is still there."""
        selected = self.selected_account_id()
        self._state = state
        accounts = state.accounts if state else ()
        self.table.blockSignals(True)
        self.table.setRowCount(len(accounts))
        for row, account in enumerate(accounts):
            for col in range(len(_COLUMNS)):
                item = QTableWidgetItem()
                item.setData(Qt.ItemDataRole.UserRole, account.id)
                self.table.setItem(row, col, item)
            if account.id == selected:
                self.table.selectRow(row)
        self.table.blockSignals(False)
        if self.table.currentRow() < 0 and accounts:
            self.table.selectRow(0)
        self._render()
        self._selected()

    def selected_account_id(self) -> str | None:
        """The id of the account whose record the form edits."""
        item = self.table.item(self.table.currentRow(), 0) if self.table.currentRow() >= 0 else None
        return item.data(Qt.ItemDataRole.UserRole) if item else None

    def select_account(self, account_id: str) -> None:
        """Select an account's row (and load its record into the form)."""
        for row in range(self.table.rowCount()):
            if self.table.item(row, 0).data(Qt.ItemDataRole.UserRole) == account_id:
                self.table.selectRow(row)

    def save(self) -> None:
        """Save the form as the selected account's record."""
        account_id = self.selected_account_id()
        if account_id is None or self._state is None:
            return
        previous = self._state.two_factor.record(account_id)
        verified = datetime.now(timezone.utc) if self.verified.isChecked() else (
            previous.last_verified if previous else None)
        record = TwoFactorRecord(
            account_id=account_id,
            method=self.chosen_method(),
            device=self.device.text().strip(),
            recovery_codes=self.recovery.text().strip(),
            last_verified=verified,
        )
        self._context.change_state(lambda state: replace(
            state, two_factor=state.two_factor.with_record(record)))

    def _selected(self) -> None:
        account_id = self.selected_account_id()
        record = self._state.two_factor.record(account_id) if (self._state and account_id) \
            else None
        method = record.method if record else Method.NONE
        self.method.setCurrentIndex(list(Method).index(method))
        self.device.setText(record.device if record else "")
        self.recovery.setText(record.recovery_codes if record else "")
        self.verified.setChecked(False)
        self._render_form_heading()
        self._render_weaker()

    def _render_form_heading(self) -> None:
        account_id = self.selected_account_id()
        account = next((a for a in self._state.accounts if a.id == account_id), None) \
            if self._state else None
        self.form_heading.setText(self._context.language.translate(Text(
            N_("How {account} confirms that it is you:"), {"account": account.name}))
            if account else "")

    # -- drawing ---------------------------------------------------------------------

    def retranslate(self) -> None:
        """Render every text in the current language."""
        tr = self._context.language.translate
        self._render_form_heading()
        self.empty.setText(tr(N_(
            "No accounts yet. Add your wallets, exchanges, payment and chat apps on the "
            "Accounts page; each one then appears here.")))
        self.table.setHorizontalHeaderLabels([tr(c) for c in _COLUMNS])
        self.table.setAccessibleName(tr(N_("Accounts and their two-step verification")))
        for index, method in enumerate(Method):
            self.method.setItemText(index, tr(METHOD_NAMES[method]))
        self.method_label.setText(tr(N_("&Method:")))
        self.device_label.setText(tr(N_("Held &by:")))
        self.recovery_label.setText(tr(N_("&Recovery codes kept:")))
        self.device.setPlaceholderText(tr(N_("Which phone, app or key, e.g. “iPhone, Google "
                                             "Authenticator”")))
        self.recovery.setPlaceholderText(tr(N_("Where, e.g. “printed, in the desk drawer”; "
                                               "never the codes themselves")))
        self.verified.setText(tr(N_("I checked today that it works")))
        self.save_button.setText(tr(N_("Save")))
        for widget, name in ((self.method, N_("Method")), (self.device, N_("Held by")),
                             (self.recovery, N_("Where the recovery codes are kept")),
                             (self.verified, N_("I checked today that it works")),
                             (self.save_button, N_("Save the record"))):
            widget.setAccessibleName(tr(name))
        self.findings_heading.setText(tr(N_("What needs attention")))
        self._render()

    def _render(self) -> None:
        tr = self._context.language.translate
        state = self._state
        accounts = state.accounts if state else ()
        self.empty.setVisible(not accounts)
        self.table.setVisible(bool(accounts))
        self.form_box.setVisible(bool(accounts))
        for row, account in enumerate(accounts):
            record = state.two_factor.record(account.id) if state else None
            values = (
                account.name,
                tr(METHOD_NAMES[record.method]) + (tr(N_(" (weaker)")) if record.is_weaker
                                                   else "") if record else tr(N_("Not recorded")),
                record.device if record else "",
                record.recovery_codes if record else "",
                record.last_verified.astimezone().strftime("%Y-%m-%d")
                if record and record.last_verified else "",
            )
            for col, value in enumerate(values):
                self.table.item(row, col).setText(value)
        found = findings(state.two_factor.records, [AccountName(a.id, a.name) for a in accounts],
                         backed_up(accounts, state.two_factor.vault)) if state else []
        self.findings_heading.setVisible(bool(found))
        self.findings.setText("\n".join(
            f"• {tr(_SEVERITY_WORDS[f.severity])}: {tr(f.text)}" for f in found))

    def chosen_method(self) -> Method:
        """The method chosen in the form (items are in :class:`Method` order)."""
        return list(Method)[max(0, self.method.currentIndex())]

    def _render_weaker(self) -> None:
        method = self.chosen_method()
        reason = WEAKER_BECAUSE.get(method)
        self.weaker.setVisible(reason is not None)
        if reason is not None:
            tr = self._context.language.translate
            self.weaker.setText(tr(Text(N_("Weaker: {reason}"), {"reason": tr(reason)})))

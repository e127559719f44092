"""The saved checks: each account's last result, reuse, last change, next review; the cadence.

Everything shown comes from the state (scores and findings, never a
password); every change goes through the page context to the keyring worker.
"""

from __future__ import annotations

from datetime import date, datetime

from PySide6.QtWidgets import (
    QAbstractItemView,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from anjian.core.passwords.feedback import SCORE_LABELS
from anjian.core.passwords.records import (
    MAX_REVIEW_MONTHS,
    MIN_REVIEW_MONTHS,
    REVIEW_EXPLANATION,
    review_due,
)
from anjian.core.state import State
from anjian.i18n import N_, Text
from anjian.ui.context import PageContext
from anjian.ui.pages import wrapping_label

COLUMNS = (N_("Account"), N_("Strength"), N_("Checked"), N_("Last changed"),
           N_("Same or similar password as"), N_("Next review"))


class SavedChecks(QGroupBox):
    """The table of saved checks, its actions and the review cadence."""

    def __init__(self, context: PageContext, parent: QWidget) -> None:
        super().__init__(parent)
        self._context = context
        self._account_ids: list[str] = []
        column = QVBoxLayout(self)
        self.intro = wrapping_label(self)
        self.table = QTableWidget(0, len(COLUMNS), self)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.setMinimumHeight(150)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        self.table.itemSelectionChanged.connect(self._selection_changed)
        buttons = QHBoxLayout()
        self.changed_button = QPushButton(self)
        self.forget_button = QPushButton(self)
        self.changed_button.clicked.connect(self._changed_today)
        self.forget_button.clicked.connect(self._forget)
        buttons.addWidget(self.changed_button)
        buttons.addWidget(self.forget_button)
        buttons.addStretch(1)
        cadence = QHBoxLayout()
        self.cadence_label = QLabel(self)
        self.cadence = QSpinBox(self)
        self.cadence.setRange(MIN_REVIEW_MONTHS, MAX_REVIEW_MONTHS)
        self.cadence.editingFinished.connect(self._cadence_changed)
        self.cadence_label.setBuddy(self.cadence)
        cadence.addWidget(self.cadence_label)
        cadence.addWidget(self.cadence)
        cadence.addStretch(1)
        self.cadence_why = wrapping_label(self)
        column.addWidget(self.intro)
        column.addWidget(self.table)
        column.addLayout(buttons)
        column.addLayout(cadence)
        column.addWidget(self.cadence_why)
        self._selection_changed()

    # -- showing -------------------------------------------------------------------

    def show_state(self, state: State | None) -> None:
        """Fill the table from ``state``."""
        tr = self._context.language.translate
        selected = self.selected()
        checks = [c for c in (state.passwords.checks if state else ())
                  if state is not None and state.account(c.account_id) is not None]
        self._account_ids = [c.account_id for c in checks]
        self.table.setRowCount(len(checks))
        months = state.passwords.review_months if state else self.cadence.value()
        for row, check in enumerate(checks):
            assert state is not None
            account = state.account(check.account_id)
            others = [state.account(a) for a in (*check.reused_with, *check.similar_to)]
            shared = ", ".join(a.name for a in others if a is not None)
            strength = tr(Text(N_("{label} ({score} of 4)"),
                               {"label": tr(SCORE_LABELS[check.score]), "score": check.score}))
            if check.in_leak_lists:
                strength += " · " + tr(N_("in leak lists"))
            cells = (account.name if account else "—", strength, _day(check.checked),
                     check.changed.isoformat() if check.changed else tr(N_("not recorded")),
                     shared or tr(N_("none")), review_due(check, months).isoformat())
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                self.table.setItem(row, col, item)
        if selected in self._account_ids:
            self.table.selectRow(self._account_ids.index(selected))
        if state is not None and not self.cadence.hasFocus():
            self.cadence.setValue(state.passwords.review_months)
        self._selection_changed()

    def retranslate(self) -> None:
        tr = self._context.language.translate
        self.setTitle(tr(N_("Saved results")))
        self.intro.setText(tr(N_(
            "For each account you save a result for, Anjian keeps the score, the date, and a "
            "keyed fingerprint in the keyring that finds the same password, or the same one "
            "with another number at the end, on your other accounts. Never the password.")))
        self.table.setHorizontalHeaderLabels([tr(c) for c in COLUMNS])
        self.table.setAccessibleName(tr(N_("Saved password results")))
        self.changed_button.setText(tr(N_("I changed this password today")))
        self.forget_button.setText(tr(N_("Forget this result")))
        self.cadence_label.setText(tr(N_("Review each password every")))
        self.cadence.setSuffix(" " + tr(N_("months")))
        self.cadence.setAccessibleName(tr(N_("Review interval in months")))
        self.cadence_why.setText(tr(REVIEW_EXPLANATION))
        self.show_state(self._context.state)

    def selected(self) -> str | None:
        rows = self.table.selectionModel().selectedRows()
        return self._account_ids[rows[0].row()] if rows else None

    def _selection_changed(self) -> None:
        chosen = self.selected() is not None
        self.changed_button.setEnabled(chosen)
        self.forget_button.setEnabled(chosen)

    # -- changes -------------------------------------------------------------------

    def _changed_today(self) -> None:
        account_id = self.selected()
        if account_id is None:
            return
        today = date.today()
        self._context.call(lambda s: s.set_password_changed(account_id, today),
                           self._context.state_changed.emit)

    def _forget(self) -> None:
        account_id = self.selected()
        if account_id is not None:
            self._context.call(lambda s: s.forget_password_check(account_id),
                               self._context.state_changed.emit)

    def _cadence_changed(self) -> None:
        months = self.cadence.value()
        state = self._context.state
        if state is not None and state.passwords.review_months == months:
            return
        self._context.call(lambda s: s.set_password_review_months(months),
                           self._context.state_changed.emit)


def _day(moment: datetime) -> str:
    return moment.astimezone().date().isoformat()

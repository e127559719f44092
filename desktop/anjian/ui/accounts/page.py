"""The Accounts page: the register on the left, the selected account on the right.

A contact marked "no longer mine" that accounts are still bound to is shown in
a loud banner above everything, with the steps to rebind, in words and with an
icon (never colour alone). Findings come from core with the time passed in.
"""

from __future__ import annotations

from datetime import datetime, timezone

from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from anjian.core.accounts import changes
from anjian.core.accounts.findings import Finding, Priority, account_findings
from anjian.core.state import State
from anjian.i18n import N_, Text
from anjian.service import StorageStatus
from anjian.ui import messages
from anjian.ui.accounts.common import STYLE, heading, icon, label
from anjian.ui.accounts.panel import KIND_NAMES, AccountPanel, Change
from anjian.ui.context import PageContext
from anjian.ui.sections import Section


def _utc_now() -> datetime:
    return datetime.now(timezone.utc)


class AccountsPage(QWidget):
    """List, add, edit and remove accounts; their contacts and official channels."""

    def __init__(self, section: Section, context: PageContext, parent: QWidget) -> None:
        super().__init__(parent)
        self.section = section
        self._context = context
        self.clock = _utc_now  # replaced in tests
        self._state: State | None = None
        self._findings: list[Finding] = []
        self._selected: str | None = None
        # An account just added: saves of other pages (the reminder's score, for one) may
        # arrive before it does, and must not make the page forget to select it.
        self._pending: str | None = None
        self.setStyleSheet(STYLE)
        column = QVBoxLayout(self)
        column.setContentsMargins(28, 24, 28, 16)
        column.setSpacing(12)
        self.title = heading(self)
        self.summary = label(self)
        column.addWidget(self.title)
        column.addWidget(self.summary)

        self.banner = QFrame(self)
        self.banner.setObjectName("loud")
        banner_row = QHBoxLayout(self.banner)
        banner_row.addWidget(icon(self.banner, QStyle.StandardPixmap.SP_MessageBoxCritical, 32),
                             0, Qt.AlignmentFlag.AlignTop)
        self.banner_text = label(self.banner)
        banner_row.addWidget(self.banner_text, 1)
        self.banner.hide()
        column.addWidget(self.banner)

        body = QHBoxLayout()
        left = QVBoxLayout()
        self.list = QListWidget(self)
        self.list.setMinimumWidth(190)
        self.list.setMaximumWidth(260)
        self.list.currentItemChanged.connect(self._picked)
        self.add_button = QPushButton(self)
        self.add_button.clicked.connect(self.new_account)
        self.remove_button = QPushButton(self)
        self.remove_button.clicked.connect(self._remove)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        left.addWidget(self.list, 1)
        left.addLayout(buttons)
        body.addLayout(left)
        self.scroll = QScrollArea(self)
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        self.panel = AccountPanel(lambda: self._context.language.translate, self.region,
                                  lambda: self.clock(), self.scroll)
        self.panel.save.connect(self.save)
        self.panel.created.connect(self._remember_created)
        self.scroll.setWidget(self.panel)
        body.addWidget(self.scroll, 1)
        column.addLayout(body, 1)

        context.language.changed.connect(self.retranslate)
        context.state_changed.connect(self._state_changed)
        self.retranslate()
        self.panel.show_account(None, None, [], refill=True)
        if context.status is not None:  # built after the state arrived (pages are lazy)
            self._state_changed(context.status)

    # -- state ----------------------------------------------------------------------------

    def save(self, change: Change) -> None:
        """Save a change to the latest state, through the keyring worker."""
        self._context.change_state(change)

    def region(self) -> str:
        """Where a phone number without + is read (see ``anjian.core.accounts.phones``)."""
        from anjian.core.accounts.phones import default_region

        return default_region(self._context.language.code, QLocale.system().name())

    def _state_changed(self, status: StorageStatus) -> None:
        self._state = status.snapshot.state
        self._findings = account_findings(self._state, self.clock()) if self._state else []
        self._fill_list()
        self._render_banner()

    def _remember_created(self, account_id: str) -> None:
        self._selected = self._pending = account_id

    def _fill_list(self) -> None:
        accounts = self._state.accounts if self._state else ()
        previous = self._selected
        self.list.blockSignals(True)
        self.list.clear()
        tr = self._context.language.translate
        attention = {a for f in self._findings for a in f.account_ids}
        for account in accounts:
            marker = " ⚠" if account.id in attention else ""
            item = QListWidgetItem(f"{account.name}{marker}")
            item.setData(Qt.ItemDataRole.UserRole, account.id)
            item.setToolTip(tr(KIND_NAMES[account.kind]))
            item.setData(Qt.ItemDataRole.AccessibleTextRole, account.name + (
                " — " + tr(N_("needs attention")) if marker else ""))
            self.list.addItem(item)
            if account.id == previous:
                self.list.setCurrentItem(item)
        self.list.blockSignals(False)
        account = self._state.account(previous) if self._state and previous else None
        if account is not None and account.id == self._pending:
            self._pending = None
        # A new account's form keeps what is being typed; otherwise refill when the shown
        # account changed (another one, or the same one edited).
        refill = not (account is None and self.panel.account is None) and \
            self.panel.account != account
        if account is None and self._selected is not None and self._selected != self._pending:
            self._selected = None
        self.panel.show_account(self._state, account, self._for(account), refill=refill)
        self.remove_button.setEnabled(account is not None)

    def _for(self, account: object) -> list[Finding]:
        account_id = getattr(account, "id", None)
        return [f for f in self._findings if account_id in f.account_ids]

    def _picked(self, current: QListWidgetItem | None, _previous: object) -> None:
        self._selected = current.data(Qt.ItemDataRole.UserRole) if current else None
        self._pending = None
        account = self._state.account(self._selected) if self._state and self._selected else None
        self.panel.show_account(self._state, account, self._for(account), refill=True)
        self.remove_button.setEnabled(account is not None)

    def new_account(self) -> None:
        """Show an empty form for a new account."""
        self._selected = self._pending = None
        self.list.setCurrentItem(None)
        self.list.clearSelection()
        self.panel.show_account(self._state, None, [], refill=True)
        self.remove_button.setEnabled(False)
        self.panel.name.setFocus()

    def _remove(self) -> None:
        account = self.panel.account
        if account is None:
            return
        tr = self._context.language.translate
        if messages.confirm(self, tr(N_("Remove account")), tr(Text(N_(
                "Remove {name} from Anjian? Its bound contacts and official channels recorded "
                "here are forgotten too. Nothing changes at the service itself."),
                {"name": account.name})), tr(N_("Remove"))):
            self._selected = None
            self.save(changes.remove_account(account.id))

    # -- texts ----------------------------------------------------------------------------

    def _render_banner(self) -> None:
        urgent = [f for f in self._findings if f.priority is Priority.HIGH]
        self.banner.setVisible(bool(urgent))
        if not urgent:
            return
        tr = self._context.language.translate
        parts = [tr(N_("Warning: act now"))]
        for finding in urgent:
            parts.append(tr(finding.text))
            parts += [f"  {index}. {tr(step)}" for index, step in enumerate(finding.steps, 1)]
        self.banner_text.setText("\n".join(parts))
        self.banner.setAccessibleName(parts[0])
        self.banner.setAccessibleDescription("\n".join(parts[1:]))

    def retranslate(self) -> None:
        """Render every text in the current language."""
        tr = self._context.language.translate
        self.title.setText(tr(self.section.title))
        self.summary.setText(tr(self.section.summary))
        self.setAccessibleName(tr(self.section.title))
        self.list.setAccessibleName(tr(N_("Your accounts")))
        self.add_button.setText(tr(N_("Add account")))
        self.add_button.setAccessibleName(tr(N_("Add account")))
        self.remove_button.setText(tr(N_("Remove…")))
        self.remove_button.setAccessibleName(tr(N_("Remove the selected account")))
        if self._state is not None:
            self._fill_list()
        else:
            self.panel.render()
        self._render_banner()

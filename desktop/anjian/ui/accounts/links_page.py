"""The Links & numbers page: paste links or a support number, see the verdicts in words.

The checks run on the keyring worker through the service (never on the UI
thread; the first one loads the Public Suffix List), against the official
websites and numbers recorded on the Accounts page. A newer check makes an
older one's late result stale: it is dropped.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QLocale
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from anjian.i18n import N_, Text
from anjian.service import AnjianService, StorageStatus
from anjian.ui.accounts.common import STYLE, ResultCard, heading, label
from anjian.ui.context import PageContext
from anjian.ui.sections import Section

_P = QStyle.StandardPixmap
VERDICT_ICONS = {
    "official": _P.SP_DialogApplyButton,
    "lookalike": _P.SP_MessageBoxCritical,
    "unrelated": _P.SP_MessageBoxWarning,
    "invalid": _P.SP_MessageBoxCritical,
    "not-pinned": _P.SP_MessageBoxCritical,
}
MAX_LINKS = 50


class LinksPage(QScrollArea):
    """Check links and support numbers against the official channels."""

    def __init__(self, section: Section, context: PageContext, parent: QWidget) -> None:
        super().__init__(parent)
        self.section = section
        self._context = context
        self._link_results: list[Any] = []
        self._number_result: Any = None
        self._link_ticket = 0
        self._number_ticket = 0
        self.setWidgetResizable(True)
        self.setFrameShape(QScrollArea.Shape.NoFrame)
        body = QWidget(self)
        body.setStyleSheet(STYLE)
        self.setWidget(body)
        column = QVBoxLayout(body)
        column.setContentsMargins(28, 24, 28, 28)
        column.setSpacing(12)
        self.title = heading(body)
        self.summary = label(body)
        column.addWidget(self.title)
        column.addWidget(self.summary)

        self.links_box = QGroupBox(body)
        links = QVBoxLayout(self.links_box)
        self.links_hint = label(self.links_box)
        self.links_input = QPlainTextEdit(self.links_box)
        self.links_input.setTabChangesFocus(True)
        self.links_input.setFixedHeight(self.links_input.fontMetrics().lineSpacing() * 5 + 16)
        row = QHBoxLayout()
        self.against = label(self.links_box)
        self.check_links_button = QPushButton(self.links_box)
        self.check_links_button.clicked.connect(self.check_links)
        row.addWidget(self.against, 1)
        row.addWidget(self.check_links_button)
        self.link_results = QVBoxLayout()
        links.addWidget(self.links_hint)
        links.addWidget(self.links_input)
        links.addLayout(row)
        links.addLayout(self.link_results)
        column.addWidget(self.links_box)

        self.number_box = QGroupBox(body)
        numbers = QVBoxLayout(self.number_box)
        self.number_hint = label(self.number_box)
        row = QHBoxLayout()
        self.number_input = QLineEdit(self.number_box)
        self.number_input.returnPressed.connect(self.check_number)
        self.check_number_button = QPushButton(self.number_box)
        self.check_number_button.clicked.connect(self.check_number)
        row.addWidget(self.number_input, 1)
        row.addWidget(self.check_number_button)
        self.number_results = QVBoxLayout()
        numbers.addWidget(self.number_hint)
        numbers.addLayout(row)
        numbers.addLayout(self.number_results)
        column.addWidget(self.number_box)
        column.addStretch(1)

        context.language.changed.connect(self.retranslate)
        context.state_changed.connect(self._state_changed)
        self.retranslate()

    # -- checks ---------------------------------------------------------------------

    def _official_domains(self) -> list[str]:
        from anjian.core.accounts.channels import pinned_domains

        state = self._context.state
        return pinned_domains(state.account_details.channels) if state is not None else []

    def check_links(self) -> None:
        """Check every pasted line (up to :data:`MAX_LINKS`) off the UI thread."""
        urls = [line.strip() for line in self.links_input.toPlainText().splitlines()
                if line.strip()][:MAX_LINKS]
        if not urls:
            self._show_links([])
            return
        self._link_ticket += 1
        ticket, official = self._link_ticket, self._official_domains()

        def done(results: list[Any]) -> None:
            if ticket == self._link_ticket:  # a newer check supersedes this one
                self._show_links(results)

        self._context.call(lambda service: service.check_links(urls, official), done)

    def check_number(self) -> None:
        """Check the typed number against the pinned official numbers, off the UI thread."""
        raw = self.number_input.text()
        self._number_ticket += 1
        ticket, region = self._number_ticket, self.region()

        def done(result: Any) -> None:
            if ticket == self._number_ticket:
                self._number_result = result
                self._render_number()

        def check(service: AnjianService) -> Any:
            return service.check_number(raw, region)

        self._context.call(check, done)

    def region(self) -> str:
        """Where a number without + is read (see ``anjian.core.accounts.phones``)."""
        from anjian.core.accounts.phones import default_region

        return default_region(self._context.language.code, QLocale.system().name())

    # -- showing results --------------------------------------------------------------

    def _show_links(self, results: list[Any]) -> None:
        self._link_results = results
        self._render_links()

    def _render_links(self) -> None:
        from anjian.core.accounts.links import VERDICT_NAMES

        _clear(self.link_results)
        tr = self._context.language.translate
        for result in self._link_results:
            subject = result.url if not result.host or result.host == result.url else \
                tr(Text(N_("{url} — goes to {host}"), {"url": result.url, "host": result.host}))
            card = ResultCard(self.links_box, VERDICT_ICONS[result.verdict.value],
                              tr(VERDICT_NAMES[result.verdict]), subject, result.reasons, tr)
            self.link_results.addWidget(card)

    def _render_number(self) -> None:
        from anjian.core.accounts.numbers import NUMBER_VERDICT_NAMES, display_number

        _clear(self.number_results)
        result = self._number_result
        if result is None:
            return
        tr = self._context.language.translate
        subject = display_number(result.key) if result.key else result.number
        state = self._context.state
        names = [a.name for a in (state.accounts if state else ()) if a.id in result.account_ids]
        if names:
            subject = tr(Text(N_("{number} — {accounts}"),
                              {"number": subject, "accounts": ", ".join(names)}))
        self.number_results.addWidget(ResultCard(
            self.number_box, VERDICT_ICONS[result.verdict.value],
            tr(NUMBER_VERDICT_NAMES[result.verdict]), subject, result.reasons, tr))

    def _state_changed(self, _status: StorageStatus) -> None:
        self._render_against()

    def _render_against(self) -> None:
        tr = self._context.language.translate
        count = len(self._official_domains())
        self.against.setText(tr(Text(N_(
            "Compared with the {count} official website(s) recorded on the Accounts page. "
            "Nothing is opened or fetched."), {"count": count})))

    def retranslate(self) -> None:
        """Render every text in the current language."""
        tr = self._context.language.translate
        self.title.setText(tr(self.section.title))
        self.summary.setText(tr(self.section.summary))
        self.links_box.setTitle(tr(N_("Check links")))
        self.links_hint.setText(tr(N_(
            "Paste one or more links, one per line: from a message, an e-mail, a search result "
            "or a QR code.")))
        self.links_input.setPlaceholderText("https://…")
        self.links_input.setAccessibleName(tr(N_("Links to check, one per line")))
        self.check_links_button.setText(tr(N_("Check links")))
        self.check_links_button.setAccessibleName(tr(N_("Check links")))
        self.number_box.setTitle(tr(N_("Check a support phone number")))
        self.number_hint.setText(tr(N_(
            "Got a “customer service” number from a search, an ad or a message? Paste it here "
            "to compare it with the official numbers you recorded.")))
        self.number_input.setAccessibleName(tr(N_("Support phone number to check")))
        self.number_input.setPlaceholderText(tr(N_("for example 95188 or 400 800 9888")))
        self.check_number_button.setText(tr(N_("Check number")))
        self.check_number_button.setAccessibleName(tr(N_("Check number")))
        self.setAccessibleName(tr(self.section.title))
        self._render_against()
        self._render_links()
        self._render_number()


def _clear(layout: QVBoxLayout) -> None:
    while layout.count():
        item = layout.takeAt(0)
        widget = item.widget()
        if widget is not None:
            widget.deleteLater()

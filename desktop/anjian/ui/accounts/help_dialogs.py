"""The receive-a-code drill and the "can't receive the code" page, as dialogs.

Their texts are content (``resources/content/code_help.json``, read by
:mod:`anjian.content`); these dialogs only lay them out.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from anjian.core.accounts.help import HelpPage
from anjian.i18n import N_, Text
from anjian.ui.accounts.common import Translate, heading, label


def _page_body(parent: QWidget, page: HelpPage, tr: Translate, numbered: bool) -> QScrollArea:
    area = QScrollArea(parent)
    area.setWidgetResizable(True)
    area.setFrameShape(QScrollArea.Shape.NoFrame)
    body = QWidget(area)
    column = QVBoxLayout(body)
    column.setSpacing(10)
    intro = label(body)
    intro.setText(tr(page.intro))
    column.addWidget(intro)
    for index, entry in enumerate(page.entries, 1):
        if entry.title:
            title = label(body, bold=True)
            title.setText(tr(entry.title))
            column.addWidget(title)
        text = label(body)
        text.setText(f"{index}. {tr(entry.body)}" if numbered else tr(entry.body))
        text.setObjectName(f"entry-{entry.id}")
        column.addWidget(text)
    column.addStretch(1)
    area.setWidget(body)
    return area


class TroubleshootingDialog(QDialog):
    """Can't receive the code? The causes, one at a time."""

    def __init__(self, tr: Translate, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        from anjian import content

        page = content.code_help().troubleshooting
        self.setWindowTitle(tr(page.title))
        self.setAccessibleName(tr(page.title))
        column = QVBoxLayout(self)
        title = heading(self, 1.3)
        title.setText(tr(page.title))
        column.addWidget(title)
        column.addWidget(_page_body(self, page, tr, numbered=False), 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        column.addWidget(buttons)
        self.resize(560, 620)


class CodeDrillDialog(QDialog):
    """The drill for one contact and one account; accepted when the code arrived."""

    def __init__(self, tr: Translate, contact: str, account: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        from anjian import content

        self._tr = tr
        page = content.code_help().drill
        self.setWindowTitle(tr(page.title))
        self.setAccessibleName(tr(page.title))
        column = QVBoxLayout(self)
        title = heading(self, 1.3)
        title.setText(tr(page.title))
        column.addWidget(title)
        self.target = label(self, bold=True)
        self.target.setText(tr(Text(N_("Account: {account} · code sent to: {contact}"),
                                    {"account": account, "contact": contact})))
        column.addWidget(self.target)
        column.addWidget(_page_body(self, page, tr, numbered=True), 1)
        buttons = QDialogButtonBox(self)
        self.arrived = QPushButton(tr(N_("The code arrived")), self)
        self.arrived.setAccessibleName(tr(N_("The code arrived")))
        self.not_arrived = QPushButton(tr(N_("It did not arrive")), self)
        self.not_arrived.setAccessibleName(tr(N_("It did not arrive")))
        buttons.addButton(self.arrived, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.not_arrived, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.not_arrived.clicked.connect(self._troubleshoot)
        column.addWidget(buttons)
        self.resize(560, 560)

    def _troubleshoot(self) -> None:
        self.reject()
        TroubleshootingDialog(self._tr, self.parentWidget()).open()

"""The Due list: each due item with what to do about it, right there.

"Done" records the user's confirmation where that is what the item asks;
otherwise "Open" goes to the page where it is fixed. "Snooze" hides it for a
day or a week, "Not applicable" for good. Urgent items say so in words.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QMenu,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from anjian.core.checklist.progress import Answer
from anjian.core.reminders.due_item import DueItem
from anjian.i18n import N_, Text
from anjian.ui.context import PageContext

_ROW_STYLE = "QFrame#dueRow { border: 1px solid palette(mid); border-radius: 6px; }"


class DueRow(QFrame):
    """One due item and its actions."""

    def __init__(self, item: DueItem, context: PageContext, with_actions: bool,
                 parent: QWidget) -> None:
        super().__init__(parent)
        self.item = item
        self._context = context
        self.setObjectName("dueRow")
        self.setStyleSheet(_ROW_STYLE)
        tr = context.language.translate
        layout = QHBoxLayout(self)
        layout.setContentsMargins(12, 8, 8, 8)
        texts = QVBoxLayout()
        self.title = QLabel(self)
        self.title.setTextFormat(Qt.TextFormat.PlainText)
        self.title.setWordWrap(True)
        font = self.title.font()
        font.setBold(True)
        self.title.setFont(font)
        prefix = tr(N_("Urgent:")) + " " if item.urgent else ""
        self.title.setText(prefix + tr(item.title))
        self.detail = QLabel(self)
        self.detail.setTextFormat(Qt.TextFormat.PlainText)
        self.detail.setWordWrap(True)
        when = item.due_at.astimezone().date().isoformat()
        detail = tr(Text(N_("Due since {date}"), {"date": when}))
        if item.reason is not None:
            # A sentence's own full stop would stand before the separator ("。 ·").
            detail = f"{tr(item.reason).rstrip('.。')} · {detail}"
        self.detail.setText(detail)
        texts.addWidget(self.title)
        texts.addWidget(self.detail)
        layout.addLayout(texts, 1)
        self.setAccessibleName(self.title.text())
        self.setAccessibleDescription(self.detail.text())
        if not with_actions:
            return
        if item.confirmable:
            self.primary = QPushButton(tr(N_("Done")), self)
            self.primary.setAccessibleName(tr(Text(N_("Mark “{title}” as done"),
                                                   {"title": tr(item.title)})))
            self.primary.clicked.connect(self._done)
        else:
            self.primary = QPushButton(tr(N_("Open")), self)
            self.primary.setAccessibleName(tr(Text(N_("Open the page to fix “{title}”"),
                                                   {"title": tr(item.title)})))
            self.primary.clicked.connect(lambda: context.open_section(item.section))
        self.snooze = QToolButton(self)
        self.snooze.setText(tr(N_("Snooze")))
        self.snooze.setAccessibleName(tr(Text(N_("Snooze “{title}”"), {"title": tr(item.title)})))
        self.snooze.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        menu = QMenu(self.snooze)
        self.snooze_day = menu.addAction(tr(N_("For 1 day")))
        self.snooze_week = menu.addAction(tr(N_("For 1 week")))
        self.snooze_day.triggered.connect(lambda: self._snooze(1))
        self.snooze_week.triggered.connect(lambda: self._snooze(7))
        self.snooze.setMenu(menu)
        self.not_applicable = QPushButton(tr(N_("Not applicable")), self)
        self.not_applicable.setAccessibleName(
            tr(Text(N_("“{title}” does not apply to me"), {"title": tr(item.title)})))
        self.not_applicable.clicked.connect(self._dismiss)
        for button in (self.primary, self.snooze, self.not_applicable):
            layout.addWidget(button, 0, Qt.AlignmentFlag.AlignVCenter)

    def _done(self) -> None:
        item_id = self.item.item_id
        self._context.call(lambda s: s.answer_item(item_id, Answer.DONE),
                           self._context.state_changed.emit)

    def _snooze(self, days: int) -> None:
        due_id = self.item.id
        self._context.call(lambda s: s.snooze(due_id, days),
                           self._context.state_changed.emit)

    def _dismiss(self) -> None:
        due_id = self.item.id
        self._context.call(lambda s: s.dismiss(due_id), self._context.state_changed.emit)


class DueList(QWidget):
    """A column of due rows, or a line saying there is nothing."""

    def __init__(self, context: PageContext, with_actions: bool, empty_text: str,
                 parent: QWidget) -> None:
        super().__init__(parent)
        self._context = context
        self._with_actions = with_actions
        self._empty_text = empty_text
        self.rows: list[DueRow] = []
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.setSpacing(6)
        self.empty = QLabel(self)
        self._layout.addWidget(self.empty)

    def show_items(self, items: Sequence[DueItem]) -> None:
        """Replace the rows by ``items``."""
        for row in self.rows:
            row.deleteLater()
        self.rows = [DueRow(item, self._context, self._with_actions, self) for item in items]
        for row in self.rows:
            self._layout.addWidget(row)
        self.empty.setVisible(not self.rows)
        self.empty.setText(self._context.language.translate(self._empty_text))

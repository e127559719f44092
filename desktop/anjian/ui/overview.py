"""The Overview: the score and why, what is due, what comes soon, the score over time.

It also welcomes a first run (with the checklist wizard one click away) and
reports a damaged or read-only state in a banner that says so in words. The
overview itself is computed by the service on the keyring worker.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from anjian.core.checklist.overview import Overview
from anjian.i18n import N_, Text
from anjian.service import StorageStatus
from anjian.storage.store import Snapshot
from anjian.ui.context import PageContext
from anjian.ui.due_list import DueList
from anjian.ui.pages import Banner, fallback_text, heading_font, scrolling_column, wrapping_label
from anjian.ui.score_chart import ScoreChart
from anjian.ui.sections import Section

_STYLE = """
QFrame#banner, QFrame#welcome, QFrame#card { border-radius: 6px; }
QFrame#banner { background: #fff4ce; border: 1px solid #c99a00; }
QFrame#banner QLabel { color: #3b2e00; background: transparent; }
QFrame#welcome, QFrame#card { border: 1px solid palette(mid); background: palette(alternate-base); }
"""


def score_words(value: int) -> str:
    """The score in words (never by colour alone)."""
    if value >= 85:
        return N_("Well protected")
    if value >= 60:
        return N_("Good, with a few gaps")
    if value >= 30:
        return N_("Important steps are missing")
    return N_("Much to do")


class OverviewPage(QWidget):
    """The Overview section."""

    wizard_requested = Signal()

    def __init__(self, section: Section, context: PageContext, parent: QWidget) -> None:
        super().__init__(parent)
        self.section = section
        self._context = context
        self._snapshot: Snapshot | None = None
        self.overview: Overview | None = None
        self._drawn = True  # nothing waits to be drawn
        self.setStyleSheet(_STYLE)
        body, column = scrolling_column(self, (28, 24, 28, 28), 14)

        self.title = QLabel(body)
        heading_font(self.title, 1.6)
        column.addWidget(self.title)
        self.damage_banner = Banner("banner", QStyle.StandardPixmap.SP_MessageBoxWarning, body)
        self.read_only_banner = Banner("banner", QStyle.StandardPixmap.SP_MessageBoxWarning, body)
        self.welcome = Banner("welcome", QStyle.StandardPixmap.SP_MessageBoxInformation, body)
        for banner in (self.damage_banner, self.read_only_banner, self.welcome):
            banner.hide()
            column.addWidget(banner)

        self.card = QFrame(body)
        self.card.setObjectName("card")
        card = QGridLayout(self.card)
        card.setContentsMargins(16, 14, 16, 14)
        card.setHorizontalSpacing(18)
        self.score_value = QLabel(self.card)
        big = self.score_value.font()
        big.setPointSizeF(big.pointSizeF() * 3)
        big.setBold(True)
        self.score_value.setFont(big)
        self.score_words = QLabel(self.card)
        bold = self.score_words.font()
        bold.setBold(True)
        self.score_words.setFont(bold)
        self.score_bar = QProgressBar(self.card)
        self.score_bar.setRange(0, 100)
        self.score_bar.setTextVisible(True)
        self.score_bar.setFormat("%v / 100")
        self.todo = wrapping_label(self.card)
        self.checklist_button = QPushButton(self.card)
        self.checklist_button.clicked.connect(self.wizard_requested.emit)
        card.addWidget(self.score_value, 0, 0, 3, 1, Qt.AlignmentFlag.AlignVCenter)
        card.addWidget(self.score_words, 0, 1)
        card.addWidget(self.score_bar, 1, 1)
        card.addWidget(self.todo, 2, 1)
        card.addWidget(self.checklist_button, 0, 2, 3, 1, Qt.AlignmentFlag.AlignVCenter)
        card.setColumnStretch(1, 1)
        column.addWidget(self.card)

        self.due_heading = self._heading(body, column)
        self.due_list = DueList(context, True, N_("Nothing is due. Well done."), body)
        column.addWidget(self.due_list)
        self.lost_heading = self._heading(body, column)
        self.lost = QWidget(body)
        self.lost_layout = QVBoxLayout(self.lost)
        self.lost_layout.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.lost)
        self.soon_heading = self._heading(body, column)
        self.soon_list = DueList(context, False, N_("Nothing falls due in the next two weeks."),
                                 body)
        column.addWidget(self.soon_list)
        self.chart_heading = self._heading(body, column)
        self.chart = ScoreChart(body)
        column.addWidget(self.chart)
        column.addStretch(1)
        self._lost_rows: list[QWidget] = []
        self._set_content_visible(False)

        context.state_changed.connect(self._state_changed)
        context.language.changed.connect(self.retranslate)
        self.retranslate()

    @staticmethod
    def _heading(parent: QWidget, column: QVBoxLayout) -> QLabel:
        label = QLabel(parent)
        heading_font(label, 1.15)
        column.addWidget(label)
        return label

    # -- data ----------------------------------------------------------------------

    def show_snapshot(self, snapshot: Snapshot) -> None:
        """Show what the loaded state needs the user to know (banners)."""
        self._snapshot = snapshot
        self.damage_banner.setVisible(snapshot.damage is not None)
        self.read_only_banner.setVisible(snapshot.read_only is not None)
        self.welcome.setVisible(snapshot.first_run)
        self.retranslate()

    def _state_changed(self, status: StorageStatus) -> None:
        self._snapshot = status.snapshot  # the overview itself comes from the reminder clock

    def show_overview(self, overview: Overview) -> None:
        """Draw ``overview`` (when the page is next shown, if it is hidden now)."""
        self.overview = overview
        if not self.isVisible():
            # In the tray (started at login) the window may never be shown: its
            # lists are built when it is, not at every reminder tick.
            self._drawn = False
            return
        self._draw()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt's name
        super().showEvent(event)
        if not self._drawn and self.overview is not None:
            self._draw()

    def _draw(self) -> None:
        overview = self.overview
        assert overview is not None
        self._drawn = True
        self._set_content_visible(True)
        self.due_list.show_items(overview.due_now)
        self.soon_list.show_items(overview.due_soon)
        self.chart.set_points(overview.history)
        self.retranslate()

    def _set_content_visible(self, visible: bool) -> None:
        for widget in (self.card, self.due_heading, self.due_list, self.lost_heading, self.lost,
                       self.soon_heading, self.soon_list, self.chart_heading, self.chart):
            widget.setVisible(visible)

    # -- texts ---------------------------------------------------------------------

    def retranslate(self) -> None:
        """Render every text in the current language."""
        tr = self._context.language.translate
        self.title.setText(tr(self.section.title))
        self.setAccessibleName(tr(self.section.title))
        self.due_heading.setText(tr(N_("Due now")))
        self.lost_heading.setText(tr(N_("Where your score loses points")))
        self.soon_heading.setText(tr(N_("Due in the next two weeks")))
        self.chart_heading.setText(tr(N_("Your score over time")))
        self.chart.setAccessibleName(tr(N_("Your score over time")))
        self._render_banners()
        overview = self.overview
        if overview is None:
            return
        value = overview.score.value
        self.score_value.setText(str(value))
        self.score_value.setAccessibleName(tr(Text(N_("Security score {score} of 100"),
                                                   {"score": value})))
        self.score_words.setText(tr(score_words(value)))
        self.score_bar.setValue(value)
        self.score_bar.setAccessibleName(tr(N_("Security score")))
        self.todo.setText(tr(Text(N_("Due now: {count}"), {"count": len(overview.due_now)})))
        finished = self._snapshot is not None and self._snapshot.state is not None and \
            self._snapshot.state.checklist.wizard_finished is not None
        self.checklist_button.setText(tr(N_("Review the checklist") if finished
                                         else N_("Continue the checklist")))
        self._render_deductions()
        self.due_list.show_items(overview.due_now)
        self.soon_list.show_items(overview.due_soon)
        if not overview.history:
            self.chart.setToolTip(tr(N_("The score is recorded once a day.")))

    def _render_deductions(self) -> None:
        assert self.overview is not None
        tr = self._context.language.translate
        for row in self._lost_rows:
            row.deleteLater()
        self._lost_rows = []
        for deduction in self.overview.score.deductions:
            if deduction.points <= 0:
                continue
            item = deduction.status.item
            row = QWidget(self.lost)
            line = QHBoxLayout(row)
            line.setContentsMargins(0, 0, 0, 0)
            points = QLabel(f"−{deduction.points}", row)
            points.setMinimumWidth(points.fontMetrics().horizontalAdvance("−100") + 4)
            text = tr(item.title)
            if deduction.status.reason is not None:
                text += " — " + tr(deduction.status.reason)
            label = wrapping_label(row)
            label.setText(text)
            fix = QPushButton(tr(N_("Fix")), row)
            fix.setAccessibleName(tr(Text(N_("Fix “{title}”"), {"title": tr(item.title)})))
            fix.clicked.connect(lambda _=False, s=item.section: self._context.open_section(s))
            line.addWidget(points)
            line.addWidget(label, 1)
            line.addWidget(fix)
            row.setAccessibleName(tr(Text(N_("{points} points: {title}"),
                                          {"points": deduction.points, "title": text})))
            self.lost_layout.addWidget(row)
            self._lost_rows.append(row)

    def _render_banners(self) -> None:
        snapshot = self._snapshot
        if snapshot is None:
            return
        tr = self._context.language.translate
        if snapshot.damage is not None:
            self.damage_banner.set_texts(
                tr(N_("Warning: the saved security state is damaged")),
                tr(snapshot.damage) + "\n" + tr(fallback_text(snapshot)))
        if snapshot.read_only is not None:
            self.read_only_banner.set_texts(
                tr(N_("Warning: this security state is open read-only")), tr(snapshot.read_only))
        if snapshot.first_run:
            self.welcome.set_texts(
                tr(N_("Welcome to Anjian")),
                tr(N_("Nothing is saved on this computer yet. The checklist walks you through "
                      "your accounts, passwords, two-step verification and backups, one step "
                      "at a time; you can leave it and continue later. What Anjian records is "
                      "kept in your system keyring, never in a plain file.")))

"""Small widgets shared by the Accounts and Links & numbers pages.

Verdicts and severities are always shown as an icon *and* a word, never by colour alone.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QStyle, QVBoxLayout, QWidget

from anjian.core.accounts.problems import Reason, Severity
from anjian.i18n import N_, Text
from anjian.ui.pages import heading_font, wrapping_label

Translate = Callable[[Text | str], str]

SEVERITY_WORDS: dict[Severity, str] = {
    Severity.DANGER: N_("Danger"),
    Severity.CAUTION: N_("Caution"),
    Severity.OK: N_("OK"),
}
SEVERITY_ICONS: dict[Severity, QStyle.StandardPixmap] = {
    Severity.DANGER: QStyle.StandardPixmap.SP_MessageBoxCritical,
    Severity.CAUTION: QStyle.StandardPixmap.SP_MessageBoxWarning,
    Severity.OK: QStyle.StandardPixmap.SP_DialogApplyButton,
}
STYLE = """
QFrame#result { border: 1px solid palette(mid); border-radius: 6px; background: palette(base); }
QFrame#lost { border: 2px solid #b3261e; border-radius: 6px; background: palette(base); }
QFrame#loud { border: 2px solid #b3261e; border-radius: 6px; background: #fdecea; }
QFrame#loud QLabel { color: #410e0b; background: transparent; }
"""


def label(parent: QWidget, bold: bool = False) -> QLabel:
    """A :func:`wrapping_label` whose text can be selected (and copied)."""
    widget = wrapping_label(parent, bold)
    widget.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return widget


def heading(parent: QWidget, scale: float = 1.6) -> QLabel:
    """A page or group title."""
    widget = QLabel(parent)
    heading_font(widget, scale)
    return widget


def day(moment: datetime | None) -> str:
    """A date as the user's calendar shows it."""
    return moment.astimezone().date().isoformat() if moment is not None else "—"


def icon(parent: QWidget, pixmap: QStyle.StandardPixmap, size: int = 20) -> QLabel:
    """A standard icon in a label of fixed size."""
    widget = QLabel(parent)
    widget.setPixmap(parent.style().standardIcon(pixmap).pixmap(size, size))
    widget.setFixedSize(size, size)
    return widget


class ResultCard(QFrame):
    """One verdict: an icon and a word heading, what was checked, and the reasons as a list."""

    def __init__(self, parent: QWidget, verdict_icon: QStyle.StandardPixmap, verdict: str,
                 subject: str, reasons: Sequence[Reason], tr: Translate) -> None:
        super().__init__(parent)
        self.setObjectName("result")
        column = QVBoxLayout(self)
        column.setContentsMargins(12, 10, 12, 10)
        column.setSpacing(6)
        top = QHBoxLayout()
        top.addWidget(icon(self, verdict_icon, 24), 0, Qt.AlignmentFlag.AlignTop)
        self.verdict = label(self, bold=True)
        self.verdict.setText(verdict)
        top.addWidget(self.verdict, 1)
        column.addLayout(top)
        self.subject = label(self)
        self.subject.setText(subject)
        column.addWidget(self.subject)
        self.reason_labels: list[QLabel] = []
        for reason in reasons:
            row = QHBoxLayout()
            row.addWidget(icon(self, SEVERITY_ICONS[reason.severity], 16), 0,
                          Qt.AlignmentFlag.AlignTop)
            text = label(self)
            text.setText(f"{tr(SEVERITY_WORDS[reason.severity])}: {tr(reason.text)}")
            row.addWidget(text, 1)
            column.addLayout(row)
            self.reason_labels.append(text)
        self.setAccessibleName(f"{verdict}: {subject}")
        self.setAccessibleDescription("\n".join(r.text() for r in self.reason_labels))

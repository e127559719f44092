"""The pages behind the navigation: honest placeholders until their issues land.

Each page shows its title, what the section will do and a plain note that it
is not built yet. The Overview also welcomes a first run and reports a damaged
or read-only state in a banner that says so in words (not by colour alone).
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from anjian.i18n import N_, Text
from anjian.storage.store import Snapshot
from anjian.ui.language import InterfaceLanguage
from anjian.ui.sections import NOT_BUILT_YET, Section

_PAGE_MARGIN = 28
_STYLE = """
QFrame#notBuilt { border: 1px dashed palette(dark); border-radius: 6px; }
QFrame#banner, QFrame#welcome { border-radius: 6px; }
QFrame#banner { background: #fff4ce; border: 1px solid #c99a00; }
QFrame#banner QLabel { color: #3b2e00; background: transparent; }
QFrame#welcome { border: 1px solid palette(mid); background: palette(alternate-base); }
"""


def heading_font(widget: QWidget, scale: float) -> None:
    """Make ``widget``'s text bold and ``scale`` times the usual size (titles, headings)."""
    font = widget.font()
    font.setPointSizeF(font.pointSizeF() * scale)
    font.setBold(True)
    widget.setFont(font)


def scrolling_column(page: QWidget, margins: tuple[int, int, int, int],
                     spacing: int) -> tuple[QWidget, QVBoxLayout]:
    """Fill ``page`` with a frameless scroll area; its body and the column to fill.

    ``margins`` (left, top, right, bottom) are the column's.
    """
    outer = QVBoxLayout(page)
    outer.setContentsMargins(0, 0, 0, 0)
    scroll = QScrollArea(page)
    scroll.setWidgetResizable(True)
    scroll.setFrameShape(QFrame.Shape.NoFrame)
    outer.addWidget(scroll)
    body = QWidget(scroll)
    scroll.setWidget(body)
    column = QVBoxLayout(body)
    column.setContentsMargins(*margins)
    column.setSpacing(spacing)
    return body, column


def wrapping_label(parent: QWidget, bold: bool = False) -> QLabel:
    """A word-wrapped plain-text label (user data never renders as HTML)."""
    label = QLabel(parent)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    if bold:
        font = label.font()
        font.setBold(True)
        label.setFont(font)
    return label


class Banner(QFrame):
    """A boxed message with an icon, a heading and a body; warnings say "Warning" in words."""

    def __init__(self, object_name: str, icon: QStyle.StandardPixmap, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName(object_name)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(14, 12, 14, 12)
        layout.setSpacing(12)
        self._icon = QLabel(self)
        self._icon.setPixmap(self.style().standardIcon(icon).pixmap(32, 32))
        self._icon.setFixedSize(32, 32)
        texts = QVBoxLayout()
        texts.setSpacing(4)
        self.heading = wrapping_label(self)
        font = self.heading.font()
        font.setBold(True)
        self.heading.setFont(font)
        self.body = wrapping_label(self)
        texts.addWidget(self.heading)
        texts.addWidget(self.body)
        layout.addWidget(self._icon, 0, Qt.AlignmentFlag.AlignTop)
        layout.addLayout(texts, 1)

    def set_texts(self, heading: str, body: str) -> None:
        """Show ``heading`` and ``body``; both are also the banner's accessible name and text."""
        self.heading.setText(heading)
        self.body.setText(body)
        self.setAccessibleName(heading)
        self.setAccessibleDescription(body)


class SectionPage(QWidget):
    """A section's page: its title, what it will do, and that it is not built yet."""

    def __init__(self, section: Section, language: InterfaceLanguage, parent: QWidget) -> None:
        super().__init__(parent)
        self.section = section
        self._language = language
        self.setStyleSheet(_STYLE)
        self._column = QVBoxLayout(self)
        self._column.setContentsMargins(_PAGE_MARGIN, _PAGE_MARGIN - 4, _PAGE_MARGIN, _PAGE_MARGIN)
        self._column.setSpacing(14)
        self.title = QLabel(self)
        heading_font(self.title, 1.6)
        self.summary = wrapping_label(self)
        self._note_frame = QFrame(self)
        self._note_frame.setObjectName("notBuilt")
        note_layout = QVBoxLayout(self._note_frame)
        note_layout.setContentsMargins(14, 10, 14, 10)
        self.note = wrapping_label(self._note_frame)
        note_layout.addWidget(self.note)
        self._column.addWidget(self.title)
        self._column.addWidget(self.summary)
        self._column.addWidget(self._note_frame)
        self._column.addStretch(1)
        self.retranslate()

    def retranslate(self) -> None:
        """Render every text in the current language."""
        tr = self._language.translate
        self.title.setText(tr(self.section.title))
        self.summary.setText(tr(self.section.summary))
        self.note.setText(tr(NOT_BUILT_YET))
        self.setAccessibleName(tr(self.section.title))


def fallback_text(snapshot: Snapshot) -> Text:
    if snapshot.state is not None:
        return Text(N_("The previous saved version (generation {generation}) is used instead."),
                    {"generation": snapshot.generation})
    return Text(N_("No earlier good copy was found, so Anjian starts empty. The damaged copy "
                   "is kept aside in the keyring when you next save."))

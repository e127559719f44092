"""The strength meter: a bar in the score's colour, its label and what it means in words.

Colour is never the only signal: the bar also carries the label as text, the
label and a sentence stand beside it, and the accessible name says the same.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QVBoxLayout, QWidget

from anjian.i18n import N_
from anjian.ui.language import InterfaceLanguage

# Red to green, dark enough that white text on them stays readable.
SCORE_COLOURS = ("#b71c1c", "#d84315", "#a06b00", "#4e8a1e", "#1b6e20")


class StrengthMeter(QWidget):
    """Shows a :class:`Strength`, or nothing yet."""

    def __init__(self, language: InterfaceLanguage, parent: QWidget) -> None:
        super().__init__(parent)
        self._language = language
        self._strength: Any = None
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(4)
        row = QHBoxLayout()
        self.bar = QProgressBar(self)
        self.bar.setRange(0, 5)
        self.bar.setTextVisible(True)
        self.bar.setMinimumHeight(22)
        self.label = QLabel(self)
        font = self.label.font()
        font.setBold(True)
        self.label.setFont(font)
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        self.label.setMinimumWidth(110)
        row.addWidget(self.bar, 1)
        row.addWidget(self.label)
        self.words = QLabel(self)
        self.words.setWordWrap(True)
        self.words.setTextFormat(Qt.TextFormat.PlainText)
        column.addLayout(row)
        column.addWidget(self.words)
        self.show_strength(None)

    @property
    def score(self) -> int | None:
        return self._strength.score if self._strength is not None else None

    def show_strength(self, strength: Any) -> None:
        """Show the verdict, or an empty meter for ``None``."""
        self._strength = strength
        self.retranslate()

    def retranslate(self) -> None:
        tr = self._language.translate
        strength = self._strength
        if strength is None:
            self.bar.setValue(0)
            self.bar.setFormat("")
            self.bar.setStyleSheet("")
            self.label.setText(tr(N_("Not rated yet")))
            self.words.setText("")
        else:
            label = tr(strength.label)
            self.bar.setValue(strength.score + 1)
            self.bar.setFormat(label)
            colour = SCORE_COLOURS[strength.score]
            self.bar.setStyleSheet(
                "QProgressBar { border: 1px solid palette(mid); border-radius: 4px; "
                "text-align: center; color: palette(text); } "
                f"QProgressBar::chunk {{ background: {colour}; border-radius: 3px; }}")
            self.label.setText(tr(strength.label))
            self.words.setText(tr(strength.words))
        name = tr(N_("Password strength"))
        self.bar.setAccessibleName(name)
        self.setAccessibleName(name)
        self.bar.setAccessibleDescription(f"{self.label.text()}. {self.words.text()}".strip(". "))

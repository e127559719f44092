"""The score over time: a small line chart, drawn with QPainter, readable without colour.

The values are also the widget's accessible description, so a screen reader
reads the same history the chart shows.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QPainter, QPainterPath, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget


class ScoreChart(QWidget):
    """Scores (0-100) by date, oldest left."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.points: list[tuple[datetime, int]] = []
        self.setMinimumHeight(90)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        return QSize(320, 110)

    def set_points(self, points: Sequence[tuple[datetime, int]]) -> None:
        """Show these (date, score) points."""
        self.points = list(points)
        described = ", ".join(f"{at.date().isoformat()}: {value}" for at, value in self.points)
        self.setAccessibleDescription(described)
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt's name
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        metrics = painter.fontMetrics()
        left = metrics.horizontalAdvance("100") + 8
        plot = QRectF(left, 6, max(1.0, self.width() - left - 8), max(1.0, self.height() - 14))
        palette = self.palette()
        grid = QPen(palette.mid().color(), 1, Qt.PenStyle.DotLine)
        painter.setPen(grid)
        for value in (0, 50, 100):
            y = plot.bottom() - plot.height() * value / 100
            painter.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y))
            painter.setPen(palette.text().color())
            painter.drawText(QRectF(0, y - 8, left - 6, 16),
                             Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, str(value))
            painter.setPen(grid)
        if not self.points:
            return
        xs = _positions(len(self.points), plot)
        path = QPainterPath()
        for index, (x, (_, value)) in enumerate(zip(xs, self.points)):
            point = QPointF(x, plot.bottom() - plot.height() * value / 100)
            if index == 0:
                path.moveTo(point)
            else:
                path.lineTo(point)
        painter.setPen(QPen(palette.highlight().color(), 2))
        painter.drawPath(path)
        painter.setBrush(palette.highlight())
        for x, (_, value) in zip(xs, self.points):
            painter.drawEllipse(QPointF(x, plot.bottom() - plot.height() * value / 100), 3, 3)


def _positions(count: int, plot: QRectF) -> list[float]:
    if count == 1:
        return [plot.center().x()]
    step = plot.width() / (count - 1)
    return [plot.left() + i * step for i in range(count)]

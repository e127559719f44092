"""The app icon draws cleanly at every size a desktop asks for."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

from anjian.paths import resources_dir

ICON = resources_dir() / "icons" / "anjian.svg"


@pytest.mark.parametrize("size", [16, 22, 24, 32, 48, 64, 128, 256, 512])
def test_icon_renders_at(size: int, qapp) -> None:  # type: ignore[no-untyped-def]
    renderer = QSvgRenderer(str(ICON))
    assert renderer.isValid()
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    renderer.render(painter)
    painter.end()
    opaque = sum(1 for y in range(size) for x in range(size) if image.pixelColor(x, y).alpha() > 200)
    # The shield fills most of the square at every size and stays inside it.
    assert 0.35 < opaque / size**2 < 0.95
    corners = [image.pixelColor(x, y).alpha() for x in (0, size - 1) for y in (0, size - 1)]
    assert corners == [0, 0, 0, 0]

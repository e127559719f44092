"""QR codes: drawn by Qt from qrcode's module matrix, read back with zxing-cpp.

Drawing the matrix ourselves keeps the code crisp at any scale and device pixel
ratio (each module a whole number of device pixels, no image scaled up), with
the four-module quiet zone that readers need, and needs no Pillow. Reading an
image goes through Qt's own image loader; zxing-cpp gets an 8-bit grey view of
the pixels (its ``ImageView`` over a ``memoryview``), so neither numpy nor Pillow
is needed either. ``qrcode`` and ``zxingcpp`` are imported on first use only.
"""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize
from PySide6.QtGui import QColor, QImage, QPainter, QPaintEvent
from PySide6.QtWidgets import QSizePolicy, QWidget

QUIET_ZONE = 4  # modules of white around the code (ISO/IEC 18004 asks for four)


def qr_matrix(text: str) -> list[list[bool]]:
    """The modules of a QR code for ``text``, quiet zone included (True is dark)."""
    import qrcode
    from qrcode.constants import ERROR_CORRECT_M

    code = qrcode.QRCode(error_correction=ERROR_CORRECT_M, border=QUIET_ZONE)
    code.add_data(text.encode("utf-8"))
    code.make(fit=True)
    return [list(row) for row in code.get_matrix()]


def paint_matrix(painter: QPainter, matrix: list[list[bool]], area: QRectF) -> None:
    """Paint ``matrix`` black on white into the largest square of ``area``, whole pixels each."""
    count = len(matrix)
    ratio = painter.device().devicePixelRatioF() if painter.device() else 1.0
    side_px = int(min(area.width(), area.height()) * ratio)
    module_px = max(1, side_px // count)
    module = module_px / ratio
    size = module * count
    left = area.left() + (area.width() - size) / 2
    top = area.top() + (area.height() - size) / 2
    painter.fillRect(QRectF(left, top, size, size), QColor("white"))
    for y, row in enumerate(matrix):
        x = 0
        while x < count:  # one rectangle per run of dark modules: fewer seams, faster
            if not row[x]:
                x += 1
                continue
            start = x
            while x < count and row[x]:
                x += 1
            painter.fillRect(QRectF(left + start * module, top + y * module,
                                    (x - start) * module, module), QColor("black"))


def render_qr(text: str, module_px: int = 6) -> QImage:
    """``text`` as a QR image (grey, for saving or for tests)."""
    matrix = qr_matrix(text)
    side = len(matrix) * module_px
    image = QImage(side, side, QImage.Format.Format_Grayscale8)
    image.fill(QColor("white"))
    painter = QPainter(image)
    paint_matrix(painter, matrix, QRectF(0, 0, side, side))
    painter.end()
    return image


def decode_qr(image: QImage) -> list[str]:
    """The texts of every QR code found in ``image`` (a screenshot, a photo, a file)."""
    import zxingcpp

    if image.isNull():
        return []
    grey = image.convertToFormat(QImage.Format.Format_Grayscale8)
    stride = grey.bytesPerLine()
    pixels = memoryview(grey.constBits()).cast("B", (grey.height(), stride))
    view = zxingcpp.ImageView(pixels, grey.width(), grey.height(), zxingcpp.ImageFormat.Lum,
                              stride)
    found = zxingcpp.read_barcodes(view, formats=zxingcpp.BarcodeFormat.QRCode)
    return [barcode.text for barcode in found if barcode.text]


class QrCodeView(QWidget):
    """Shows one QR code, square, as large as the widget allows (at least ``minimum``)."""

    def __init__(self, parent: QWidget | None = None, minimum: int = 220) -> None:
        super().__init__(parent)
        self._matrix: list[list[bool]] = []
        self._minimum = minimum
        self.text = ""
        self.setMinimumSize(minimum, minimum)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)

    def set_text(self, text: str) -> None:
        """Show ``text`` as a QR code (empty: show nothing)."""
        self.text = text
        self._matrix = qr_matrix(text) if text else []
        self.update()

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        return QSize(self._minimum, self._minimum)

    def hasHeightForWidth(self) -> bool:  # noqa: N802 - Qt's name
        return True

    def heightForWidth(self, width: int) -> int:  # noqa: N802 - Qt's name
        return width

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt's name
        if not self._matrix:
            return
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        paint_matrix(painter, self._matrix, QRectF(self.rect()))
        painter.end()

    def grab_code(self) -> QImage:
        """What the widget shows, as an image (for tests and screenshots)."""
        return self.grab().toImage()




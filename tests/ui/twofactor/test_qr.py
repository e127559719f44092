"""QR codes drawn by Qt and read back by zxing-cpp."""

from __future__ import annotations

from PySide6.QtGui import QImage

from anjian.ui.qr import QUIET_ZONE, QrCodeView, decode_qr, qr_matrix, render_qr

URI = ("otpauth://totp/%E6%94%AF%E4%BB%98:%E5%BC%A0%E4%B8%89?"
       "secret=JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP&issuer=%E6%94%AF%E4%BB%98&digits=8")


def test_a_rendered_code_decodes_back_to_the_same_link() -> None:
    assert decode_qr(render_qr(URI)) == [URI]


def test_a_saved_png_decodes_back_to_the_same_link(tmp_path) -> None:
    path = tmp_path / "code.png"
    assert render_qr(URI, module_px=3).save(str(path))
    assert decode_qr(QImage(str(path))) == [URI]


def test_the_matrix_has_a_quiet_zone_of_four_modules() -> None:
    matrix = qr_matrix(URI)
    assert not any(any(row) for row in matrix[:QUIET_ZONE])
    assert not any(any(row[:QUIET_ZONE]) for row in matrix)


def test_the_widget_paints_a_code_that_scans(qtbot) -> None:
    view = QrCodeView(minimum=240)
    qtbot.addWidget(view)
    view.resize(300, 300)
    view.set_text(URI)
    assert decode_qr(view.grab_code()) == [URI]


def test_an_image_without_a_code_gives_nothing() -> None:
    blank = QImage(200, 200, QImage.Format.Format_RGB32)
    blank.fill(0xFFFFFF)
    assert decode_qr(blank) == [] and decode_qr(QImage()) == []

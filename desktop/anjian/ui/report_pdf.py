"""Printing a report's HTML to PDF with Qt, for the window and for ``anjian-cli report``.

Qt's rich-text engine lays the HTML out on A4 pages and ``QPdfWriter`` embeds
the subset of each font it used (TrueType/CID), so Chinese text stays
readable and searchable in any PDF reader, whether or not it has the font.
This module needs only QtGui (no widgets), so the command line can use it
without a display: :func:`ensure_application` picks the ``offscreen`` platform
when there is no screen.
"""

from __future__ import annotations

import os
import sys

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMarginsF
from PySide6.QtGui import QFont, QGuiApplication, QPageLayout, QPageSize, QPdfWriter, QTextDocument

from anjian.core.reports.html import FONT_FAMILIES

_MARGIN_MM = 16
_RESOLUTION_DPI = 300


def ensure_application() -> QGuiApplication:
    """The running Qt application, or a display-less one for the command line."""
    existing = QGuiApplication.instance()
    if existing is not None:
        return existing  # type: ignore[return-value]
    if not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")) and \
            sys.platform.startswith("linux"):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    return QGuiApplication(sys.argv[:1])


def report_document(html: str) -> QTextDocument:
    """The report laid out as a rich-text document, in fonts that cover Chinese."""
    document = QTextDocument()
    font = QFont()
    font.setFamilies(list(FONT_FAMILIES))
    font.setPointSizeF(10.5)
    document.setDefaultFont(font)
    document.setHtml(html)
    return document


def pdf_bytes(html: str, title: str) -> bytes:
    """The report as a PDF file's bytes (A4, margins, the title in the metadata)."""
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setTitle(title)
    writer.setCreator("Anjian")
    writer.setResolution(_RESOLUTION_DPI)
    writer.setPageLayout(QPageLayout(
        QPageSize(QPageSize.PageSizeId.A4), QPageLayout.Orientation.Portrait,
        QMarginsF(_MARGIN_MM, _MARGIN_MM, _MARGIN_MM, _MARGIN_MM), QPageLayout.Unit.Millimeter))
    report_document(html).print_(writer)
    del writer  # ends the PDF: the trailer is written when the writer goes
    data: QByteArray = buffer.data()
    buffer.close()
    return bytes(data.data())

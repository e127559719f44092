"""Saving a report as PDF or HTML, and its print preview, from any page.

The report's content comes from the service (built in core, on the keyring
worker); here it is only rendered: HTML by core, PDF and the preview by Qt's
rich-text engine (see :mod:`anjian.ui.report_pdf`).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QWidget

from anjian.core.reports.content import Report
from anjian.core.reports.html import render_html, render_text
from anjian.i18n import N_, Text
from anjian.ui import files, messages
from anjian.ui.context import PageContext

BuildReport = Callable[[Any], Report]  # service -> report, run on the worker


def save(context: PageContext, parent: QWidget, build: BuildReport, kind: str,
         name: str) -> None:
    """Ask where, build the report on the worker, write it as ``kind`` ("pdf"/"html")."""
    tr = context.language.translate
    suffix = "pdf" if kind == "pdf" else "html"
    filters = tr(N_("PDF files (*.pdf)")) if kind == "pdf" else tr(N_("Web pages (*.html)"))
    suggested = f"{name}-{datetime.now().strftime('%Y%m%d')}.{suffix}"
    path = files.ask_save_path(parent, tr(N_("Save the report")), suggested, filters)
    if path is None:
        return
    if not path.suffix:
        path = path.with_suffix("." + suffix)
    context.call(build, lambda report: _write(context, parent, report, kind, path))


def _write(context: PageContext, parent: QWidget, report: Report, kind: str, path: Path) -> None:
    from anjian.files import write_atomically

    tr = context.language.translate
    html = render_html(report, context.language.catalogue)
    if kind == "pdf":
        from anjian.ui.report_pdf import pdf_bytes

        data = pdf_bytes(html, render_text(report.title, context.language.catalogue))
    else:
        data = html.encode("utf-8")
    try:
        write_atomically(path, data)
    except OSError as exc:
        messages.warning(parent, tr(N_("Save the report")), tr(Text(
            N_("{path} could not be written ({kind})."),
            {"path": str(path), "kind": type(exc).__name__})))


def preview(context: PageContext, parent: QWidget, build: BuildReport) -> None:
    """Build the report on the worker, then open the print preview (window-modal)."""
    context.call(build, lambda report: open_preview(context, parent, report))


def open_preview(context: PageContext, parent: QWidget, report: Report) -> Any:
    """The print preview of ``report``; printing it goes to any printer or to PDF."""
    from PySide6.QtCore import Qt
    from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog

    from anjian.ui.report_pdf import report_document

    document = report_document(render_html(report, context.language.catalogue))
    dialog = QPrintPreviewDialog(parent)
    dialog.setWindowTitle(render_text(report.title, context.language.catalogue))
    dialog.setAccessibleName(dialog.windowTitle())
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

    def paint(printer: QPrinter) -> None:
        document.print_(printer)

    dialog.paintRequested.connect(paint)
    dialog.open()
    return dialog

"""``anjian-cli report --format pdf|html --output FILE``: the security report.

HTML is written without Qt. PDF is drawn by Qt's rich-text engine (the one
the window prints with, so both look the same and Chinese is embedded):
``anjian.ui.report_pdf`` is imported only for ``--format pdf``, and runs
without a display.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from anjian.cli import EXIT_OK, Output
from anjian.i18n import N_, Catalogue, Text


def configure(parser: argparse.ArgumentParser, catalogue: Catalogue) -> None:
    """``--format`` and ``--output``."""
    tr = catalogue.gettext
    parser.add_argument("--format", choices=("pdf", "html"), default=None,
                        help=tr(N_("pdf or html (default: from the file name, else pdf).")))
    parser.add_argument("--output", required=True, metavar="FILE",
                        help=tr(N_("The file to write.")))


def run(args: argparse.Namespace, out: Output) -> int:
    """Build the report from the saved state and write it."""
    from anjian.core.reports.html import render_html, render_text
    from anjian.service import AnjianService
    from anjian.storage.errors import StorageError
    from anjian.files import write_atomically

    path = Path(args.output)
    kind = args.format or ("html" if path.suffix.lower() in (".html", ".htm") else "pdf")
    service = AnjianService()
    try:
        service.load()
        report = service.security_report()
    except StorageError as exc:
        return out.error(exc.problem.value, exc.text)
    finally:
        service.close()
    html = render_html(report, out.catalogue)
    if kind == "html":
        data = html.encode("utf-8")
    else:
        try:
            from anjian.ui.report_pdf import ensure_application, pdf_bytes
        except ImportError:
            return out.error("no-qt", Text(N_(
                "PDF needs Qt (PySide6), which is not installed; use --format html.")))
        ensure_application()
        data = pdf_bytes(html, render_text(report.title, out.catalogue))
    try:
        write_atomically(path, data)
    except OSError as exc:
        return out.error("write-failed", Text(N_("{path} could not be written ({kind})."),
                                              {"path": str(path), "kind": type(exc).__name__}))
    out.line(Text(N_("Report written to {path}."), {"path": str(path)}))
    out.document({"output": str(path), "format": kind})
    return EXIT_OK

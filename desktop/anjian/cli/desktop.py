"""``anjian-cli desktop install|remove``: Anjian in the applications menu (XDG desktops)."""

from __future__ import annotations

import argparse
import sys

from anjian.cli import EXIT_ERROR, EXIT_OK, Output
from anjian.i18n import N_, Catalogue, Text


def configure(parser: argparse.ArgumentParser, catalogue: Catalogue) -> None:
    tr = catalogue.gettext
    parser.add_argument("action", choices=("install", "remove"),
                        help=tr(N_("install: add the menu entry and icon; remove: take them out.")))


def run(args: argparse.Namespace, out: Output) -> int:
    from anjian.desktop_entry import DesktopEntry

    if sys.platform in ("win32", "darwin"):
        return out.error("unsupported", Text(N_(
            "The applications menu entry is for Linux desktops; on Windows and macOS, "
            "start Anjian from where it was installed.")))
    entry = DesktopEntry.for_user()
    try:
        paths = entry.install() if args.action == "install" else entry.remove()
    except OSError as error:
        return out.error("write-failed", Text(N_("Could not write {path}: {reason}"),
                                              {"path": error.filename or "", "reason": error.strerror or ""}))
    if args.action == "install":
        out.line(Text(N_("Anjian is now in the applications menu.")))
    elif paths:
        out.line(Text(N_("Anjian's menu entry and icon were removed.")))
    else:
        out.line(Text(N_("Anjian was not in the applications menu.")))
    for path in paths:
        out.line(f"  {path}")
    out.document({"action": args.action, "files": [str(p) for p in paths]})
    return EXIT_OK if paths or args.action == "remove" else EXIT_ERROR

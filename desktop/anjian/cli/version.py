"""``anjian-cli version``."""

from __future__ import annotations

import argparse

from anjian import __version__
from anjian.cli import EXIT_OK, Output
from anjian.i18n import N_, Text


def run(args: argparse.Namespace, out: Output) -> int:
    """Print the version."""
    out.line(Text(N_("Anjian {version}"), {"version": __version__}))
    out.document({"version": __version__})
    return EXIT_OK

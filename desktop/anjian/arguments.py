"""Command-line parsers whose own texts (usage, headings, ``--help``) are translated.

argparse translates through the process-wide gettext domain, which Anjian never
changes; these parsers take their few fixed texts from our catalogue instead.
"""

from __future__ import annotations

import argparse
import os
import sys
from typing import Any

from anjian.i18n import N_, Catalogue


class QuickFormatter(argparse.HelpFormatter):
    """argparse's formatter, measuring the terminal without importing :mod:`shutil`.

    argparse builds a formatter for every option it adds, and its default one
    imports shutil (and with it bz2 and lzma) to ask for the terminal width:
    about a tenth of ``anjian-cli check``'s start-up. Same rule as
    ``shutil.get_terminal_size``: ``$COLUMNS``, else the terminal, else 80.
    """

    def __init__(self, prog: str, indent_increment: int = 2, max_help_position: int = 24,
                 width: int | None = None) -> None:
        super().__init__(prog, indent_increment, max_help_position,
                         width if width is not None else terminal_columns() - 2)


def terminal_columns() -> int:
    """The terminal's width in columns, as :func:`shutil.get_terminal_size` finds it."""
    try:
        columns = int(os.environ.get("COLUMNS", "0"))
    except ValueError:
        columns = 0
    if columns <= 0:
        try:
            columns = os.get_terminal_size(sys.__stdout__.fileno()).columns  # type: ignore[union-attr]
        except (AttributeError, ValueError, OSError):
            columns = 0
    return columns or 80


class TranslatedParser(argparse.ArgumentParser):
    """An ArgumentParser whose headings and help option speak the catalogue's language."""

    def __init__(self, *args: Any, catalogue: Catalogue, **kwargs: Any) -> None:
        self.catalogue = catalogue
        tr = catalogue.gettext
        prefix = tr(N_("usage: "))

        class Formatter(QuickFormatter):
            def add_usage(self, usage: Any, actions: Any, groups: Any, given: Any = None) -> None:
                # argparse passes prefix="" when it builds a subcommand's prog.
                super().add_usage(usage, actions, groups, prefix if given is None else given)

        kwargs.setdefault("formatter_class", Formatter)
        add_help = kwargs.pop("add_help", True)
        super().__init__(*args, add_help=False, **kwargs)
        self._positionals.title = tr(N_("positional arguments"))
        self._optionals.title = tr(N_("options"))
        if add_help:
            self.add_argument("-h", "--help", action="help", default=argparse.SUPPRESS,
                              help=tr(N_("Show this help and exit.")))

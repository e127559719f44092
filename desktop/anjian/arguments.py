"""Command-line parsers whose own texts (usage, headings, ``--help``) are translated.

argparse translates through the process-wide gettext domain, which Anjian never
changes; these parsers take their few fixed texts from our catalogue instead.
"""

from __future__ import annotations

import argparse
from typing import Any

from anjian.i18n import N_, Catalogue


class TranslatedParser(argparse.ArgumentParser):
    """An ArgumentParser whose headings and help option speak the catalogue's language."""

    def __init__(self, *args: Any, catalogue: Catalogue, **kwargs: Any) -> None:
        self.catalogue = catalogue
        tr = catalogue.gettext
        prefix = tr(N_("usage: "))

        class Formatter(argparse.HelpFormatter):
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

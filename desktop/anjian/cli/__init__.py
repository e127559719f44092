"""``anjian-cli``: Anjian without a window, for scripts and the OS scheduler.

Subcommands are registered in :data:`COMMANDS`, one module each; each gets the
parsed arguments and an :class:`Output` and returns an exit code: 0 all is well, 1 there are
findings to look at, 2 an error. Every message goes through the translation
catalogue; ``--json`` gives the same content for machines. Expected errors are
one translated line, never a traceback. This module must not import Qt.
"""

from __future__ import annotations

import argparse
import importlib
import json
import sys
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any, TextIO

from anjian.arguments import QuickFormatter, TranslatedParser
from anjian.i18n import LANGUAGES, N_, Catalogue, Text, load_catalogue, resolve_language

EXIT_OK = 0
EXIT_FINDINGS = 1
EXIT_ERROR = 2


@dataclass
class Output:
    """Where a command writes: human lines in the user's language, or one JSON document."""

    catalogue: Catalogue
    as_json: bool
    stdout: TextIO = field(default_factory=lambda: sys.stdout)
    stderr: TextIO = field(default_factory=lambda: sys.stderr)

    def tr(self, text: Text | str) -> str:
        """Translate a :class:`Text` or a plain message id."""
        if isinstance(text, Text):
            return self.catalogue.render(text)
        return self.catalogue.gettext(text)

    def line(self, text: Text | str) -> None:
        """One human-readable line (ignored in JSON mode)."""
        if not self.as_json:
            print(self.tr(text), file=self.stdout)

    def document(self, data: dict[str, Any]) -> None:
        """The JSON result (ignored in human mode)."""
        if self.as_json:
            json.dump(data, self.stdout, ensure_ascii=False, indent=2)
            self.stdout.write("\n")

    def error(self, problem_id: str, text: Text) -> int:
        """Report an error both ways and return the error exit code."""
        if self.as_json:
            self.document({"error": {"id": problem_id, "message": self.tr(text)}})
        else:
            print(f"anjian-cli: {self.tr(text)}", file=self.stderr)
        return EXIT_ERROR


# Each command lives in its own module, imported only when it runs, so that a
# quick command (the scheduler's ``check``) never pays for another's imports.
# A command module has ``configure(parser, catalogue)`` (optional: its own
# arguments, help translated through the catalogue) and
# ``run(args, out) -> int``.
COMMANDS: dict[str, tuple[str, str]] = {
    "version": ("anjian.cli.version", N_("Show the version of Anjian.")),
    "check": ("anjian.cli.check", N_("Check the saved security state and what needs attention.")),
    "report": ("anjian.cli.report", N_("Write the security report as PDF or HTML.")),
    "export": ("anjian.cli.export", N_("Save the whole state and its secrets to a file "
                                       "encrypted with a passphrase.")),
    "import": ("anjian.cli.import_state", N_("Replace the state by a file made with export.")),
    "link": ("anjian.cli.link", N_("Check links against official websites, offline.")),
    "password": ("anjian.cli.password", N_("Score passwords read from standard input, one a "
                                           "line; never stored.")),
    "totp": ("anjian.cli.totp", N_("Authenticator links: check one read from standard input.")),
    "remind": ("anjian.cli.remind", N_("Say what is due and what to notify now (used by the "
                                       "tray); remembers what was notified.")),
    "desktop": ("anjian.cli.desktop", N_("Add Anjian to the applications menu, or remove it.")),
}


class _Parser(TranslatedParser):
    """argparse that reports usage errors through our translated channel."""

    def error(self, message: str) -> Any:  # type: ignore[override]
        raise _UsageError(message)


class _UsageError(Exception):
    pass


def build_parser(catalogue: Catalogue, chosen: str | None = None) -> argparse.ArgumentParser:
    """The argument parser, with help texts in the catalogue's language.

    Only the ``chosen`` command's module is imported to add its own arguments.
    """
    tr = catalogue.gettext
    # Only holds the shared options.
    common = argparse.ArgumentParser(add_help=False, formatter_class=QuickFormatter)
    common.add_argument("--json", action="store_true", help=tr(N_("Print JSON for scripts.")))
    common.add_argument("--lang", choices=LANGUAGES, help=tr(N_("Language of the messages.")))
    parser = _Parser(prog="anjian-cli", parents=[common], catalogue=catalogue,
                     description=tr(N_("Anjian (安检): check your account security.")))
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser,
                                title=tr(N_("commands")))
    for name, (module_name, help_text) in COMMANDS.items():
        command = sub.add_parser(name, parents=[common], help=tr(help_text),
                                 description=tr(help_text), catalogue=catalogue)
        if name == chosen:
            configure = getattr(importlib.import_module(module_name), "configure", None)
            if configure is not None:
                configure(command, catalogue)
    return parser


def _chosen_command(argv: Sequence[str]) -> str | None:
    """The first word naming a command, found before parsing."""
    return next((arg for arg in argv if arg in COMMANDS), None)


def _early_language(argv: Sequence[str]) -> str:
    """The language for messages, known before parsing (help texts are translated too)."""
    preferred: str | None = None
    for i, arg in enumerate(argv):
        if arg == "--lang" and i + 1 < len(argv):
            preferred = argv[i + 1]
        elif arg.startswith("--lang="):
            preferred = arg.split("=", 1)[1]
    if preferred not in LANGUAGES:
        from anjian.preferences import load_preferences

        preferred = load_preferences().language
    return resolve_language(preferred)


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of ``anjian-cli``."""
    args_list = list(sys.argv[1:] if argv is None else argv)
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            reconfigure(errors="replace")
    catalogue = load_catalogue(_early_language(args_list))
    out = Output(catalogue, as_json="--json" in args_list)
    parser = build_parser(catalogue, _chosen_command(args_list))
    try:
        args = parser.parse_args(args_list)
    except _UsageError as usage:
        parser.print_usage(sys.stderr)
        return out.error("usage", Text(N_("Invalid command line: {detail}"),
                                       {"detail": str(usage)}))
    if args.command is None:
        parser.print_help(out.stdout)
        return EXIT_ERROR
    module = importlib.import_module(COMMANDS[args.command][0])
    try:
        return int(module.run(args, out))
    except KeyboardInterrupt:
        return out.error("interrupted", Text(N_("Interrupted.")))
    except Exception as exc:  # noqa: BLE001 - last resort: one line, no traceback, no values
        return out.error("internal", Text(N_(
            "Unexpected internal error ({kind}). Please report it; nothing was changed."),
            {"kind": type(exc).__name__}))



"""``anjian-cli``: Anjian without a window, for scripts and the OS scheduler.

Subcommands are registered in :data:`COMMANDS`; each gets the parsed arguments
and an :class:`Output` and returns an exit code: 0 all is well, 1 there are
findings to look at, 2 an error. Every message goes through the translation
catalogue; ``--json`` gives the same content for machines. Expected errors are
one translated line, never a traceback. This module must not import Qt.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any, TextIO

from anjian import __version__
from anjian.arguments import TranslatedParser
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


Command = Callable[[argparse.Namespace, Output], int]


def cmd_version(args: argparse.Namespace, out: Output) -> int:
    """Print the version."""
    out.line(Text(N_("Anjian {version}"), {"version": __version__}))
    out.document({"version": __version__})
    return EXIT_OK


def cmd_check(args: argparse.Namespace, out: Output) -> int:
    """Say whether a state exists and where it is kept (issue #7 adds due reminders)."""
    from anjian.service import AnjianService
    from anjian.storage.errors import StorageError

    service = AnjianService()
    try:
        status = service.load()
    except StorageError as exc:
        return out.error(exc.problem.value, exc.text)
    finally:
        service.close()
    snap = status.snapshot
    findings: list[tuple[str, Text]] = []
    if snap.first_run:
        condition = "absent"
        findings.append(("no-state", Text(N_(
            "No security state is saved yet. Start Anjian to set it up."))))
    elif snap.read_only is not None:
        condition = "newer"
        findings.append(("read-only", snap.read_only))
    elif snap.damage is not None:
        condition = "damaged"
        findings.append(("damaged", snap.damage))
        if snap.state is not None:
            findings.append(("fell-back", Text(N_(
                "The previous saved version (generation {generation}) is used instead."),
                {"generation": snap.generation})))
    else:
        condition = "present"
    accounts = len(snap.state.accounts) if snap.state else 0

    out.line(Text(N_("Keyring: {backend}"), {"backend": status.backend.name}))
    if condition == "present":
        out.line(Text(N_("Security state: saved {saved_at}, {accounts} accounts."),
                      {"saved_at": _when(snap), "accounts": accounts}))
    for _, text in findings:
        out.line(text)
    out.document({
        "state": condition,
        "backend": status.backend.name,
        "backend_class": status.backend.backend_class,
        "generation": snap.generation,
        "saved_at": snap.saved_at.isoformat() if snap.saved_at else None,
        "accounts": accounts,
        "quarantined": list(snap.quarantined),
        "findings": [{"id": fid, "message": out.tr(text)} for fid, text in findings],
    })
    return EXIT_FINDINGS if findings else EXIT_OK


def _when(snap: Any) -> str:
    return snap.saved_at.astimezone().strftime("%Y-%m-%d %H:%M") if snap.saved_at else "?"


COMMANDS: dict[str, tuple[Command, str]] = {
    "version": (cmd_version, N_("Show the version of Anjian.")),
    "check": (cmd_check, N_("Check the saved security state and what needs attention.")),
}


class _Parser(TranslatedParser):
    """argparse that reports usage errors through our translated channel."""

    def error(self, message: str) -> Any:  # type: ignore[override]
        raise _UsageError(message)


class _UsageError(Exception):
    pass


def build_parser(catalogue: Catalogue) -> argparse.ArgumentParser:
    """The argument parser, with help texts in the catalogue's language."""
    tr = catalogue.gettext
    common = argparse.ArgumentParser(add_help=False)  # only holds shared options
    common.add_argument("--json", action="store_true", help=tr(N_("Print JSON for scripts.")))
    common.add_argument("--lang", choices=LANGUAGES, help=tr(N_("Language of the messages.")))
    parser = _Parser(prog="anjian-cli", parents=[common], catalogue=catalogue,
                     description=tr(N_("Anjian (安检): check your account security.")))
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser,
                                title=tr(N_("commands")))
    for name, (_, help_text) in COMMANDS.items():
        sub.add_parser(name, parents=[common], help=tr(help_text), description=tr(help_text),
                       catalogue=catalogue)
    return parser


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
    parser = build_parser(catalogue)
    try:
        args = parser.parse_args(args_list)
    except _UsageError as usage:
        parser.print_usage(sys.stderr)
        return out.error("usage", Text(N_("Invalid command line: {detail}"),
                                       {"detail": str(usage)}))
    if args.command is None:
        parser.print_help(out.stdout)
        return EXIT_ERROR
    command, _ = COMMANDS[args.command]
    try:
        return command(args, out)
    except KeyboardInterrupt:
        return out.error("interrupted", Text(N_("Interrupted.")))
    except Exception as exc:  # noqa: BLE001 - last resort: one line, no traceback, no values
        return out.error("internal", Text(N_(
            "Unexpected internal error ({kind}). Please report it; nothing was changed."),
            {"kind": type(exc).__name__}))


if __name__ == "__main__":
    raise SystemExit(main())

"""``anjian-cli totp check-uri``: is the authenticator link on standard input usable?

The link is read from standard input, never from the command line, because it
carries a secret (argv is visible to every process and kept in shell history).
The answer is always JSON, and never contains the secret:

- an ``otpauth://totp/`` link: ``valid``, ``issuer``, ``account``, ``algorithm``,
  ``digits``, ``period``, ``secret_bits``, ``warnings``;
- a Google Authenticator export (``otpauth-migration://``; several lines for the
  several QR codes of one export): ``valid``, ``entries`` (the same fields each),
  ``skipped`` (each with its ``reason``) and ``notes`` (missing parts);
- anything else: ``valid: false``, ``error`` (the translated reason) and
  ``error_id``, exit code 2.

Exit code 0 for a valid link, 1 when it is valid but has warnings or skipped
entries, 2 when it is not usable. Nothing is saved: this only checks.
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from anjian.cli import EXIT_ERROR, EXIT_FINDINGS, EXIT_OK, Output
from anjian.i18n import LANGUAGES, N_, Catalogue, Text

# A QR code holds at most 4,296 characters; a whole export is a handful of them.
_MAX_INPUT = 64 * 1024


def configure(parser: argparse.ArgumentParser, catalogue: Catalogue) -> None:
    """The ``check-uri`` action."""
    tr = catalogue.gettext
    actions = parser.add_subparsers(dest="action", metavar="ACTION", required=True,
                                    parser_class=type(parser), title=tr(N_("actions")))
    help_text = tr(N_("Read one otpauth:// link (or the otpauth-migration:// links of one "
                      "export, one per line) from standard input and print what it holds as "
                      "JSON, without the secret."))
    check = actions.add_parser("check-uri", help=help_text, description=help_text,
                               catalogue=catalogue)
    # Accepted here too, so that they may follow the action; the output is JSON anyway.
    check.add_argument("--json", action="store_true", default=argparse.SUPPRESS,
                       help=tr(N_("Print JSON for scripts.")))
    check.add_argument("--lang", choices=LANGUAGES, default=argparse.SUPPRESS,
                       help=tr(N_("Language of the messages.")))


def run(args: argparse.Namespace, out: Output) -> int:
    """Check the link on standard input."""
    from anjian.core.twofactor.migration import is_migration, read_exports
    from anjian.core.twofactor.otpauth import UriError, as_text, parse_uri

    raw = _read_stdin()
    try:
        if raw is None:
            raise UriError("too-long", Text(N_(
                "Standard input is longer than {limit} bytes; give one link."),
                {"limit": _MAX_INPUT}))
        lines = [line for line in raw.strip().splitlines() if line.strip()]
        if len(lines) > 1:
            links = [as_text(line) for line in lines]
            if not all(is_migration(link) for link in links):
                raise UriError("several-lines", Text(N_(
                    "Standard input holds {count} lines; give one link (only the parts of one "
                    "Google Authenticator export may come one per line)."),
                    {"count": len(lines)}))
            return _print_export(read_exports(links), out)
        text = as_text(raw)
        if is_migration(text):
            return _print_export(read_exports([text]), out)
        entry = parse_uri(text)
    except UriError as error:
        _dump(out, {"valid": False, "error_id": error.code, "error": out.tr(error.text)})
        return EXIT_ERROR
    _dump(out, {"valid": True, "type": "totp", **_fields(entry, out)})
    return EXIT_FINDINGS if entry.warnings else EXIT_OK


def _read_stdin() -> bytes | None:
    """Standard input as bytes (decoded strictly later), or ``None`` if far too long."""
    stream = getattr(sys.stdin, "buffer", None)
    data = stream.read(_MAX_INPUT + 1) if stream is not None else \
        sys.stdin.read(_MAX_INPUT + 1).encode("utf-8", "surrogateescape")
    return None if len(data) > _MAX_INPUT else data


def _fields(entry: Any, out: Output) -> dict[str, Any]:
    return {
        "issuer": entry.issuer,
        "account": entry.account,
        "algorithm": entry.key.algorithm.value,
        "digits": entry.key.digits,
        "period": entry.key.period,
        "secret_bits": entry.key.secret_bits,
        "warnings": [out.tr(w) for w in entry.warnings],
    }


def _print_export(reading: Any, out: Output) -> int:
    _dump(out, {
        "valid": True,
        "type": "migration",
        "entries": [_fields(e, out) for e in reading.entries],
        "skipped": [{"entry": s.title, "reason": out.tr(s.reason)} for s in reading.skipped],
        "notes": [out.tr(n) for n in reading.notes],
    })
    findings = reading.skipped or reading.notes or any(e.warnings for e in reading.entries)
    return EXIT_FINDINGS if findings else EXIT_OK


def _dump(out: Output, data: dict[str, Any]) -> None:
    json.dump(data, out.stdout, ensure_ascii=False, indent=2)
    out.stdout.write("\n")

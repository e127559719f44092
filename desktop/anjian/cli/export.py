"""``anjian-cli export --output FILE``: the whole state and its secrets, sealed with a passphrase."""

from __future__ import annotations

import argparse
from pathlib import Path

from anjian.cli import EXIT_OK, Output
from anjian.cli.passphrase import NoPassphrase, add_argument, read_passphrase
from anjian.i18n import N_, Catalogue, Text


def configure(parser: argparse.ArgumentParser, catalogue: Catalogue) -> None:
    """``--output FILE`` and ``--passphrase-fd N``."""
    parser.add_argument("--output", required=True, metavar="FILE",
                        help=catalogue.gettext(N_("The backup file to write.")))
    add_argument(parser, catalogue)


def run(args: argparse.Namespace, out: Output) -> int:
    """Ask for a passphrase twice and write the sealed backup."""
    from anjian.core.backups.archive import MIN_PASSPHRASE, ArchiveError
    from anjian.service import AnjianService
    from anjian.storage.errors import StorageError

    try:
        passphrase = read_passphrase(args, out.tr, confirm=True)
    except NoPassphrase as refused:
        return out.error("no-passphrase", refused.text)
    if len(passphrase) < MIN_PASSPHRASE:
        return out.error("weak-passphrase", Text(N_(
            "Choose a passphrase of at least 10 characters: it is all that protects the "
            "backup of every secret Anjian keeps.")))
    path = Path(args.output)
    service = AnjianService()
    try:
        count = service.export_state(path, passphrase)
    except StorageError as exc:
        return out.error(exc.problem.value, exc.text)
    except ArchiveError as exc:
        return out.error(exc.problem, exc.text)
    except OSError as exc:
        return out.error("write-failed", Text(N_("{path} could not be written ({kind})."),
                                              {"path": str(path), "kind": type(exc).__name__}))
    finally:
        service.close()
    out.line(Text(N_("Saved the state and {count} secrets to {path}, encrypted with your "
                     "passphrase. Without the passphrase nobody can open it, you included."),
                  {"count": count, "path": str(path)}))
    out.document({"output": str(path), "secrets": count})
    return EXIT_OK

"""``anjian-cli import FILE``: replace the state by a backup, keeping the current one.

Replacing an existing state asks first on a terminal; without one it needs
``--replace``. ``--restore-previous`` puts back the state the last import
replaced (and keeps the imported one in turn).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from anjian.cli import EXIT_OK, Output
from anjian.cli.passphrase import NoPassphrase, add_argument, read_passphrase
from anjian.i18n import N_, Catalogue, Text


def configure(parser: argparse.ArgumentParser, catalogue: Catalogue) -> None:
    """``FILE``, ``--replace``, ``--restore-previous`` and ``--passphrase-fd N``."""
    tr = catalogue.gettext
    parser.add_argument("file", nargs="?", metavar="FILE",
                        help=tr(N_("The backup file made by \"anjian-cli export\".")))
    parser.add_argument("--replace", action="store_true",
                        help=tr(N_("Replace an existing state without asking (it is kept "
                                   "and can be restored).")))
    parser.add_argument("--restore-previous", action="store_true",
                        help=tr(N_("Put back the state that the last import replaced.")))
    add_argument(parser, catalogue)


def run(args: argparse.Namespace, out: Output) -> int:
    """Open the backup, ask before replacing, import it."""
    from anjian.core.backups.archive import ArchiveError
    from anjian.service import AnjianService
    from anjian.storage.errors import StorageError

    service = AnjianService()
    try:
        if args.restore_previous:
            service.restore_previous_state()
            out.line(Text(N_("The state from before the last import is back.")))
            out.document({"restored": True})
            return EXIT_OK
        if not args.file:
            return out.error("usage", Text(N_("Name the backup file to import.")))
        passphrase = read_passphrase(args, out.tr, confirm=False)
        incoming, contents = service.read_backup(Path(args.file), passphrase)
        current = service.load().snapshot.state
        if current is not None and not args.replace and not _confirmed(out):
            return out.error("not-confirmed", Text(N_(
                "Nothing was imported. To replace the state saved here, confirm on a terminal "
                "or pass --replace.")))
        service.import_state(contents)
    except NoPassphrase as refused:
        return out.error("no-passphrase", refused.text)
    except ArchiveError as exc:
        return out.error(exc.problem, exc.text)
    except StorageError as exc:
        return out.error(exc.problem.value, exc.text)
    finally:
        service.close()
    out.line(Text(N_("Imported {accounts} accounts and {secrets} secrets."),
                  {"accounts": len(incoming.accounts), "secrets": len(contents.secrets)}))
    if current is not None:
        out.line(Text(N_("The state that was here is kept: \"anjian-cli import "
                         "--restore-previous\" puts it back.")))
    out.document({"imported": True, "accounts": len(incoming.accounts),
                  "secrets": len(contents.secrets), "previous_kept": current is not None})
    return EXIT_OK


def _confirmed(out: Output) -> bool:
    """Ask on the terminal whether to replace the state; no terminal means no."""
    if out.as_json or sys.stdin is None or not sys.stdin.isatty():
        return False
    prompt = out.tr(N_("A state is already saved here. Replace it? It is kept and can be "
                       "restored. [y/N] "))
    try:
        answer = input(prompt)
    except EOFError:
        return False
    return answer.strip().lower() in {"y", "yes", out.tr(N_("y"))}


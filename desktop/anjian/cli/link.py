"""``anjian-cli link URL… [--official DOMAIN…]``: is each link official, a look-alike, or neither?

Offline: nothing is fetched. Without ``--official``, the official websites
recorded in the state are used (reading the keyring). Exit 0 when every link is
official, 1 when any is a look-alike, unrelated or invalid, 2 on an error.
URLs in the command line are fine: they are not secrets.
"""

from __future__ import annotations

import argparse
import json

from anjian.cli import EXIT_FINDINGS, EXIT_OK, Output
from anjian.i18n import N_, Catalogue, Text

# Printed before each verdict in the human output, so it is not told by colour alone.
_MARKS = {"official": "[OK]", "lookalike": "[!!]", "unrelated": "[??]", "invalid": "[xx]"}


def configure(parser: argparse.ArgumentParser, catalogue: Catalogue) -> None:
    """The URLs and the official domains."""
    tr = catalogue.gettext
    parser.add_argument("urls", nargs="+", metavar="URL", help=tr(N_("A link to check.")))
    parser.add_argument("--official", action="append", metavar="DOMAIN", default=None,
                        help=tr(N_("An official domain to compare with (repeatable). Default: "
                                   "the official websites recorded in Anjian.")))


def run(args: argparse.Namespace, out: Output) -> int:
    """Check every URL and print the verdicts."""
    from anjian.core.accounts.links import VERDICT_NAMES, Verdict, check_links

    official = args.official
    if official is None:
        official = _recorded_domains(out)
        if isinstance(official, int):
            return official
    if not official:
        return out.error("no-official-domains", Text(N_(
            "No official websites to compare with: pass --official DOMAIN, or record each "
            "account's official website in Anjian.")))
    results = check_links(args.urls, official)
    if out.as_json:
        json.dump([{
            "url": r.url,
            "verdict": r.verdict.value,
            "registrable_domain": r.registrable_domain,
            "host": r.host,
            "matched": r.matched,
            "reasons": [{"id": reason.id, "severity": reason.severity.value,
                         "text": out.tr(reason.text)} for reason in r.reasons],
        } for r in results], out.stdout, ensure_ascii=False, indent=2)
        out.stdout.write("\n")
    else:
        for r in results:
            print(f"{_MARKS[r.verdict.value]} {out.tr(VERDICT_NAMES[r.verdict])}: {r.url}",
                  file=out.stdout)
            for reason in r.reasons:
                print(f"    - {out.tr(reason.text)}", file=out.stdout)
    all_official = all(r.verdict is Verdict.OFFICIAL for r in results)
    return EXIT_OK if all_official else EXIT_FINDINGS


def _recorded_domains(out: Output) -> list[str] | int:
    from anjian.service import AnjianService
    from anjian.storage.errors import StorageError

    service = AnjianService()
    try:
        return service.pinned_domains()
    except StorageError as exc:
        return out.error(exc.problem.value, exc.text)
    finally:
        service.close()

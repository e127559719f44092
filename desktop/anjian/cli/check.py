"""``anjian-cli check``: what is due, what needs attention, and where the state is.

Meant for the OS scheduler (cron, a systemd user timer, Task Scheduler,
launchd): exit 0 when nothing is due, 1 when something is (or the state needs
attention), 2 on an error. It imports no Qt and is benchmarked for speed.
"""

from __future__ import annotations

import argparse
from typing import Any

from anjian.cli import EXIT_FINDINGS, EXIT_OK, Output
from anjian.i18n import N_, Catalogue, Text


def configure(parser: argparse.ArgumentParser, catalogue: Catalogue) -> None:
    """``--soon``: also list what falls due in the next two weeks."""
    parser.add_argument("--soon", action="store_true",
                        help=catalogue.gettext(N_("Also list what is due in the next two weeks.")))


def run(args: argparse.Namespace, out: Output) -> int:
    """Report the state's health, the score and the due items."""
    from anjian.service import AnjianService
    from anjian.storage.errors import StorageError

    service = AnjianService()
    try:
        status = service.load()
        summary = service.overview() if status.snapshot.state is not None else None
    except StorageError as exc:
        return out.error(exc.problem.value, exc.text)
    finally:
        service.close()
    snap = status.snapshot
    findings = _storage_findings(snap)
    condition = _condition(snap)
    accounts = len(snap.state.accounts) if snap.state else 0

    out.line(Text(N_("Keyring: {backend}"), {"backend": status.backend.name}))
    if condition == "present":
        out.line(Text(N_("Security state: saved {saved_at}, {accounts} accounts."),
                      {"saved_at": _when(snap.saved_at), "accounts": accounts}))
    for _, text in findings:
        out.line(text)
    due = list(summary.due_now) if summary else []
    soon = list(summary.due_soon) if summary and args.soon else []
    if summary is not None:
        out.line(Text(N_("Security score: {score}/100"), {"score": summary.score.value}))
        out.line(Text(N_("Due now: {count}"), {"count": len(due)}) if due
                 else N_("Nothing is due."))
        for item in due:
            out.line(_item_line(out, item))
        if args.soon and soon:
            out.line(Text(N_("Due in the next two weeks: {count}"), {"count": len(soon)}))
            for item in soon:
                out.line(_item_line(out, item, with_date=True))
    out.document({
        "state": condition,
        "backend": status.backend.name,
        "backend_class": status.backend.backend_class,
        "generation": snap.generation,
        "saved_at": snap.saved_at.isoformat() if snap.saved_at else None,
        "accounts": accounts,
        "quarantined": list(snap.quarantined),
        "findings": [{"id": fid, "message": out.tr(text)} for fid, text in findings],
        "score": summary.score.value if summary else None,
        "due": [_item_json(out, item) for item in due],
        "due_soon": [_item_json(out, item) for item in soon],
    })
    return EXIT_FINDINGS if findings or due else EXIT_OK


def _condition(snap: Any) -> str:
    if snap.first_run:
        return "absent"
    if snap.read_only is not None:
        return "newer"
    if snap.damage is not None:
        return "damaged"
    return "present"


def _storage_findings(snap: Any) -> list[tuple[str, Text]]:
    findings: list[tuple[str, Text]] = []
    if snap.first_run:
        findings.append(("no-state", Text(N_(
            "No security state is saved yet. Start Anjian to set it up."))))
    elif snap.read_only is not None:
        findings.append(("read-only", snap.read_only))
    elif snap.damage is not None:
        findings.append(("damaged", snap.damage))
        if snap.state is not None:
            findings.append(("fell-back", Text(N_(
                "The previous saved version (generation {generation}) is used instead."),
                {"generation": snap.generation})))
    return findings


def _item_line(out: Output, item: Any, with_date: bool = False) -> Text:
    mark = "!" if item.urgent else "-"
    title = out.tr(item.title)
    if with_date:
        return Text("{mark} {title} ({date})", {"mark": mark, "title": title,
                                                "date": _when(item.due_at)})
    reason = f" — {out.tr(item.reason)}" if item.reason else ""
    return Text("{mark} {title}{reason}", {"mark": mark, "title": title, "reason": reason})


def _item_json(out: Output, item: Any) -> dict[str, Any]:
    return {
        "id": item.id,
        "item": item.item_id,
        "title": out.tr(item.title),
        "reason": out.tr(item.reason) if item.reason else None,
        "due_at": item.due_at.isoformat(),
        "section": item.section,
        "urgent": item.urgent,
    }


def _when(moment: Any) -> str:
    return moment.astimezone().strftime("%Y-%m-%d %H:%M") if moment else "?"

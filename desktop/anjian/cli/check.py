"""``anjian-cli check``: is there a state, where is it, and what needs attention.

Issue #7 adds the due reminders and findings; for now it reports the state.
"""

from __future__ import annotations

import argparse
from typing import Any

from anjian.cli import EXIT_FINDINGS, EXIT_OK, Output
from anjian.i18n import N_, Text


def run(args: argparse.Namespace, out: Output) -> int:
    """Say whether a state exists and where it is kept."""
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

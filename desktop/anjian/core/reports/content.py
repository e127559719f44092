"""What the reports say, as data: a title and sections of paragraphs and table rows.

A cell is either a :class:`Text` (rendered in the reader's language) or a
plain ``str`` (the user's own data, such as an account name, shown as typed
and always escaped). Reports are built from the state document's records only:
secrets are separate keyring entries that no report builder is ever given, so
no report can contain one. Times are shown in the zone of the ``now`` passed in.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import fields
from datetime import datetime
from typing import TYPE_CHECKING, Union

from anjian.core.backups.register import (
    KIND_NAMES,
    BackupRecord,
    due_items,
    finding_text,
    findings,
)
from anjian.core.incidents.incident import (
    EVIDENCE_NAMES,
    STATUS_NAMES,
    Incident,
    Status,
    timeline,
)
from anjian.core.incidents.playbook import STEPS
from anjian.core.state import AccountKind, State
from anjian.i18n import N_, Text
from anjian.record import record

if TYPE_CHECKING:
    from anjian.core.checklist.evaluate import ItemStatus
    from anjian.core.checklist.overview import Overview

Cell = Union[Text, str]


@record
class ReportSection:
    """A heading with paragraphs and, optionally, a table."""

    heading: Text
    paragraphs: tuple[Cell, ...] = ()
    columns: tuple[Text, ...] = ()
    rows: tuple[tuple[Cell, ...], ...] = ()
    empty: Text | None = None  # said instead of an empty table


@record
class Report:
    """A whole report."""

    title: Text
    subtitle: Text
    sections: tuple[ReportSection, ...]
    footer: Text


ACCOUNT_KIND_NAMES: Mapping[AccountKind, str] = {
    AccountKind.WALLET: N_("Wallet"),
    AccountKind.EXCHANGE: N_("Exchange"),
    AccountKind.PAYMENT: N_("Payment app"),
    AccountKind.CHAT: N_("Chat app"),
    AccountKind.EMAIL: N_("Email"),
    AccountKind.OTHER: N_("Other"),
}

_FOOTER = N_("Made with Anjian. This report never contains passwords, recovery phrases, "
             "keys or two-step verification secrets: if anyone asks you for those, it is a "
             "scam.")

# Sections of the state document that are not records of a feature.
_NOT_FEATURES = frozenset({"created", "schema_version", "extra", "secrets"})


def when(moment: datetime | None, now: datetime, with_time: bool = True) -> str:
    """``moment`` in ``now``'s time zone, or a dash."""
    if moment is None:
        return "—"
    local = moment.astimezone(now.tzinfo)
    return local.strftime("%Y-%m-%d %H:%M") if with_time else local.strftime("%Y-%m-%d")


def _account_name(state: State, account_id: str | None) -> Cell:
    if account_id is None:
        return Text(N_("(no account)"))
    account = state.account(account_id)
    return account.name if account is not None else Text(N_("(removed account)"))


def _recorded_sections(state: State) -> tuple[tuple[str, int], ...]:
    """Every feature section in the state and how many records it holds (counts only)."""
    found = []
    for item in fields(state):
        value = getattr(state, item.name)
        if item.name not in _NOT_FEATURES and isinstance(value, tuple):
            found.append((item.name, len(value)))
    for name, value in state.extra.items():
        if isinstance(value, (list, dict)):
            found.append((name, len(value)))
    return tuple(found)


_UNDECIDED = {
    "pending": N_("Not answered yet."),
    "later": N_("Put off for later."),
    "attention": N_("Due again."),
}


def _why(status: ItemStatus) -> Cell:
    if status.reason is not None:
        return status.reason
    return Text(_UNDECIDED.get(status.status.value, N_("Needs attention.")))


def _checklist_sections(checklist: Overview, now: datetime) -> tuple[ReportSection, ...]:
    """The checklist's findings (what the score lost and why) and everything due."""
    deductions = ReportSection(
        Text(N_("Checklist findings")),
        paragraphs=(Text(N_("Score: {score} of 100."), {"score": checklist.score.value}),),
        columns=(Text(N_("Item")), Text(N_("Why")), Text(N_("Points lost"))),
        rows=tuple((Text(d.status.item.title), _why(d.status), str(d.points))
                   for d in checklist.score.deductions),
        empty=Text(N_("Every checklist item is done.")),
    )
    due = ReportSection(
        Text(N_("Due items")),
        columns=(Text(N_("What")), Text(N_("Due")), Text(N_("Why"))),
        rows=tuple((d.title, when(d.due_at, now, with_time=False), d.reason or "—")
                   for d in (*checklist.due_now, *checklist.due_soon)),
        empty=Text(N_("Nothing is due.")),
    )
    return deductions, due


def security_report(state: State, now: datetime, checklist: Overview | None = None) -> Report:
    """The overall report: findings, what is due, and a summary per account.

    With the checklist's ``Overview`` the report leads with its score, what the
    score lost and why, and every due item of every feature; without it, the
    backup register's own due items stand in.
    """
    backup_findings = [(r, f) for r in state.backups for f in findings(r, now)]
    open_incidents = [i for i in state.incidents if i.status is not Status.CLOSED]
    lost = len(checklist.score.deductions) if checklist is not None else 0
    summary = ReportSection(
        Text(N_("Summary")),
        paragraphs=(
            Text(N_("Accounts: {accounts}. Backups recorded: {backups}. Incidents in "
                    "progress: {incidents}."),
                 {"accounts": len(state.accounts), "backups": len(state.backups),
                  "incidents": len(open_incidents)}),
            Text(N_("Findings to look at: {count}."), {"count": len(backup_findings) + lost}),
        ),
    )
    finding_rows = tuple(
        (Text(KIND_NAMES[r.kind]), _account_name(state, r.account_id), r.location or "—",
         finding_text(r, f))
        for r, f in backup_findings
    )
    finding_section = ReportSection(
        Text(N_("Backup findings")),
        columns=(Text(N_("Item")), Text(N_("Account")), Text(N_("Where it is kept")),
                 Text(N_("Finding"))),
        rows=finding_rows, empty=Text(N_("Nothing needs attention.")),
    )
    if checklist is not None:
        checklist_findings, due_section = _checklist_sections(checklist, now)
        leading: tuple[ReportSection, ...] = (summary, checklist_findings, due_section,
                                              finding_section)
    else:
        due_rows = tuple(
            (Text(KIND_NAMES[r.kind]), _account_name(state, r.account_id), r.location,
             when(r.due(), now, with_time=False))
            for r in due_items(state.backups, now)
        )
        due_section = ReportSection(
            Text(N_("Due items")),
            columns=(Text(N_("Item")), Text(N_("Account")), Text(N_("Where it is kept")),
                     Text(N_("Due"))),
            rows=due_rows, empty=Text(N_("Nothing is due.")),
        )
        leading = (summary, finding_section, due_section)
    account_rows = tuple(_account_row(state, a.id, now) for a in state.accounts)
    accounts_section = ReportSection(
        Text(N_("Accounts")),
        columns=(Text(N_("Account")), Text(N_("Kind")), Text(N_("Backups")),
                 Text(N_("Findings")), Text(N_("Incidents"))),
        rows=account_rows, empty=Text(N_("No accounts recorded yet.")),
    )
    incident_rows = tuple(
        (i.account_name, Text(STATUS_NAMES[i.status]), when(i.opened, now),
         Text(N_("{done} of {total}"), {"done": i.done_count, "total": len(i.steps)}))
        for i in state.incidents
    )
    incidents_section = ReportSection(
        Text(N_("Incidents")),
        columns=(Text(N_("Account")), Text(N_("Status")), Text(N_("Opened")),
                 Text(N_("Steps done"))),
        rows=incident_rows, empty=Text(N_("No incidents recorded.")),
    )
    recorded = ReportSection(
        Text(N_("What Anjian records")),
        columns=(Text(N_("Section")), Text(N_("Records"))),
        rows=tuple((name, str(count)) for name, count in _recorded_sections(state)),
    )
    return Report(
        title=Text(N_("Account security report")),
        subtitle=Text(N_("Made on {time}"), {"time": when(now, now)}),
        sections=(*leading, accounts_section, incidents_section, recorded),
        footer=Text(_FOOTER),
    )


def _account_row(state: State, account_id: str, now: datetime) -> tuple[Cell, ...]:
    account = state.account(account_id)
    assert account is not None
    backups: list[BackupRecord] = [b for b in state.backups if b.account_id == account_id]
    count = sum(len(findings(b, now)) for b in backups)
    incidents = [i for i in state.incidents if i.account_id == account_id]
    return (account.name, Text(ACCOUNT_KIND_NAMES[account.kind]), str(len(backups)),
            str(count), str(len(incidents)))


def incident_report(incident: Incident, now: datetime, support: str | None = None) -> Report:
    """The report of one incident for support or the police: steps, timeline, evidence."""
    about = ReportSection(
        Text(N_("The account")),
        paragraphs=tuple(p for p in (
            Text(N_("Account: {name} ({kind})"),
                 {"name": incident.account_name,
                  "kind": Text(ACCOUNT_KIND_NAMES[incident.account_kind])}),
            Text(N_("Incident opened: {time}. Status: {status}."),
                 {"time": when(incident.opened, now), "status": Text(STATUS_NAMES[incident.status])}),
            Text(N_("Official support channel: {channel}"), {"channel": support})
            if support else None,
        ) if p is not None),
    )
    steps = ReportSection(
        Text(N_("Steps taken")),
        columns=(Text(N_("Step")), Text(N_("Done")), Text(N_("Notes"))),
        rows=tuple(
            (Text(STEPS[s.step_id].title) if s.step_id in STEPS else s.step_id,
             when(s.done_at, now) if s.done_at else Text(N_("not yet")), s.notes)
            for s in incident.steps
        ),
    )
    events = ReportSection(
        Text(N_("Timeline")),
        columns=(Text(N_("Time")), Text(N_("What happened")), Text(N_("Details"))),
        rows=tuple((when(e.at, now), e.text, e.notes) for e in timeline(incident)),
    )
    evidence = ReportSection(
        Text(N_("Evidence")),
        columns=(Text(N_("Kind")), Text(N_("Value")), Text(N_("When it happened")),
                 Text(N_("Notes"))),
        rows=tuple(
            (Text(EVIDENCE_NAMES[e.kind]), e.value, when(e.when, now), e.notes)
            for e in incident.evidence
        ),
        empty=Text(N_("No evidence recorded yet.")),
    )
    return Report(
        title=Text(N_("Incident report: {account}"), {"account": incident.account_name}),
        subtitle=Text(N_("Made on {time}"), {"time": when(now, now)}),
        sections=(about, steps, events, evidence),
        footer=Text(_FOOTER),
    )

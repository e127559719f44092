"""An incident: working through the playbook for one stolen account, with times and evidence.

Every change is a new immutable :class:`Incident`; the times come in as ``now``.
The steps are copied from the playbook when the incident is opened, so a later
change of the playbook never reorders a record someone handed to the police.
An incident can be paused (waiting for support to answer) and resumed; a
closed one stays in the history and can be reopened.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from datetime import datetime
from enum import Enum
from typing import Any

from anjian.core.document import (
    iso,
    malformed,
    read_id,
    read_list,
    read_optional_time,
    read_record,
    read_str,
    read_time,
    utc,
)
from anjian.core.incidents.playbook import STEPS, steps_for
from anjian.core.state import Account, AccountKind
from anjian.i18n import N_, Text
from anjian.record import record

SECTION_KEY = "incidents"
_MAX_TEXT = 4000  # notes and evidence are short texts, not files


class Status(str, Enum):
    """Where an incident stands."""

    OPEN = "open"
    PAUSED = "paused"
    CLOSED = "closed"


STATUS_NAMES: Mapping[Status, str] = {
    Status.OPEN: N_("In progress"),
    Status.PAUSED: N_("Paused"),
    Status.CLOSED: N_("Closed"),
}


class EvidenceKind(str, Enum):
    """What a piece of evidence is."""

    TRANSACTION = "transaction"
    LOGIN = "login"
    SCREENSHOT = "screenshot"
    NOTE = "note"


EVIDENCE_NAMES: Mapping[EvidenceKind, str] = {
    EvidenceKind.TRANSACTION: N_("Transaction id"),
    EvidenceKind.LOGIN: N_("Login record"),
    EvidenceKind.SCREENSHOT: N_("Screenshot (file path)"),
    EvidenceKind.NOTE: N_("Other"),
}


@record
class StepRecord:
    """One playbook step in an incident: done when, with which notes."""

    step_id: str
    done_at: datetime | None = None
    notes: str = ""


@record
class Evidence:
    """One piece of evidence: a transaction id, a login record, a screenshot's path."""

    id: str
    kind: EvidenceKind
    value: str
    added: datetime
    when: datetime | None = None  # when it happened, if known
    notes: str = ""


@record
class Event:
    """A moment of the incident's own history: opened, paused, resumed, closed, reopened."""

    at: datetime
    what: str  # one of EVENT_TEXTS


EVENT_TEXTS: Mapping[str, str] = {
    "opened": N_("Incident opened"),
    "paused": N_("Paused"),
    "resumed": N_("Resumed"),
    "closed": N_("Closed"),
    "reopened": N_("Reopened"),
}


@record
class Incident:
    """Working through the playbook for one account."""

    id: str
    account_id: str
    account_name: str  # as it was when opened: the account may be renamed or removed
    account_kind: AccountKind
    opened: datetime
    steps: tuple[StepRecord, ...]
    status: Status = Status.OPEN
    evidence: tuple[Evidence, ...] = ()
    events: tuple[Event, ...] = ()

    @property
    def done_count(self) -> int:
        """How many steps are checked off."""
        return sum(s.done_at is not None for s in self.steps)

    def step(self, step_id: str) -> StepRecord | None:
        """The record of one step, if the incident has it."""
        return next((s for s in self.steps if s.step_id == step_id), None)


def open_incident(incident_id: str, account: Account, now: datetime) -> Incident:
    """A new incident for ``account``, with its kind's playbook steps, opened at ``now``."""
    return Incident(
        id=incident_id,
        account_id=account.id,
        account_name=account.name,
        account_kind=account.kind,
        opened=utc(now),
        steps=tuple(StepRecord(s.id) for s in steps_for(account.kind)),
        events=(Event(utc(now), "opened"),),
    )


class IncidentClosed(ValueError):
    """A closed or paused incident was changed; reopen or resume it first."""


def _require_open(incident: Incident) -> None:
    if incident.status is not Status.OPEN:
        raise IncidentClosed(incident.status.value)


def check_step(incident: Incident, step_id: str, now: datetime, notes: str | None = None
               ) -> Incident:
    """Mark a step done at ``now`` (keeping an earlier time), optionally with notes."""
    _require_open(incident)
    return _change_step(incident, step_id, lambda s: replace(
        s, done_at=s.done_at or utc(now), notes=s.notes if notes is None else _short(notes)))


def uncheck_step(incident: Incident, step_id: str) -> Incident:
    """Mark a step not done again (its notes stay)."""
    _require_open(incident)
    return _change_step(incident, step_id, lambda s: replace(s, done_at=None))


def set_notes(incident: Incident, step_id: str, notes: str) -> Incident:
    """Replace a step's notes."""
    _require_open(incident)
    return _change_step(incident, step_id, lambda s: replace(s, notes=_short(notes)))


def _change_step(incident: Incident, step_id: str, change: Any) -> Incident:
    if incident.step(step_id) is None:
        raise KeyError(step_id)
    steps = tuple(change(s) if s.step_id == step_id else s for s in incident.steps)
    return replace(incident, steps=steps)


def add_evidence(incident: Incident, evidence: Evidence) -> Incident:
    """Add one piece of evidence (allowed while paused: a reply can come any time)."""
    if incident.status is Status.CLOSED:
        raise IncidentClosed(incident.status.value)
    shortened = replace(evidence, value=_short(evidence.value), notes=_short(evidence.notes))
    return replace(incident, evidence=(*incident.evidence, shortened))


def remove_evidence(incident: Incident, evidence_id: str) -> Incident:
    """Remove one piece of evidence."""
    if incident.status is Status.CLOSED:
        raise IncidentClosed(incident.status.value)
    return replace(incident, evidence=tuple(e for e in incident.evidence if e.id != evidence_id))


_TRANSITIONS: Mapping[str, tuple[frozenset[Status], Status]] = {
    "paused": (frozenset({Status.OPEN}), Status.PAUSED),
    "resumed": (frozenset({Status.PAUSED}), Status.OPEN),
    "closed": (frozenset({Status.OPEN, Status.PAUSED}), Status.CLOSED),
    "reopened": (frozenset({Status.CLOSED}), Status.OPEN),
}


def transition(incident: Incident, what: str, now: datetime) -> Incident:
    """Pause, resume, close or reopen at ``now``; ``ValueError`` if not possible from here."""
    allowed, target = _TRANSITIONS[what]
    if incident.status not in allowed:
        raise IncidentClosed(incident.status.value)
    return replace(incident, status=target, events=(*incident.events, Event(utc(now), what)))


def _short(text: str) -> str:
    return text[:_MAX_TEXT]


@record
class TimelineEntry:
    """One line of the incident's timeline, oldest first."""

    at: datetime
    text: Text
    notes: str = ""


def timeline(incident: Incident) -> tuple[TimelineEntry, ...]:
    """Everything that happened, in time order: events, steps done, evidence added."""
    entries = [TimelineEntry(e.at, Text(EVENT_TEXTS[e.what])) for e in incident.events]
    for record in incident.steps:
        step = STEPS.get(record.step_id)
        if record.done_at is not None and step is not None:
            entries.append(TimelineEntry(
                record.done_at, Text(N_("Done: {step}"), {"step": Text(step.title)}), record.notes))
    for item in incident.evidence:
        entries.append(TimelineEntry(
            item.added, Text(N_("Evidence added: {kind}"), {"kind": Text(EVIDENCE_NAMES[item.kind])}),
            item.value))
    return tuple(sorted(entries, key=lambda e: e.at))


# -- the document section ------------------------------------------------------


def to_section(incidents: tuple[Incident, ...]) -> list[dict[str, Any]]:
    """The incidents as plain JSON-ready data."""
    return [
        {
            "id": i.id,
            "account_id": i.account_id,
            "account_name": i.account_name,
            "account_kind": i.account_kind.value,
            "opened": iso(i.opened),
            "status": i.status.value,
            "steps": [{"id": s.step_id, "done_at": iso(s.done_at), "notes": s.notes}
                      for s in i.steps],
            "evidence": [{"id": e.id, "kind": e.kind.value, "value": e.value,
                          "added": iso(e.added), "when": iso(e.when), "notes": e.notes}
                         for e in i.evidence],
            "events": [{"at": iso(e.at), "what": e.what} for e in i.events],
        }
        for i in incidents
    ]


def from_section(doc: Mapping[str, Any]) -> tuple[Incident, ...]:
    """The incidents of the ``incidents`` section (absent: none); raises DocumentError."""
    incidents = tuple(
        _incident(raw, f"{SECTION_KEY}[{i}]")
        for i, raw in enumerate(read_list(doc, SECTION_KEY))
    )
    if len({i.id for i in incidents}) != len(incidents):
        raise malformed(SECTION_KEY)
    return incidents


def _enum(enum: type[Any], record: Mapping[str, Any], key: str, where: str) -> Any:
    try:
        return enum(read_str(record, key, where))
    except ValueError:
        raise malformed(f"{where}.{key}") from None


def _incident(raw: Any, where: str) -> Incident:
    record = read_record(raw, where)
    steps = []
    for n, item in enumerate(read_list(record, "steps", where)):
        step_where = f"{where}.steps[{n}]"
        step = read_record(item, step_where)
        steps.append(StepRecord(
            # Unknown step ids are kept (a newer playbook); they are shown by id.
            step_id=read_id(step, "id", step_where),
            done_at=read_optional_time(step, "done_at", step_where),
            notes=read_str(step, "notes", step_where, default=""),
        ))
    evidence = []
    for n, item in enumerate(read_list(record, "evidence", where)):
        ev_where = f"{where}.evidence[{n}]"
        ev = read_record(item, ev_where)
        evidence.append(Evidence(
            id=read_id(ev, "id", ev_where),
            kind=_enum(EvidenceKind, ev, "kind", ev_where),
            value=read_str(ev, "value", ev_where),
            added=read_time(ev, "added", ev_where),
            when=read_optional_time(ev, "when", ev_where),
            notes=read_str(ev, "notes", ev_where, default=""),
        ))
    events = []
    for n, item in enumerate(read_list(record, "events", where)):
        ev_where = f"{where}.events[{n}]"
        ev = read_record(item, ev_where)
        what = read_str(ev, "what", ev_where)
        if what not in EVENT_TEXTS:
            raise malformed(f"{ev_where}.what")
        events.append(Event(read_time(ev, "at", ev_where), what))
    return Incident(
        id=read_id(record, "id", where),
        account_id=read_id(record, "account_id", where),
        account_name=read_str(record, "account_name", where),
        account_kind=_enum(AccountKind, record, "account_kind", where),
        opened=read_time(record, "opened", where),
        status=_enum(Status, record, "status", where),
        steps=tuple(steps),
        evidence=tuple(evidence),
        events=tuple(events),
    )

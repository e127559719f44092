"""Working through an incident: check-off times, notes, evidence, pause and resume."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

from anjian.core.document import DocumentError
from anjian.core.incidents.incident import (
    Evidence,
    EvidenceKind,
    IncidentClosed,
    Status,
    add_evidence,
    check_step,
    from_section,
    open_incident,
    remove_evidence,
    set_notes,
    timeline,
    to_section,
    transition,
    uncheck_step,
)
from anjian.core.incidents.playbook import steps_for
from anjian.core.state import Account, AccountKind, State, from_document, to_document

T0 = datetime(2026, 5, 1, 8, 0, tzinfo=timezone.utc)
ACCOUNT = Account(id="acct-1", name="支付宝", kind=AccountKind.PAYMENT)


def opened():
    return open_incident("inc-1", ACCOUNT, T0)


def test_a_new_incident_has_its_kinds_steps_none_done():
    incident = opened()
    assert [s.step_id for s in incident.steps] == [s.id for s in steps_for(AccountKind.PAYMENT)]
    assert incident.done_count == 0
    assert incident.status is Status.OPEN


def test_checking_a_step_records_the_time_and_notes():
    incident = check_step(opened(), "contact-support", T0 + timedelta(minutes=5), "case 12345")
    step = incident.step("contact-support")
    assert step.done_at == T0 + timedelta(minutes=5)
    assert step.notes == "case 12345"


def test_checking_a_step_again_keeps_the_first_time():
    incident = check_step(opened(), "change-password", T0)
    incident = check_step(incident, "change-password", T0 + timedelta(hours=1))
    assert incident.step("change-password").done_at == T0


def test_unchecking_keeps_the_notes():
    incident = check_step(opened(), "change-password", T0, "new one set")
    incident = uncheck_step(incident, "change-password")
    assert incident.step("change-password").done_at is None
    assert incident.step("change-password").notes == "new one set"


def test_a_step_not_in_the_playbook_is_refused():
    with pytest.raises(KeyError):
        check_step(opened(), "move-funds", T0)


def test_a_paused_incident_refuses_check_offs_until_resumed():
    paused = transition(opened(), "paused", T0)
    with pytest.raises(IncidentClosed):
        check_step(paused, "change-password", T0)
    resumed = transition(paused, "resumed", T0 + timedelta(days=1))
    assert check_step(resumed, "change-password", T0).step("change-password").done_at == T0


def test_evidence_may_be_added_while_paused_but_not_when_closed():
    evidence = Evidence("ev-1", EvidenceKind.TRANSACTION, "TX-2026-0001", T0)
    paused = transition(opened(), "paused", T0)
    assert add_evidence(paused, evidence).evidence == (evidence,)
    closed = transition(opened(), "closed", T0)
    with pytest.raises(IncidentClosed):
        add_evidence(closed, evidence)


def test_a_closed_incident_can_be_reopened():
    closed = transition(opened(), "closed", T0)
    assert transition(closed, "reopened", T0).status is Status.OPEN


def test_resuming_an_open_incident_is_refused():
    with pytest.raises(IncidentClosed):
        transition(opened(), "resumed", T0)


def test_evidence_can_be_removed():
    evidence = Evidence("ev-1", EvidenceKind.SCREENSHOT, "/home/me/shot.png", T0)
    assert remove_evidence(add_evidence(opened(), evidence), "ev-1").evidence == ()


def test_the_timeline_is_in_time_order_with_events_steps_and_evidence():
    incident = opened()
    incident = add_evidence(incident, Evidence("ev-1", EvidenceKind.TRANSACTION, "TX-9",
                                               T0 + timedelta(minutes=30)))
    incident = check_step(incident, "secure-email", T0 + timedelta(minutes=10))
    incident = transition(incident, "paused", T0 + timedelta(hours=2))
    entries = timeline(incident)
    assert [e.at for e in entries] == sorted(e.at for e in entries)
    assert [e.text.msgid for e in entries] == [
        "Incident opened", "Done: {step}", "Evidence added: {kind}", "Paused"]
    assert entries[2].notes == "TX-9"


def test_incidents_survive_the_document_round_trip():
    incident = check_step(opened(), "secure-email", T0, "changed")
    incident = add_evidence(incident, Evidence("ev-1", EvidenceKind.LOGIN, "登录 北京 03:12", T0,
                                               when=T0 - timedelta(hours=5), notes="unknown"))
    incident = transition(incident, "closed", T0 + timedelta(days=2))
    state = State(created=T0, incidents=(incident,))
    assert from_document(to_document(state)).incidents == (incident,)


def test_notes_are_cut_to_a_sane_length():
    incident = set_notes(opened(), "secure-email", "x" * 10_000)
    assert len(incident.step("secure-email").notes) == 4000


def test_an_unknown_event_is_malformed():
    raw = to_section((opened(),))[0]
    raw["events"][0]["what"] = "exploded"
    with pytest.raises(DocumentError) as caught:
        from_section({"incidents": [raw]})
    assert "incidents[0].events[0].what" in str(caught.value)


def test_a_document_without_the_section_loads_as_empty():
    assert from_section({}) == ()

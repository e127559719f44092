"""The backup register: cadences, findings and due items with injected time."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

from anjian.core.backups.register import (
    DEFAULT_CADENCE_MONTHS,
    BackupKind,
    BackupRecord,
    Finding,
    add_months,
    due_items,
    finding_text,
    findings,
    from_section,
    snooze,
    to_section,
)
from anjian.core.document import DocumentError
from anjian.core.state import State, from_document, to_document

MADE = datetime(2026, 1, 10, 9, 0, tzinfo=timezone.utc)


def record(kind=BackupKind.RECOVERY_PHRASE, **changes) -> BackupRecord:
    values = {"id": "b1", "kind": kind, "location": "steel plate, home safe", "copies": 2,
              "done": MADE, "tested": MADE}
    values.update(changes)
    return BackupRecord(**values)


def test_seed_phrase_tests_are_due_every_six_months_by_default():
    assert DEFAULT_CADENCE_MONTHS[BackupKind.RECOVERY_PHRASE] == 6
    assert record().due() == datetime(2026, 7, 10, 9, 0, tzinfo=timezone.utc)


def test_transaction_exports_are_due_every_three_months_by_default():
    assert record(BackupKind.TRANSACTIONS, tested=None).due() == datetime(
        2026, 4, 10, 9, 0, tzinfo=timezone.utc)


def test_a_test_restarts_the_cadence_from_the_test_date():
    tested = MADE + timedelta(days=100)
    assert record(tested=tested).due() == add_months(tested, 6)


def test_an_own_cadence_replaces_the_default():
    assert record(cadence_months=1).due() == datetime(2026, 2, 10, 9, 0, tzinfo=timezone.utc)


def test_add_months_clamps_to_the_end_of_a_short_month():
    assert add_months(datetime(2026, 8, 31, tzinfo=timezone.utc), 6) == datetime(
        2027, 2, 28, tzinfo=timezone.utc)


def test_a_backup_never_made_is_only_reported_as_never_backed_up():
    assert findings(record(done=None, tested=None, copies=0), MADE) == (Finding.NEVER_BACKED_UP,)


def test_a_phrase_never_tested_is_reported():
    assert Finding.NEVER_TESTED in findings(record(tested=None), MADE)


def test_an_export_is_never_reported_as_untested():
    assert Finding.NEVER_TESTED not in findings(record(BackupKind.TRANSACTIONS, tested=None), MADE)


def test_overdue_starts_on_the_due_date_and_not_before():
    r = record()
    assert Finding.OVERDUE not in findings(r, r.due() - timedelta(seconds=1))
    assert Finding.OVERDUE in findings(r, r.due())


def test_a_snooze_hides_overdue_until_it_ends():
    r = record()
    later = r.due() + timedelta(days=3)
    snoozed = snooze(r, later, days=7)
    assert Finding.OVERDUE not in findings(snoozed, later + timedelta(days=6))
    assert Finding.OVERDUE in findings(snoozed, later + timedelta(days=7))


def test_a_single_copy_of_a_phrase_is_reported():
    assert Finding.SINGLE_COPY in findings(record(copies=1), MADE)
    assert Finding.SINGLE_COPY not in findings(record(copies=2), MADE)


def test_a_single_copy_of_an_export_is_not_reported():
    assert Finding.SINGLE_COPY not in findings(record(BackupKind.TRANSACTIONS, copies=1), MADE)


def test_overdue_text_names_the_due_date():
    assert "2026-07-10" in str(finding_text(record(), Finding.OVERDUE))


def test_due_items_put_never_made_first_then_the_most_overdue():
    never = record(id="never", done=None, tested=None)
    old = record(id="old", done=MADE - timedelta(days=400), tested=None)
    recent = record(id="recent", copies=1)
    fine = record(id="fine", done=MADE, tested=MADE)
    now = MADE + timedelta(days=10)
    assert [r.id for r in due_items((recent, fine, old, never), now)] == [
        "never", "old", "recent"]


def test_records_survive_the_document_round_trip():
    state = State(created=MADE, backups=(record(snoozed_until=MADE, cadence_months=4),
                                         record(id="b2", kind=BackupKind.TRANSACTIONS,
                                                done=None, tested=None)))
    assert from_document(to_document(state)).backups == state.backups


def test_a_document_without_the_section_loads_as_empty():
    assert from_section({}) == ()


@pytest.mark.parametrize("field,value", [
    ("kind", "paper"), ("copies", -1), ("copies", "2"), ("cadence_months", 0),
    ("done", "yesterday"), ("id", "Not An Id"),
])
def test_a_malformed_record_names_its_field(field, value):
    raw = to_section((record(),))[0]
    raw[field] = value
    with pytest.raises(DocumentError) as caught:
        from_section({"backups": [raw]})
    assert f"backups[0].{field}" in str(caught.value)


def test_the_same_id_twice_is_refused():
    raw = to_section((record(),))[0]
    with pytest.raises(DocumentError):
        from_section({"backups": [raw, raw]})

"""The checklist checks of the backup register, with injected time."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

from anjian.content import checklist
from anjian.core.backups.register import BackupKind, BackupRecord, add_months
from anjian.core.checklist.checks import CHECKS
from anjian.core.checklist.overview import overview
from anjian.core.state import Account, AccountKind, State
from anjian.i18n import load_catalogue

check_recorded = CHECKS["backups.recorded"]
check_tested = CHECKS["backups.tested"]

MADE = datetime(2026, 1, 10, 9, 0, tzinfo=timezone.utc)
WALLET = Account(id="w1", name="OK 钱包", kind=AccountKind.WALLET)
CHAT = Account(id="c1", name="微信", kind=AccountKind.CHAT)


def record(kind=BackupKind.RECOVERY_PHRASE, **changes) -> BackupRecord:
    values = {"id": "b1", "kind": kind, "location": "steel plate, home safe",
              "account_id": WALLET.id, "copies": 2, "done": MADE, "tested": MADE}
    values.update(changes)
    return BackupRecord(**values)


def state(*backups: BackupRecord, accounts=(WALLET,)) -> State:
    return State(created=MADE, accounts=tuple(accounts), backups=backups)


# -- backups.recorded ---------------------------------------------------------------


def test_without_wallets_or_backups_the_users_answer_decides():
    assert check_recorded(state(accounts=(CHAT,)), MADE).satisfied is None


def test_a_wallet_without_a_phrase_or_key_backup_is_never_backed_up():
    result = check_recorded(state(record(BackupKind.TRANSACTIONS)), MADE)
    assert result.satisfied is False
    assert "backups-recorded:w1" in [d.id for d in result.due]
    assert "1 wallet(s)" in str(result.reason)


def test_a_wallet_with_a_made_phrase_backup_in_two_copies_is_recorded():
    assert check_recorded(state(record()), MADE + timedelta(days=1)).satisfied is True


def test_a_registered_backup_not_made_yet_is_due_now():
    result = check_recorded(state(record(done=None, tested=None)), MADE)
    assert result.satisfied is False
    due = {d.id: d for d in result.due}
    assert due["backups-recorded:b1"].due_at == MADE
    assert "Recovery phrase (OK 钱包)" in str(due["backups-recorded:b1"].title)


def test_a_single_copy_of_a_phrase_fails_the_item():
    result = check_recorded(state(record(copies=1)), MADE + timedelta(days=1))
    assert result.satisfied is False
    assert "only one copy" in str(result.reason)


def test_a_single_copy_of_an_export_is_fine():
    export = record(BackupKind.TRANSACTIONS, id="t1", copies=1, tested=None)
    assert check_recorded(state(record(), export), MADE + timedelta(days=1)).satisfied is True


def test_an_export_is_due_again_after_three_months():
    export = record(BackupKind.TRANSACTIONS, id="t1", tested=None)
    before = check_recorded(state(record(), export), add_months(MADE, 3) - timedelta(seconds=1))
    after = check_recorded(state(record(), export), add_months(MADE, 3))
    assert before.satisfied is True
    assert {d.id: d.due_at for d in before.due}["backups-recorded:t1"] == add_months(MADE, 3)
    assert after.satisfied is False and "1 export(s) are overdue" in str(after.reason)


def test_a_snoozed_export_is_due_when_the_snooze_ends():
    until = add_months(MADE, 3) + timedelta(days=7)
    export = record(BackupKind.TRANSACTIONS, id="t1", tested=None, snoozed_until=until)
    result = check_recorded(state(record(), export), add_months(MADE, 3) + timedelta(days=1))
    assert result.satisfied is True
    assert {d.id: d.due_at for d in result.due}["backups-recorded:t1"] == until


# -- backups.tested -----------------------------------------------------------------


def test_without_a_testable_backup_made_the_users_answer_decides():
    only_export = record(BackupKind.TRANSACTIONS, tested=None)
    assert check_tested(state(only_export), MADE).satisfied is None
    assert check_tested(state(record(done=None, tested=None)), MADE).satisfied is None


def test_a_phrase_never_tested_is_due_since_it_was_made():
    result = check_tested(state(record(tested=None)), MADE + timedelta(days=3))
    assert result.satisfied is False
    assert [(d.id, d.due_at) for d in result.due] == [("backups-tested:b1", MADE)]
    assert "never tested" in str(result.reason)


def test_a_phrase_tested_within_six_months_is_satisfied_and_due_at_six_months():
    result = check_tested(state(record()), add_months(MADE, 6) - timedelta(seconds=1))
    assert result.satisfied is True
    assert [d.due_at for d in result.due] == [add_months(MADE, 6)]


def test_a_phrase_test_older_than_six_months_is_overdue():
    result = check_tested(state(record()), add_months(MADE, 6))
    assert result.satisfied is False
    assert "overdue for a test" in str(result.reason)


def test_a_later_test_moves_the_due_date():
    again = MADE + timedelta(days=100)
    result = check_tested(state(record(tested=again)), add_months(MADE, 6))
    assert result.satisfied is True
    assert [d.due_at for d in result.due] == [add_months(again, 6)]


def test_an_own_cadence_is_used_for_the_test():
    result = check_tested(state(record(cadence_months=1)), add_months(MADE, 1))
    assert result.satisfied is False


# -- through the checklist ------------------------------------------------------------


def test_the_overview_lists_the_backup_due_items_and_deducts_points():
    now = add_months(MADE, 7)
    view = overview(state(record(tested=None, copies=1)), checklist(), now)
    due_ids = {d.id for d in view.due_now}
    # A check with due records lists them; one without lists the item itself.
    assert {"backups-tested:b1", "backups-recorded"} <= due_ids
    deducted = {d.status.item.id for d in view.score.deductions}
    assert {"backups-recorded", "backups-tested"} <= deducted


def test_due_titles_are_rendered_with_the_kind_translated_inside():
    result = check_tested(state(record(tested=None)), MADE)
    catalogue = load_catalogue("en")
    assert catalogue.render(result.due[0].title) == "Test the backup: Recovery phrase (OK 钱包)"

"""The checklist's checks for the backup register.

``backups.recorded`` decides "Back up recovery phrases, keys and transaction
records": every wallet has a backup of its phrase or key recorded, every
recorded backup was made, phrases and keys are kept in more than one copy,
and exports (transaction records, Anjian's own state) are made again on their
cadence. ``backups.tested`` decides "Test your recovery-phrase backup": every
backup that can be tested (phrases, keys, recovery codes, authenticator
backups) was tested, and within its cadence.

Both say ``None`` (the user's own answer decides) while there is nothing to
judge by. Each record that needs doing is a :class:`DueItem` of its own, with
the stable id ``<item id>:<record id>``. A record's own snooze (the Backups
page's "Remind me in a week") moves its due item to the snooze's end.
Registered in :data:`anjian.core.checklist.checks.CHECKS`.
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from anjian.core.backups.register import (
    KIND_NAMES,
    TESTABLE,
    BackupKind,
    BackupRecord,
    Finding,
    findings,
)
from anjian.core.document import utc
from anjian.core.state import AccountKind, State
from anjian.i18n import N_, Text

if TYPE_CHECKING:
    from anjian.core.checklist.checks import CheckResult
    from anjian.core.reminders.due_item import DueItem

RECORDED_ITEM = "backups-recorded"
TESTED_ITEM = "backups-tested"
SECTION = "backups"

# What counts as a backup of a wallet: without its phrase or key the funds are gone.
_WALLET_BACKUPS = frozenset({BackupKind.RECOVERY_PHRASE, BackupKind.PRIVATE_KEY})


def _what(state: State, record: BackupRecord) -> Text:
    """"Recovery phrase (OK Wallet)", or the kind alone when no account is named."""
    account = state.account(record.account_id) if record.account_id else None
    kind = Text(KIND_NAMES[record.kind])
    if account is None:
        return kind
    return Text(N_("{kind} ({account})"), {"kind": kind, "account": account.name})


def _due_at(record: BackupRecord, when: datetime) -> datetime:
    """``when``, or the end of the record's snooze if that is later."""
    if record.snoozed_until is not None and record.snoozed_until > when:
        return record.snoozed_until
    return when


def backups_recorded(state: State, now: datetime) -> CheckResult:
    """Wallets are backed up, recorded backups exist in two copies, exports are current."""
    from anjian.core.checklist.checks import CheckResult
    from anjian.core.reminders.due_item import DueItem

    now = utc(now)
    wallets = [a for a in state.accounts if a.kind is AccountKind.WALLET]
    if not state.backups and not wallets:
        return CheckResult(None)
    due: list[DueItem] = []
    backed_up = {r.account_id for r in state.backups
                 if r.kind in _WALLET_BACKUPS and r.done is not None}
    unprotected = [a for a in wallets if a.id not in backed_up]
    for account in unprotected:
        due.append(DueItem(
            id=f"{RECORDED_ITEM}:{account.id}", item_id=RECORDED_ITEM,
            title=Text(N_("Back up the recovery phrase or key of {account}"),
                       {"account": account.name}),
            due_at=now, section=SECTION))
    never, single, overdue = [], [], []
    for record in state.backups:
        found = findings(record, now)
        if Finding.NEVER_BACKED_UP in found:
            never.append(record)
            due.append(DueItem(
                id=f"{RECORDED_ITEM}:{record.id}", item_id=RECORDED_ITEM,
                title=Text(N_("Back up: {what}"), {"what": _what(state, record)}),
                due_at=_due_at(record, now), section=SECTION))
            continue
        if Finding.SINGLE_COPY in found:
            single.append(record)
        if record.kind not in TESTABLE:  # an export: made again on its cadence
            next_due = record.due()
            assert next_due is not None  # it was made
            if Finding.OVERDUE in found:
                overdue.append(record)
            due.append(DueItem(
                id=f"{RECORDED_ITEM}:{record.id}", item_id=RECORDED_ITEM,
                title=Text(N_("Export again: {what}"), {"what": _what(state, record)}),
                # Not confirmable here: "Done today" on the Backups page records the date.
                due_at=_due_at(record, next_due), section=SECTION))
    reasons = []
    if unprotected:
        reasons.append(Text(N_("{count} wallet(s) have no backup of the recovery phrase or "
                               "key recorded."), {"count": len(unprotected)}))
    if never:
        reasons.append(Text(N_("{count} backup(s) are registered but not made yet."),
                            {"count": len(never)}))
    if overdue:
        reasons.append(Text(N_("{count} export(s) are overdue."), {"count": len(overdue)}))
    if single:
        reasons.append(Text(N_("{count} backup(s) exist in only one copy: a fire, a flood or "
                               "a move can lose it."), {"count": len(single)}))
    if reasons:
        return CheckResult(False, _joined(reasons), due=tuple(due))
    return CheckResult(True, due=tuple(due))


def backups_tested(state: State, now: datetime) -> CheckResult:
    """Every backup that can be tested was tested, and not longer ago than its cadence."""
    from anjian.core.checklist.checks import CheckResult
    from anjian.core.reminders.due_item import DueItem

    now = utc(now)
    testable = [r for r in state.backups if r.kind in TESTABLE and r.done is not None]
    if not testable:
        return CheckResult(None)
    due: list[DueItem] = []
    untested, overdue = [], []
    for record in testable:
        found = findings(record, now)
        next_due = record.due()
        assert next_due is not None  # it was made
        if Finding.NEVER_TESTED in found:
            untested.append(record)
            when = record.done
            assert when is not None
        else:
            if Finding.OVERDUE in found:
                overdue.append(record)
            when = next_due
        due.append(DueItem(
            id=f"{TESTED_ITEM}:{record.id}", item_id=TESTED_ITEM,
            title=Text(N_("Test the backup: {what}"), {"what": _what(state, record)}),
            due_at=_due_at(record, when), section=SECTION))
    reasons = []
    if untested:
        reasons.append(Text(N_("{count} backup(s) were never tested."),
                            {"count": len(untested)}))
    if overdue:
        reasons.append(Text(N_("{count} backup(s) are overdue for a test."),
                            {"count": len(overdue)}))
    if reasons:
        return CheckResult(False, _joined(reasons), due=tuple(due))
    return CheckResult(True, due=tuple(due))


def _joined(reasons: list[Text]) -> Text:
    """Several reasons as one text (each is a whole sentence)."""
    if len(reasons) == 1:
        return reasons[0]
    joined = reasons[0]
    for more in reasons[1:]:
        joined = Text(N_("{first} {second}"), {"first": joined, "second": more})
    return joined

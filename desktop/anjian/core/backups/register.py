"""The backup register: what was backed up, where it is kept, and when it is due again.

A record describes a backup, never holds it: "steel plate, home safe", not the
words on the plate. What is due is computed from the record and ``now``:
a backup you can test (a recovery phrase, a private key, recovery codes, an
authenticator backup) is due for a test a cadence after it was last tested
(or made); an export (transaction records, Anjian's own state) is due again a
cadence after it was last made. A snooze hides "overdue" until its date.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from datetime import datetime, timedelta
from enum import Enum
from typing import Any

from anjian.core.document import (
    iso,
    malformed,
    read_id,
    read_int,
    read_list,
    read_optional_time,
    read_record,
    read_str,
    read_time,
    utc,
)
from anjian.i18n import N_, Text
from anjian.record import record

SECTION_KEY = "backups"


class BackupKind(str, Enum):
    """What was backed up."""

    RECOVERY_PHRASE = "recovery-phrase"
    PRIVATE_KEY = "private-key"
    RECOVERY_CODES = "recovery-codes"
    AUTHENTICATOR = "authenticator"
    TRANSACTIONS = "transactions"
    ANJIAN_STATE = "anjian-state"


KIND_NAMES: Mapping[BackupKind, str] = {
    BackupKind.RECOVERY_PHRASE: N_("Recovery phrase"),
    BackupKind.PRIVATE_KEY: N_("Private key"),
    BackupKind.RECOVERY_CODES: N_("2FA recovery codes"),
    BackupKind.AUTHENTICATOR: N_("Authenticator backup"),
    BackupKind.TRANSACTIONS: N_("Transaction records"),
    BackupKind.ANJIAN_STATE: N_("Anjian's own state"),
}

KIND_HINTS: Mapping[BackupKind, str] = {
    BackupKind.RECOVERY_PHRASE: N_("Test it by typing it from your backup: Anjian checks the "
                                   "words and compares it with the phrase you registered."),
    BackupKind.TRANSACTIONS: N_("Export them again before you change wallets or phones: a new "
                                "wallet app may not bring the old history with it."),
    BackupKind.ANJIAN_STATE: N_("An encrypted export of everything Anjian records, to move to "
                                "a new computer or keep offline."),
}

# Kinds whose backup is checked by testing it; the others are exports made again.
TESTABLE = frozenset({
    BackupKind.RECOVERY_PHRASE, BackupKind.PRIVATE_KEY,
    BackupKind.RECOVERY_CODES, BackupKind.AUTHENTICATOR,
})

# Default cadences in months. Seed phrases: test twice a year (Trezor and Ledger
# suggest a periodic dry run; paper fades, plates get moved). Transaction records:
# every quarter, and always before changing wallets (seed 000). Recovery codes
# rarely change: once a year is enough to notice a lost sheet.
DEFAULT_CADENCE_MONTHS: Mapping[BackupKind, int] = {
    BackupKind.RECOVERY_PHRASE: 6,
    BackupKind.PRIVATE_KEY: 6,
    BackupKind.RECOVERY_CODES: 12,
    BackupKind.AUTHENTICATOR: 6,
    BackupKind.TRANSACTIONS: 3,
    BackupKind.ANJIAN_STATE: 3,
}

_MAX_COPIES = 99
_MAX_CADENCE_MONTHS = 120


@record
class PhraseFingerprint:
    """Where the salted fingerprint of a registered recovery phrase is kept.

    ``secret_id`` names its own keyring entry (a :class:`SecretRef`); the
    fingerprint itself, its salt and parameters live there, not here.
    """

    secret_id: str
    registered: datetime


@record
class BackupRecord:
    """One backup: what, for which account, where, how many copies, when made and tested."""

    id: str
    kind: BackupKind
    location: str = ""  # a description of where it is kept, never the secret
    account_id: str | None = None
    copies: int = 1
    done: datetime | None = None
    tested: datetime | None = None
    cadence_months: int | None = None  # None: the kind's default
    snoozed_until: datetime | None = None
    fingerprint: PhraseFingerprint | None = None

    @property
    def cadence(self) -> int:
        """Months between tests (or exports)."""
        return self.cadence_months or DEFAULT_CADENCE_MONTHS[self.kind]

    def due(self) -> datetime | None:
        """When it is due for its next test or export; ``None`` if never made."""
        if self.done is None:
            return None
        last = self.done
        if self.kind in TESTABLE and self.tested is not None:
            last = max(self.done, self.tested)
        return add_months(last, self.cadence)


class Finding(str, Enum):
    """What needs attention about one backup."""

    NEVER_BACKED_UP = "never-backed-up"
    NEVER_TESTED = "never-tested"
    OVERDUE = "overdue"
    SINGLE_COPY = "single-copy"


FINDING_TEXTS: Mapping[Finding, str] = {
    Finding.NEVER_BACKED_UP: N_("Not backed up yet."),
    Finding.NEVER_TESTED: N_("Never tested: a backup you never tried may not work."),
    Finding.OVERDUE: N_("Overdue since {due}."),
    Finding.SINGLE_COPY: N_("Only one copy: a fire, a flood or a move can lose it."),
}

# Kinds where one copy is a single point of failure; an export can be made again.
_COPIES_MATTER = TESTABLE


def findings(record: BackupRecord, now: datetime) -> tuple[Finding, ...]:
    """What needs attention about ``record`` at ``now``, most serious first."""
    if record.done is None:
        return (Finding.NEVER_BACKED_UP,)
    found: list[Finding] = []
    due = record.due()
    snoozed = record.snoozed_until is not None and utc(now) < record.snoozed_until
    if due is not None and utc(now) >= due and not snoozed:
        found.append(Finding.OVERDUE)
    if record.kind in TESTABLE and record.tested is None:
        found.append(Finding.NEVER_TESTED)
    if record.kind in _COPIES_MATTER and record.copies < 2:
        found.append(Finding.SINGLE_COPY)
    return tuple(found)


def finding_text(record: BackupRecord, finding: Finding) -> Text:
    """The finding in words, with the due date where it has one."""
    due = record.due()
    params = {"due": due.date().isoformat()} if due is not None else {}
    return Text(FINDING_TEXTS[finding], params)


def due_items(records: tuple[BackupRecord, ...], now: datetime) -> tuple[BackupRecord, ...]:
    """The records with any finding, most overdue first, never-made ones at the top."""
    pending = [r for r in records if findings(r, now)]
    return tuple(sorted(pending, key=lambda r: (r.done is not None, r.due() or utc(now))))


def snooze(record: BackupRecord, now: datetime, days: int) -> BackupRecord:
    """``record`` with its reminder hidden for ``days`` days from ``now``."""
    return replace(record, snoozed_until=utc(now) + timedelta(days=days))


def add_months(moment: datetime, months: int) -> datetime:
    """``moment`` plus whole calendar months, the day clamped to the month's end."""
    month_index = moment.month - 1 + months
    year, month = moment.year + month_index // 12, month_index % 12 + 1
    for day in range(moment.day, 27, -1):
        try:
            return moment.replace(year=year, month=month, day=day)
        except ValueError:
            continue
    return moment.replace(year=year, month=month, day=min(moment.day, 28))


# -- the document section ------------------------------------------------------


def to_section(records: tuple[BackupRecord, ...]) -> list[dict[str, Any]]:
    """The records as plain JSON-ready data."""
    return [
        {
            "id": r.id,
            "kind": r.kind.value,
            "location": r.location,
            "account_id": r.account_id,
            "copies": r.copies,
            "done": iso(r.done),
            "tested": iso(r.tested),
            "cadence_months": r.cadence_months,
            "snoozed_until": iso(r.snoozed_until),
            "fingerprint": None if r.fingerprint is None else {
                "secret_id": r.fingerprint.secret_id,
                "registered": iso(r.fingerprint.registered),
            },
        }
        for r in records
    ]


def from_section(doc: Mapping[str, Any]) -> tuple[BackupRecord, ...]:
    """The records of the ``backups`` section (absent: none); raises DocumentError."""
    records = tuple(
        _record(raw, f"{SECTION_KEY}[{i}]")
        for i, raw in enumerate(read_list(doc, SECTION_KEY))
    )
    if len({r.id for r in records}) != len(records):
        raise malformed(SECTION_KEY)
    return records


def _record(raw: Any, where: str) -> BackupRecord:
    record = read_record(raw, where)
    try:
        kind = BackupKind(read_str(record, "kind", where))
    except ValueError:
        raise malformed(f"{where}.kind") from None
    account_id = record.get("account_id")
    if account_id is not None:
        account_id = read_id(record, "account_id", where)
    copies = read_int(record, "copies", where, default=1)
    if not 0 <= copies <= _MAX_COPIES:
        raise malformed(f"{where}.copies")
    cadence = record.get("cadence_months")
    if cadence is not None:
        cadence = read_int(record, "cadence_months", where)
        if not 1 <= cadence <= _MAX_CADENCE_MONTHS:
            raise malformed(f"{where}.cadence_months")
    fingerprint = None
    if record.get("fingerprint") is not None:
        fp_where = f"{where}.fingerprint"
        fp = read_record(record["fingerprint"], fp_where)
        fingerprint = PhraseFingerprint(
            secret_id=read_id(fp, "secret_id", fp_where),
            registered=read_time(fp, "registered", fp_where),
        )
    return BackupRecord(
        id=read_id(record, "id", where),
        kind=kind,
        location=read_str(record, "location", where, default=""),
        account_id=account_id,
        copies=copies,
        done=read_optional_time(record, "done", where),
        tested=read_optional_time(record, "tested", where),
        cadence_months=cadence,
        snoozed_until=read_optional_time(record, "snoozed_until", where),
        fingerprint=fingerprint,
    )


def valid_copies(copies: int) -> bool:
    """Whether a number of copies can be recorded."""
    return 0 <= copies <= _MAX_COPIES


def valid_cadence(months: int | None) -> bool:
    """Whether a cadence can be recorded (``None``: the default)."""
    return months is None or 1 <= months <= _MAX_CADENCE_MONTHS

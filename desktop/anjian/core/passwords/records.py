"""The ``passwords`` section of the state: one check per account, and the review cadence.

A check records the verdict on an account's password when the user last
checked it (score, guesses, which kinds of pattern were found, whether it is on
a leak list), which other accounts share it, and when the user says they last
changed it. Never the password: its fingerprint (see :mod:`.reuse`) is a
separate keyring entry that the check names by secret id.

Review cadence: our seed articles say to change passwords every 3-6 months.
NIST SP 800-63B (section 5.1.1.2) says the opposite for memorised secrets:
don't force periodic changes, change on evidence of compromise, because
forced changes breed predictable passwords (woaini1314 -> woaini1315). So the
default is a gentle yearly *review* (is it still unique, still strong, any
sign of a breach?), and the cadence is a setting.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import replace
from datetime import date, datetime
from typing import Any

from anjian.core.document import (
    iso,
    malformed,
    read_bool,
    read_int,
    read_list,
    read_record,
    read_str,
    read_time,
    utc,
)
from anjian.i18n import N_, Text
from anjian.record import record

REUSE_KEY_PURPOSE = "password-reuse-key"
FINGERPRINT_PURPOSE = "password-fingerprint"
DEFAULT_REVIEW_MONTHS = 12
MIN_REVIEW_MONTHS = 1
MAX_REVIEW_MONTHS = 60

REVIEW_EXPLANATION = Text(N_(
    "Many guides, including the help pages of wallets and exchanges, say to change passwords "
    "every 3 to 6 months. Current guidance (NIST SP 800-63B) advises against changing them by "
    "the calendar: forced changes lead to predictable passwords like woaini1314 → woaini1315. "
    "Change a password when there is a sign it leaked, and review each one once in a while: "
    "is it still strong, still used only here? Anjian reminds you once a year by default."))


@record
class PasswordCheck:
    """The last check of one account's password. Holds no password."""

    account_id: str
    score: int
    guesses_log10: float
    checked: datetime
    patterns: tuple[str, ...] = ()  # pattern ids found (never the parts themselves)
    in_leak_lists: bool = False
    reused_with: tuple[str, ...] = ()  # accounts with the same password
    similar_to: tuple[str, ...] = ()  # accounts with the same password up to its ending
    changed: date | None = None  # when the user says they last changed it
    fingerprint: str | None = None  # secret id of its fingerprint entry


@record
class Passwords:
    """Every account's check, and how often to review them."""

    checks: tuple[PasswordCheck, ...] = ()
    review_months: int = DEFAULT_REVIEW_MONTHS

    def check_for(self, account_id: str) -> PasswordCheck | None:
        """The check of that account, if it was ever checked."""
        return next((c for c in self.checks if c.account_id == account_id), None)

    def with_check(self, check: PasswordCheck) -> Passwords:
        """A copy with ``check`` added or replacing that account's."""
        others = tuple(c for c in self.checks if c.account_id != check.account_id)
        return replace(self, checks=(*others, check))

    def without_check(self, account_id: str) -> Passwords:
        """A copy without that account's check."""
        return replace(self, checks=tuple(c for c in self.checks if c.account_id != account_id))

    def with_reuse(self, found: Mapping[str, tuple[tuple[str, ...], tuple[str, ...]]]) -> Passwords:
        """A copy whose reuse findings are ``found`` (account -> (same, similar))."""
        return replace(self, checks=tuple(
            replace(c, reused_with=found[c.account_id][0], similar_to=found[c.account_id][1])
            if c.account_id in found else c for c in self.checks))


def review_months_valid(months: int) -> bool:
    """Whether ``months`` is an allowed review cadence."""
    return MIN_REVIEW_MONTHS <= months <= MAX_REVIEW_MONTHS


def add_months(day: date, months: int) -> date:
    """``day`` plus ``months`` calendar months (31 January + 1 month = 28/29 February)."""
    total = day.month - 1 + months
    year, month = day.year + total // 12, total % 12 + 1
    for last in (31, 30, 29, 28):
        try:
            return date(year, month, min(day.day, last))
        except ValueError:
            continue
    raise AssertionError("unreachable")


def review_due(check: PasswordCheck, months: int) -> date:
    """When this password is due for its next review: a cadence after the later of the
    last check and the last change."""
    last = check.checked.date()
    if check.changed is not None and check.changed > last:
        last = check.changed
    return add_months(last, months)


def due_reviews(passwords: Passwords, account_ids: Iterable[str], now: datetime) -> list[str]:
    """The accounts (of ``account_ids``) whose password review is due at ``now``;
    an account never checked is due."""
    today = utc(now).date()
    due = []
    for account_id in account_ids:
        check = passwords.check_for(account_id)
        if check is None or review_due(check, passwords.review_months) <= today:
            due.append(account_id)
    return due


# -- the section -------------------------------------------------------------------


def to_section(passwords: Passwords) -> dict[str, Any]:
    """The section as plain JSON-ready data."""
    return {
        "review_months": passwords.review_months,
        "checks": [
            {
                "account_id": c.account_id,
                "score": c.score,
                "guesses_log10": round(c.guesses_log10, 2),
                "checked": iso(c.checked),
                "patterns": list(c.patterns),
                "in_leak_lists": c.in_leak_lists,
                "reused_with": list(c.reused_with),
                "similar_to": list(c.similar_to),
                "changed": c.changed.isoformat() if c.changed else None,
                "fingerprint": c.fingerprint,
            }
            for c in passwords.checks
        ],
    }


def from_section(raw: Any) -> Passwords:
    """Parse the section; a missing section is empty. Raise ``DocumentError`` if malformed."""
    if raw is None:
        return Passwords()
    where = "passwords"
    section = read_record(raw, where)
    months = read_int(section, "review_months", where, default=DEFAULT_REVIEW_MONTHS)
    if not review_months_valid(months):
        raise malformed(f"{where}.review_months")
    checks = tuple(_check(c, f"{where}.checks[{i}]")
                   for i, c in enumerate(read_list(section, "checks", where)))
    if len({c.account_id for c in checks}) != len(checks):
        raise malformed(f"{where}.checks")
    return Passwords(checks=checks, review_months=months)


def _check(raw: Any, where: str) -> PasswordCheck:
    record = read_record(raw, where)
    score = read_int(record, "score", where)
    if not 0 <= score <= 4:
        raise malformed(f"{where}.score")
    guesses = record.get("guesses_log10")
    if isinstance(guesses, bool) or not isinstance(guesses, (int, float)) or guesses < 0:
        raise malformed(f"{where}.guesses_log10")
    fingerprint = record.get("fingerprint")
    if fingerprint is not None and not isinstance(fingerprint, str):
        raise malformed(f"{where}.fingerprint")
    return PasswordCheck(
        account_id=read_str(record, "account_id", where),
        score=score,
        guesses_log10=float(guesses),
        checked=read_time(record, "checked", where),
        patterns=_strings(record, "patterns", where),
        in_leak_lists=read_bool(record, "in_leak_lists", where, default=False),
        reused_with=_strings(record, "reused_with", where),
        similar_to=_strings(record, "similar_to", where),
        changed=_date(record, "changed", where),
        fingerprint=fingerprint,
    )


def _strings(record: Mapping[str, Any], key: str, where: str) -> tuple[str, ...]:
    values = read_list(record, key, where)
    if not all(isinstance(v, str) for v in values):
        raise malformed(f"{where}.{key}")
    return tuple(values)


def _date(record: Mapping[str, Any], key: str, where: str) -> date | None:
    value = record.get(key)
    if value is None:
        return None
    if not isinstance(value, str):
        raise malformed(f"{where}.{key}")
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise malformed(f"{where}.{key}") from None

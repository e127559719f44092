"""The 2FA map: how each account confirms that it is you, and what is weak about it.

One :class:`TwoFactorRecord` per account: the method (the strongest one turned
on), which device or app holds it, where the recovery codes are kept (a
description such as "printed, in the desk drawer", never the codes) and when the
user last checked that it works. :func:`findings` turns the map into what the
checklist reports: accounts without two-step verification, accounts whose codes
only come by SMS or e-mail, and phones that hold every code with no recovery
codes recorded.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Sequence
from datetime import datetime
from enum import Enum

from anjian.i18n import N_, Text
from anjian.record import record


class Method(str, Enum):
    """How an account asks for the second step; stored by value."""

    AUTHENTICATOR = "authenticator"
    HARDWARE_KEY = "hardware-key"
    SMS = "sms"
    EMAIL = "email"
    NONE = "none"


METHOD_NAMES: dict[Method, str] = {
    Method.AUTHENTICATOR: N_("Authenticator app"),
    Method.HARDWARE_KEY: N_("Hardware security key"),
    Method.SMS: N_("SMS code"),
    Method.EMAIL: N_("E-mail code"),
    Method.NONE: N_("None"),
}

# Why SMS and e-mail codes are weaker, in plain words; shown next to the choice.
WEAKER_BECAUSE: dict[Method, str] = {
    Method.SMS: N_(
        "SMS codes are weaker: NIST SP 800-63B lists them as “restricted”. Someone who "
        "talks your carrier into moving your number to their SIM card (a SIM swap) gets "
        "your codes, and text messages can be intercepted or read on a locked phone's "
        "screen. Use an authenticator app where the service offers one."),
    Method.EMAIL: N_(
        "E-mail codes are weaker: whoever gets into your mailbox gets every code, and the "
        "mailbox is usually also where password resets go. Use an authenticator app where "
        "the service offers one."),
}


@record
class TwoFactorRecord:
    """What the user recorded about one account's two-step verification."""

    account_id: str
    method: Method
    device: str = ""  # "iPhone 13, Google Authenticator", "YubiKey 5 on key ring"
    recovery_codes: str = ""  # where they are kept, never the codes themselves
    last_verified: datetime | None = None

    @property
    def is_weaker(self) -> bool:
        """Codes come by SMS or e-mail only."""
        return self.method in WEAKER_BECAUSE


class Severity(str, Enum):
    """How urgent a finding is."""

    HIGH = "high"
    MEDIUM = "medium"
    LOW = "low"


_SEVERITY_ORDER = {Severity.HIGH: 0, Severity.MEDIUM: 1, Severity.LOW: 2}


@record
class Finding:
    """One thing the 2FA map says needs attention, for the checklist."""

    id: str  # stable: "no-2fa", "sms-only", "email-only", "not-recorded", "one-device"
    severity: Severity
    text: Text
    account_ids: tuple[str, ...] = ()


@record
class AccountName:
    """The little the map needs to know about an account."""

    id: str
    name: str


def findings(records: Sequence[TwoFactorRecord], accounts: Iterable[AccountName],
             backed_up: Collection[str] = ()) -> list[Finding]:
    """What needs attention in the map, account by account, then across devices.

    ``backed_up``: ids of accounts whose authenticator secret is in Anjian's vault,
    which is a way back in even without recovery codes.
    """
    by_account = {r.account_id: r for r in records}
    accounts = list(accounts)
    names = {a.id: a.name for a in accounts}
    found: list[Finding] = []
    for account in accounts:
        record = by_account.get(account.id)
        if record is None:
            found.append(Finding("not-recorded", Severity.LOW, Text(N_(
                "{account}: how it confirms that it is you is not recorded yet."),
                {"account": account.name}), (account.id,)))
        elif record.method is Method.NONE:
            found.append(Finding("no-2fa", Severity.HIGH, Text(N_(
                "{account} has no two-step verification: a stolen password is enough to "
                "get in. Turn it on, with an authenticator app if the service offers one."),
                {"account": account.name}), (account.id,)))
        elif record.method is Method.SMS:
            found.append(Finding("sms-only", Severity.MEDIUM, Text(N_(
                "{account} sends its codes by SMS only, which a SIM swap or an intercepted "
                "message defeats. Switch to an authenticator app if the service offers one."),
                {"account": account.name}), (account.id,)))
        elif record.method is Method.EMAIL:
            found.append(Finding("email-only", Severity.MEDIUM, Text(N_(
                "{account} sends its codes by e-mail only: whoever gets into the mailbox "
                "gets in here too. Switch to an authenticator app if the service offers "
                "one."), {"account": account.name}), (account.id,)))
    found += _single_devices(
        [r for r in records if r.account_id in names and r.account_id not in backed_up], names)
    # Most urgent first; within one severity, in the register's order.
    return sorted(found, key=lambda f: _SEVERITY_ORDER[f.severity])


def without_recovery(record: TwoFactorRecord) -> bool:
    """Codes from an authenticator app, and nowhere noted where the recovery codes are."""
    return record.method is Method.AUTHENTICATOR and not record.recovery_codes.strip()


def _device_key(device: str) -> str:
    return " ".join(device.casefold().split())


def _single_devices(records: Sequence[TwoFactorRecord], names: dict[str, str]) -> list[Finding]:
    """A device holding the codes of accounts that have no recovery codes recorded.

    Losing that phone locks the user out of all of them at once (seeds 000, 004).
    """
    unprotected: dict[str, list[TwoFactorRecord]] = {}
    for record in records:
        if without_recovery(record):
            unprotected.setdefault(_device_key(record.device), []).append(record)
    found = []
    for key, group in unprotected.items():
        accounts = ", ".join(sorted(names[r.account_id] for r in group))
        device = group[0].device.strip()
        if key:
            text = Text(N_(
                "If you lose “{device}”, you lose the codes of {accounts}, and no recovery "
                "codes are recorded for them. Save each service's recovery codes, or keep a "
                "backup of the secrets."), {"device": device, "accounts": accounts})
        else:
            text = Text(N_(
                "The authenticator codes of {accounts} are on a device you did not name, and "
                "no recovery codes are recorded for them. Record where the codes are and "
                "save each service's recovery codes."), {"accounts": accounts})
        found.append(Finding("one-device", Severity.MEDIUM, text,
                             tuple(r.account_id for r in group)))
    return found

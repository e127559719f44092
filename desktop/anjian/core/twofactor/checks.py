"""The checklist's checks for two-step verification (advice rows B1-B3).

- ``twofactor.enabled`` decides "Turn on two-step verification with an
  authenticator app": every listed account has a method recorded, and none has
  no second step or codes only by SMS or e-mail;
- ``twofactor.drill`` decides "Make sure your authenticator app works": the
  enrollment drill was passed within the item's cadence (a year);
- ``twofactor.recovery`` decides "Keep a way back in if you lose your phone":
  every account whose codes come from an authenticator app has its recovery
  codes' place recorded, or its secret backed up in Anjian's vault.

Each says ``None`` (the user's own answer decides) until the 2FA map or the
drill holds something to judge by. Registered in
:data:`anjian.core.checklist.checks.CHECKS`. Only the standard library and core
are imported here: ``anjian-cli check`` runs these.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from anjian.core.state import Account, State
from anjian.core.twofactor.records import Method, TwoFactorRecord, without_recovery
from anjian.core.twofactor.section import VaultEntry
from anjian.i18n import N_, Text

if TYPE_CHECKING:
    from anjian.core.checklist.checks import CheckResult
    from anjian.core.reminders.due_item import DueItem

SECTION = "two-factor"
ENABLED_ITEM = "two-factor-on"
DRILL_ITEM = "two-factor-drill"
RECOVERY_ITEM = "two-factor-recovery"
# The items' cadence in resources/content/checklist.json: practise, and look at
# the recovery codes again, once a year.
YEARLY = timedelta(days=365)


def enabled(state: State, now: datetime) -> CheckResult:
    """Every account has two-step verification that is not only SMS or e-mail."""
    from anjian.core.checklist.checks import CheckResult

    recorded = _recorded(state)
    if not recorded:
        return CheckResult(None)
    due: list[DueItem] = []
    without, weaker = 0, 0
    for account, record in recorded:
        if record.method is Method.NONE:
            without += 1
            due.append(_due(ENABLED_ITEM, account, now, Text(N_(
                "Turn on two-step verification for {account}"), {"account": account.name})))
        elif record.method in (Method.SMS, Method.EMAIL):
            weaker += 1
            due.append(_due(ENABLED_ITEM, account, now, Text(N_(
                "Switch {account} from SMS or e-mail codes to an authenticator app"),
                {"account": account.name})))
    if without:
        return CheckResult(False, Text(N_(
            "{count} account(s) have no two-step verification: a stolen password is enough "
            "to get in."), {"count": without}), due=tuple(due))
    if weaker:
        return CheckResult(False, Text(N_(
            "{count} account(s) get their codes only by SMS or e-mail, which a SIM swap or "
            "a broken-into mailbox defeats."), {"count": weaker}), due=tuple(due))
    unrecorded = len(state.accounts) - len(recorded)
    if unrecorded:
        return CheckResult(False, Text(N_(
            "{count} account(s) have no method recorded in the 2FA map yet."),
            {"count": unrecorded}))
    return CheckResult(True)


def drill(state: State, now: datetime) -> CheckResult:
    """The enrollment drill was passed within the last year."""
    from anjian.core.checklist.checks import CheckResult
    from anjian.core.reminders.due_item import DueItem

    last = state.two_factor.drill
    if last is None:
        return CheckResult(None)
    again = last.passed + YEARLY
    if again <= now:
        return CheckResult(False, Text(N_("Last practised on {date}."),
                                       {"date": last.passed.date().isoformat()}))
    return CheckResult(True, due=(DueItem(
        id=DRILL_ITEM, item_id=DRILL_ITEM,
        title=Text(N_("Practise with your authenticator app again")),
        due_at=again, section=SECTION),))


def recovery(state: State, now: datetime) -> CheckResult:
    """Each account with an authenticator app has a way back in without the phone."""
    from anjian.core.checklist.checks import CheckResult

    with_app = [(a, r) for a, r in _recorded(state) if r.method is Method.AUTHENTICATOR]
    if not with_app:
        return CheckResult(None)
    saved = backed_up(state.accounts, state.two_factor.vault)
    due: list[DueItem] = []
    stranded = 0
    for account, record in with_app:
        if without_recovery(record) and account.id not in saved:
            stranded += 1
            due.append(_due(RECOVERY_ITEM, account, now, Text(N_(
                "Record where the recovery codes of {account} are kept"),
                {"account": account.name})))
        elif record.last_verified is not None:
            due.append(_due(RECOVERY_ITEM, account, record.last_verified + YEARLY, Text(N_(
                "Check that the recovery codes of {account} are still where you noted"),
                {"account": account.name})))
    if stranded:
        return CheckResult(False, Text(N_(
            "{count} account(s) keep their codes on a phone with no recovery codes recorded "
            "and no backup: losing the phone locks you out of them."), {"count": stranded}),
            due=tuple(d for d in due if d.due_at <= now))
    return CheckResult(True, due=tuple(due))


def backed_up(accounts: Iterable[Account], vault: Iterable[VaultEntry]) -> set[str]:
    """Ids of the accounts whose authenticator entry seems to be in the vault.

    The vault knows entries by the names the service put in its link (issuer,
    account), the register by the names the user typed, so they are matched
    loosely: one name equal to, or containing, the other, ignoring case and spaces.
    """
    names = [n for entry in vault for n in (_folded(entry.issuer), _folded(entry.account))
             if len(n) >= 2]
    found = set()
    for account in accounts:
        name = _folded(account.name)
        if len(name) >= 2 and any(name in other or other in name for other in names):
            found.add(account.id)
    return found


def _folded(name: str) -> str:
    return "".join(name.casefold().split())


def _recorded(state: State) -> list[tuple[Account, TwoFactorRecord]]:
    """The listed accounts that have a record in the 2FA map, in register order."""
    pairs = []
    for account in state.accounts:
        record = state.two_factor.record(account.id)
        if record is not None:
            pairs.append((account, record))
    return pairs


def _due(item: str, account: Account, at: datetime, title: Text) -> DueItem:
    from anjian.core.reminders.due_item import DueItem

    return DueItem(id=f"{item}:{account.id}", item_id=item, title=title, due_at=at,
                   section=SECTION)

"""What needs attention about the accounts' recovery contacts and official channels.

- a contact marked "no longer mine" that accounts are still bound to: high priority,
  with the steps to rebind while it is still possible (seed 004: once a number is
  cancelled, self-service recovery no longer works);
- a recovery mailbox that has no two-step verification itself (read from the
  two-factor section when there is one; nothing is assumed when there is not);
- one phone bound to every account: a SIM swap or a lost phone takes them all;
- a contact due for its "still mine" confirmation;
- an account with no recovery contact recorded (self-custody wallets excepted: they
  are recovered with their recovery phrase, not a phone);
- an official channel taken from a search result or a message.
"""

from __future__ import annotations

from datetime import datetime
from enum import Enum

from anjian.core.accounts.book import AccountDetails
from anjian.core.accounts.contacts import ContactKind, ContactStatus, RecoveryContact
from anjian.core.accounts.channels import CHANNEL_KIND_NAMES
from anjian.core.state import AccountKind, State
from anjian.i18n import N_, Text
from anjian.record import record


class Priority(str, Enum):
    """How soon to act."""

    HIGH = "high"
    MEDIUM = "medium"
    LOW = "low"


PRIORITY_NAMES: dict[Priority, str] = {
    Priority.HIGH: N_("Act now"),
    Priority.MEDIUM: N_("Soon"),
    Priority.LOW: N_("When you can"),
}
_ORDER = {Priority.HIGH: 0, Priority.MEDIUM: 1, Priority.LOW: 2}


@record
class Finding:
    """One thing to act on; ``id`` is the kind (stable), ``key`` names this instance."""

    id: str
    key: str
    priority: Priority
    text: Text
    steps: tuple[Text, ...] = ()
    account_ids: tuple[str, ...] = ()
    contact_id: str | None = None


REBIND_PHONE_STEPS: tuple[Text, ...] = (
    Text(N_("While you can still sign in, open each account's security settings in the "
            "official app and change the bound phone number to one you use now.")),
    Text(N_("Ask your carrier whether the old number can be kept or restored. A cancelled "
            "number is given to someone else after a while, and they would receive your "
            "reset codes.")),
    Text(N_("If an account asks for a code sent to the old number, use the service's own "
            "appeal or identity check from its official app or website. Never pay a "
            "“fast unlock” service.")),
    Text(N_("When every account is rebound, add the new number here and remove the old one.")),
)
REBIND_EMAIL_STEPS: tuple[Text, ...] = (
    Text(N_("While you can still sign in, open each account's security settings in the "
            "official app and change the bound e-mail to an address you use now.")),
    Text(N_("If the old mailbox still opens, keep it until every account is moved: reset "
            "links may still go there.")),
    Text(N_("If an account asks for a code sent to the old address, use the service's own "
            "appeal or identity check from its official app or website.")),
    Text(N_("When every account is rebound, add the new address here and remove the old one.")),
)
SIM_SWAP_STEPS: tuple[Text, ...] = (
    Text(N_("Ask your carrier for a service password or a PIN that is needed before your SIM "
            "card can be replaced or the number moved.")),
    Text(N_("Where a service offers it, switch from SMS codes to an authenticator app.")),
    Text(N_("Where a service allows a second contact, bind an e-mail address too.")),
)


def account_findings(state: State, now: datetime) -> list[Finding]:
    """Every finding about contacts and channels at ``now``, most urgent first."""
    details: AccountDetails = state.account_details
    names = {a.id: a.name for a in state.accounts}
    found: list[Finding] = []
    for contact in details.contacts:
        bound = tuple(a for a in contact.account_ids if a in names)
        if not bound:
            continue
        status = contact.status(now)
        if status is ContactStatus.NO_LONGER_MINE:
            found.append(_no_longer_mine(contact, bound, names))
            continue
        if status is ContactStatus.DUE:
            found.append(_due(contact, bound))
        found += _mailbox_findings(state, contact, bound, names)
    found += _single_phone(details, state)
    found += _without_contact(state, details)
    for channel in details.channels:
        if not channel.trusted and channel.account_id in names:
            found.append(Finding(
                "channel-untrusted-source", f"channel-untrusted-source:{channel.id}",
                Priority.MEDIUM, Text(N_(
                    "{kind} “{value}” of {account} came from a search result or a message, "
                    "where scammers plant fake ones. Check it in the official app or on the "
                    "official website, then record where you found it."),
                    {"kind": Text(CHANNEL_KIND_NAMES[channel.kind]), "value": channel.shown(),
                     "account": names[channel.account_id]}),
                account_ids=(channel.account_id,)))
    return sorted(found, key=lambda f: _ORDER[f.priority])


def _joined(account_ids: tuple[str, ...], names: dict[str, str]) -> str:
    return ", ".join(names[a] for a in account_ids)


def _no_longer_mine(contact: RecoveryContact, bound: tuple[str, ...],
                    names: dict[str, str]) -> Finding:
    params = {"contact": contact.masked(), "count": len(bound), "accounts": _joined(bound, names)}
    if contact.kind is ContactKind.PHONE:
        text = Text(N_("{contact} is no longer your number, but {count} account(s) still send "
                       "their reset codes to it: {accounts}. Rebind them now, while you can "
                       "still sign in."), params)
        steps = REBIND_PHONE_STEPS
    else:
        text = Text(N_("{contact} is no longer your mailbox, but {count} account(s) still send "
                       "their reset links to it: {accounts}. Rebind them now, while you can "
                       "still sign in."), params)
        steps = REBIND_EMAIL_STEPS
    return Finding("contact-no-longer-mine", f"contact-no-longer-mine:{contact.id}",
                   Priority.HIGH, text, steps, bound, contact.id)


def _due(contact: RecoveryContact, bound: tuple[str, ...]) -> Finding:
    if contact.confirmed is None:
        text = Text(N_("Confirm that {contact} is still yours: it was never confirmed."),
                    {"contact": contact.masked()})
    else:
        text = Text(N_("Confirm that {contact} is still yours: last confirmed on {date}."),
                    {"contact": contact.masked(), "date": contact.confirmed.date().isoformat()})
    return Finding("contact-due", f"contact-due:{contact.id}", Priority.MEDIUM, text,
                   account_ids=bound, contact_id=contact.id)


def _mailbox_findings(state: State, contact: RecoveryContact, bound: tuple[str, ...],
                      names: dict[str, str]) -> list[Finding]:
    if contact.kind is not ContactKind.EMAIL:
        return []
    others = tuple(a for a in bound if a != contact.mailbox_account)
    if not others:
        return []
    params = {"contact": contact.masked(), "count": len(others), "accounts": _joined(others, names)}
    if contact.mailbox_account is None or contact.mailbox_account not in names:
        return [Finding("mailbox-not-listed", f"mailbox-not-listed:{contact.id}", Priority.LOW,
                        Text(N_("Add the mailbox {contact} to your accounts and say which one it "
                                "is: whoever gets into it can reset {count} account(s) "
                                "({accounts}), so its own protection matters."), params),
                        account_ids=others, contact_id=contact.id)]
    if second_step_of(state, contact.mailbox_account) == "none":
        return [Finding("mailbox-without-2fa", f"mailbox-without-2fa:{contact.id}", Priority.HIGH,
                        Text(N_("The mailbox {contact} can reset {count} account(s) "
                                "({accounts}), but it has no two-step verification itself. "
                                "Turn it on first."), params),
                        account_ids=(contact.mailbox_account, *others), contact_id=contact.id)]
    return []


def second_step_of(state: State, account_id: str) -> str | None:
    """The two-step method recorded for an account (``"none"``, ``"sms"``...), or None.

    Read without depending on the two-factor feature: if its section is missing or
    has another shape, nothing is known and nothing is claimed.
    """
    section = getattr(state, "two_factor", None)
    record_of = getattr(section, "record", None)
    if record_of is None:
        return None
    try:
        record = record_of(account_id)
    except Exception:  # noqa: BLE001 - another feature's shape; treat as unknown
        return None
    method = getattr(record, "method", None)
    value = getattr(method, "value", method)
    return value if isinstance(value, str) else None


def _single_phone(details: AccountDetails, state: State) -> list[Finding]:
    # Self-custody wallets are recovered with their phrase, not a phone: every account
    # that can be bound to a phone is what a SIM swap would take.
    resettable = [a.id for a in state.accounts if a.kind is not AccountKind.WALLET]
    if len(resettable) < 2:
        return []
    found = []
    for contact in details.contacts:
        if contact.kind is not ContactKind.PHONE or contact.no_longer_mine is not None:
            continue
        if set(resettable) <= set(contact.account_ids):
            found.append(Finding(
                "single-phone", f"single-phone:{contact.id}", Priority.MEDIUM,
                Text(N_("{contact} is bound to all {count} of your accounts: whoever takes over "
                        "this number (a SIM swap, a stolen phone) can reset every one of them."),
                     {"contact": contact.masked(), "count": len(resettable)}),
                SIM_SWAP_STEPS, tuple(resettable), contact.id))
    return found


def _without_contact(state: State, details: AccountDetails) -> list[Finding]:
    # An account bound only to a lost contact already has the high-priority finding.
    bound = {a for c in details.contacts for a in c.account_ids}
    return [
        Finding("no-recovery-contact", f"no-recovery-contact:{account.id}", Priority.LOW,
                Text(N_("{account} has no bound phone or e-mail recorded. Look in its security "
                        "settings and record what it is bound to."), {"account": account.name}),
                account_ids=(account.id,))
        for account in state.accounts
        if account.id not in bound and account.kind is not AccountKind.WALLET
    ]

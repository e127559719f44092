"""Recovery contacts: the phone numbers and e-mail addresses accounts are bound to.

A reset code goes to the bound phone or e-mail. If that number was cancelled or
the mailbox closed, self-service recovery is impossible (seed 004), so Anjian
asks the user, on a cadence (six months by default), to confirm each contact is
still theirs, and flags one marked "no longer mine" until it is rebound.

One :class:`RecoveryContact` per phone or address, bound to any number of
accounts (:class:`Binding`), so that one phone bound to everything is visible.
The receive-a-code drill is recorded per binding: receiving a code proves the
contact works *for that account*, and confirms it is still the user's.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timedelta
from enum import Enum

from anjian.core.accounts.emails import mask_email, parse_email
from anjian.core.accounts.phones import PhoneType, mask_phone, parse_phone
from anjian.core.document import utc
from anjian.record import record

# "Every 6 months": 183 days, so a confirmation on 1 January is due by early July.
DEFAULT_CADENCE_DAYS = 183
MIN_CADENCE_DAYS = 7
MAX_CADENCE_DAYS = 3 * 366


class ContactKind(str, Enum):
    """A phone number or an e-mail address."""

    PHONE = "phone"
    EMAIL = "email"


class ContactStatus(str, Enum):
    """Where a contact stands today."""

    CURRENT = "current"  # confirmed within its cadence
    DUE = "due"  # confirmation is due (never confirmed counts as due)
    NO_LONGER_MINE = "no-longer-mine"


@record
class Binding:
    """One account bound to a contact, and when a code last arrived for it (the drill)."""

    account_id: str
    code_received: datetime | None = None


@record
class RecoveryContact:
    """A phone number (E.164) or e-mail address (normalised) and the accounts bound to it.

    ``mailbox_account`` is, for an e-mail, the account in the register that *is*
    this mailbox, so its own protection can be checked. ``no_longer_mine`` is
    when the user said the contact is no longer theirs (``None`` while it is).
    """

    id: str
    kind: ContactKind
    value: str
    created: datetime
    phone_type: PhoneType | None = None
    label: str = ""
    bindings: tuple[Binding, ...] = ()
    confirmed: datetime | None = None
    cadence_days: int = DEFAULT_CADENCE_DAYS
    no_longer_mine: datetime | None = None
    mailbox_account: str | None = None

    def masked(self) -> str:
        """How the UI shows it: ``138****8000`` or ``ze***@qq.com``."""
        return mask_phone(self.value) if self.kind is ContactKind.PHONE else mask_email(self.value)

    @property
    def account_ids(self) -> tuple[str, ...]:
        """The accounts bound to this contact."""
        return tuple(b.account_id for b in self.bindings)

    def binding(self, account_id: str) -> Binding | None:
        """This contact's binding to that account, if any."""
        return next((b for b in self.bindings if b.account_id == account_id), None)

    def next_due(self) -> datetime:
        """When the next "still mine" confirmation is due (from creation if never confirmed)."""
        return (self.confirmed or self.created) + timedelta(days=self.cadence_days)

    def status(self, now: datetime) -> ContactStatus:
        """Current, due, or no longer the user's, at ``now``."""
        if self.no_longer_mine is not None:
            return ContactStatus.NO_LONGER_MINE
        if self.confirmed is None or utc(now) >= self.next_due():
            return ContactStatus.DUE
        return ContactStatus.CURRENT


def new_contact(
    contact_id: str, kind: ContactKind, raw: str, now: datetime, region: str, label: str = ""
) -> RecoveryContact:
    """A contact from what the user typed, normalised; raises ``InputProblem`` if unusable.

    Adding a contact is itself a statement that it is the user's, so it counts as
    confirmed at ``now``.
    """
    if kind is ContactKind.PHONE:
        phone = parse_phone(raw, region)
        value, phone_type = phone.e164, phone.type
    else:
        value, phone_type = parse_email(raw).address, None
    return RecoveryContact(id=contact_id, kind=kind, value=value, created=utc(now),
                           phone_type=phone_type, label=label.strip(), confirmed=utc(now))


def same_value(contact: RecoveryContact, kind: ContactKind, value: str) -> bool:
    """Whether ``contact`` is that phone or address (e-mail domains compare case-blind)."""
    if contact.kind is not kind:
        return False
    if kind is ContactKind.EMAIL:
        local, _, domain = value.rpartition("@")
        c_local, _, c_domain = contact.value.rpartition("@")
        return local == c_local and domain.lower() == c_domain.lower()
    return contact.value == value


def bind(contact: RecoveryContact, account_id: str) -> RecoveryContact:
    """``contact`` also bound to ``account_id`` (no change if it already is)."""
    if contact.binding(account_id) is not None:
        return contact
    return replace(contact, bindings=(*contact.bindings, Binding(account_id)))


def unbind(contact: RecoveryContact, account_id: str) -> RecoveryContact:
    """``contact`` no longer bound to ``account_id``."""
    return replace(contact, bindings=tuple(b for b in contact.bindings if b.account_id != account_id))


def confirm_still_mine(contact: RecoveryContact, now: datetime) -> RecoveryContact:
    """The user confirmed at ``now`` that they still control the contact."""
    return replace(contact, confirmed=utc(now), no_longer_mine=None)


def mark_no_longer_mine(contact: RecoveryContact, now: datetime) -> RecoveryContact:
    """The user said at ``now`` that the contact is no longer theirs (number cancelled...)."""
    return replace(contact, no_longer_mine=utc(now))


def record_code_received(contact: RecoveryContact, account_id: str, now: datetime) -> RecoveryContact:
    """The drill: a code sent by ``account_id``'s service arrived at ``now``.

    A code that arrives proves the contact works, so it also counts as confirmed.
    """
    bound = bind(contact, account_id)
    bindings = tuple(
        replace(b, code_received=utc(now)) if b.account_id == account_id else b
        for b in bound.bindings
    )
    return replace(bound, bindings=bindings, confirmed=utc(now), no_longer_mine=None)


def with_cadence(contact: RecoveryContact, days: int) -> RecoveryContact:
    """``contact`` asked about every ``days`` days, kept within sensible bounds."""
    return replace(contact, cadence_days=max(MIN_CADENCE_DAYS, min(MAX_CADENCE_DAYS, days)))

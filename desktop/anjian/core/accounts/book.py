"""The ``account_details`` section of the state: recovery contacts and official channels.

Written and read here (see :mod:`anjian.core.state` for how sections join the
document). Strict: a malformed record raises ``DocumentError`` naming the field;
an absent section is empty.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from anjian.core.document import (
    DocumentError,
    iso,
    malformed,
    read_id,
    read_int,
    read_list,
    read_optional_time,
    read_record,
    read_str,
    read_time,
)
from anjian.i18n import N_, Text
from anjian.record import record

if TYPE_CHECKING:
    from anjian.core.accounts.channels import OfficialChannel
    from anjian.core.accounts.contacts import RecoveryContact

# The contact and channel modules (phone, e-mail and URL parsing) are imported
# where a record is read or written, not here: every load of the state imports
# this module, and ``anjian-cli check`` is benchmarked for start-up time.

SECTION = "account_details"


@record
class AccountDetails:
    """Everything recorded about the accounts beyond their names."""

    contacts: tuple[RecoveryContact, ...] = ()
    channels: tuple[OfficialChannel, ...] = ()

    def contact(self, contact_id: str) -> RecoveryContact | None:
        """The contact with that id."""
        return next((c for c in self.contacts if c.id == contact_id), None)

    def contacts_of(self, account_id: str) -> tuple[RecoveryContact, ...]:
        """The contacts bound to that account."""
        return tuple(c for c in self.contacts if c.binding(account_id) is not None)

    def channels_of(self, account_id: str) -> tuple[OfficialChannel, ...]:
        """The official channels of that account."""
        return tuple(c for c in self.channels if c.account_id == account_id)

    def with_contact(self, contact: RecoveryContact) -> AccountDetails:
        """A copy with ``contact`` added, or replacing the one with its id (keeping its place)."""
        if self.contact(contact.id) is None:
            return replace(self, contacts=(*self.contacts, contact))
        return replace(self, contacts=tuple(contact if c.id == contact.id else c
                                            for c in self.contacts))

    def changing_contact(
        self, contact_id: str, change: Callable[[RecoveryContact], RecoveryContact]
    ) -> AccountDetails:
        """A copy with ``change`` applied to that contact (no change if it is gone)."""
        current = self.contact(contact_id)
        return self if current is None else self.with_contact(change(current))

    def without_contact(self, contact_id: str) -> AccountDetails:
        """A copy without that contact."""
        return replace(self, contacts=tuple(c for c in self.contacts if c.id != contact_id))

    def with_channel(self, channel: OfficialChannel) -> AccountDetails:
        """A copy with ``channel`` added, or replacing the one with its id."""
        if not any(c.id == channel.id for c in self.channels):
            return replace(self, channels=(*self.channels, channel))
        return replace(self, channels=tuple(channel if c.id == channel.id else c
                                            for c in self.channels))

    def without_channel(self, channel_id: str) -> AccountDetails:
        """A copy without that channel."""
        return replace(self, channels=tuple(c for c in self.channels if c.id != channel_id))

    def without_account(self, account_id: str) -> AccountDetails:
        """A copy forgetting that account: its bindings and its channels (contacts stay)."""
        from anjian.core.accounts.contacts import unbind

        return AccountDetails(
            contacts=tuple(unbind(c, account_id) for c in self.contacts),
            channels=tuple(c for c in self.channels if c.account_id != account_id),
        )


# -- to and from the document ---------------------------------------------------------


def write_section(details: AccountDetails) -> dict[str, Any]:
    """The section as plain JSON-ready data."""
    return {
        "contacts": [_write_contact(c) for c in details.contacts],
        "channels": [_write_channel(c) for c in details.channels],
    }


def read_section(doc: Mapping[str, Any]) -> AccountDetails:
    """The section from the whole document; absent means empty."""
    raw = doc.get(SECTION)
    if raw is None:
        return AccountDetails()
    section = read_record(raw, SECTION)
    contacts = tuple(_read_contact(c, f"{SECTION}.contacts[{i}]")
                     for i, c in enumerate(read_list(section, "contacts", SECTION)))
    channels = tuple(_read_channel(c, f"{SECTION}.channels[{i}]")
                     for i, c in enumerate(read_list(section, "channels", SECTION)))
    for records in (contacts, channels):
        ids = [r.id for r in records]
        if len(set(ids)) != len(ids):
            raise DocumentError(Text(N_("The saved state lists the same record twice in “{field}”."),
                                     {"field": SECTION}))
    return AccountDetails(contacts, channels)


def _write_contact(c: RecoveryContact) -> dict[str, Any]:
    return {
        "id": c.id,
        "kind": c.kind.value,
        "value": c.value,
        "phone_type": c.phone_type.value if c.phone_type else None,
        "label": c.label,
        "bindings": [{"account": b.account_id, "code_received": iso(b.code_received)}
                     for b in c.bindings],
        "created": iso(c.created),
        "confirmed": iso(c.confirmed),
        "cadence_days": c.cadence_days,
        "no_longer_mine": iso(c.no_longer_mine),
        "mailbox_account": c.mailbox_account,
    }


def _read_contact(raw: Any, where: str) -> RecoveryContact:
    from anjian.core.accounts.contacts import (
        MAX_CADENCE_DAYS, MIN_CADENCE_DAYS, Binding, ContactKind, RecoveryContact)
    from anjian.core.accounts.phones import PhoneType

    record = read_record(raw, where)
    kind = _enum(ContactKind, read_str(record, "kind", where), f"{where}.kind")
    phone_type = record.get("phone_type")
    if phone_type is not None:
        phone_type = _enum(PhoneType, read_str(record, "phone_type", where), f"{where}.phone_type")
    bindings = []
    for i, b in enumerate(read_list(record, "bindings", where)):
        bwhere = f"{where}.bindings[{i}]"
        binding = read_record(b, bwhere)
        bindings.append(Binding(read_id(binding, "account", bwhere),
                                read_optional_time(binding, "code_received", bwhere)))
    cadence = read_int(record, "cadence_days", where, default=183)
    if not MIN_CADENCE_DAYS <= cadence <= MAX_CADENCE_DAYS:
        raise malformed(f"{where}.cadence_days")
    mailbox = record.get("mailbox_account")
    value = read_str(record, "value", where)
    if not value:
        raise malformed(f"{where}.value")
    return RecoveryContact(
        id=read_id(record, "id", where),
        kind=kind,
        value=value,
        created=read_time(record, "created", where),
        phone_type=phone_type,
        label=read_str(record, "label", where, default=""),
        bindings=tuple(bindings),
        confirmed=read_optional_time(record, "confirmed", where),
        cadence_days=cadence,
        no_longer_mine=read_optional_time(record, "no_longer_mine", where),
        mailbox_account=None if mailbox is None else read_id(record, "mailbox_account", where),
    )


def _write_channel(c: OfficialChannel) -> dict[str, Any]:
    return {
        "id": c.id,
        "account": c.account_id,
        "kind": c.kind.value,
        "value": c.value,
        "source": c.source.value,
        "added": iso(c.added),
        "store": c.store,
        "note": c.note,
        "preset": c.preset,
    }


def _read_channel(raw: Any, where: str) -> OfficialChannel:
    from anjian.core.accounts.channels import ChannelKind, ChannelSource, OfficialChannel

    record = read_record(raw, where)
    value = read_str(record, "value", where)
    if not value:
        raise malformed(f"{where}.value")
    return OfficialChannel(
        id=read_id(record, "id", where),
        account_id=read_id(record, "account", where),
        kind=_enum(ChannelKind, read_str(record, "kind", where), f"{where}.kind"),
        value=value,
        source=_enum(ChannelSource, read_str(record, "source", where), f"{where}.source"),
        added=read_time(record, "added", where),
        store=read_str(record, "store", where, default=""),
        note=read_str(record, "note", where, default=""),
        preset=read_str(record, "preset", where, default=""),
    )


def _enum(cls: Any, value: str, where: str) -> Any:
    try:
        return cls(value)
    except ValueError:
        raise malformed(where) from None

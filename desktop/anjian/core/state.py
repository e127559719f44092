"""The security state: one versioned document of typed records.

The document is what the keyring stores (see :mod:`anjian.storage`); this module
only turns it into typed values and back. No secret is ever part of it: TOTP
secrets, per-install keys and the like are separate keyring entries that
records point to by id (:class:`SecretRef`).

Parsing is strict (see :mod:`anjian.core.document`): a document that does not
have the expected shape raises :class:`DocumentError` with a translatable
reason naming the field, so a damaged state is reported instead of half-read.

A feature adds its records as one top-level section: a field of :class:`State`
(empty by default, so older documents still load), its key in ``_KNOWN_KEYS``,
and one line each in :func:`to_document` and :func:`from_document` calling the
feature module's own section reader and writer.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import field, replace
from datetime import datetime, timezone
from enum import Enum
from typing import TYPE_CHECKING, Any

from anjian.core.document import (
    DocumentError,
    iso,
    malformed,
    read_id,
    read_list,
    read_record,
    read_str,
    read_time,
    utc,
)
from anjian.core.accounts import book as account_book
from anjian.core.accounts.book import AccountDetails
from anjian.core.checklist import progress as checklist_progress
from anjian.core.checklist.progress import ChecklistProgress
from anjian.core import profile as profile_section
from anjian.core.passwords import records as password_records
from anjian.core.passwords.records import Passwords
from anjian.core.profile import Profile
from anjian.core.twofactor import section as two_factor_section
from anjian.core.twofactor.section import TwoFactor
from anjian.i18n import N_, Text
from anjian.record import record

if TYPE_CHECKING:
    from anjian.core.backups.register import BackupRecord
    from anjian.core.incidents.incident import Incident

__all__ = [
    "SCHEMA_VERSION", "Account", "AccountKind", "DocumentError", "SecretRef", "State",
    "from_document", "new_id", "to_document",
]

# Bump together with a migration in anjian.core.migrations.
SCHEMA_VERSION = 1


class AccountKind(str, Enum):
    """What sort of service an account is with."""

    WALLET = "wallet"
    EXCHANGE = "exchange"
    PAYMENT = "payment"
    CHAT = "chat"
    EMAIL = "email"
    OTHER = "other"


def new_id() -> str:
    """A fresh random record id (not derived from anything the user typed)."""
    import uuid  # here, not at the top: keeps anjian-cli check quick

    return uuid.uuid4().hex


@record
class SecretRef:
    """Points to a secret kept in its own keyring entry; never holds the secret."""

    id: str
    purpose: str

    def entry_name(self) -> str:
        """The keyring entry name under the Anjian service."""
        return f"secret.{self.id}"


@record
class Account:
    """One account the user audits (a wallet, an exchange, a chat app...)."""

    id: str
    name: str
    kind: AccountKind = AccountKind.OTHER
    notes: str = ""
    created: datetime = field(default_factory=lambda: datetime(1970, 1, 1, tzinfo=timezone.utc))


@record
class State:
    """The whole security state of one user.

    ``extra`` keeps the top-level sections this version does not know (written by
    a development build that added one) and writes them back unchanged, so that
    saving never drops what another build recorded.
    """

    created: datetime
    accounts: tuple[Account, ...] = ()
    secrets: tuple[SecretRef, ...] = ()
    two_factor: TwoFactor = field(default_factory=TwoFactor)
    backups: tuple[BackupRecord, ...] = ()
    incidents: tuple[Incident, ...] = ()
    checklist: ChecklistProgress = field(default_factory=ChecklistProgress)
    account_details: AccountDetails = field(default_factory=AccountDetails)
    profile: Profile = field(default_factory=Profile)
    passwords: Passwords = field(default_factory=Passwords)
    schema_version: int = SCHEMA_VERSION
    extra: Mapping[str, Any] = field(default_factory=dict)

    @classmethod
    def empty(cls, now: datetime) -> State:
        """A state for a first run, created at ``now``."""
        return cls(created=utc(now))

    def with_account(self, account: Account) -> State:
        """A copy with ``account`` added, or replacing the one with its id."""
        others = tuple(a for a in self.accounts if a.id != account.id)
        return replace(self, accounts=(*others, account))

    def without_account(self, account_id: str) -> State:
        """A copy with the account of that id removed."""
        return replace(self, accounts=tuple(a for a in self.accounts if a.id != account_id))

    def account(self, account_id: str) -> Account | None:
        """The account with that id, if any."""
        return next((a for a in self.accounts if a.id == account_id), None)


# -- to and from the plain document -------------------------------------------

# The top-level keys this version reads; a feature that adds a section adds its key.
_KNOWN_KEYS = frozenset({"schema_version", "created", "accounts", "secrets", "two_factor",
                         "checklist", "backups",
                         "incidents", "account_details", "profile", "passwords"})


def to_document(state: State) -> dict[str, Any]:
    """The state as plain JSON-ready data, ``schema_version`` first."""
    return {
        "schema_version": state.schema_version,
        "created": iso(state.created),
        "accounts": [
            {
                "id": a.id,
                "name": a.name,
                "kind": a.kind.value,
                "notes": a.notes,
                "created": iso(a.created),
            }
            for a in state.accounts
        ],
        "secrets": [{"id": s.id, "purpose": s.purpose} for s in state.secrets],
        "two_factor": two_factor_section.to_section(state.two_factor),
        "checklist": checklist_progress.to_section(state.checklist),
        "backups": _backups().to_section(state.backups),
        "incidents": _incidents().to_section(state.incidents),
        "account_details": account_book.write_section(state.account_details),
        "profile": profile_section.to_section(state.profile),
        "passwords": password_records.to_section(state.passwords),
        **{key: value for key, value in state.extra.items() if key not in _KNOWN_KEYS},
    }


def from_document(doc: Mapping[str, Any]) -> State:
    """Parse a document of the current schema; raise :class:`DocumentError` if malformed."""
    version = doc.get("schema_version")
    if version != SCHEMA_VERSION:
        raise DocumentError(
            Text(N_("The saved state has schema version {found}; expected {expected}."),
                 {"found": version, "expected": SCHEMA_VERSION})
        )
    accounts = tuple(
        _account(a, f"accounts[{i}]") for i, a in enumerate(read_list(doc, "accounts"))
    )
    ids = [a.id for a in accounts]
    if len(set(ids)) != len(ids):
        raise DocumentError(Text(N_("The saved state lists the same account twice.")))
    secrets = tuple(_secret(s, f"secrets[{i}]") for i, s in enumerate(read_list(doc, "secrets")))
    extra = {key: value for key, value in doc.items() if key not in _KNOWN_KEYS}
    return State(created=read_time(doc, "created"), accounts=accounts, secrets=secrets,
                 two_factor=two_factor_section.from_section(doc),
                 checklist=checklist_progress.from_section(doc.get("checklist")),
                 # Empty sections need not import their modules (start-up time).
                 backups=_backups().from_section(doc) if _has("backups", doc) else (),
                 incidents=_incidents().from_section(doc) if _has("incidents", doc) else (),
                 account_details=account_book.read_section(doc),
                 profile=profile_section.from_section(doc.get("profile")),
                 passwords=password_records.from_section(doc.get("passwords")),
                 extra=extra)


def _has(key: str, doc: Mapping[str, Any]) -> bool:
    """Whether ``doc`` has something under ``key`` other than an empty list."""
    return key in doc and doc[key] != []


# Feature modules import this one (AccountKind, SecretRef), so they are imported here
# when first needed rather than at the top.
def _backups() -> Any:
    from anjian.core.backups import register

    return register


def _incidents() -> Any:
    from anjian.core.incidents import incident

    return incident


def _account(raw: Any, where: str) -> Account:
    record = read_record(raw, where)
    try:
        kind = AccountKind(record.get("kind", AccountKind.OTHER.value))
    except ValueError:
        raise malformed(f"{where}.kind") from None
    name = read_str(record, "name", where)
    if not name.strip():
        raise malformed(f"{where}.name")
    return Account(
        id=read_id(record, "id", where),
        name=name,
        kind=kind,
        notes=read_str(record, "notes", where, default=""),
        created=read_time(record, "created", where),
    )


def _secret(raw: Any, where: str) -> SecretRef:
    record = read_record(raw, where)
    return SecretRef(id=read_id(record, "id", where), purpose=read_str(record, "purpose", where))

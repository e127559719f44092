"""The ``two_factor`` section of the state document: the 2FA map and the vault's metadata.

The vault's secrets are never here: each is its own keyring entry, named by the
:class:`~anjian.core.state.SecretRef` whose id a :class:`VaultEntry` keeps in
``secret_id``. The document only knows what a person could read off the entry
in their authenticator app (issuer, account) and its parameters.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from datetime import datetime
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
    utc,
)
from anjian.core.twofactor.records import Method, TwoFactorRecord
from anjian.i18n import N_, Text
from anjian.record import record

if TYPE_CHECKING:
    from anjian.core.twofactor.otpauth import OtpEntry
    from anjian.core.twofactor.totp import Algorithm, TotpKey

# otpauth and totp are imported where an entry is used or read, not here: every
# load of the state imports this module (``anjian-cli check`` start-up time).

KEY = "two_factor"
SECRET_PURPOSE = "totp"


@record
class VaultEntry:
    """One backed-up authenticator entry, without its secret."""

    id: str
    issuer: str
    account: str
    algorithm: Algorithm
    digits: int
    period: int
    secret_bits: int
    added: datetime
    secret_id: str

    @property
    def title(self) -> str:
        """``issuer: account``, or whichever there is."""
        return ": ".join(p for p in (self.issuer, self.account) if p)

    def key(self, secret: bytes) -> TotpKey:
        """The key to compute codes, given the secret read from the keyring."""
        from anjian.core.twofactor.totp import TotpKey

        return TotpKey(secret, self.algorithm, self.digits, self.period)

    def as_otp_entry(self, secret: bytes) -> OtpEntry:
        """The entry with its secret, to export as a link or QR code."""
        from anjian.core.twofactor.otpauth import OtpEntry

        return OtpEntry(self.issuer, self.account, self.key(secret))


def vault_entry(entry: OtpEntry, entry_id: str, secret_id: str, now: datetime) -> VaultEntry:
    """The metadata to keep for ``entry`` (its secret goes to ``secret_id``)."""
    return VaultEntry(
        id=entry_id, issuer=entry.issuer, account=entry.account,
        algorithm=entry.key.algorithm, digits=entry.key.digits, period=entry.key.period,
        secret_bits=entry.key.secret_bits, added=utc(now), secret_id=secret_id,
    )


@record
class DrillRecord:
    """The last enrollment drill that ended with an accepted code.

    Only the outcome is kept (the drill's secret never is): when, and what the
    matched step said about the phone's clock.
    """

    passed: datetime
    steps: int = 0  # which step matched: -1 previous (phone behind), 0 same, +1 next
    drift_seconds: int = 0  # the best single guess of the phone's clock offset


@record
class TwoFactor:
    """The whole section: one record per account, the vault's entries, the last drill."""

    records: tuple[TwoFactorRecord, ...] = ()
    vault: tuple[VaultEntry, ...] = ()
    drill: DrillRecord | None = None

    def with_drill(self, drill: DrillRecord) -> TwoFactor:
        """A copy with ``drill`` as the last drill passed."""
        return replace(self, drill=drill)

    def record(self, account_id: str) -> TwoFactorRecord | None:
        """The record of that account, if any."""
        return next((r for r in self.records if r.account_id == account_id), None)

    def with_record(self, record: TwoFactorRecord) -> TwoFactor:
        """A copy with ``record`` added or replacing that account's record."""
        others = tuple(r for r in self.records if r.account_id != record.account_id)
        return replace(self, records=(*others, record))

    def without_record(self, account_id: str) -> TwoFactor:
        """A copy without that account's record."""
        return replace(self, records=tuple(r for r in self.records if r.account_id != account_id))

    def entry(self, entry_id: str) -> VaultEntry | None:
        """The vault entry with that id, if any."""
        return next((e for e in self.vault if e.id == entry_id), None)

    def with_entry(self, entry: VaultEntry) -> TwoFactor:
        """A copy with ``entry`` added (or replacing the one with its id)."""
        others = tuple(e for e in self.vault if e.id != entry.id)
        return replace(self, vault=(*others, entry))

    def without_entry(self, entry_id: str) -> TwoFactor:
        """A copy without that vault entry."""
        return replace(self, vault=tuple(e for e in self.vault if e.id != entry_id))


# -- to and from the document -----------------------------------------------------------


def to_section(section: TwoFactor) -> dict[str, Any]:
    """The section as plain JSON-ready data."""
    return {
        "records": [
            {
                "account_id": r.account_id,
                "method": r.method.value,
                "device": r.device,
                "recovery_codes": r.recovery_codes,
                "last_verified": iso(r.last_verified),
            }
            for r in section.records
        ],
        "vault": [
            {
                "id": e.id,
                "issuer": e.issuer,
                "account": e.account,
                "algorithm": e.algorithm.value,
                "digits": e.digits,
                "period": e.period,
                "secret_bits": e.secret_bits,
                "added": iso(e.added),
                "secret_id": e.secret_id,
            }
            for e in section.vault
        ],
        "drill": None if section.drill is None else {
            "passed": iso(section.drill.passed),
            "steps": section.drill.steps,
            "drift_seconds": section.drill.drift_seconds,
        },
    }


def from_section(doc: Mapping[str, Any]) -> TwoFactor:
    """Read the section from the whole document (absent: empty); raise DocumentError."""
    raw = doc.get(KEY)
    if raw is None:
        return TwoFactor()
    section = read_record(raw, KEY)
    records = tuple(_record(r, f"{KEY}.records[{i}]")
                    for i, r in enumerate(read_list(section, "records", KEY)))
    vault = tuple(_entry(e, f"{KEY}.vault[{i}]")
                  for i, e in enumerate(read_list(section, "vault", KEY)))
    if len({r.account_id for r in records}) != len(records):
        raise DocumentError(Text(N_("The saved state lists the same account twice in the "
                                    "two-factor map.")))
    if len({e.id for e in vault}) != len(vault):
        raise DocumentError(Text(N_("The saved state lists the same vault entry twice.")))
    drill = section.get("drill")
    return TwoFactor(records, vault, None if drill is None else _drill(drill, f"{KEY}.drill"))


def _drill(raw: Any, where: str) -> DrillRecord:
    record = read_record(raw, where)
    return DrillRecord(
        passed=read_time(record, "passed", where),
        steps=read_int(record, "steps", where, default=0),
        drift_seconds=read_int(record, "drift_seconds", where, default=0),
    )


def _record(raw: Any, where: str) -> TwoFactorRecord:
    record = read_record(raw, where)
    try:
        method = Method(read_str(record, "method", where))
    except ValueError:
        raise malformed(f"{where}.method") from None
    return TwoFactorRecord(
        account_id=read_id(record, "account_id", where),
        method=method,
        device=read_str(record, "device", where, default=""),
        recovery_codes=read_str(record, "recovery_codes", where, default=""),
        last_verified=read_optional_time(record, "last_verified", where),
    )


def _entry(raw: Any, where: str) -> VaultEntry:
    from anjian.core.twofactor.totp import DIGITS_RANGE, PERIOD_RANGE, Algorithm

    record = read_record(raw, where)
    try:
        algorithm = Algorithm(read_str(record, "algorithm", where))
    except ValueError:
        raise malformed(f"{where}.algorithm") from None
    digits = read_int(record, "digits", where)
    if not DIGITS_RANGE[0] <= digits <= DIGITS_RANGE[1]:
        raise malformed(f"{where}.digits")
    period = read_int(record, "period", where)
    if not PERIOD_RANGE[0] <= period <= PERIOD_RANGE[1]:
        raise malformed(f"{where}.period")
    return VaultEntry(
        id=read_id(record, "id", where),
        issuer=read_str(record, "issuer", where, default=""),
        account=read_str(record, "account", where, default=""),
        algorithm=algorithm,
        digits=digits,
        period=period,
        secret_bits=read_int(record, "secret_bits", where),
        added=read_time(record, "added", where),
        secret_id=read_id(record, "secret_id", where),
    )

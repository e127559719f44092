"""The TOTP backup vault in the keyring: each secret its own entry, the document only metadata.

Adding writes the secrets' entries first and then the state that points to them;
removing saves the state first and then deletes the entry. Either way a crash
in between leaves at worst an unused secret entry, never an entry in the
document whose secret is gone. Codes are computed here, on the keyring worker,
so the secrets never travel to the window: it gets the codes, and a secret only
when the user asks to reveal or export one.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import datetime, timedelta

from anjian.core.state import SecretRef, State, new_id
from anjian.core.twofactor.otpauth import OtpEntry, build_uri
from anjian.core.twofactor.secret import SecretError, grouped, parse_secret, secret_text
from anjian.core.twofactor.section import SECRET_PURPOSE, VaultEntry, vault_entry
from anjian.core.twofactor.totp import code_at, counter_at, hotp
from anjian.i18n import N_, Text
from anjian.record import record
from anjian.storage.errors import Problem, StorageError
from anjian.storage.store import Snapshot, StateStore


@record
class Addition:
    """What adding entries did: the saved state, what was added, what was already there."""

    snapshot: Snapshot | None
    added: tuple[VaultEntry, ...]
    already_there: tuple[str, ...]  # titles of entries the vault already held


@record
class VaultCode:
    """The code of one entry now and the one after it, so the window can roll over on time."""

    entry_id: str
    code: str
    next_code: str
    step_ends: datetime  # when ``code`` gives way to ``next_code``


def add_entries(store: StateStore, entries: Sequence[OtpEntry], now: datetime) -> Addition:
    """Keep each entry's secret in its own keyring entry and its metadata in the state.

    An entry already in the vault (same issuer, account and secret) is not added twice.
    """
    state = store.load().state
    fresh: list[OtpEntry] = []
    already: list[str] = []
    for entry in entries:
        if _held(store, state, entry) or any(_same(entry, other) for other in fresh):
            already.append(entry.title)
        else:
            fresh.append(entry)
    if not fresh:
        return Addition(None, (), tuple(already))
    written: list[tuple[VaultEntry, SecretRef]] = []
    try:
        for entry in fresh:
            ref = SecretRef(new_id(), SECRET_PURPOSE)
            store.put_secret(ref, secret_text(entry.key.secret))
            written.append((vault_entry(entry, new_id(), ref.id, now), ref))

        def change(latest: State) -> State:
            section = latest.two_factor
            for metadata, _ in written:
                section = section.with_entry(metadata)
            return replace(latest, two_factor=section,
                           secrets=(*latest.secrets, *(ref for _, ref in written)))

        snapshot = store.update(change)
    except BaseException:
        for _, ref in written:
            _forget_quietly(store, ref)
        raise
    return Addition(snapshot, tuple(m for m, _ in written), tuple(already))


def remove_entry(store: StateStore, entry_id: str) -> Snapshot:
    """Remove an entry from the state, then delete its secret's keyring entry."""
    found: list[VaultEntry] = []

    def change(latest: State) -> State:
        entry = latest.two_factor.entry(entry_id)
        if entry is None:
            return latest
        found.append(entry)
        return replace(latest, two_factor=latest.two_factor.without_entry(entry_id),
                       secrets=tuple(s for s in latest.secrets if s.id != entry.secret_id))

    snapshot = store.update(change)
    for entry in found:
        store.delete_secret(SecretRef(entry.secret_id, SECRET_PURPOSE))
    return snapshot


def secret_of(store: StateStore, entry: VaultEntry) -> bytes:
    """The entry's secret, read from the keyring; a clear error if it is gone or damaged."""
    stored = store.get_secret(SecretRef(entry.secret_id, SECRET_PURPOSE))
    if stored is None:
        raise StorageError(Problem.READ_FAILED, Text(N_(
            "The secret of “{entry}” is missing from the keyring: it may have been deleted "
            "outside Anjian. Remove the entry and add it again from the service."),
            {"entry": entry.title}))
    try:
        return parse_secret(stored)
    except SecretError:
        raise StorageError(Problem.READ_FAILED, Text(N_(
            "The secret of “{entry}” in the keyring is damaged."),
            {"entry": entry.title})) from None


def codes(store: StateStore, state: State | None, now: datetime) -> list[VaultCode]:
    """The current and next code of every vault entry."""
    result = []
    for entry in state.two_factor.vault if state else ():
        key = entry.key(secret_of(store, entry))
        counter = counter_at(key, now)
        result.append(VaultCode(
            entry_id=entry.id,
            code=code_at(key, now),
            next_code=hotp(key.secret, counter + 1, key.algorithm, key.digits),
            step_ends=_step_end(counter, key.period, now),
        ))
    return result


def reveal(store: StateStore, entry: VaultEntry) -> str:
    """The entry's secret in groups of four, for the user who asked to see it."""
    return grouped(secret_of(store, entry))


def export_uri(store: StateStore, entry: VaultEntry) -> str:
    """The entry as an ``otpauth://`` link, to show as a QR code for a new phone."""
    return build_uri(entry.as_otp_entry(secret_of(store, entry)))


def _step_end(counter: int, period: int, now: datetime) -> datetime:
    seconds = (counter + 1) * period - now.timestamp()
    return now + timedelta(seconds=seconds)


def _same(a: OtpEntry, b: OtpEntry) -> bool:
    return (a.issuer, a.account, a.key) == (b.issuer, b.account, b.key)


def _held(store: StateStore, state: State | None, entry: OtpEntry) -> bool:
    """Whether the vault already has this entry (the secret is compared, never shown)."""
    for held in state.two_factor.vault if state else ():
        if (held.issuer, held.account) != (entry.issuer, entry.account):
            continue
        try:
            if held.key(secret_of(store, held)) == entry.key:
                return True
        except StorageError:
            continue
    return False


def _forget_quietly(store: StateStore, ref: SecretRef) -> None:
    try:
        store.delete_secret(ref)
    except StorageError:
        pass  # an unused secret entry left behind; the state never points to it

"""Saving a password check: score and fingerprint it, find reuse, keep only the results.

The password comes in, is scored and fingerprinted here (on the keyring
worker, since scrypt takes a fraction of a second), and goes no further: the
state gets the score and the findings, the keyring gets the fingerprint in its
own entry. The per-install reuse key is made on first use and kept in its own
entry too.

Order of writes, as for every secret: the new fingerprint entry first, then
the state that names it, then the old entry is deleted. A crash in between
leaves at worst an unused entry, never a check whose fingerprint is gone.
"""

from __future__ import annotations

import base64
import secrets
from dataclasses import replace
from datetime import date, datetime

from anjian.core.passwords.personal import personal_inputs
from anjian.core.passwords.records import (
    FINGERPRINT_PURPOSE,
    REUSE_KEY_PURPOSE,
    PasswordCheck,
    review_months_valid,
)
from anjian.core.passwords.reuse import KEY_BYTES, Fingerprint, find_reuse, fingerprint
from anjian.core.passwords.scorer import Scorer, Strength
from anjian.core.state import SecretRef, State, new_id
from anjian.i18n import N_, Text
from anjian.storage.store import Snapshot, StateStore


class PasswordCheckError(ValueError):
    """A check cannot be saved; ``text`` says why (never containing the password)."""

    def __init__(self, text: Text) -> None:
        super().__init__(str(text))
        self.text = text


def save_check(store: StateStore, scorer: Scorer, account_id: str, password: str,
               changed: date | None, now: datetime) -> tuple[Snapshot, Strength]:
    """Score ``password`` for the account, record the result and its reuse findings."""
    state = store.load().state
    if state is None or state.account(account_id) is None:
        raise PasswordCheckError(Text(N_("That account no longer exists.")))
    if not password:
        raise PasswordCheckError(Text(N_("Type the account's password first.")))
    strength = scorer.score(password, personal_inputs(state))
    key = _reuse_key(store, state)
    mine = fingerprint(password, key)
    prints = _fingerprints(store, state, skip=account_id)
    prints[account_id] = mine
    ref = SecretRef(new_id(), FINGERPRINT_PURPOSE)
    store.put_secret(ref, mine.encode())
    old = state.passwords.check_for(account_id)

    def change(latest: State) -> State:
        check = PasswordCheck(
            account_id=account_id, score=strength.score, guesses_log10=strength.guesses_log10,
            checked=now, patterns=tuple(dict.fromkeys(p.kind for p in strength.patterns)),
            in_leak_lists=strength.in_leak_lists,
            changed=changed if changed is not None else (old.changed if old else None),
            fingerprint=ref.id)
        return _with_reuse(_without_secret(latest, old), prints,
                           latest.passwords.with_check(check), ref)

    snapshot = store.update(change)
    if old is not None and old.fingerprint:
        store.delete_secret(SecretRef(old.fingerprint, FINGERPRINT_PURPOSE))
    return snapshot, strength


def forget_check(store: StateStore, account_id: str) -> Snapshot:
    """Remove an account's check and its fingerprint; update everyone's findings."""
    state = store.load().state
    old = state.passwords.check_for(account_id) if state else None
    if state is None or old is None:
        return store.load()
    prints = _fingerprints(store, state, skip=account_id)
    snapshot = store.update(lambda latest: _with_reuse(
        _without_secret(latest, old), prints, latest.passwords.without_check(account_id), None))
    if old.fingerprint:
        store.delete_secret(SecretRef(old.fingerprint, FINGERPRINT_PURPOSE))
    return snapshot


def set_review_months(store: StateStore, months: int) -> Snapshot:
    """Change the review cadence."""
    if not review_months_valid(months):
        raise PasswordCheckError(Text(N_("Choose a review interval of 1 to 60 months.")))
    return store.update(lambda s: replace(s, passwords=replace(s.passwords, review_months=months)))


# -- helpers ---------------------------------------------------------------------------


def _reuse_key(store: StateStore, state: State) -> bytes:
    """The install's reuse key, made and kept in its own entry on first use."""
    ref = next((s for s in state.secrets if s.purpose == REUSE_KEY_PURPOSE), None)
    if ref is not None:
        stored = store.get_secret(ref)
        if stored is not None:
            return base64.b64decode(stored)
    key = secrets.token_bytes(KEY_BYTES)
    fresh = SecretRef(new_id(), REUSE_KEY_PURPOSE)
    store.put_secret(fresh, base64.b64encode(key).decode("ascii"))
    # A lost key entry makes every fingerprint useless: they are checked again under the new one.
    store.update(lambda latest: replace(latest, secrets=(
        *(s for s in latest.secrets if s.purpose != REUSE_KEY_PURPOSE), fresh)))
    if ref is not None:
        store.delete_secret(ref)
    return key


def _fingerprints(store: StateStore, state: State, skip: str) -> dict[str, Fingerprint]:
    """The stored fingerprints of every other account still in the state."""
    found = {}
    for check in state.passwords.checks:
        if check.account_id == skip or not check.fingerprint or \
                state.account(check.account_id) is None:
            continue
        raw = store.get_secret(SecretRef(check.fingerprint, FINGERPRINT_PURPOSE))
        try:
            found[check.account_id] = Fingerprint.decode(raw) if raw else None
        except ValueError:
            continue  # a damaged entry only costs that account's reuse finding
    return {k: v for k, v in found.items() if v is not None}


def _without_secret(state: State, old: PasswordCheck | None) -> State:
    if old is None or not old.fingerprint:
        return state
    return replace(state, secrets=tuple(s for s in state.secrets if s.id != old.fingerprint))


def _with_reuse(state: State, prints: dict[str, Fingerprint], passwords, ref: SecretRef | None
                ) -> State:
    found = {account: (r.same, r.similar) for account, r in find_reuse(prints).items()}
    # A check whose fingerprint could not be read keeps no stale findings about the others.
    for check in passwords.checks:
        found.setdefault(check.account_id, ((), ()))
    secrets_ = state.secrets if ref is None else (*state.secrets, ref)
    return replace(state, secrets=secrets_, passwords=passwords.with_reuse(found))

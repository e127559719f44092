"""Saving password checks in the real keyring: results in the state, fingerprints in their
own entries, reuse found across accounts, never a password anywhere."""

from __future__ import annotations

import json
from datetime import date, datetime, timezone

import keyring
import pytest

from anjian.core.accounts import changes
from anjian.core.passwords.records import FINGERPRINT_PURPOSE, REUSE_KEY_PURPOSE
from anjian.core.state import AccountKind, to_document
from anjian.storage import password_checks
from anjian.storage.password_checks import PasswordCheckError
from anjian.wordlists import password_scorer

from .keyring_helpers import stored_names

NOW = datetime(2026, 4, 1, tzinfo=timezone.utc)
LATER = datetime(2026, 5, 1, tzinfo=timezone.utc)


def with_accounts(store, *ids: str) -> None:
    def change(state):
        for account_id in ids:
            state = changes.add_account(account_id, account_id.upper(), AccountKind.WALLET, "",
                                        NOW)(state)
        return state

    store.update(change)


def save(store, account_id: str, password: str, now: datetime = NOW, changed=None):
    return password_checks.save_check(store, password_scorer(), account_id, password, changed,
                                      now)


def test_a_check_keeps_score_and_date_and_a_fingerprint_entry(store, service_name):
    with_accounts(store, "a")
    snapshot, strength = save(store, "a", "woaini1314")
    check = snapshot.state.passwords.check_for("a")
    assert (check.score, check.checked) == (strength.score, NOW)
    assert check.fingerprint in {r.id for r in snapshot.state.secrets
                                 if r.purpose == FINGERPRINT_PURPOSE}
    assert f"secret.{check.fingerprint}" in stored_names(service_name)


def test_the_reuse_key_lives_in_its_own_entry_and_is_made_once(store, service_name):
    with_accounts(store, "a", "b")
    save(store, "a", "correct horse battery")
    save(store, "b", "another one entirely")
    keys = [r for r in store.load().state.secrets if r.purpose == REUSE_KEY_PURPOSE]
    assert len(keys) == 1
    assert f"secret.{keys[0].id}" in stored_names(service_name)


def test_no_password_is_stored_anywhere_in_the_keyring(store, service_name):
    with_accounts(store, "a", "b")
    save(store, "a", "Zhangwei@1990xyz")
    save(store, "b", "Zhangwei@1991xyz")
    values = [keyring.get_password(service_name, name) or "" for name in
              stored_names(service_name)]
    document = json.dumps(to_document(store.load().state))
    for text in (*values, document):
        assert "zhangwei" not in text.lower()


def test_the_same_password_on_two_accounts_is_reported_on_both(store):
    with_accounts(store, "a", "b")
    save(store, "a", "Tr0ub4dor&3")
    snapshot, _ = save(store, "b", "Tr0ub4dor&3")
    passwords = snapshot.state.passwords
    assert passwords.check_for("a").reused_with == ("b",)
    assert passwords.check_for("b").reused_with == ("a",)


def test_the_same_base_with_another_number_is_near_reuse(store):
    with_accounts(store, "a", "b")
    save(store, "a", "woaini1314")
    snapshot, _ = save(store, "b", "woaini1315")
    assert snapshot.state.passwords.check_for("b").similar_to == ("a",)
    assert snapshot.state.passwords.check_for("b").reused_with == ()


def test_checking_again_replaces_the_fingerprint_and_clears_old_findings(store, service_name):
    with_accounts(store, "a", "b")
    save(store, "a", "Tr0ub4dor&3")
    first, _ = save(store, "b", "Tr0ub4dor&3")
    old = first.state.passwords.check_for("b").fingerprint
    snapshot, _ = save(store, "b", "a wholly different phrase here", now=LATER)
    assert snapshot.state.passwords.check_for("a").reused_with == ()
    assert f"secret.{old}" not in stored_names(service_name)
    assert old not in {r.id for r in snapshot.state.secrets}


def test_the_reported_change_date_is_kept_when_checking_again(store):
    with_accounts(store, "a")
    save(store, "a", "Tr0ub4dor&3", changed=date(2026, 3, 1))
    snapshot, _ = save(store, "a", "Tr0ub4dor&3", now=LATER)
    assert snapshot.state.passwords.check_for("a").changed == date(2026, 3, 1)


def test_forgetting_a_check_deletes_its_fingerprint_and_the_others_findings(store, service_name):
    with_accounts(store, "a", "b")
    save(store, "a", "Tr0ub4dor&3")
    first, _ = save(store, "b", "Tr0ub4dor&3")
    entry = first.state.passwords.check_for("b").fingerprint
    snapshot = password_checks.forget_check(store, "b")
    assert snapshot.state.passwords.check_for("b") is None
    assert snapshot.state.passwords.check_for("a").reused_with == ()
    assert f"secret.{entry}" not in stored_names(service_name)


def test_an_unknown_account_is_refused_with_a_message(store):
    with pytest.raises(PasswordCheckError) as raised:
        save(store, "nobody", "whatever")
    assert "account" in str(raised.value.text)


def test_an_empty_password_is_refused_with_a_message(store):
    with_accounts(store, "a")
    with pytest.raises(PasswordCheckError):
        save(store, "a", "")


def test_the_review_cadence_is_a_setting(store):
    assert password_checks.set_review_months(store, 6).state.passwords.review_months == 6


def test_a_review_cadence_out_of_range_is_refused(store):
    with pytest.raises(PasswordCheckError):
        password_checks.set_review_months(store, 0)

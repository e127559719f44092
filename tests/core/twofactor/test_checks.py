"""The checklist checks of the Two-factor page: enabled, drill, recovery."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

from anjian import content
from anjian.core.checklist.checks import CHECKS
from anjian.core.checklist.evaluate import Status, evaluate
from anjian.core.checklist.progress import ChecklistProgress
from anjian.core.state import Account, State
from anjian.core.twofactor.otpauth import OtpEntry
from anjian.core.twofactor.records import Method, TwoFactorRecord
from anjian.core.twofactor.section import DrillRecord, TwoFactor, vault_entry
from anjian.core.twofactor.totp import TotpKey

NOW = datetime(2026, 4, 1, 8, 0, tzinfo=timezone.utc)
enabled = CHECKS["twofactor.enabled"]
drill = CHECKS["twofactor.drill"]
recovery = CHECKS["twofactor.recovery"]


def state_with(*records: TwoFactorRecord, names=("OKX", "WeChat"), vault=(), last_drill=None):
    accounts = tuple(Account(f"a{i}", name) for i, name in enumerate(names))
    return State(created=NOW, accounts=accounts,
                 two_factor=TwoFactor(records=records, vault=vault, drill=last_drill))


def backup(issuer: str, account: str = "alice"):
    return vault_entry(OtpEntry(issuer, account, TotpKey(b"k" * 20)), "e1", "s1", NOW)


# -- twofactor.enabled ----------------------------------------------------------------


def test_enabled_is_left_to_the_user_until_the_map_has_a_record():
    assert enabled(state_with(), NOW).satisfied is None


def test_an_account_without_2fa_fails_enabled_with_a_due_record():
    result = enabled(state_with(TwoFactorRecord("a0", Method.NONE),
                                TwoFactorRecord("a1", Method.AUTHENTICATOR)), NOW)
    assert result.satisfied is False and result.reason.params == {"count": 1}
    assert [(d.id, d.section) for d in result.due] == [("two-factor-on:a0", "two-factor")]
    assert "OKX" in str(result.due[0].title)


def test_sms_only_fails_enabled_and_asks_to_switch_to_an_app():
    result = enabled(state_with(TwoFactorRecord("a0", Method.SMS),
                                TwoFactorRecord("a1", Method.HARDWARE_KEY)), NOW)
    assert result.satisfied is False and "SMS" in result.reason.msgid
    assert "authenticator app" in str(result.due[0].title)


def test_email_only_fails_enabled_like_sms():
    result = enabled(state_with(TwoFactorRecord("a0", Method.EMAIL),
                                TwoFactorRecord("a1", Method.AUTHENTICATOR)), NOW)
    assert result.satisfied is False and [d.id for d in result.due] == ["two-factor-on:a0"]


def test_an_account_not_yet_in_the_map_keeps_enabled_open():
    result = enabled(state_with(TwoFactorRecord("a0", Method.AUTHENTICATOR)), NOW)
    assert result.satisfied is False and result.reason.params == {"count": 1}


def test_every_account_with_an_app_or_a_key_satisfies_enabled():
    result = enabled(state_with(TwoFactorRecord("a0", Method.AUTHENTICATOR),
                                TwoFactorRecord("a1", Method.HARDWARE_KEY)), NOW)
    assert result.satisfied is True


def test_a_record_of_a_deleted_account_is_ignored():
    state = state_with(TwoFactorRecord("gone", Method.NONE), names=())
    assert enabled(state, NOW).satisfied is None


# -- twofactor.drill ------------------------------------------------------------------


def test_the_drill_is_left_to_the_user_until_one_is_passed():
    assert drill(state_with(), NOW).satisfied is None


def test_a_drill_passed_this_year_satisfies_the_item_and_is_due_a_year_later():
    result = drill(state_with(last_drill=DrillRecord(NOW - timedelta(days=300), -1, -25)), NOW)
    assert result.satisfied is True
    assert [(d.id, d.due_at) for d in result.due] == [
        ("two-factor-drill", NOW + timedelta(days=65))]


def test_a_drill_older_than_a_year_fails_and_names_its_date():
    result = drill(state_with(last_drill=DrillRecord(datetime(2025, 3, 1, tzinfo=timezone.utc))),
                   NOW)
    assert result.satisfied is False and result.reason.params == {"date": "2025-03-01"}


# -- twofactor.recovery ---------------------------------------------------------------


def test_recovery_is_left_to_the_user_without_an_authenticator_account():
    assert recovery(state_with(TwoFactorRecord("a0", Method.SMS)), NOW).satisfied is None


def test_codes_on_one_phone_without_recovery_codes_fail_recovery():
    state = state_with(TwoFactorRecord("a0", Method.AUTHENTICATOR, "iPhone"),
                       TwoFactorRecord("a1", Method.AUTHENTICATOR, "iPhone"))
    result = recovery(state, NOW)
    assert result.satisfied is False and result.reason.params == {"count": 2}
    assert [d.id for d in result.due] == ["two-factor-recovery:a0", "two-factor-recovery:a1"]


def test_recorded_recovery_codes_satisfy_recovery():
    state = state_with(TwoFactorRecord("a0", Method.AUTHENTICATOR, "iPhone", "printed, safe"))
    assert recovery(state, NOW).satisfied is True


def test_a_vault_backup_of_the_account_counts_as_a_way_back_in():
    state = state_with(TwoFactorRecord("a0", Method.AUTHENTICATOR, "iPhone"),
                       vault=(backup("okx"),))
    assert recovery(state, NOW).satisfied is True


def test_a_vault_backup_of_another_service_does_not_count():
    state = state_with(TwoFactorRecord("a0", Method.AUTHENTICATOR, "iPhone"),
                       vault=(backup("Binance"),))
    assert recovery(state, NOW).satisfied is False


def test_recovery_codes_checked_a_year_ago_are_due_for_another_look():
    checked = NOW - timedelta(days=370)
    state = state_with(TwoFactorRecord("a0", Method.AUTHENTICATOR, "iPhone", "safe", checked))
    result = recovery(state, NOW)
    assert result.satisfied is True
    assert [(d.id, d.due_at) for d in result.due] == [
        ("two-factor-recovery:a0", checked + timedelta(days=365))]


# -- wired into the checklist ---------------------------------------------------------


def test_the_checklist_items_are_decided_by_these_checks():
    items = {i.id: i for i in content.checklist()}
    state = state_with(TwoFactorRecord("a0", Method.NONE),
                       TwoFactorRecord("a1", Method.AUTHENTICATOR, "iPhone"),
                       last_drill=DrillRecord(NOW - timedelta(days=1)))
    progress = ChecklistProgress()
    assert evaluate(items["two-factor-on"], state, progress, NOW).status is Status.ATTENTION
    assert evaluate(items["two-factor-drill"], state, progress, NOW).status is Status.DONE
    assert evaluate(items["two-factor-recovery"], state, progress, NOW).status \
        is Status.ATTENTION


"""The 2FA map's findings."""

from __future__ import annotations

from anjian.core.twofactor.records import (
    WEAKER_BECAUSE,
    AccountName,
    Method,
    Severity,
    TwoFactorRecord,
    findings,
)

WALLET, BANK, CHAT = AccountName("w1", "OK Wallet"), AccountName("b1", "Bank"), \
    AccountName("c1", "WeChat")


def ids(found) -> list[tuple[str, tuple[str, ...]]]:
    return [(f.id, f.account_ids) for f in found]


def test_an_account_without_a_record_is_not_recorded_yet() -> None:
    assert ids(findings([], [WALLET])) == [("not-recorded", ("w1",))]


def test_an_account_without_2fa_is_a_high_finding() -> None:
    found = findings([TwoFactorRecord("w1", Method.NONE)], [WALLET])
    assert ids(found) == [("no-2fa", ("w1",))] and found[0].severity is Severity.HIGH


def test_sms_and_email_only_are_flagged_as_weaker() -> None:
    found = findings([TwoFactorRecord("w1", Method.SMS), TwoFactorRecord("b1", Method.EMAIL)],
                     [WALLET, BANK])
    assert ids(found) == [("sms-only", ("w1",)), ("email-only", ("b1",))]


def test_the_sms_reason_names_nist_restricted_and_sim_swap() -> None:
    assert "restricted" in WEAKER_BECAUSE[Method.SMS]
    assert "SIM swap" in WEAKER_BECAUSE[Method.SMS]
    assert TwoFactorRecord("w1", Method.SMS).is_weaker


def test_a_hardware_key_and_an_authenticator_with_recovery_codes_are_fine() -> None:
    records = [TwoFactorRecord("w1", Method.HARDWARE_KEY),
               TwoFactorRecord("b1", Method.AUTHENTICATOR, "Pixel", "printed, in the safe")]
    assert findings(records, [WALLET, BANK]) == []


def test_one_phone_holding_codes_without_recovery_codes_is_a_single_point_of_failure() -> None:
    records = [TwoFactorRecord("w1", Method.AUTHENTICATOR, "iPhone 13"),
               TwoFactorRecord("b1", Method.AUTHENTICATOR, " iphone  13 "),
               TwoFactorRecord("c1", Method.AUTHENTICATOR, "Pixel", "paper in the desk")]
    found = findings(records, [WALLET, BANK, CHAT])
    assert ids(found) == [("one-device", ("w1", "b1"))]
    assert found[0].text.params == {"device": "iPhone 13", "accounts": "Bank, OK Wallet"}


def test_an_unnamed_device_still_counts() -> None:
    found = findings([TwoFactorRecord("w1", Method.AUTHENTICATOR)], [WALLET])
    assert ids(found) == [("one-device", ("w1",))] and "did not name" in found[0].text.msgid


def test_records_of_deleted_accounts_are_ignored() -> None:
    assert findings([TwoFactorRecord("gone", Method.NONE)], [WALLET]) == [
        f for f in findings([], [WALLET])]


def test_an_account_backed_up_in_the_vault_is_not_a_single_point_of_failure() -> None:
    records = [TwoFactorRecord("w1", Method.AUTHENTICATOR, "iPhone 13"),
               TwoFactorRecord("b1", Method.AUTHENTICATOR, "iPhone 13")]
    found = findings(records, [WALLET, BANK], backed_up={"w1"})
    assert ids(found) == [("one-device", ("b1",))]


def test_the_most_urgent_finding_comes_first() -> None:
    found = findings([TwoFactorRecord("w1", Method.SMS), TwoFactorRecord("b1", Method.NONE)],
                     [WALLET, BANK, CHAT])
    assert [f.id for f in found] == ["no-2fa", "sms-only", "not-recorded"]

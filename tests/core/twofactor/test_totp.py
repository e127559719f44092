"""Codes, checking typed codes, clock drift, replay and attempt limits (RFC 4226/6238)."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pyotp
import pytest

from anjian.core.twofactor.secret import secret_text
from anjian.core.twofactor.totp import (
    Algorithm,
    AttemptLimit,
    TotpKey,
    Verdict,
    check_code,
    code_at,
    counter_at,
    hotp,
    seconds_left,
)

# RFC 6238 Appendix B: the seed is the ASCII string "1234567890" repeated to the
# hash's output length; 8-digit codes, 30-second steps.
SEEDS = {
    Algorithm.SHA1: b"12345678901234567890",
    Algorithm.SHA256: b"12345678901234567890123456789012",
    Algorithm.SHA512: b"1234567890123456789012345678901234567890123456789012345678901234",
}
VECTORS = [
    (59, "94287082", "46119246", "90693936"),
    (1111111109, "07081804", "68084774", "25091201"),
    (1111111111, "14050471", "67062674", "99943326"),
    (1234567890, "89005924", "91819424", "93441116"),
    (2000000000, "69279037", "90698825", "38618901"),
    (20000000000, "65353130", "77737706", "47863826"),
]


def at(seconds: float) -> datetime:
    return datetime.fromtimestamp(seconds, timezone.utc)


@pytest.mark.parametrize(("unix", "sha1", "sha256", "sha512"), VECTORS)
@pytest.mark.parametrize("algorithm", list(Algorithm))
def test_rfc6238_appendix_b_vectors(unix, sha1, sha256, sha512, algorithm) -> None:
    expected = {Algorithm.SHA1: sha1, Algorithm.SHA256: sha256, Algorithm.SHA512: sha512}
    key = TotpKey(SEEDS[algorithm], algorithm, digits=8)
    assert code_at(key, at(unix)) == expected[algorithm]


def test_rfc4226_appendix_d_hotp_values() -> None:
    expected = ["755224", "287082", "359152", "969429", "338314",
                "254676", "287922", "162583", "399871", "520489"]
    assert [hotp(b"12345678901234567890", c) for c in range(10)] == expected


@pytest.mark.parametrize("algorithm", list(Algorithm))
def test_codes_agree_with_pyotp_for_secrets_it_accepts(algorithm) -> None:
    secret = bytes(range(1, 21))
    key = TotpKey(secret, algorithm, digits=7, period=45)
    reference = pyotp.TOTP(secret_text(secret), digits=7, interval=45,
                           digest=getattr(__import__("hashlib"), algorithm.hashlib_name))
    for unix in (0, 1_700_000_000, 1_700_000_044, 1_700_000_045):
        assert code_at(key, at(unix)) == reference.at(unix)


def test_an_80_bit_secret_that_pyotp_refuses_still_gives_codes() -> None:
    secret = bytes(range(10))
    with pytest.raises(ValueError, match="112 bits"):
        pyotp.TOTP(secret_text(secret))
    assert code_at(TotpKey(secret), at(1_700_000_000)).isdigit()


def test_seconds_left_counts_down_to_the_next_step() -> None:
    key = TotpKey(b"k" * 20)
    assert seconds_left(key, at(1_699_999_990)) == pytest.approx(20)


def test_naive_times_are_refused() -> None:
    with pytest.raises(ValueError):
        code_at(TotpKey(b"k" * 20), datetime(2024, 1, 1))


KEY = TotpKey(b"drill-secret-for-tests")
NOW = at(1_699_999_990)  # 10 s into a step (1,699,999,980 is a multiple of 30)


def code(offset_steps: int) -> str:
    return hotp(KEY.secret, counter_at(KEY, NOW) + offset_steps)


def test_the_current_code_is_accepted_with_no_drift() -> None:
    check = check_code(KEY, code(0), NOW)
    assert check.verdict is Verdict.ACCEPTED and check.drift is not None
    assert check.drift.steps == 0 and check.drift.in_step


def test_a_code_from_the_previous_step_reports_the_phone_behind() -> None:
    check = check_code(KEY, code(-1), NOW)
    assert check.verdict is Verdict.ACCEPTED and check.drift is not None
    assert check.drift.steps == -1
    # 10 s into our step, the previous step ended 10 s ago and began 40 s ago.
    assert (check.drift.low, check.drift.high) == (-40, -10)
    assert check.drift.seconds == -25


def test_a_code_from_the_next_step_reports_the_phone_ahead() -> None:
    check = check_code(KEY, code(1), NOW)
    assert check.verdict is Verdict.ACCEPTED and check.drift is not None
    assert check.drift.steps == 1 and (check.drift.low, check.drift.high) == (20, 50)


def test_two_steps_away_is_not_accepted_but_explained_as_far_off() -> None:
    check = check_code(KEY, code(-2), NOW)
    assert check.verdict is Verdict.FAR_OFF and check.drift is not None
    assert check.drift.steps == -2


def test_a_phone_three_hours_ahead_is_recognised() -> None:
    check = check_code(KEY, code(3 * 120), NOW)
    assert check.verdict is Verdict.FAR_OFF and check.drift is not None
    assert round(check.drift.seconds / 3600) == 3


def test_a_code_accepted_once_is_refused_the_second_time() -> None:
    first = check_code(KEY, code(0), NOW)
    again = check_code(KEY, code(0), NOW + timedelta(seconds=5), last_accepted=first.counter)
    assert again.verdict is Verdict.REPLAYED


def test_an_older_step_than_the_last_accepted_is_a_replay_too() -> None:
    accepted = check_code(KEY, code(0), NOW)
    older = check_code(KEY, code(-1), NOW, last_accepted=accepted.counter)
    assert older.verdict is Verdict.REPLAYED


def test_the_next_code_after_an_accepted_one_is_accepted() -> None:
    accepted = check_code(KEY, code(0), NOW)
    later = NOW + timedelta(seconds=30)
    assert check_code(KEY, code(1), later, accepted.counter).verdict is Verdict.ACCEPTED


@pytest.mark.parametrize("typed", ["", "12345", "1234567", "12a456", "１２３４５６"])
def test_codes_of_the_wrong_shape_are_malformed(typed) -> None:
    assert check_code(KEY, typed, NOW).verdict is Verdict.MALFORMED


def test_a_space_inside_the_code_is_ignored() -> None:
    typed = code(0)[:3] + " " + code(0)[3:]
    assert check_code(KEY, typed, NOW).verdict is Verdict.ACCEPTED


def test_one_wrong_digit_is_a_near_miss() -> None:
    right = code(0)
    typo = right[:2] + str((int(right[2]) + 1) % 10) + right[3:]
    assert check_code(KEY, typo, NOW).verdict is Verdict.NEAR_MISS


def test_swapped_neighbours_are_a_near_miss() -> None:
    key = TotpKey(b"swap-test-secret-000")
    now = NOW
    right = code_at(key, now)
    i = next(i for i in range(5) if right[i] != right[i + 1])
    swapped = right[:i] + right[i + 1] + right[i] + right[i + 2:]
    assert check_code(key, swapped, now).verdict is Verdict.NEAR_MISS


def test_an_unrelated_code_is_wrong() -> None:
    candidates = (f"{n:06d}" for n in range(0, 1_000_000, 7919))
    typed = next(c for c in candidates
                 if check_code(KEY, c, NOW).verdict not in (Verdict.FAR_OFF, Verdict.NEAR_MISS,
                                                            Verdict.ACCEPTED))
    assert check_code(KEY, typed, NOW).verdict is Verdict.WRONG


def test_the_attempt_limit_allows_five_tries_a_minute() -> None:
    limit = AttemptLimit(attempts=5, window=timedelta(minutes=1))
    tried: tuple[datetime, ...] = ()
    for i in range(5):
        assert limit.wait(tried, NOW + timedelta(seconds=i)) == 0
        tried = limit.record(tried, NOW + timedelta(seconds=i))
    assert limit.wait(tried, NOW + timedelta(seconds=5)) == pytest.approx(55)


def test_the_attempt_limit_lifts_when_the_oldest_try_ages_out() -> None:
    limit = AttemptLimit(attempts=2, window=timedelta(seconds=10))
    tried = limit.record(limit.record((), NOW), NOW + timedelta(seconds=1))
    assert limit.wait(tried, NOW + timedelta(seconds=10)) == 0
    assert limit.record(tried, NOW + timedelta(seconds=10.5)) == (
        NOW + timedelta(seconds=1), NOW + timedelta(seconds=10.5))


@pytest.mark.parametrize(("digits", "period"), [(5, 30), (9, 30), (6, 14), (6, 121)])
def test_keys_outside_the_supported_parameters_are_refused(digits, period) -> None:
    with pytest.raises(ValueError):
        TotpKey(b"k" * 20, digits=digits, period=period)


def test_a_key_never_shows_its_secret_in_its_repr() -> None:
    assert "hunter2" not in repr(TotpKey(b"hunter2-hunter2"))

"""The enrollment drill as data: its steps, and a run walked through without Qt."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timedelta, timezone

import pytest

from anjian.core.twofactor.drill import (
    ISSUER,
    STEPS,
    Step,
    go_to,
    passed,
    start,
    submit,
)
from anjian.core.twofactor.otpauth import parse_uri
from anjian.core.twofactor.totp import Verdict, code_at, counter_at, hotp

NOW = datetime(2024, 5, 1, 8, 0, 10, tzinfo=timezone.utc)  # 10 s into a step


def fresh() -> object:
    drill = start(NOW, lambda n: bytes(range(n)))
    return go_to(go_to(drill, Step.SCAN), Step.ENTER_CODE)


def test_every_step_leads_only_to_steps_that_exist_and_all_are_reachable() -> None:
    reachable, frontier = {Step.INTRODUCTION}, [Step.INTRODUCTION]
    while frontier:
        for following in STEPS[frontier.pop()].next:
            if following not in reachable:
                reachable.add(following)
                frontier.append(following)
    assert reachable == set(Step) == set(STEPS)


def test_a_drill_starts_with_a_fresh_160_bit_secret_and_the_anjian_issuer() -> None:
    drill = start(NOW, lambda n: bytes(range(n)))
    assert drill.step is Step.INTRODUCTION and drill.key.secret_bits == 160
    entry = parse_uri(drill.uri)
    assert entry.issuer == ISSUER and entry.account == drill.label
    assert entry.key == drill.key and entry.warnings == ()


def test_the_secret_is_shown_in_groups_of_four() -> None:
    groups = start(NOW, lambda n: bytes(range(n))).grouped_secret.split()
    assert len(groups) == 8 and all(len(g) == 4 for g in groups)


def test_the_drill_refuses_a_step_the_current_one_does_not_lead_to() -> None:
    with pytest.raises(ValueError):
        go_to(start(NOW, lambda n: bytes(n)), Step.RESULT)


def test_the_right_code_leads_to_the_result_with_no_drift() -> None:
    drill = submit(fresh(), code_at(fresh().key, NOW), NOW)
    assert drill.step is Step.RESULT and drill.outcome.verdict is Verdict.ACCEPTED
    assert "nothing to fix" in drill.outcome.message.msgid


def test_a_code_one_step_old_explains_the_phone_is_about_25_s_behind() -> None:
    drill = fresh()
    old = hotp(drill.key.secret, counter_at(drill.key, NOW) - 1)
    result = submit(drill, old, NOW)
    assert result.step is Step.RESULT
    assert "behind" in result.outcome.message.msgid
    assert result.outcome.message.params["seconds"] == 25
    assert (result.outcome.message.params["low"], result.outcome.message.params["high"]) == (10, 40)


def test_a_wrong_code_stays_on_the_step_and_names_the_entry_to_check() -> None:
    drill = fresh()
    right = code_at(drill.key, NOW)
    wrong = "".join(str((int(d) + 5) % 10) for d in right)  # every digit different
    result = submit(drill, wrong, NOW)
    assert result.step is Step.ENTER_CODE and result.outcome.verdict is Verdict.WRONG
    assert result.outcome.message.params["title"] == f"Anjian: {drill.label}"


def test_a_phone_an_hour_behind_is_told_its_time_zone_may_be_wrong() -> None:
    drill = fresh()
    result = submit(drill, code_at(drill.key, NOW - timedelta(hours=1)), NOW)
    assert result.outcome.verdict is Verdict.FAR_OFF
    assert "time zone" in result.outcome.message.msgid
    assert result.outcome.message.params == {"hours": 1}


def test_a_short_code_says_how_many_digits_are_needed() -> None:
    result = submit(fresh(), "123", NOW)
    assert result.outcome.message.params == {"digits": 6, "count": 3}


def test_the_sixth_try_within_a_minute_must_wait() -> None:
    drill = fresh()
    wrong = f"{(int(code_at(drill.key, NOW)) + 1) % 1_000_000:06d}"
    for i in range(5):
        drill = submit(drill, wrong, NOW + timedelta(seconds=i))
    blocked = submit(drill, code_at(drill.key, NOW), NOW + timedelta(seconds=5))
    assert blocked.step is Step.ENTER_CODE and blocked.outcome.verdict is None
    assert blocked.outcome.message.params == {"seconds": 55}


def test_malformed_entries_do_not_count_against_the_limit() -> None:
    drill = fresh()
    for i in range(10):
        drill = submit(drill, "12", NOW + timedelta(seconds=i))
    assert submit(drill, code_at(drill.key, NOW), NOW + timedelta(seconds=10)).step is Step.RESULT


def test_a_code_already_accepted_is_refused_when_typed_again() -> None:
    drill = fresh()
    code = code_at(drill.key, NOW)
    done = submit(drill, code, NOW)
    # Back to the code step of the same drill (as a person pressing Back would).
    retry = submit(replace(done, step=Step.ENTER_CODE), code, NOW + timedelta(seconds=3))
    assert retry.outcome.verdict is Verdict.REPLAYED


def test_the_result_step_explains_what_to_record_in_the_map() -> None:
    assert "2FA map" in STEPS[Step.RESULT].guidance


def test_guidance_names_the_entry_and_the_code_length() -> None:
    drill = fresh()
    assert drill.guidance().params["digits"] == 6
    assert drill.guidance().params["title"].startswith("Anjian: practice")


def test_a_passed_drill_keeps_when_and_the_drift_found() -> None:
    drill = submit(fresh(), code_at(fresh().key, NOW - timedelta(seconds=30)), NOW)
    record = passed(drill, NOW)
    assert (record.passed, record.steps, record.drift_seconds) == (NOW, -1, -25)


def test_a_drill_not_yet_passed_keeps_nothing() -> None:
    drill = submit(fresh(), "000000" if code_at(fresh().key, NOW) != "000000" else "111111", NOW)
    assert passed(drill, NOW) is None

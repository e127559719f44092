"""``anjian-cli password``: passwords from stdin, one JSON object a line, never echoed."""

from __future__ import annotations

import io
import json
import sys

import pytest

from anjian.cli import EXIT_FINDINGS, EXIT_OK, main

STRONG = "vK3#pQ9!zR7@mW2$"


@pytest.fixture(autouse=True)
def own_config(tmp_path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ANJIAN_CONFIG_DIR", str(tmp_path / "config"))


def score(stdin: bytes | str, monkeypatch, *extra: str) -> tuple[int, str, str]:
    data = stdin.encode("utf-8", "surrogatepass") if isinstance(stdin, str) else stdin
    out, err = io.StringIO(), io.StringIO()
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))
    monkeypatch.setattr(sys, "stdout", out)
    monkeypatch.setattr(sys, "stderr", err)
    return main(["password", *extra]), out.getvalue(), err.getvalue()


def lines(text: str) -> list[dict]:
    return [json.loads(line) for line in text.splitlines()]


def test_each_line_gives_one_json_object_with_the_required_fields(monkeypatch):
    code, out, _ = score(f"woaini1314\n{STRONG}\n", monkeypatch, "--json")
    first, second = lines(out)
    assert {"score", "guesses_log10", "crack_times_seconds", "warning", "suggestions",
            "patterns"} <= set(first)
    assert isinstance(first["score"], int) and first["score"] <= 1 and second["score"] >= 3
    assert len(first["crack_times_seconds"]) == 4
    assert code == EXIT_FINDINGS


def test_only_strong_passwords_exit_0(monkeypatch):
    code, _, _ = score(f"{STRONG}\n", monkeypatch, "--json")
    assert code == EXIT_OK


def test_no_password_or_part_of_one_is_printed(monkeypatch):
    code, out, err = score("liuyang1992\nqwerasdf7758\n", monkeypatch, "--json")
    assert "liuyang" not in out + err and "1992" not in out + err and "7758" not in out + err


def test_patterns_are_given_by_kind_and_position(monkeypatch):
    _, out, _ = score("5201314\n", monkeypatch, "--json")
    pattern = lines(out)[0]["patterns"][0]
    assert (pattern["kind"], pattern["start"], pattern["end"]) == ("love_number", 0, 7)
    assert pattern["chinese"] is True


def test_personal_values_make_a_password_personal(monkeypatch):
    _, out, _ = score("zhangwei1990\n", monkeypatch, "--json", "--personal", "张伟",
                      "--personal", "1990-05-17")
    result = lines(out)[0]
    assert result["score"] == 0
    assert any(p["personal"] for p in result["patterns"])


def test_a_too_long_line_gives_an_error_object_and_the_run_goes_on(monkeypatch):
    code, out, _ = score("x" * 1100 + f"\n{STRONG}\n", monkeypatch, "--json")
    first, second = lines(out)
    assert first["error"]["id"] == "too-long" and "1024" in first["error"]["message"]
    assert second["score"] >= 3
    assert code == EXIT_FINDINGS


def test_a_line_that_is_not_utf8_gives_an_error_object(monkeypatch):
    _, out, _ = score(b"\xff\xfe\n" + STRONG.encode() + b"\n", monkeypatch, "--json")
    first, second = lines(out)
    assert first == {"line": 1, "error": {"id": "not-utf8", "message": first["error"]["message"]}}
    assert "score" in second


def test_odd_lines_are_scored(monkeypatch):
    _, out, _ = score("\n   \n😀😀\x07\n", monkeypatch, "--json")
    assert [r["score"] for r in lines(out)] == [0, 0, 0]


def test_messages_follow_lang(monkeypatch):
    _, english, _ = score("woaini1314\n", monkeypatch, "--json", "--lang", "en")
    _, chinese, _ = score("woaini1314\n", monkeypatch, "--json", "--lang", "zh_CN")
    assert lines(english)[0]["score"] == lines(chinese)[0]["score"]
    assert lines(english)[0]["label"] == "Very weak"


def test_human_output_names_the_verdict_and_crack_times(monkeypatch):
    code, out, _ = score("woaini1314\n", monkeypatch, "--lang", "en")
    assert out.startswith("Line 1: Very weak (0 of 4)")
    assert "woaini" not in out
    assert code == EXIT_FINDINGS


def test_passwords_are_not_accepted_as_arguments(monkeypatch):
    code, _, _ = score("", monkeypatch, "woaini1314")
    assert code == 2

"""``anjian-cli totp check-uri``: JSON about a link read from stdin, never the secret."""

from __future__ import annotations

import base64
import io
import json
import subprocess
import sys
from urllib.parse import quote

import pytest

from anjian.cli import EXIT_ERROR, EXIT_FINDINGS, EXIT_OK, main
from anjian.core.twofactor.migration import payload_class

SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"
GOOD = f"otpauth://totp/Example:alice@example.com?secret={SECRET}&issuer=Example"


@pytest.fixture(autouse=True)
def own_config(tmp_path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ANJIAN_CONFIG_DIR", str(tmp_path / "config"))


def check(stdin: bytes | str, monkeypatch: pytest.MonkeyPatch, *extra: str) -> tuple[int, dict, str]:
    data = stdin.encode() if isinstance(stdin, str) else stdin
    out, err = io.StringIO(), io.StringIO()
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))
    monkeypatch.setattr(sys, "stdout", out)
    monkeypatch.setattr(sys, "stderr", err)
    code = main(["totp", "check-uri", *extra])
    text = out.getvalue()
    assert SECRET not in text and SECRET not in err.getvalue()
    return code, json.loads(text), err.getvalue()


def export(*names: str, index: int = 0, size: int = 1) -> str:
    payload = payload_class()(batch_index=index, batch_size=size, batch_id=1)
    for n, name in enumerate(names):
        payload.otp_parameters.add(secret=bytes([n + 1]) * 20, name=name.encode(),
                                   issuer=b"Svc", type=2, algorithm=1, digits=1)
    data = base64.b64encode(payload.SerializeToString()).decode()
    return f"otpauth-migration://offline?data={quote(data, safe='')}"


def test_a_valid_link_prints_its_fields_and_exits_0(monkeypatch) -> None:
    code, result, _ = check(GOOD + "\n", monkeypatch)
    assert code == EXIT_OK
    assert result == {"valid": True, "type": "totp", "issuer": "Example",
                      "account": "alice@example.com", "algorithm": "SHA1", "digits": 6,
                      "period": 30, "secret_bits": 160, "warnings": []}


def test_a_valid_link_with_warnings_exits_1(monkeypatch) -> None:
    code, result, _ = check(f"otpauth://totp/a?secret={SECRET[:16]}", monkeypatch)
    assert code == EXIT_FINDINGS and result["secret_bits"] == 80 and len(result["warnings"]) == 2


def test_an_invalid_link_gives_a_precise_reason_and_exit_2_without_traceback(monkeypatch) -> None:
    code, result, err = check(GOOD + "&digits=12", monkeypatch)
    assert code == EXIT_ERROR and err == ""
    assert result["valid"] is False and result["error_id"] == "bad-digits"
    assert "12" in result["error"] and "6 to 8" in result["error"]


def test_the_reason_is_in_the_chosen_language(monkeypatch) -> None:
    _, english, _ = check("otpauth://hotp/a?secret=" + SECRET, monkeypatch, "--lang", "en")
    _, chinese, _ = check("otpauth://hotp/a?secret=" + SECRET, monkeypatch, "--lang", "zh_CN")
    assert english["error_id"] == chinese["error_id"] == "hotp"


def test_non_utf8_input_is_refused(monkeypatch) -> None:
    code, result, _ = check(GOOD.encode() + b"\xff", monkeypatch)
    assert code == EXIT_ERROR and result["error_id"] == "not-utf8"


def test_empty_input_is_refused(monkeypatch) -> None:
    assert check("", monkeypatch)[1]["error_id"] == "empty"


def test_two_otpauth_lines_are_refused(monkeypatch) -> None:
    code, result, _ = check(f"{GOOD}\n{GOOD}\n", monkeypatch)
    assert code == EXIT_ERROR and result["error_id"] == "several-lines"


def test_an_export_lists_its_entries_without_secrets(monkeypatch) -> None:
    code, result, _ = check(export("Svc:a", "Svc:b"), monkeypatch)
    assert code == EXIT_OK and result["type"] == "migration"
    assert [e["account"] for e in result["entries"]] == ["a", "b"]
    assert all("secret" not in key for e in result["entries"] for key in e if key != "secret_bits")


def test_the_parts_of_an_export_may_come_one_per_line(monkeypatch) -> None:
    lines = f"{export('Svc:a', index=0, size=2)}\n{export('Svc:b', index=1, size=2)}\n"
    code, result, _ = check(lines, monkeypatch)
    assert code == EXIT_OK and len(result["entries"]) == 2 and result["notes"] == []


def test_an_export_missing_a_part_exits_1_with_a_note(monkeypatch) -> None:
    code, result, _ = check(export("Svc:a", size=2), monkeypatch)
    assert code == EXIT_FINDINGS and result["notes"]


def test_huge_input_is_refused(monkeypatch) -> None:
    assert check("A" * 70_000, monkeypatch)[1]["error_id"] == "too-long"


def test_check_uri_is_required(monkeypatch) -> None:
    out, err = io.StringIO(), io.StringIO()
    monkeypatch.setattr(sys, "stdout", out)
    monkeypatch.setattr(sys, "stderr", err)
    assert main(["totp"]) == EXIT_ERROR and "Traceback" not in err.getvalue()


def test_the_installed_command_reads_stdin(tmp_path) -> None:
    cli = __import__("shutil").which("anjian-cli") or str(
        __import__("pathlib").Path(sys.executable).with_name("anjian-cli"))
    done = subprocess.run([cli, "totp", "check-uri", "--lang", "en"], input=GOOD.encode(),
                          capture_output=True, timeout=60)
    assert done.returncode == EXIT_OK and json.loads(done.stdout)["issuer"] == "Example"

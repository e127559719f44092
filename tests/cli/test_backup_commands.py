"""``anjian-cli report``, ``export`` and ``import``: files, passphrases, no secret in clear."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest

from anjian import KEYRING_SERVICE
from anjian.cli import EXIT_ERROR, EXIT_OK, main
from anjian.core.backups.register import BackupKind, BackupRecord
from anjian.core.state import SecretRef
from anjian.service import default_store

from ..storage.keyring_helpers import delete_all
from ..storage.states import with_accounts
from ..test_layering import _run_cli

PASS = "correct horse battery staple"
CANARY = "CANARYTOTPSECRET7Q2Z"
TOTP = SecretRef("totp-canary", "totp")


@pytest.fixture(autouse=True)
def own_config(tmp_path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ANJIAN_CONFIG_DIR", str(tmp_path / "config"))


@pytest.fixture
def clean_keyring(secret_service: None) -> Iterator[None]:
    delete_all(KEYRING_SERVICE)
    yield
    delete_all(KEYRING_SERVICE)


@pytest.fixture
def saved(clean_keyring) -> None:
    """A saved state with accounts, a backup record and a canary TOTP secret."""
    store = default_store()
    try:
        store.put_secret(TOTP, CANARY)
        base = with_accounts(3)
        store.update(lambda _s: replace(
            base, secrets=(TOTP,),
            backups=(BackupRecord("b1", BackupKind.RECOVERY_PHRASE, "钢板，保险柜",
                                  base.accounts[0].id),)))
    finally:
        store.vault.close()


def run(argv: list[str], monkeypatch: pytest.MonkeyPatch) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    monkeypatch.setattr(sys, "stdout", out)
    monkeypatch.setattr(sys, "stderr", err)
    code = main(argv)
    return code, out.getvalue(), err.getvalue()


def passphrase_fd(text: str) -> str:
    read, write = os.pipe()
    os.write(write, (text + "\n").encode())
    os.close(write)
    return str(read)


def secret_value() -> str | None:
    store = default_store()
    try:
        return store.get_secret(TOTP)
    finally:
        store.vault.close()


# -- report --------------------------------------------------------------------


def test_report_writes_html_without_any_secret(saved, tmp_path, monkeypatch):
    path = tmp_path / "report.html"
    code, out, _ = run(["report", "--format", "html", "--output", str(path), "--lang", "en"],
                       monkeypatch)
    assert code == EXIT_OK and str(path) in out
    html = path.read_text(encoding="utf-8")
    assert "Account security report" in html and "钢板，保险柜" in html
    assert CANARY not in html


def test_report_writes_a_pdf_whose_text_is_chinese_and_holds_no_secret(saved, tmp_path):
    # In its own process: the PDF needs a QGuiApplication, which must not outlive this
    # test (the window tests need a QApplication), and without a display.
    path = tmp_path / "report.pdf"
    env = {k: v for k, v in os.environ.items()
           if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    result = subprocess.run(
        [sys.executable, "-m", "anjian.cli", "report", "--output", str(path), "--lang", "zh_CN"],
        capture_output=True, text=True, encoding="utf-8", timeout=120, env=env,
        stdin=subprocess.DEVNULL)
    assert result.returncode == EXIT_OK, result.stderr
    assert path.read_bytes().startswith(b"%PDF")
    text = pdf_text(path)
    assert "钢板，保险柜" in text and "OK 钱包" in text
    assert CANARY not in text and CANARY.encode() not in path.read_bytes()


def pdf_text(path: Path) -> str:
    return subprocess.run(["pdftotext", "-enc", "UTF-8", str(path), "-"], check=True,
                          capture_output=True, text=True, encoding="utf-8").stdout


@pytest.mark.keyring
def test_report_html_runs_without_qt(saved, tmp_path):
    result = _run_cli(tmp_path, "report", "--format", "html", "--output",
                      str(tmp_path / "r.html"))
    assert result.returncode == 0, result.stderr


def test_report_to_an_unwritable_place_is_one_line(saved, tmp_path, monkeypatch):
    code, _, err = run(["report", "--format", "html", "--output",
                        str(tmp_path / "missing" / "r.html")], monkeypatch)
    assert code == EXIT_ERROR and "Traceback" not in err and "could not be written" in err


# -- export and import ---------------------------------------------------------


def test_export_and_import_round_trip_through_a_passphrase_fd(saved, tmp_path, monkeypatch):
    path = tmp_path / "anjian.backup"
    code, out, err = run(["export", "--output", str(path), "--passphrase-fd",
                          passphrase_fd(PASS)], monkeypatch)
    assert code == EXIT_OK, err
    assert CANARY.encode() not in path.read_bytes()
    delete_all(KEYRING_SERVICE)
    code, out, err = run(["import", str(path), "--passphrase-fd", passphrase_fd(PASS)],
                         monkeypatch)
    assert code == EXIT_OK, err
    assert secret_value() == CANARY


def test_export_without_a_terminal_or_fd_refuses(saved, tmp_path, monkeypatch):
    monkeypatch.setattr(sys, "stdin", io.StringIO(PASS + "\n" + PASS + "\n"))
    code, _, err = run(["export", "--output", str(tmp_path / "b")], monkeypatch)
    assert code == EXIT_ERROR and "--passphrase-fd" in err
    assert not (tmp_path / "b").exists()


def test_export_refuses_a_short_passphrase(saved, tmp_path, monkeypatch):
    code, _, err = run(["export", "--output", str(tmp_path / "b"), "--passphrase-fd",
                        passphrase_fd("short")], monkeypatch)
    assert code == EXIT_ERROR and "10 characters" in err


def test_export_asks_twice_on_a_terminal_and_refuses_a_mismatch(saved, tmp_path, monkeypatch):
    answers = iter([PASS, PASS + "x"])
    monkeypatch.setattr("getpass.getpass", lambda _prompt: next(answers))
    monkeypatch.setattr(sys, "stdin", _Terminal())
    code, _, err = run(["export", "--output", str(tmp_path / "b")], monkeypatch)
    assert code == EXIT_ERROR and "differ" in err


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_import_with_the_wrong_passphrase_changes_nothing(saved, tmp_path, monkeypatch):
    path = tmp_path / "anjian.backup"
    run(["export", "--output", str(path), "--passphrase-fd", passphrase_fd(PASS)], monkeypatch)
    code, out, _ = run(["import", str(path), "--json", "--passphrase-fd",
                        passphrase_fd("wrong passphrase!")], monkeypatch)
    assert code == EXIT_ERROR
    assert json.loads(out)["error"]["id"] == "wrong-passphrase"
    assert secret_value() == CANARY


def test_import_over_a_state_without_a_terminal_needs_replace(saved, tmp_path, monkeypatch):
    path = tmp_path / "anjian.backup"
    run(["export", "--output", str(path), "--passphrase-fd", passphrase_fd(PASS)], monkeypatch)
    code, _, err = run(["import", str(path), "--passphrase-fd", passphrase_fd(PASS)],
                       monkeypatch)
    assert code == EXIT_ERROR and "--replace" in err
    code, out, _ = run(["import", str(path), "--replace", "--passphrase-fd",
                        passphrase_fd(PASS)], monkeypatch)
    assert code == EXIT_OK and "--restore-previous" in out


def test_restore_previous_puts_the_replaced_state_back(saved, tmp_path, monkeypatch):
    path = tmp_path / "anjian.backup"
    run(["export", "--output", str(path), "--passphrase-fd", passphrase_fd(PASS)], monkeypatch)
    store = default_store()
    try:
        store.put_secret(TOTP, "CHANGED-HERE")
    finally:
        store.vault.close()
    run(["import", str(path), "--replace", "--passphrase-fd", passphrase_fd(PASS)], monkeypatch)
    assert secret_value() == CANARY
    code, _, err = run(["import", "--restore-previous"], monkeypatch)
    assert code == EXIT_OK, err
    assert secret_value() == "CHANGED-HERE"


def test_import_of_a_damaged_file_is_one_line(saved, tmp_path, monkeypatch):
    path = tmp_path / "anjian.backup"
    run(["export", "--output", str(path), "--passphrase-fd", passphrase_fd(PASS)], monkeypatch)
    path.write_bytes(path.read_bytes()[:200])
    code, _, err = run(["import", str(path), "--replace", "--passphrase-fd",
                        passphrase_fd(PASS)], monkeypatch)
    assert code == EXIT_ERROR and "Traceback" not in err and "damaged" in err

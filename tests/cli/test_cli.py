"""``anjian-cli``: exit codes, JSON, languages, and no tracebacks."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import replace
from datetime import datetime, timezone

import pytest

from anjian import KEYRING_SERVICE, __version__
from anjian.cli import EXIT_ERROR, EXIT_FINDINGS, EXIT_OK, main
from anjian.i18n import load_catalogue
from anjian.content import checklist
from anjian.core.checklist.progress import Answer
from anjian.service import default_store
from anjian.storage.codec import HEAD

from ..storage.keyring_helpers import delete_all
from ..storage.states import with_accounts

NOW = datetime(2026, 11, 23, 9, 0, tzinfo=timezone.utc)


def run(argv: list[str], monkeypatch: pytest.MonkeyPatch) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    monkeypatch.setattr(sys, "stdout", out)
    monkeypatch.setattr(sys, "stderr", err)
    code = main(argv)
    return code, out.getvalue(), err.getvalue()


@pytest.fixture(autouse=True)
def own_config(tmp_path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ANJIAN_CONFIG_DIR", str(tmp_path / "config"))


@pytest.fixture
def clean_keyring(secret_service: None) -> Iterator[None]:
    """The suite's private keyring with no Anjian state, before and after."""
    delete_all(KEYRING_SERVICE)
    yield
    delete_all(KEYRING_SERVICE)


def test_version_prints_the_version(monkeypatch) -> None:
    code, out, _ = run(["version"], monkeypatch)
    assert code == EXIT_OK and __version__ in out


def test_version_as_json(monkeypatch) -> None:
    code, out, _ = run(["version", "--json"], monkeypatch)
    assert json.loads(out) == {"version": __version__}


def test_no_command_shows_help_and_fails(monkeypatch) -> None:
    code, out, _ = run([], monkeypatch)
    assert code == EXIT_ERROR and "check" in out


def test_unknown_command_is_a_usage_error_without_traceback(monkeypatch) -> None:
    code, _, err = run(["frobnicate"], monkeypatch)
    assert code == EXIT_ERROR
    assert "Traceback" not in err and "anjian-cli:" in err


def test_usage_error_as_json(monkeypatch) -> None:
    code, out, _ = run(["check", "--json", "--bogus"], monkeypatch)
    assert code == EXIT_ERROR and json.loads(out)["error"]["id"] == "usage"


def test_help_is_in_the_chosen_language(monkeypatch) -> None:
    code, out, _ = run(["--lang", "zh_CN"], monkeypatch)
    expected = load_catalogue("zh_CN").gettext("Show the version of Anjian.")
    assert expected in out


@pytest.mark.keyring
def test_check_without_a_state_is_a_finding(clean_keyring, monkeypatch) -> None:
    code, out, _ = run(["check", "--json"], monkeypatch)
    result = json.loads(out)
    assert code == EXIT_FINDINGS
    assert result["state"] == "absent" and result["findings"][0]["id"] == "no-state"
    assert result["backend"].startswith("Secret Service")


@pytest.mark.keyring
def _nothing_due(state):
    """Every checklist item but the account list answered "not applicable"."""
    progress = state.checklist
    for item in checklist():
        if item.id != "accounts-listed":
            progress = progress.answered(item.id, Answer.NOT_APPLICABLE, NOW)
    return replace(state, checklist=progress)


@pytest.mark.keyring
def test_check_with_nothing_due_is_ok(clean_keyring, monkeypatch) -> None:
    store = default_store()
    store.save(_nothing_due(with_accounts(4)), store.load().token)
    store.vault.close()
    code, out, _ = run(["check", "--json"], monkeypatch)
    result = json.loads(out)
    assert code == EXIT_OK
    assert (result["state"], result["accounts"], result["generation"]) == ("present", 4, 1)
    assert result["due"] == [] and result["score"] == 100


@pytest.mark.keyring
def test_check_lists_due_items_and_exits_1(clean_keyring, monkeypatch) -> None:
    store = default_store()
    store.save(with_accounts(2), store.load().token)
    store.vault.close()
    code, out, _ = run(["check", "--json"], monkeypatch)
    result = json.loads(out)
    assert code == EXIT_FINDINGS and result["findings"] == []
    due_ids = [d["item"] for d in result["due"]]
    assert "public-wifi" in due_ids and "accounts-listed" not in due_ids
    assert 0 <= result["score"] < 100


@pytest.mark.keyring
def test_check_human_output_lists_the_due_items(clean_keyring, monkeypatch) -> None:
    store = default_store()
    store.save(with_accounts(2), store.load().token)
    store.vault.close()
    code, out, _ = run(["check", "--lang", "en"], monkeypatch)
    assert code == EXIT_FINDINGS
    assert "Avoid money apps on public Wi-Fi" in out and "Security score:" in out


@pytest.mark.keyring
def test_check_reports_a_damaged_state_and_the_fallback(clean_keyring, monkeypatch) -> None:
    store = default_store()
    store.save(with_accounts(1), store.load().token)
    store.save(with_accounts(2), store.load().token)
    store.vault.set(HEAD, "garbage")
    store.vault.close()
    code, out, _ = run(["check", "--json"], monkeypatch)
    result = json.loads(out)
    assert code == EXIT_FINDINGS and result["state"] == "damaged"
    assert [f["id"] for f in result["findings"]] == ["damaged", "fell-back"]


@pytest.mark.keyring
def test_check_human_output_is_translated(clean_keyring, monkeypatch) -> None:
    code, out, _ = run(["check", "--lang", "zh_TW"], monkeypatch)
    expected = load_catalogue("zh_TW").gettext(
        "No security state is saved yet. Start Anjian to set it up.")
    assert code == EXIT_FINDINGS and expected in out


@pytest.mark.keyring
def test_check_language_follows_the_saved_preference(clean_keyring, monkeypatch, tmp_path) -> None:
    from anjian.preferences import Preferences, save_preferences

    save_preferences(Preferences(language="zh_CN"), tmp_path / "config")
    _, out, _ = run(["check"], monkeypatch)
    assert load_catalogue("zh_CN").gettext(
        "No security state is saved yet. Start Anjian to set it up.") in out


def test_check_without_any_keyring_is_a_clear_error(tmp_path) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith("DBUS")}
    env |= {"DBUS_SESSION_BUS_ADDRESS": f"unix:path={tmp_path}/no-bus", "HOME": str(tmp_path),
            "XDG_CONFIG_HOME": str(tmp_path / "cfg"), "ANJIAN_CONFIG_DIR": str(tmp_path / "a")}
    done = subprocess.run(
        [sys.executable, "-m", "anjian.cli", "check", "--json", "--lang", "en"],
        capture_output=True, text=True, env=env, timeout=60,
    )
    assert done.returncode == EXIT_ERROR
    assert "Traceback" not in done.stderr
    error = json.loads(done.stdout)["error"]
    assert error["id"] == "no-backend" and "keyring" in error["message"]

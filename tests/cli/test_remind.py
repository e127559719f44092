"""``anjian-cli remind``: what the tray agent shows and notifies, throttled once a day."""

from __future__ import annotations

import json

import pytest

from anjian.cli import EXIT_FINDINGS, EXIT_OK
from anjian.preferences import Preferences, save_preferences
from anjian.service import default_store

from ..storage.states import with_accounts
from .test_cli import _nothing_due, clean_keyring, run  # noqa: F401 - the fixture

pytestmark = pytest.mark.keyring


def _save(state) -> None:  # type: ignore[no-untyped-def]
    store = default_store()
    store.save(state, store.load().token)
    store.vault.close()


@pytest.fixture
def never_quiet() -> None:
    save_preferences(Preferences(quiet_hours=""))


def test_remind_lists_due_items_and_notifies_them_once(clean_keyring, never_quiet,
                                                       monkeypatch) -> None:
    _save(with_accounts(2))
    code, out, _ = run(["remind", "--json", "--lang", "en"], monkeypatch)
    first = json.loads(out)
    assert code == EXIT_FINDINGS
    assert "Avoid money apps on public Wi-Fi" in [d["title"] for d in first["due"]]
    assert first["notify"]["title"] == "Anjian: security check due"
    assert str(len(first["due"])) in first["notify"]["body"]
    code, out, _ = run(["remind", "--json"], monkeypatch)
    again = json.loads(out)
    assert [d["id"] for d in again["due"]] == [d["id"] for d in first["due"]]
    assert again["notify"] is None  # already notified today


def test_remind_without_recording_notifies_again(clean_keyring, never_quiet, monkeypatch) -> None:
    _save(with_accounts(2))
    run(["remind", "--json", "--no-record"], monkeypatch)
    _, out, _ = run(["remind", "--json", "--no-record"], monkeypatch)
    assert json.loads(out)["notify"] is not None


def test_remind_is_silent_in_quiet_hours(clean_keyring, monkeypatch) -> None:
    save_preferences(Preferences(quiet_hours="00:00-23:59"))
    _save(with_accounts(2))
    _, out, _ = run(["remind", "--json"], monkeypatch)
    result = json.loads(out)
    assert result["due"] and result["notify"] is None


def test_remind_with_nothing_due_exits_0(clean_keyring, never_quiet, monkeypatch) -> None:
    _save(_nothing_due(with_accounts(1)))
    code, out, _ = run(["remind", "--json"], monkeypatch)
    assert code == EXIT_OK and json.loads(out) == {"due": [], "notify": None, "score": 100}


def test_remind_with_no_state_is_ok_and_saves_nothing(clean_keyring, monkeypatch) -> None:
    code, out, _ = run(["remind", "--json"], monkeypatch)
    assert code == EXIT_OK and json.loads(out)["due"] == []
    store = default_store()
    assert store.load().state is None
    store.vault.close()

"""The Passwords page with qtbot: typing updates the meter, leaving clears, saving keeps
no password, the online check asks first."""

from __future__ import annotations

from datetime import datetime, timezone
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QLineEdit

from anjian.core.passwords.records import FINGERPRINT_PURPOSE
from anjian.core.profile import Profile
from anjian.core.state import Account, AccountKind, State
from anjian.storage.lock import SaveLock
from anjian.storage.store import StateStore
from anjian.ui import messages

from ..backup_helpers import page, saved_state, wait_loaded
from ..conftest import MemoryVault

NOW = datetime.now(timezone.utc)
WALLET = Account(id="acct-wallet", name="OK 钱包", kind=AccountKind.WALLET)
CHAT = Account(id="acct-chat", name="微信", kind=AccountKind.CHAT)
STRONG = "vK3#pQ9!zR7@mW2$"


def seeded(tmp_path: Path) -> MemoryVault:
    vault = MemoryVault()
    store = StateStore(vault, SaveLock(tmp_path / "seed.lock"))
    store.update(lambda _s: State(created=NOW, accounts=(WALLET, CHAT),
                                  profile=Profile("张伟", None)))
    return vault


@pytest.fixture
def shown(open_window, qtbot, tmp_path):
    shell = open_window(vault=seeded(tmp_path))
    wait_loaded(qtbot, shell)
    passwords = page(shell, "passwords")
    qtbot.waitUntil(lambda: passwords.account.count() == 2, timeout=5000)
    return shell, passwords


def type_in(qtbot, passwords, text: str) -> None:
    passwords.field.setFocus()
    qtbot.keyClicks(passwords.field, text)
    qtbot.waitUntil(lambda: not passwords.scorer.busy and passwords.meter.score is not None,
                    timeout=10000)


def test_typing_updates_the_meter_with_label_and_words(shown, qtbot):
    _, passwords = shown
    type_in(qtbot, passwords, "woaini1314")
    assert passwords.meter.score == 0
    assert passwords.meter.label.text() == "Very weak"
    assert passwords.meter.words.text()
    assert "Very weak" in passwords.meter.bar.accessibleDescription()


def test_a_strong_password_reads_strong(shown, qtbot):
    _, passwords = shown
    type_in(qtbot, passwords, STRONG)
    assert passwords.meter.score >= 3
    assert passwords.meter.label.text() in {"Strong", "Very strong"}


def test_the_meter_follows_the_latest_text_only(shown, qtbot):
    _, passwords = shown
    type_in(qtbot, passwords, STRONG)
    passwords.field.setText("123456")
    qtbot.waitUntil(lambda: passwords.meter.score == 0, timeout=10000)
    qtbot.wait(100)
    assert passwords.meter.score == 0


def test_crack_times_are_in_plain_words(shown, qtbot):
    _, passwords = shown
    type_in(qtbot, passwords, "woaini1314")
    lines = passwords.times.text().splitlines()
    assert len(lines) == 4 and all(":" in line for line in lines)


def test_the_users_own_name_is_highlighted_as_personal(shown, qtbot):
    _, passwords = shown
    type_in(qtbot, passwords, "zhangwei1990")
    texts = [passwords.patterns.item(i).text() for i in range(passwords.patterns.count())]
    assert any(t.startswith("Your own details") for t in texts)
    assert passwords.warning.text().startswith("Warning:")


def test_chinese_patterns_are_highlighted_and_tokens_masked(shown, qtbot):
    _, passwords = shown
    type_in(qtbot, passwords, "5201314")
    first = passwords.patterns.item(0)
    assert first.text().startswith("Common in China")
    assert "5201314" not in first.text() and "•••••••" in first.text()
    assert first.font().bold()


def test_show_reveals_the_password_and_its_parts(shown, qtbot):
    _, passwords = shown
    type_in(qtbot, passwords, "5201314")
    qtbot.mouseClick(passwords.show_button, Qt.MouseButton.LeftButton)
    assert passwords.field.echoMode() is QLineEdit.EchoMode.Normal
    assert "5201314" in passwords.patterns.item(0).text()
    assert passwords.show_button.text() == "Hide"


def test_the_field_is_masked_and_copy_is_refused(shown, qtbot):
    _, passwords = shown
    QGuiApplication.clipboard().setText("before")
    type_in(qtbot, passwords, "woaini1314")
    qtbot.mouseClick(passwords.show_button, Qt.MouseButton.LeftButton)
    passwords.field.selectAll()
    qtbot.keyClick(passwords.field, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(passwords.field, Qt.Key.Key_X, Qt.KeyboardModifier.ControlModifier)
    assert QGuiApplication.clipboard().text() == "before"
    assert passwords.field.text() == "woaini1314"


def test_leaving_the_page_clears_the_field_and_the_result(shown, qtbot):
    shell, passwords = shown
    type_in(qtbot, passwords, "woaini1314")
    page(shell, "overview")
    assert passwords.field.text() == ""
    assert passwords.meter.score is None
    assert passwords.patterns.count() == 0


def test_hiding_the_window_clears_the_field(shown, qtbot):
    shell, passwords = shown
    type_in(qtbot, passwords, "woaini1314")
    shell.window.hide()
    assert passwords.field.text() == ""


def test_minimising_the_window_clears_the_field(shown, qtbot):
    shell, passwords = shown
    type_in(qtbot, passwords, "woaini1314")
    shell.window.showMinimized()
    qtbot.waitUntil(lambda: passwords.field.text() == "", timeout=3000)


def test_too_long_input_gets_a_message(shown, qtbot):
    _, passwords = shown
    passwords.field.setText("a" * 1100)
    qtbot.waitUntil(lambda: "1024" in passwords.warning.text(), timeout=10000)
    assert passwords.meter.score is None


def test_saving_a_result_keeps_the_score_and_a_fingerprint_never_the_password(shown, qtbot):
    shell, passwords = shown
    type_in(qtbot, passwords, "woaini1314")
    passwords.account.setCurrentIndex(passwords.account.findData(WALLET.id))
    qtbot.mouseClick(passwords.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: passwords.saved.table.rowCount() == 1, timeout=10000)
    state = saved_state(shell)
    check = state.passwords.check_for(WALLET.id)
    assert check.score == 0
    assert any(r.purpose == FINGERPRINT_PURPOSE for r in state.secrets)
    assert all("woaini" not in v for v in shell.vault.values.values())
    assert passwords.saved.table.item(0, 0).text() == WALLET.name
    assert passwords.save_result.text().startswith("Saved for OK 钱包")


def test_the_same_password_on_two_accounts_shows_as_shared(shown, qtbot):
    shell, passwords = shown
    type_in(qtbot, passwords, "woaini1314")
    for account in (WALLET, CHAT):
        passwords.account.setCurrentIndex(passwords.account.findData(account.id))
        qtbot.mouseClick(passwords.save_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: shell.window.context.state.passwords.check_for(account.id)
                        is not None, timeout=10000)
    qtbot.waitUntil(lambda: passwords.saved.table.rowCount() == 2, timeout=5000)
    shared = {passwords.saved.table.item(r, 4).text() for r in range(2)}
    assert shared == {WALLET.name, CHAT.name}
    assert "similar password" in passwords.save_result.text()


def test_the_review_cadence_is_saved(shown, qtbot):
    shell, passwords = shown
    passwords.saved.cadence.setValue(6)
    passwords.saved.cadence.editingFinished.emit()
    qtbot.waitUntil(lambda: saved_state(shell).passwords.review_months == 6, timeout=5000)


def test_the_online_check_asks_first_and_sends_nothing_on_cancel(shown, qtbot, monkeypatch):
    _, passwords = shown
    asked = []
    monkeypatch.setattr(messages, "confirm", lambda *a: asked.append(a) or False)
    called = []
    monkeypatch.setattr("anjian.pwned.check_online", lambda *a, **k: called.append(a))
    type_in(qtbot, passwords, "woaini1314")
    qtbot.mouseClick(passwords.online_button, Qt.MouseButton.LeftButton)
    qtbot.wait(100)
    assert asked and "5 characters" in asked[0][2]
    assert called == []


def test_the_online_check_shows_the_count_after_consent(shown, qtbot, monkeypatch):
    from anjian.pwned import PwnedResult

    _, passwords = shown
    monkeypatch.setattr(messages, "confirm", lambda *a: True)
    monkeypatch.setattr("anjian.pwned.check_online",
                        lambda password, consent: PwnedResult(4242 if consent else 0))
    type_in(qtbot, passwords, "woaini1314")
    qtbot.mouseClick(passwords.online_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "4,242" in passwords.online_result.text(), timeout=5000)


def test_every_control_has_an_accessible_name(shown):
    _, passwords = shown
    for widget in (passwords.field, passwords.show_button, passwords.meter.bar,
                   passwords.patterns, passwords.online_button, passwords.account,
                   passwords.changed, passwords.saved.table, passwords.saved.cadence):
        assert widget.accessibleName()

"""The Backups page: the register, its findings in words, and Anjian's own backup."""

from __future__ import annotations

from dataclasses import replace

import pytest

from anjian.core.backups.register import BackupKind
from anjian.storage.lock import SaveLock
from anjian.storage.store import StateStore
from anjian.ui import files, messages, state_transfer

from .backup_helpers import (
    CANARY,
    TOTP,
    WALLET,
    page,
    phrase_record,
    saved_state,
    seeded_vault,
    wait_loaded,
)

PASS = "a long passphrase 安全"


@pytest.fixture
def backups(open_window, qtbot, tmp_path):
    shell = open_window(vault=seeded_vault(tmp_path, (phrase_record(),)))
    wait_loaded(qtbot, shell)
    return shell, page(shell, "backups")


def row_texts(table, row: int) -> list[str]:
    return [table.item(row, col).text() for col in range(table.columnCount())]


def test_the_register_shows_each_backup_with_its_findings_in_words(backups):
    _, backups_page = backups
    cells = row_texts(backups_page.table, 0)
    assert cells[0] == "Recovery phrase" and cells[1] == WALLET.name
    assert cells[2] == "钢板，家里保险柜"
    assert "Never tested" in cells[-1] and "Only one copy" in cells[-1]
    assert "1 of 1 backups need attention." == backups_page.attention.text()


def test_adding_a_backup_through_the_editor_saves_it(backups, qtbot):
    shell, backups_page = backups
    dialog = backups_page.open_editor(None)
    dialog.kind.setCurrentIndex(dialog.kind.findData(BackupKind.TRANSACTIONS.value))
    dialog.location.setText("U 盘，抽屉")
    dialog.copies.setValue(2)
    dialog.made.known.setChecked(True)
    dialog.accept()
    qtbot.waitUntil(lambda: backups_page.table.rowCount() == 2, timeout=5000)
    kinds = {r.kind for r in saved_state(shell).backups}
    assert kinds == {BackupKind.RECOVERY_PHRASE, BackupKind.TRANSACTIONS}


def test_the_editor_says_not_to_type_the_secret(backups):
    _, backups_page = backups
    dialog = backups_page.open_editor(None)
    assert "never what it says" in dialog.warning.text()
    dialog.reject()


def test_done_today_records_a_test_of_a_made_backup(backups, qtbot):
    shell, backups_page = backups
    backups_page.table.selectRow(0)
    backups_page.done_button.click()
    qtbot.waitUntil(lambda: saved_state(shell).backups[0].tested is not None, timeout=5000)
    qtbot.waitUntil(lambda: "Never tested" not in row_texts(backups_page.table, 0)[-1])


def test_removing_asks_first(backups, qtbot, monkeypatch):
    shell, backups_page = backups
    monkeypatch.setattr(messages, "confirm", lambda *_a: False)
    backups_page.table.selectRow(0)
    backups_page.remove_button.click()
    assert len(saved_state(shell).backups) == 1
    monkeypatch.setattr(messages, "confirm", lambda *_a: True)
    backups_page.remove_button.click()
    qtbot.waitUntil(lambda: backups_page.table.rowCount() == 0, timeout=5000)


def test_the_phrase_test_is_offered_only_for_a_recovery_phrase(backups, qtbot):
    shell, backups_page = backups
    backups_page.table.selectRow(0)
    assert backups_page.phrase_button.isEnabled()
    backups_page._save(replace(phrase_record(), id="rec-2", kind=BackupKind.TRANSACTIONS))
    qtbot.waitUntil(lambda: backups_page.table.rowCount() == 2, timeout=5000)
    row = next(r for r in range(2) if backups_page.table.item(r, 0).text() ==
               "Transaction records")
    backups_page.table.selectRow(row)
    assert not backups_page.phrase_button.isEnabled()


def test_every_button_has_an_accessible_name(backups):
    _, backups_page = backups
    from PySide6.QtWidgets import QPushButton

    assert all(b.accessibleName() for b in backups_page.findChildren(QPushButton))


# -- Anjian's own backup ---------------------------------------------------------


def test_export_then_import_replaces_the_state_after_asking(backups, qtbot, tmp_path,
                                                            monkeypatch):
    shell, backups_page = backups
    path = tmp_path / "mine.anjian-backup"
    told: list[str] = []
    monkeypatch.setattr(files, "ask_save_path", lambda *_a: path)
    monkeypatch.setattr(files, "ask_open_path", lambda *_a: path)
    monkeypatch.setattr(state_transfer, "ask_passphrase", lambda *_a, **_k: PASS)
    monkeypatch.setattr(messages, "information", lambda _p, _t, text: told.append(text))
    asked: list[str] = []
    monkeypatch.setattr(messages, "confirm", lambda _p, _t, text, _l: asked.append(text) or True)

    backups_page.export_button.click()
    qtbot.waitUntil(lambda: len(told) == 1, timeout=10000)
    assert path.exists() and CANARY.encode() not in path.read_bytes()
    assert "1 secrets" in told[0]

    store = StateStore(shell.vault, SaveLock(tmp_path / "other.lock"))
    store.put_secret(TOTP, "changed since the export")
    backups_page.import_button.click()
    qtbot.waitUntil(lambda: len(told) == 2, timeout=10000)
    assert asked and "kept" in asked[0]
    assert store.get_secret(TOTP) == CANARY
    assert backups_page.undo_import_button.isEnabled()


def test_a_wrong_passphrase_is_a_clear_message_and_changes_nothing(backups, qtbot, tmp_path,
                                                                    monkeypatch):
    shell, backups_page = backups
    path = tmp_path / "mine.anjian-backup"
    warned: list[str] = []
    monkeypatch.setattr(files, "ask_save_path", lambda *_a: path)
    monkeypatch.setattr(files, "ask_open_path", lambda *_a: path)
    monkeypatch.setattr(messages, "information", lambda *_a: None)
    monkeypatch.setattr(messages, "warning", lambda _p, _t, text: warned.append(text))
    monkeypatch.setattr(state_transfer, "ask_passphrase", lambda *_a, **_k: PASS)
    backups_page.export_button.click()
    qtbot.waitUntil(path.exists, timeout=10000)
    before = dict(shell.vault.values)
    monkeypatch.setattr(state_transfer, "ask_passphrase", lambda *_a, **_k: "not it at all")
    backups_page.import_button.click()
    qtbot.waitUntil(lambda: bool(warned), timeout=10000)
    assert warned == ["The passphrase is wrong. Nothing was imported."]
    assert shell.vault.values == before


def test_the_passphrase_dialog_wants_ten_characters_twice(backups):
    shell, backups_page = backups
    dialog = state_transfer.PassphraseDialog(shell.window.context, "t", True, backups_page)
    ok = dialog.buttons.button(dialog.buttons.StandardButton.Ok)
    dialog.passphrase.setText("short")
    assert not ok.isEnabled() and "10" in dialog.problem.text()
    dialog.passphrase.setText(PASS)
    dialog.again.setText(PASS + "x")
    assert not ok.isEnabled()
    dialog.again.setText(PASS)
    assert ok.isEnabled()
    dialog.accept()
    assert dialog.value() == PASS and dialog.passphrase.text() == ""

"""The recovery-phrase test dialog: questions first, word by word, never giving the phrase away."""

from __future__ import annotations

import pytest
import shiboken6
from PySide6.QtCore import QMimeData
from PySide6.QtGui import QGuiApplication

from anjian.core.backups import phrase as bip39

from .backup_helpers import page, phrase_record, saved_state, seeded_vault, wait_loaded

VALID = "legal winner thank year wave sausage worth useful legal winner thank yellow"
OTHER = "letter advice cage absurd amount doctor acoustic avoid letter advice cage above"
VALID_ZH = "的 的 的 的 的 的 的 的 的 的 的 在"


@pytest.fixture
def dialog(open_window, qtbot, tmp_path):
    shell = open_window(vault=seeded_vault(tmp_path, (phrase_record(),)))
    wait_loaded(qtbot, shell)
    backups_page = page(shell, "backups")
    opened = backups_page.open_phrase_test(saved_state(shell).backups[0])
    yield shell, backups_page, opened
    if shiboken6.isValid(opened) and opened.isVisible():
        opened.reject()


def answer(dialog, right: bool = True) -> None:
    for question in bip39.QUESTIONS:
        choice = question.correct if right else 1 - question.correct
        dialog.answers[question.id].button(choice).click()
    dialog.continue_button.click()


def type_phrase(qtbot, dialog, text: str) -> None:
    dialog.field.setPlainText(text)
    qtbot.waitUntil(lambda: not dialog._recheck.isActive())  # checked as it would be typed


def test_the_two_questions_come_before_the_phrase(dialog):
    _, _, test = dialog
    assert test.pages.currentIndex() == 0
    assert not test.continue_button.isEnabled()
    test.answers[bip39.QUESTIONS[0].id].button(0).click()
    assert not test.continue_button.isEnabled()  # both must be answered


def test_a_wrong_answer_explains_and_does_not_open_the_phrase_field(dialog):
    _, _, test = dialog
    answer(test, right=False)
    assert test.pages.currentIndex() == 0
    shown = [label.text() for label in test.explanations.values() if not label.isHidden()]
    assert len(shown) == 2 and all(text.startswith("Not quite") for text in shown)


def test_the_right_answers_open_the_phrase_field(dialog):
    _, _, test = dialog
    answer(test)
    assert test.pages.currentIndex() == 1


def test_a_mistyped_word_is_listed_with_the_nearest_valid_words(dialog, qtbot):
    _, _, test = dialog
    answer(test)
    type_phrase(qtbot, test, VALID.replace("winner", "winer", 1))
    lines = [test.words.item(i).text() for i in range(test.words.count())]
    assert len(lines) == 1 and lines[0].startswith("Word 2 is not on the list. Did you mean:")
    assert "winner" in lines[0]
    assert "not on the English word list" in test.verdict.text()
    assert not test.register_button.isEnabled()


def test_a_wrong_checksum_is_said_in_words(dialog, qtbot):
    _, _, test = dialog
    answer(test)
    type_phrase(qtbot, test, VALID.replace("yellow", "year"))
    assert "checksum does not match" in test.verdict.text()
    assert not test.register_button.isEnabled()


def test_a_simplified_chinese_phrase_typed_without_spaces_is_valid(dialog, qtbot):
    _, _, test = dialog
    answer(test)
    type_phrase(qtbot, test, VALID_ZH.replace(" ", ""))
    assert "Simplified Chinese" in test.verdict.text() and "are valid" in test.verdict.text()


def test_pasting_works_but_warns(dialog):
    _, _, test = dialog
    answer(test)
    assert test.paste_warning.isHidden()
    data = QMimeData()
    data.setText(VALID)
    test.field.insertFromMimeData(data)
    assert test.field.toPlainText() == VALID
    assert not test.paste_warning.isHidden()


def test_copying_or_cutting_the_phrase_gives_nothing(dialog):
    _, _, test = dialog
    answer(test)
    QGuiApplication.clipboard().setText("before")
    test.field.setPlainText(VALID)
    test.field.selectAll()
    test.field.copy()
    test.field.cut()
    assert QGuiApplication.clipboard().text() in ("", "before")
    assert VALID not in QGuiApplication.clipboard().text()


def test_closing_clears_the_field(dialog, qtbot):
    _, _, test = dialog
    answer(test)
    type_phrase(qtbot, test, VALID.replace("winner", "winer", 1))
    test.close_button.click()
    assert test.field.toPlainText() == "" and test.words.count() == 0


def test_register_then_compare_says_matches_with_the_date(dialog, qtbot):
    shell, _, test = dialog
    answer(test)
    type_phrase(qtbot, test, VALID)
    test.register_button.click()
    qtbot.waitUntil(lambda: test.outcome.text().startswith("Registered"), timeout=10000)
    assert saved_state(shell).backups[0].fingerprint is not None
    test.compare_button.click()
    qtbot.waitUntil(lambda: test.outcome.text().startswith("Matches"), timeout=10000)
    registered = saved_state(shell).backups[0].fingerprint.registered
    assert registered.astimezone().date().isoformat() in test.outcome.text()
    assert saved_state(shell).backups[0].tested is not None


def test_another_valid_phrase_does_not_match(dialog, qtbot):
    shell, _, test = dialog
    answer(test)
    type_phrase(qtbot, test, VALID)
    test.register_button.click()
    qtbot.waitUntil(lambda: test.outcome.text().startswith("Registered"), timeout=10000)
    type_phrase(qtbot, test, OTHER)
    test.compare_button.click()
    qtbot.waitUntil(lambda: test.outcome.text().startswith("Does not match"), timeout=10000)
    assert saved_state(shell).backups[0].tested is None


def test_the_phrase_never_reaches_the_state_document(dialog, qtbot):
    shell, _, test = dialog
    answer(test)
    type_phrase(qtbot, test, VALID)
    test.register_button.click()
    qtbot.waitUntil(lambda: test.outcome.text().startswith("Registered"), timeout=10000)
    stored = "".join(shell.vault.values.values())
    assert all(word not in stored for word in ("winner", "sausage", "yellow"))

"""The checklist wizard: opens on a first run, works by keyboard alone, resumes where it stopped."""

from __future__ import annotations

from PySide6.QtCore import Qt

from anjian.content import checklist
from anjian.core.checklist.progress import Answer

from .test_overview import _saved_state


def _wizard(qtbot, shell):
    window = shell.window
    qtbot.waitUntil(lambda: window.wizard is not None and window.wizard.isVisible())
    qtbot.waitUntil(lambda: shell.worker.pending == 0)
    window.wizard.activateWindow()
    qtbot.waitUntil(window.wizard.isActiveWindow)  # mnemonics reach the active window only
    return window.wizard


def _alt(qtbot, wizard, key, then_at: int | None = None) -> None:
    """Press Alt+key; a button's mnemonic clicks it after Qt's 100 ms click animation."""
    qtbot.keyClick(wizard, key, Qt.KeyboardModifier.AltModifier)
    if then_at is not None:
        qtbot.waitUntil(lambda: wizard.position == then_at)


def test_a_first_run_opens_the_checklist_at_its_first_step(open_window, qtbot):
    wizard = _wizard(qtbot, open_window())

    assert wizard.position == 0
    assert wizard.heading.text() == checklist()[0].title
    assert wizard.counter.text() == f"Step 1 of {len(checklist())}"


def test_keyboard_alone_answers_steps_and_saves_them(open_window, qtbot):
    shell = open_window()
    wizard = _wizard(qtbot, shell)

    _alt(qtbot, wizard, Qt.Key.Key_D, then_at=1)  # Done
    _alt(qtbot, wizard, Qt.Key.Key_L, then_at=2)  # Later
    _alt(qtbot, wizard, Qt.Key.Key_N, then_at=3)  # Not applicable
    qtbot.waitUntil(lambda: shell.worker.pending == 0)

    answers = _saved_state(shell.vault)["checklist"]["answers"]
    first, second, third = (item.id for item in checklist()[:3])
    assert [answers[i]["answer"] for i in (first, second, third)] == [
        "done", "later", "not-applicable"]
    assert wizard.position == 3


def test_back_by_keyboard_returns_to_the_previous_step(open_window, qtbot):
    shell = open_window()
    wizard = _wizard(qtbot, shell)
    _alt(qtbot, wizard, Qt.Key.Key_L, then_at=1)

    _alt(qtbot, wizard, Qt.Key.Key_B, then_at=0)

    assert not wizard.back.isEnabled()


def test_escape_closes_and_reopening_resumes_where_it_stopped(open_window, qtbot):
    shell = open_window()
    wizard = _wizard(qtbot, shell)
    for step in range(4):
        _alt(qtbot, wizard, Qt.Key.Key_L, then_at=step + 1)
    qtbot.waitUntil(lambda: shell.worker.pending == 0)

    qtbot.keyClick(wizard, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: shell.window.wizard is None)
    shell.window.open_checklist()

    assert shell.window.wizard.position == 4


def test_the_open_button_goes_to_the_page_with_the_check(open_window, qtbot):
    shell = open_window()
    wizard = _wizard(qtbot, shell)

    wizard.open_check.click()  # step 1: list your accounts

    assert shell.window.pages.currentWidget() is shell.window.section_pages[1]


def test_answering_the_last_step_finishes_the_checklist(open_window, qtbot):
    shell = open_window()
    wizard = _wizard(qtbot, shell)
    wizard.position = len(wizard.steps) - 1
    wizard.render()

    assert wizard.answer_buttons[Answer.DONE].text() == "&Next"  # the last step is help
    _alt(qtbot, wizard, Qt.Key.Key_N)
    qtbot.waitUntil(lambda: shell.window.wizard is None)
    qtbot.waitUntil(lambda: shell.worker.pending == 0)

    assert _saved_state(shell.vault)["checklist"]["wizard"]["finished"] is not None
    assert shell.window.wizard is None

"""Waiting for the keyring, cancelling, trying again, and explaining failures."""

from __future__ import annotations

from PySide6.QtCore import Qt

from anjian.i18n import load_catalogue
from anjian.storage.errors import Problem, problem_text
from anjian.ui.keyring_panel import WAIT_NOTICE_MS, WAITING, PanelState

from .conftest import BrokenVault, LockedVault, PromptingVault, pseudo_catalogue

LEFT = Qt.MouseButton.LeftButton


def _waiting(qtbot, shell) -> None:  # type: ignore[no-untyped-def]
    assert shell.vault.asked.wait(timeout=5)
    qtbot.waitUntil(lambda: shell.window.keyring_panel.state is PanelState.WAITING)


def test_a_quick_keyring_shows_no_waiting_notice(open_window, qtbot):
    shell = open_window()

    qtbot.waitUntil(lambda: shell.worker.pending == 0)
    qtbot.wait(WAIT_NOTICE_MS + 100)

    assert not shell.window.keyring_panel.isVisible()


def test_a_slow_keyring_shows_the_waiting_notice_with_cancel(open_window, qtbot):
    shell = open_window(PromptingVault())

    _waiting(qtbot, shell)

    panel = shell.window.keyring_panel
    assert panel.isVisible() and panel.busy.isVisible() and panel.cancel_button.isVisible()
    assert panel.message.text() == load_catalogue("en").gettext(WAITING)


def test_the_window_stays_usable_while_the_keyring_waits(open_window, qtbot):
    shell = open_window(PromptingVault())
    _waiting(qtbot, shell)

    nav = shell.window.nav

    qtbot.mouseClick(nav.viewport(), LEFT, pos=nav.visualItemRect(nav.item(6)).center())

    assert shell.window.pages.currentIndex() == 6
    assert not shell.vault.unlocked.is_set()


def test_cancel_stops_waiting_and_offers_try_again(open_window, qtbot):
    shell = open_window(PromptingVault())
    _waiting(qtbot, shell)
    panel = shell.window.keyring_panel

    qtbot.mouseClick(panel.cancel_button, LEFT)

    assert panel.state is PanelState.CANCELLED
    assert not panel.busy.isVisible() and not panel.cancel_button.isVisible()
    assert panel.retry_button.isVisible()
    assert panel.message.text() == str(problem_text(Problem.CANCELLED))


def test_a_result_that_arrives_after_cancel_is_ignored(open_window, qtbot):
    shell = open_window(PromptingVault())
    _waiting(qtbot, shell)
    qtbot.mouseClick(shell.window.keyring_panel.cancel_button, LEFT)

    with qtbot.assertNotEmitted(shell.window.state_loaded):
        shell.vault.unlocked.set()
        qtbot.waitUntil(lambda: shell.worker.pending == 0)
        qtbot.wait(20)

    assert shell.window.keyring_panel.state is PanelState.CANCELLED


def test_try_again_after_cancel_loads_the_state(open_window, qtbot):
    shell = open_window(PromptingVault())
    _waiting(qtbot, shell)
    panel = shell.window.keyring_panel
    qtbot.mouseClick(panel.cancel_button, LEFT)

    with qtbot.waitSignal(shell.window.state_loaded, timeout=5000):
        qtbot.mouseClick(panel.retry_button, LEFT)
        shell.vault.unlocked.set()

    assert panel.state is PanelState.HIDDEN


def test_a_locked_keyring_is_explained_in_english(open_window, qtbot):
    shell = open_window(LockedVault(), language="en")

    qtbot.waitUntil(lambda: shell.window.keyring_panel.state is PanelState.FAILED)

    panel = shell.window.keyring_panel
    assert panel.message.text() == load_catalogue("en").render(problem_text(Problem.LOCKED))
    assert panel.retry_button.isVisible()
    assert shell.window.backend_label.text() == "Keyring: not connected"


def test_a_locked_keyring_is_explained_in_simplified_chinese(open_window, qtbot):
    shell = open_window(LockedVault(), language="zh_CN")

    qtbot.waitUntil(lambda: shell.window.keyring_panel.state is PanelState.FAILED)

    expected = load_catalogue("zh_CN").render(problem_text(Problem.LOCKED))
    assert shell.window.keyring_panel.message.text() == expected


def test_a_locked_keyring_explanation_is_rendered_by_the_catalogue(open_window, qtbot):
    shell = open_window(LockedVault(), language="zh_CN", load=pseudo_catalogue)

    qtbot.waitUntil(lambda: shell.window.keyring_panel.state is PanelState.FAILED)

    message = shell.window.keyring_panel.message.text()
    assert message == "[zh_CN] " + problem_text(Problem.LOCKED).msgid


def test_the_explanation_follows_a_language_switch(open_window, qtbot):
    shell = open_window(LockedVault(), language="en", load=pseudo_catalogue)
    qtbot.waitUntil(lambda: shell.window.keyring_panel.state is PanelState.FAILED)

    shell.window.choose_language("zh_TW")

    message = shell.window.keyring_panel.message.text()
    assert message == "[zh_TW] " + problem_text(Problem.LOCKED).msgid


def test_an_unexpected_error_names_only_its_type(open_window, qtbot):
    shell = open_window(BrokenVault())

    qtbot.waitUntil(lambda: shell.window.keyring_panel.state is PanelState.FAILED)

    message = shell.window.keyring_panel.message.text()
    assert "ValueError" in message
    assert "hunter2" not in message

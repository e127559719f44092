"""Switching the interface language while the window runs."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from anjian.i18n import load_catalogue
from anjian.preferences import load_preferences
from anjian.ui import messages

from .conftest import pseudo_catalogue


def _nav_labels(window) -> list[str]:  # type: ignore[no-untyped-def]
    return [window.nav.item(row).text() for row in range(window.nav.count())]


def test_switching_language_updates_the_navigation_labels(open_window, qtbot):
    window = open_window(language="en", load=pseudo_catalogue).window

    window.language_actions["zh_CN"].trigger()

    assert _nav_labels(window)[:2] == ["[zh_CN] Overview", "[zh_CN] Accounts"]


def test_switching_language_updates_the_page_and_menu_texts(open_window, qtbot):
    window = open_window(language="en", load=pseudo_catalogue).window

    window.language_actions["zh_TW"].trigger()

    assert window.overview.title.text() == "[zh_TW] Overview"
    assert window.windowTitle() == "[zh_TW] Anjian"
    assert window.about_action.text() == "[zh_TW] &About Anjian"


def test_switching_language_is_saved_in_preferences(open_window, qtbot):
    window = open_window(language="en").window

    window.language_actions["zh_CN"].trigger()

    assert load_preferences().language == "zh_CN"


def test_follow_system_forgets_the_saved_language(open_window, qtbot, monkeypatch):
    monkeypatch.setenv("LANGUAGE", "zh_TW")
    shell = open_window(language="en")

    shell.window.language_actions[None].trigger()

    assert load_preferences().language is None
    assert shell.language.code == "zh_TW"


def test_the_chosen_language_is_checked_in_the_menu(open_window, qtbot):
    window = open_window(language="zh_TW").window

    checked = [code for code, action in window.language_actions.items() if action.isChecked()]

    assert checked == ["zh_TW"]


def test_switching_language_also_switches_qt_own_texts(open_window, qtbot):
    window = open_window(language="en").window

    window.language_actions["zh_CN"].trigger()

    # Qt's standard buttons come from Qt's qtbase catalogue, not from ours.
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "取消"


def test_a_language_choice_that_cannot_be_saved_is_reported(
        open_window, qtbot, monkeypatch, config_dir):
    window = open_window(language="en").window
    config_dir.parent.mkdir(parents=True, exist_ok=True)
    config_dir.write_text("a file where the folder should be")
    shown: list[str] = []
    monkeypatch.setattr(messages, "warning", lambda parent, title, text: shown.append(text))

    window.language_actions["zh_CN"].trigger()

    # Said in the language just chosen, which applies at once.
    assert shown == [load_catalogue("zh_CN").gettext(
        "Your language choice could not be saved. It applies until you close Anjian.")]

"""The main window: sections, status bar, first run, damaged state, geometry, accessibility."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import datetime, timezone
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QComboBox,
    QLineEdit,
    QProgressBar,
    QWidget,
)

from anjian.content import checklist
from anjian.core.checklist.overview import overview
from anjian.core.state import Account, AccountKind
from anjian.i18n import load_catalogue
from anjian.preferences import load_preferences
from anjian.storage.lock import SaveLock
from anjian.storage.store import StateStore
from anjian.ui.sections import NOT_BUILT_YET, SECTIONS

from .conftest import MemoryVault

SAVED_AT = datetime(2024, 5, 6, 7, 8, tzinfo=timezone.utc)
ENGLISH = load_catalogue("en")


def _saved_vault(tmp_path: Path) -> MemoryVault:
    """A keyring that already holds a state saved at :data:`SAVED_AT`."""
    vault = MemoryVault()
    store = StateStore(vault, SaveLock(tmp_path / "seed.lock"), clock=lambda: SAVED_AT)
    store.update(lambda s: s.with_account(
        Account(id="wallet-1", name="钱包", kind=AccountKind.WALLET, created=SAVED_AT)))
    # With its score already recorded, opening it writes nothing.
    store.update(lambda s: replace(s, checklist=s.checklist.with_score(
        overview(s, checklist(), SAVED_AT).score.value, SAVED_AT)))
    return vault


def _loaded(qtbot, shell) -> None:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(lambda: shell.worker.pending == 0)


def test_navigation_lists_the_seven_sections(open_window, qtbot):
    window = open_window().window

    titles = [window.nav.item(row).text() for row in range(window.nav.count())]

    assert titles == ["Overview", "Accounts", "Passwords", "Two-factor", "Backups",
                      "Links & numbers", "Incident"]
    assert window.pages.count() == 7


def test_choosing_a_section_shows_its_page(open_window, qtbot):
    window = open_window().window

    window.nav.setCurrentRow(4)

    assert window.pages.currentWidget().title.text() == "Backups"


def test_every_placeholder_page_says_it_is_not_built_yet(open_window, qtbot):
    from anjian.ui.pages import SectionPage
    from anjian.ui.section_pages import PAGES

    window = open_window().window
    placeholders = [p for p in window.section_pages if isinstance(p, SectionPage)]

    assert len(placeholders) == len(SECTIONS) - 1 - len(PAGES)  # the Overview is built
    assert all(p.note.text() == ENGLISH.gettext(NOT_BUILT_YET) for p in placeholders)
    assert all(p.summary.text() for p in placeholders)


def test_status_bar_names_the_keyring_backend(open_window, qtbot):
    shell = open_window()
    _loaded(qtbot, shell)

    assert shell.window.backend_label.text() == "Keyring: Test keyring (in memory)"


def test_status_bar_says_not_saved_yet_on_a_first_run(open_window, qtbot):
    shell = open_window()
    _loaded(qtbot, shell)

    assert shell.window.saved_label.text() == "Not saved yet"


def test_status_bar_shows_when_the_state_was_last_saved_in_local_time(
        open_window, qtbot, tmp_path):
    shell = open_window(_saved_vault(tmp_path))
    _loaded(qtbot, shell)

    local = SAVED_AT.astimezone().strftime("%Y-%m-%d %H:%M")
    assert shell.window.saved_label.text() == f"Last saved: {local}"


def test_first_run_is_announced_by_a_signal(open_window, qtbot):
    shell = open_window()

    with qtbot.waitSignal(shell.window.first_run, timeout=5000):
        pass


def test_first_run_shows_a_welcome_on_the_overview(open_window, qtbot):
    shell = open_window()
    _loaded(qtbot, shell)

    assert shell.window.overview.welcome.isVisible()
    assert shell.window.overview.welcome.heading.text() == "Welcome to Anjian"


def test_a_saved_state_is_not_announced_as_a_first_run(open_window, qtbot, tmp_path):
    shell = open_window(_saved_vault(tmp_path))

    with qtbot.assertNotEmitted(shell.window.first_run):
        _loaded(qtbot, shell)
    assert not shell.window.overview.welcome.isVisible()


def test_a_damaged_state_shows_a_warning_banner_on_the_overview(open_window, qtbot):
    vault = MemoryVault()
    vault.values["state"] = "{this is not a head"
    shell = open_window(vault)
    _loaded(qtbot, shell)

    banner = shell.window.overview.damage_banner
    assert banner.isVisible()
    # Said in words, not only by the banner's colour.
    assert banner.heading.text() == "Warning: the saved security state is damaged"
    assert banner.body.text()


def test_a_damaged_state_is_flagged_in_the_status_bar(open_window, qtbot):
    vault = MemoryVault()
    vault.values["state"] = "{this is not a head"
    shell = open_window(vault)
    _loaded(qtbot, shell)

    assert shell.window.saved_label.text() == "Warning: the saved state is damaged (see Overview)."
    assert shell.window.saved_label.toolTip()


def test_a_state_from_a_newer_version_is_reported_as_read_only(open_window, qtbot):
    vault = MemoryVault()
    vault.values["state"] = json.dumps({"anjian_state": 99})
    shell = open_window(vault)
    _loaded(qtbot, shell)

    banner = shell.window.overview.read_only_banner
    assert banner.isVisible()
    assert banner.heading.text() == "Warning: this security state is open read-only"
    assert shell.window.saved_label.text() == (
        "Warning: read-only, nothing will be saved (see Overview).")


def test_window_geometry_is_saved_on_close(open_window, qtbot):
    window = open_window().window
    window.resize(720, 500)

    window.close()

    assert load_preferences().window_geometry


def test_window_geometry_is_restored_on_start(open_window, qtbot):
    first = open_window().window
    first.resize(720, 500)
    first.close()

    second = open_window().window

    assert (second.width(), second.height()) == (720, 500)


def _ancestors(widget: QWidget) -> list[QWidget]:
    chain = []
    while widget.parentWidget() is not None:
        widget = widget.parentWidget()
        chain.append(widget)
    return chain


def _qt_internal(widget: QWidget) -> bool:
    """Parts Qt builds inside its own widgets (a combo box's popup list, a table's
    headers, a spin box's editor); screen readers reach them through their owner."""
    from PySide6.QtWidgets import QAbstractSpinBox, QHeaderView

    parent = widget.parentWidget()
    return (widget.objectName().startswith("qt_") or isinstance(widget, QHeaderView)
            or isinstance(parent, QAbstractSpinBox)
            or (parent is not None and type(parent).__name__ == "QFrame"
                and parent.windowFlags() & Qt.WindowType.Popup == Qt.WindowType.Popup))


def test_every_control_has_an_accessible_name(open_window, qtbot):
    shell = open_window()
    _loaded(qtbot, shell)
    assert len(shell.window.section_pages) == len(SECTIONS)  # builds every page
    controls = (QAbstractButton, QAbstractItemView, QComboBox, QLineEdit, QProgressBar)

    # What a screen reader gets: the accessible interface's name, which Qt
    # derives from accessibleName, a button's text or its tool tip.
    unnamed = [
        f"{type(widget).__name__} {widget.objectName()} in "
        f"{type(widget.parent()).__name__} {widget.parent().objectName()} "
        f"chain {[type(w).__name__ for w in _ancestors(widget)]}"
        for widget in shell.window.findChildren(QWidget)
        if isinstance(widget, controls) and not _qt_internal(widget)
        and not QAccessible.queryAccessibleInterface(widget).text(QAccessible.Text.Name)
    ]

    assert unnamed == [], "\n".join(unnamed)


def test_a_change_saved_through_the_page_context_reaches_every_listener(open_window, qtbot):
    window = open_window().window
    qtbot.waitUntil(lambda: window.context.status is not None)
    seen = []
    window.context.state_changed.connect(seen.append)
    account = Account(id="a1", name="OK 钱包", created=datetime(2026, 1, 1, tzinfo=timezone.utc))
    window.context.change_state(lambda s: s.with_account(account))
    qtbot.waitUntil(lambda: bool(seen))
    assert seen[0].snapshot.state.account("a1") == account
    assert window.context.state.account("a1") == account
    assert window.saved_label.text()  # the status bar shows the save


def test_pages_are_built_when_first_shown_and_show_the_loaded_state(open_window, qtbot,
                                                                    tmp_path):
    shell = open_window(_saved_vault(tmp_path))
    _loaded(qtbot, shell)
    window = shell.window
    assert set(window._built) == {0}  # only the Overview so far
    window.open_section("accounts")
    accounts = window.pages.currentWidget()
    assert window._built[1] is accounts
    assert [accounts.list.item(i).text() for i in range(accounts.list.count())] == ["钱包"]

"""Layouts hold when every text is 1.5 times as long (the ``ANJIAN_STRETCH_TEXT`` mode).

Translations are often longer than the English; a label or button narrower than
its text is cut off. With every string stretched, each page and the wizard are
opened at the window's default size and every visible text control must be at
least as wide as it needs, and the window must still fit a 1366x768 screen.
"""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QAbstractButton, QLabel, QWidget

from anjian.i18n import load_catalogue, stretched
from anjian.ui.main_window import DEFAULT_SIZE
from anjian.ui.sections import SECTIONS

SMALL_SCREEN = (1366, 768)


def _stretched(language: str):  # type: ignore[no-untyped-def]
    return stretched(load_catalogue(language), 1.5)


def _settled_cut_off(qtbot, root: QWidget) -> list[str]:  # type: ignore[no-untyped-def]
    """What is still cut off once the layouts have run (they run on posted events)."""
    try:
        qtbot.waitUntil(lambda: not _cut_off(root), timeout=1000)
    except qtbot.TimeoutError:
        pass
    return _cut_off(root)


def _cut_off(root: QWidget) -> list[str]:
    """Visible labels and buttons narrower than their text needs."""
    found = []
    for widget in root.findChildren(QWidget):
        if not widget.isVisible() or widget.width() == 0:
            continue
        if isinstance(widget, QLabel):
            if widget.wordWrap() or not widget.text() or widget.pixmap() is not None \
                    and not widget.pixmap().isNull():
                continue
        elif not isinstance(widget, QAbstractButton) or not widget.text():
            continue
        needed = widget.minimumSizeHint().width()
        if widget.width() + 1 < needed:
            found.append(f"{type(widget).__name__} {widget.text()[:40]!r}: "
                         f"{widget.width()} < {needed} px")
    return found


@pytest.mark.parametrize("language", ["en", "zh_CN"])
def test_every_page_holds_stretched_texts(open_window, qtbot, language: str) -> None:
    shell = open_window(language=language, load=_stretched)
    window = shell.window
    window.resize(*DEFAULT_SIZE)
    qtbot.waitUntil(lambda: window.context.status is not None)
    problems = []
    for section in SECTIONS:
        window.open_section(section.id)
        problems += [f"{section.id}: {p}" for p in _settled_cut_off(qtbot, window)]
        hint = window.minimumSizeHint()
        if hint.width() > SMALL_SCREEN[0] or hint.height() > SMALL_SCREEN[1]:
            problems.append(f"{section.id}: the window needs {hint.width()}x{hint.height()}")
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("language", ["en", "zh_CN"])
def test_the_wizard_holds_stretched_texts(open_window, qtbot, language: str) -> None:
    from anjian.ui.wizard import ChecklistWizard

    shell = open_window(language=language, load=_stretched)
    qtbot.waitUntil(lambda: shell.window.context.status is not None)
    shell.window.open_checklist()
    wizard = shell.window.wizard
    assert isinstance(wizard, ChecklistWizard)
    qtbot.waitUntil(wizard.isVisible)
    problems = _settled_cut_off(qtbot, wizard)
    hint = wizard.minimumSizeHint()
    if hint.width() > SMALL_SCREEN[0] or hint.height() > SMALL_SCREEN[1]:
        problems.append(f"the wizard needs {hint.width()}x{hint.height()}")
    assert not problems, "\n".join(problems)

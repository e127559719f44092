"""The Overview: score in numbers and words, the Due list and its actions, the chart."""

from __future__ import annotations

import json
from datetime import datetime, timedelta, timezone

from anjian.content import checklist
from anjian.core.checklist.progress import Answer, ChecklistProgress
from anjian.storage.codec import decode_payload, parse_head

from .conftest import MemoryVault


def _saved_state(vault: MemoryVault) -> dict:
    head = parse_head(vault.values["state"])
    return decode_payload(head.data, head.encoding)


def _ready(qtbot, shell) -> object:
    window = shell.window
    qtbot.waitUntil(lambda: window.overview.overview is not None and shell.worker.pending == 0)
    if window.wizard is not None:
        window.wizard.close()
    return window.overview


def _row(overview, item_id: str):
    return next(r for r in overview.due_list.rows if r.item.id == item_id)


def test_score_is_shown_as_a_number_and_in_words(open_window, qtbot):
    overview = _ready(qtbot, open_window())

    assert overview.score_value.text() == "0"
    assert overview.score_words.text() == "Much to do"
    assert overview.score_bar.value() == 0


def test_every_unanswered_item_is_due_on_a_first_run(open_window, qtbot):
    overview = _ready(qtbot, open_window())

    due = {row.item.id for row in overview.due_list.rows}
    scored = {item.id for item in checklist() if item.scored}
    assert due == scored


def test_done_records_the_confirmation_and_the_item_leaves_the_list(open_window, qtbot):
    shell = open_window()
    overview = _ready(qtbot, shell)

    _row(overview, "public-wifi").primary.click()
    qtbot.waitUntil(lambda: "public-wifi" not in {r.item.id for r in overview.due_list.rows})

    answers = _saved_state(shell.vault)["checklist"]["answers"]
    assert answers["public-wifi"]["answer"] == "done"
    assert int(overview.score_value.text()) > 0


def test_an_item_decided_by_a_check_opens_its_page_instead(open_window, qtbot):
    shell = open_window()
    overview = _ready(qtbot, shell)
    row = _row(overview, "accounts-listed")

    assert row.primary.text() == "Open"
    row.primary.click()

    assert shell.window.pages.currentWidget() is shell.window.section_pages[1]


def test_snooze_hides_the_item_for_a_week(open_window, qtbot):
    shell = open_window()
    overview = _ready(qtbot, shell)

    _row(overview, "apps-updated").snooze_week.trigger()
    qtbot.waitUntil(lambda: "apps-updated" not in {r.item.id for r in overview.due_list.rows})

    until = _saved_state(shell.vault)["checklist"]["snoozed_until"]["apps-updated"]
    assert datetime.fromisoformat(until) - datetime.now(timezone.utc) > timedelta(days=6)


def test_not_applicable_removes_the_item_from_the_score(open_window, qtbot):
    shell = open_window()
    overview = _ready(qtbot, shell)
    before = {d.status.item.id for d in overview.overview.score.deductions}

    _row(overview, "security-questions").not_applicable.click()
    qtbot.waitUntil(lambda: "security-questions" not in
                    {d.status.item.id for d in overview.overview.score.deductions})

    assert "security-questions" in before


def test_fix_buttons_go_to_the_section_that_fixes_the_deduction(open_window, qtbot):
    shell = open_window()
    overview = _ready(qtbot, shell)
    from PySide6.QtWidgets import QPushButton

    fix = next(b for b in overview.lost.findChildren(QPushButton)
               if "Back up recovery phrases" in b.accessibleName())
    fix.click()

    assert shell.window.pages.currentWidget() is shell.window.section_pages[4]


def test_the_chart_describes_the_score_history_in_words(open_window, qtbot):
    vault = MemoryVault()
    shell = open_window(vault=vault)
    overview = _ready(qtbot, shell)
    day = datetime(2026, 11, 1, tzinfo=timezone.utc)
    progress = ChecklistProgress().with_score(20, day).with_score(45, day + timedelta(days=7))

    overview.chart.set_points(progress.scores)

    assert overview.chart.accessibleDescription() == "2026-11-01: 20, 2026-11-08: 45"


def test_every_due_action_has_an_accessible_name(open_window, qtbot):
    overview = _ready(qtbot, open_window())

    for row in overview.due_list.rows:
        for button in (row.primary, row.snooze, row.not_applicable):
            assert button.accessibleName(), row.item.id

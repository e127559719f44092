"""The first-run wizard as data: answering moves on, leaving and resuming keeps the place."""

from __future__ import annotations

from datetime import datetime, timezone

import pytest

from anjian.content import checklist
from anjian.core.checklist import wizard
from anjian.core.checklist.items import ItemKind
from anjian.core.checklist.progress import Answer, ChecklistProgress, from_section, to_section

NOW = datetime(2026, 11, 23, 9, 0, tzinfo=timezone.utc)
STEPS = wizard.steps(checklist())


def test_every_checklist_item_is_a_step_in_order() -> None:
    assert [s.item.id for s in STEPS] == [i.id for i in checklist()]
    assert all(s.total == len(STEPS) for s in STEPS)


def test_a_fresh_wizard_starts_at_the_first_step() -> None:
    assert wizard.resume_at(ChecklistProgress(), STEPS) == 0


def test_answering_records_the_answer_and_moves_on() -> None:
    progress = wizard.answer(ChecklistProgress(), STEPS[0], Answer.LATER, NOW)
    assert progress.answers[STEPS[0].item.id].answer is Answer.LATER
    assert wizard.resume_at(progress, STEPS) == 1


def test_leaving_and_resuming_continues_where_it_stopped() -> None:
    progress = ChecklistProgress()
    for step in STEPS[:3]:
        progress = wizard.answer(progress, step, Answer.DONE, NOW)
    stored = from_section(to_section(progress))  # as saved in the keyring and read back
    assert wizard.resume_at(stored, STEPS) == 3


def test_answering_the_last_step_finishes_the_wizard() -> None:
    progress = wizard.go_to(ChecklistProgress(), len(STEPS) - 1, STEPS)
    assert not wizard.finished(progress)
    progress = wizard.answer(progress, STEPS[-1], STEPS[-1].answers[0], NOW)
    assert wizard.finished(progress) and progress.wizard_finished == NOW


def test_help_steps_are_only_read() -> None:
    help_step = next(s for s in STEPS if s.item.kind is ItemKind.HELP)
    assert help_step.answers == (Answer.DONE,)
    with pytest.raises(ValueError):
        wizard.answer(ChecklistProgress(), help_step, Answer.LATER, NOW)


def test_going_back_is_clamped_to_the_steps() -> None:
    assert wizard.go_to(ChecklistProgress(), -5, STEPS).wizard_position == 0
    assert wizard.go_to(ChecklistProgress(), 999, STEPS).wizard_position == len(STEPS) - 1

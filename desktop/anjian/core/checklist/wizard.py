"""The first-run wizard as data: its steps, where it resumes, what an answer does.

Every checklist item is a step, in checklist order. Each step can be answered
"done", "not applicable" or "later" (a help step only read); answering records
the answer and moves on. The position is kept in the state, so the wizard can
be left and resumed where it stopped. The Qt wizard only draws this.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from anjian.core.checklist.items import ChecklistItem, ItemKind
from anjian.core.checklist.progress import Answer, ChecklistProgress
from anjian.record import record


@record
class WizardStep:
    item: ChecklistItem
    index: int
    total: int

    @property
    def answers(self) -> tuple[Answer, ...]:
        """The answers this step offers."""
        if self.item.kind is ItemKind.HELP:
            return (Answer.DONE,)  # "read"
        return (Answer.DONE, Answer.NOT_APPLICABLE, Answer.LATER)

    @property
    def opens_section(self) -> str:
        """Where the step's own check lives (its page)."""
        return self.item.section


def steps(items: Sequence[ChecklistItem]) -> tuple[WizardStep, ...]:
    """The wizard's steps."""
    return tuple(WizardStep(item, i, len(items)) for i, item in enumerate(items))


def resume_at(progress: ChecklistProgress, all_steps: Sequence[WizardStep]) -> int:
    """Where to continue: the saved position, clamped to the steps there are."""
    return max(0, min(progress.wizard_position, len(all_steps) - 1))


def finished(progress: ChecklistProgress) -> bool:
    """Whether the wizard was walked to its end once."""
    return progress.wizard_finished is not None


def answer(progress: ChecklistProgress, step: WizardStep, choice: Answer,
           now: datetime) -> ChecklistProgress:
    """Record ``choice`` for the step and move to the next one (finishing after the last)."""
    if choice not in step.answers:
        raise ValueError(f"{choice} is not an answer of step {step.item.id}")
    updated = progress.answered(step.item.id, choice, now)
    if step.index + 1 >= step.total:
        return updated.at_wizard_step(step.index, finished=now)
    return updated.at_wizard_step(step.index + 1)


def go_to(progress: ChecklistProgress, index: int, all_steps: Sequence[WizardStep]) -> ChecklistProgress:
    """Move without answering (back, or skip ahead)."""
    return progress.at_wizard_step(max(0, min(index, len(all_steps) - 1)))

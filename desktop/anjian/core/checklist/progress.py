"""What the user answered and when: the ``checklist`` section of the state.

Answers to items ("done", "not applicable", "later"), snoozed and dismissed due
items, when each due item was last notified, where the first-run wizard
stopped, and the score history. All times are UTC.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import field, replace
from datetime import datetime, timedelta
from enum import Enum
from types import MappingProxyType
from typing import Any

from anjian.core.document import (
    iso,
    malformed,
    read_int,
    read_list,
    read_optional_time,
    read_record,
    read_str,
    read_time,
)
from anjian.record import record

SECTION = "checklist"
SCORE_HISTORY_KEPT = 400  # about a year of daily points, then the oldest go


class Answer(str, Enum):
    """The user's answer to an item."""

    DONE = "done"
    NOT_APPLICABLE = "not-applicable"
    LATER = "later"


@record
class ItemAnswer:
    answer: Answer
    at: datetime


def _frozen(mapping: Mapping[str, Any] | None = None) -> Mapping[str, Any]:
    return MappingProxyType(dict(mapping or {}))


@record
class ChecklistProgress:
    """The ``checklist`` section."""

    answers: Mapping[str, ItemAnswer] = field(default_factory=_frozen)
    snoozed_until: Mapping[str, datetime] = field(default_factory=_frozen)
    dismissed: frozenset[str] = frozenset()
    notified: Mapping[str, datetime] = field(default_factory=_frozen)
    wizard_position: int = 0
    wizard_finished: datetime | None = None
    scores: tuple[tuple[datetime, int], ...] = ()

    def answered(self, item_id: str, answer: Answer, now: datetime) -> ChecklistProgress:
        """With ``answer`` recorded for the item at ``now``."""
        return replace(self, answers=_frozen({**self.answers, item_id: ItemAnswer(answer, now)}))

    def snoozed(self, due_id: str, until: datetime) -> ChecklistProgress:
        """With a due item hidden until ``until``."""
        return replace(self, snoozed_until=_frozen({**self.snoozed_until, due_id: until}))

    def without_snooze(self, due_id: str) -> ChecklistProgress:
        return replace(self, snoozed_until=_frozen(
            {k: v for k, v in self.snoozed_until.items() if k != due_id}))

    def dismissing(self, due_id: str) -> ChecklistProgress:
        """With a due item marked "not applicable" for good."""
        return replace(self, dismissed=self.dismissed | {due_id})

    def notified_at(self, due_ids: list[str], now: datetime) -> ChecklistProgress:
        """With the notification time of these due items set to ``now``."""
        return replace(self, notified=_frozen({**self.notified, **{i: now for i in due_ids}}))

    def with_score(self, score: int, now: datetime) -> ChecklistProgress:
        """With today's score in the history (one point per day: today's latest)."""
        history = [p for p in self.scores if p[0].date() != now.date()]
        history.append((now, score))
        return replace(self, scores=tuple(history[-SCORE_HISTORY_KEPT:]))

    def at_wizard_step(self, position: int, finished: datetime | None = None) -> ChecklistProgress:
        return replace(self, wizard_position=position,
                       wizard_finished=finished or self.wizard_finished)


def to_section(progress: ChecklistProgress) -> dict[str, Any]:
    """The section as plain data."""
    return {
        "answers": {k: {"answer": v.answer.value, "at": iso(v.at)}
                    for k, v in sorted(progress.answers.items())},
        "snoozed_until": {k: iso(v) for k, v in sorted(progress.snoozed_until.items())},
        "dismissed": sorted(progress.dismissed),
        "notified": {k: iso(v) for k, v in sorted(progress.notified.items())},
        "wizard": {"position": progress.wizard_position,
                   "finished": iso(progress.wizard_finished)},
        "scores": [{"at": iso(at), "score": score} for at, score in progress.scores],
    }


def from_section(raw: Any) -> ChecklistProgress:
    """Parse the section; an absent section is an empty progress."""
    if raw is None:
        return ChecklistProgress()
    doc = read_record(raw, SECTION)
    answers = {}
    for key, value in read_record(doc.get("answers", {}), f"{SECTION}.answers").items():
        where = f"{SECTION}.answers.{key}"
        record = read_record(value, where)
        try:
            answer = Answer(read_str(record, "answer", where))
        except ValueError:
            raise malformed(f"{where}.answer") from None
        answers[key] = ItemAnswer(answer, read_time(record, "at", where))
    snoozed = {k: read_time({"t": v}, "t", f"{SECTION}.snoozed_until.{k}")
               for k, v in read_record(doc.get("snoozed_until", {}), SECTION).items()}
    notified = {k: read_time({"t": v}, "t", f"{SECTION}.notified.{k}")
                for k, v in read_record(doc.get("notified", {}), SECTION).items()}
    dismissed = read_list(doc, "dismissed", SECTION)
    if not all(isinstance(d, str) for d in dismissed):
        raise malformed(f"{SECTION}.dismissed")
    wizard = read_record(doc.get("wizard", {}), f"{SECTION}.wizard")
    scores = []
    for i, point in enumerate(read_list(doc, "scores", SECTION)):
        where = f"{SECTION}.scores[{i}]"
        record = read_record(point, where)
        scores.append((read_time(record, "at", where), read_int(record, "score", where)))
    return ChecklistProgress(
        answers=_frozen(answers),
        snoozed_until=_frozen(snoozed),
        dismissed=frozenset(dismissed),
        notified=_frozen(notified),
        wizard_position=read_int(wizard, "position", f"{SECTION}.wizard", default=0),
        wizard_finished=read_optional_time(wizard, "finished", f"{SECTION}.wizard"),
        scores=tuple(scores),
    )


def snooze_until(now: datetime, days: int) -> datetime:
    """The end of a snooze of ``days`` days from ``now``."""
    return now + timedelta(days=days)

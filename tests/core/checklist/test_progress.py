"""The checklist section of the state: stored and read back exactly, strictly."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

from anjian.core.checklist.progress import (
    SCORE_HISTORY_KEPT,
    Answer,
    ChecklistProgress,
    from_section,
    to_section,
)
from anjian.core.document import DocumentError

NOW = datetime(2026, 11, 23, 9, 0, tzinfo=timezone.utc)


def test_section_round_trips() -> None:
    progress = (ChecklistProgress()
                .answered("a", Answer.DONE, NOW)
                .answered("b", Answer.NOT_APPLICABLE, NOW)
                .snoozed("c", NOW + timedelta(days=7))
                .dismissing("d:1")
                .notified_at(["c"], NOW)
                .with_score(55, NOW)
                .at_wizard_step(4))
    assert from_section(to_section(progress)) == progress


def test_absent_section_is_an_empty_progress() -> None:
    assert from_section(None) == ChecklistProgress()


@pytest.mark.parametrize("raw", [
    [], {"answers": {"a": {"answer": "maybe", "at": "2026-01-01T00:00:00+00:00"}}},
    {"answers": {"a": {"answer": "done"}}}, {"dismissed": [1]}, {"scores": [{"at": "x"}]},
    {"snoozed_until": {"a": "tomorrow"}}, {"wizard": {"position": "3"}},
])
def test_malformed_section_is_refused(raw) -> None:
    with pytest.raises(DocumentError):
        from_section(raw)


def test_score_history_keeps_one_point_a_day() -> None:
    progress = ChecklistProgress().with_score(40, NOW).with_score(60, NOW + timedelta(hours=2))
    assert [score for _, score in progress.scores] == [60]
    progress = progress.with_score(70, NOW + timedelta(days=1))
    assert [score for _, score in progress.scores] == [60, 70]


def test_score_history_is_bounded() -> None:
    progress = ChecklistProgress()
    for day in range(SCORE_HISTORY_KEPT + 10):
        progress = progress.with_score(day % 100, NOW + timedelta(days=day))
    assert len(progress.scores) == SCORE_HISTORY_KEPT

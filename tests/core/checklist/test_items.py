"""The shipped checklist content is complete and well formed."""

from __future__ import annotations

import pytest

from anjian.content import checklist
from anjian.core.checklist.items import ContentError, ItemKind, parse_checklist
from anjian.core.checklist.checks import CHECKS

ADVICE_ROWS = {f"{letter}{n}" for letter, count in zip("ABCDEF", (6, 4, 3, 3, 4, 7))
               for n in range(1, count + 1)}
SECTIONS = {"overview", "accounts", "passwords", "two-factor", "backups", "links", "incident"}


def test_every_advice_row_appears_in_the_checklist() -> None:
    covered = {row for item in checklist() for row in item.advice}
    assert covered == ADVICE_ROWS


def test_every_item_links_to_a_real_section() -> None:
    assert {item.section for item in checklist()} <= SECTIONS


def test_help_items_are_not_scored_and_others_are() -> None:
    for item in checklist():
        assert item.scored == (item.kind is not ItemKind.HELP), item.id


def test_confirm_and_remind_items_have_a_cadence() -> None:
    for item in checklist():
        if item.kind in (ItemKind.HABIT, ItemKind.RECORD) and item.decided_by is None:
            assert item.cadence is not None, item.id


def test_checks_named_by_the_content_exist_or_fall_back_to_answers() -> None:
    # A decided_by with no check yet falls back to the user's answer; the ones
    # that exist must be spelled exactly as the content names them.
    named = {item.decided_by for item in checklist() if item.decided_by}
    assert set(CHECKS) <= named


@pytest.mark.parametrize("broken", [
    {"items": []},
    {"items": [{"id": "x"}]},
    {"items": [{"id": "x", "advice": [], "kind": "wish", "section": "s", "weight": 1,
                "cadence_days": None, "decided_by": None,
                "texts": {"title": "t", "why": "w", "how": "h"}}]},
    {"items": [{"id": "x", "advice": [], "kind": "help", "section": "s", "weight": 5,
                "cadence_days": None, "decided_by": None,
                "texts": {"title": "t", "why": "w", "how": "h"}}]},
])
def test_malformed_content_is_refused(broken: dict) -> None:
    with pytest.raises(ContentError):
        parse_checklist(broken)

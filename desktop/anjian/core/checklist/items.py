"""Checklist items: the advice turned into things to check, record or read.

The items are content (``resources/content/checklist.json``, read by
:mod:`anjian.content`); this module gives them a type and validates them, so a
broken content file is found by the tests, not by a user.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import timedelta
from enum import Enum
from typing import Any

from anjian.record import record


class ItemKind(str, Enum):
    """How an item's state is decided."""

    CHECK = "check"  # the program measures it
    RECORD = "record"  # the user states a fact; asked again after the cadence
    HABIT = "habit"  # the user confirms; reminded after the cadence
    HELP = "help"  # reading only; not scored, never due


@record
class ChecklistItem:
    """One item of the checklist."""

    id: str
    advice: tuple[str, ...]  # the ADVICE.md rows it covers
    kind: ItemKind
    section: str  # the section that holds its check or help
    weight: int  # its share of the overall score
    cadence: timedelta | None  # how long a "done" lasts
    decided_by: str | None  # a check in anjian.core.checklist.checks
    title: str  # message ids
    why: str
    how: str

    @property
    def scored(self) -> bool:
        """Whether it counts towards the overall score."""
        return self.kind is not ItemKind.HELP and self.weight > 0


class ContentError(ValueError):
    """The checklist content is malformed (a bug in the shipped data)."""


def parse_checklist(data: Mapping[str, Any]) -> tuple[ChecklistItem, ...]:
    """The items of the checklist content, validated."""
    items = []
    for index, raw in enumerate(data.get("items", [])):
        try:
            texts = raw["texts"]
            cadence = raw["cadence_days"]
            item = ChecklistItem(
                id=str(raw["id"]),
                advice=tuple(str(a) for a in raw["advice"]),
                kind=ItemKind(raw["kind"]),
                section=str(raw["section"]),
                weight=int(raw["weight"]),
                cadence=None if cadence is None else timedelta(days=int(cadence)),
                decided_by=raw["decided_by"],
                title=str(texts["title"]),
                why=str(texts["why"]),
                how=str(texts["how"]),
            )
        except (KeyError, TypeError, ValueError) as exc:
            raise ContentError(f"checklist item {index}: {type(exc).__name__} {exc}") from None
        if item.weight < 0 or (item.kind is ItemKind.HELP and item.weight):
            raise ContentError(f"checklist item {item.id}: bad weight")
        items.append(item)
    ids = [item.id for item in items]
    if len(set(ids)) != len(ids) or not items:
        raise ContentError("checklist ids must be present and unique")
    return tuple(items)

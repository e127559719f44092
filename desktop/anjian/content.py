"""Shipped content (``resources/content/*.json``): read once, validated, cached."""

from __future__ import annotations

import json
from functools import lru_cache

from anjian.core.checklist.items import ChecklistItem, parse_checklist
from anjian.paths import resources_dir


@lru_cache(maxsize=1)
def checklist() -> tuple[ChecklistItem, ...]:
    """The checklist items, in order."""
    path = resources_dir() / "content" / "checklist.json"
    return parse_checklist(json.loads(path.read_text(encoding="utf-8")))

"""Shipped content (``resources/content/*.json``): read once, validated, cached."""

from __future__ import annotations

import json
from functools import lru_cache
from typing import Any

from anjian.core.checklist.items import ChecklistItem, parse_checklist
from anjian.paths import resources_dir


@lru_cache(maxsize=1)
def checklist() -> tuple[ChecklistItem, ...]:
    """The checklist items, in order."""
    path = resources_dir() / "content" / "checklist.json"
    return parse_checklist(json.loads(path.read_text(encoding="utf-8")))


@lru_cache(maxsize=1)
def code_help() -> Any:
    """The receive-a-code drill and the "can't receive the code" page (issue #5)."""
    from anjian.core.accounts.help import read_code_help

    return read_code_help(_read("code_help.json"))


@lru_cache(maxsize=1)
def channel_presets() -> Any:
    """Official channels of well-known services, each with its cited source (issue #5)."""
    from anjian.core.accounts.channels import read_presets

    return read_presets(_read("channel_presets.json"))


def _read(name: str) -> Any:
    return json.loads((resources_dir() / "content" / name).read_text(encoding="utf-8"))

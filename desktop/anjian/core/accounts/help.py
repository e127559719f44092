"""The receive-a-code drill and the "can't receive the code" page, as content.

The texts live in ``resources/content/code_help.json`` under ``"texts"`` objects
(English message ids; ``scripts/i18n_tools.py`` extracts them from there), with
stable ids, so the UI and the CLI only render what this module reads.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from anjian.core.document import read_id, read_list, read_record, read_str
from anjian.record import record


@record
class HelpEntry:
    """One step or tip: its id, a title (may be empty) and a body (message ids)."""

    id: str
    title: str
    body: str


@record
class HelpPage:
    """A drill or a troubleshooting page."""

    id: str
    title: str
    intro: str
    entries: tuple[HelpEntry, ...]


@record
class CodeHelp:
    """Both pages."""

    drill: HelpPage
    troubleshooting: HelpPage


def read_code_help(doc: Mapping[str, Any]) -> CodeHelp:
    """Both pages from the content file; raises ``DocumentError`` naming a bad field."""
    return CodeHelp(_page(doc, "drill", "steps"), _page(doc, "troubleshooting", "tips"))


def _page(doc: Mapping[str, Any], key: str, list_key: str) -> HelpPage:
    page = read_record(doc.get(key), key)
    texts = read_record(page.get("texts"), f"{key}.texts")
    entries = []
    for i, raw in enumerate(read_list(page, list_key, key)):
        where = f"{key}.{list_key}[{i}]"
        entry = read_record(raw, where)
        entry_texts = read_record(entry.get("texts"), f"{where}.texts")
        body = entry_texts.get("body", entry_texts.get("text"))
        entries.append(HelpEntry(read_id(entry, "id", where),
                                 read_str(entry_texts, "title", f"{where}.texts", default=""),
                                 read_str({"body": body}, "body", f"{where}.texts")))
    return HelpPage(read_id(page, "id", key), read_str(texts, "title", f"{key}.texts"),
                    read_str(texts, "intro", f"{key}.texts"), tuple(entries))

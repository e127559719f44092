"""Documents from older Anjians are upgraded; from newer ones, flagged, never downgraded."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from anjian.core.migrations import MIGRATIONS, upgrade
from anjian.core.state import SCHEMA_VERSION, DocumentError, from_document

FIXTURES = Path(__file__).parent / "fixtures"


def test_current_document_passes_unchanged() -> None:
    doc = {"schema_version": SCHEMA_VERSION, "created": "2026-01-01T00:00:00+00:00"}
    result = upgrade(doc)
    assert result.document == doc and not result.newer


def test_document_from_a_newer_version_is_flagged_and_left_alone() -> None:
    doc = {"schema_version": SCHEMA_VERSION + 1, "future": [1, 2]}
    result = upgrade(doc)
    assert result.newer and result.document == doc and result.from_version == SCHEMA_VERSION + 1


@pytest.mark.parametrize("version", [None, 0, -1, "1", 1.0, True])
def test_document_without_a_valid_version_is_refused(version) -> None:
    with pytest.raises(DocumentError):
        upgrade({"schema_version": version})


def test_migrations_run_in_order_from_the_documents_version() -> None:
    chain = {
        1: lambda d: {**d, "trail": [*d.get("trail", []), 1]},
        2: lambda d: {**d, "trail": [*d["trail"], 2]},
        3: lambda d: {**d, "trail": [*d["trail"], 3]},
    }
    assert upgrade({"schema_version": 1}, current=4, migrations=chain).document == {
        "schema_version": 4, "trail": [1, 2, 3]}
    assert upgrade({"schema_version": 3, "trail": []}, current=4, migrations=chain).document == {
        "schema_version": 4, "trail": [3]}


def test_a_gap_in_the_chain_is_an_error_not_a_skip() -> None:
    with pytest.raises(DocumentError):
        upgrade({"schema_version": 1}, current=3, migrations={2: lambda d: d})


def test_every_older_version_has_a_migration_and_a_frozen_example() -> None:
    older = set(range(1, SCHEMA_VERSION))
    assert set(MIGRATIONS) == older
    examples = {int(p.stem.removeprefix("state_v")) for p in FIXTURES.glob("state_v*.json")}
    assert older <= examples


@pytest.mark.parametrize("example", sorted(FIXTURES.glob("state_v*.json")), ids=lambda p: p.stem)
def test_every_frozen_example_upgrades_to_a_valid_current_state(example: Path) -> None:
    result = upgrade(json.loads(example.read_text(encoding="utf-8")))
    assert not result.newer
    from_document(result.document)

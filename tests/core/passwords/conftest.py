"""The real shipped word lists and one scorer for the whole session (building it takes ~0.1 s)."""

from __future__ import annotations

from pathlib import Path

import pytest

from anjian.core.passwords.scorer import Scorer
from anjian.wordlists import word_lists

HERE = Path(__file__).parent


@pytest.fixture(scope="session")
def scorer() -> Scorer:
    return Scorer(word_lists())


def reference_set() -> list[tuple[str, str]]:
    """(category, password) pairs of tests/core/passwords/reference_set.txt."""
    rows = []
    for line in (HERE / "reference_set.txt").read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            category, password = line.split("\t")
            rows.append((category, password))
    return rows

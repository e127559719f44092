"""Upgrading documents written by older versions of Anjian.

Each migration takes a document of version ``n`` and returns one of version
``n + 1``; :func:`upgrade` runs the chain. A document from a *newer* Anjian is
never downgraded: :func:`upgrade` reports it so the app can open it read-only.

Schema 1 is the first released schema, so the chain is empty today. The rule
for later changes: add ``MIGRATIONS[n] = _from_n`` together with a frozen
example document ``tests/core/fixtures/state_v<n>.json``; a test fails when a
version has no migration or no fixture.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from anjian.core.state import SCHEMA_VERSION, DocumentError
from anjian.i18n import N_, Text
from anjian.record import record

Document = dict[str, Any]
Migration = Callable[[Document], Document]

#: ``MIGRATIONS[n]`` turns a version-``n`` document into version ``n + 1``.
MIGRATIONS: dict[int, Migration] = {}


@record
class Upgraded:
    """The outcome of :func:`upgrade`."""

    document: Document
    from_version: int
    newer: bool  # written by a newer Anjian: use read-only, never rewrite


def upgrade(
    doc: Mapping[str, Any],
    current: int = SCHEMA_VERSION,
    migrations: Mapping[int, Migration] | None = None,
) -> Upgraded:
    """Bring ``doc`` to the ``current`` schema, or flag it as newer."""
    chain = MIGRATIONS if migrations is None else migrations
    version = doc.get("schema_version")
    if isinstance(version, bool) or not isinstance(version, int) or version < 1:
        raise DocumentError(Text(N_("The saved state has no valid schema version.")))
    if version > current:
        return Upgraded(dict(doc), version, newer=True)
    upgraded: Document = dict(doc)
    for step in range(version, current):
        migrate = chain.get(step)
        if migrate is None:
            raise DocumentError(
                Text(N_("This Anjian cannot read states of schema version {version}."),
                     {"version": step})
            )
        upgraded = migrate(upgraded)
        upgraded["schema_version"] = step + 1
    return Upgraded(upgraded, version, newer=False)

"""The official support channel pinned for an account, if the accounts feature recorded one.

The accounts feature (issue #5) owns official channels; the playbook only
shows one when it exists. So this looks for it by feature detection and never
depends on it: a module function ``pinned_support(state, account_id)`` in
``anjian.core.accounts.channels`` if there is one, otherwise a pinned
support record in a ``channels`` section of the state; ``None`` when neither
is there or their shape is not what is expected.
"""

from __future__ import annotations

import importlib
from typing import Any

from anjian.core.state import State


def pinned_support(state: State, account_id: str) -> str | None:
    """A description of the pinned official support channel of the account, or ``None``."""
    try:
        channels = importlib.import_module("anjian.core.accounts.channels")
    except ImportError:
        channels = None
    provider = getattr(channels, "pinned_support", None)
    if callable(provider):
        try:
            found = provider(state, account_id)
        except Exception:  # noqa: BLE001 - another feature's data must never break the playbook
            return None
        return _describe(found)
    for record in getattr(state, "channels", ()) or ():
        if (getattr(record, "account_id", None) == account_id
                and getattr(record, "pinned", False)
                and "support" in str(getattr(record, "kind", "support"))):
            return _describe(record)
    return None


def _describe(found: Any) -> str | None:
    if found is None:
        return None
    if isinstance(found, str):
        return found or None
    for name in ("value", "address", "number", "url"):
        value = getattr(found, name, None)
        if isinstance(value, str) and value:
            label = getattr(found, "label", None)
            return f"{label}: {value}" if isinstance(label, str) and label else value
    return None

"""One thing that is due, as every reminder surface shows it (window, tray, CLI)."""

from __future__ import annotations

from datetime import datetime

from anjian.i18n import Text
from anjian.record import record


@record
class DueItem:
    """Something the user should do now (or soon).

    ``id`` is stable across runs (snoozes and notifications refer to it):
    the checklist item id, or ``<item id>:<record id>`` for one record of it.
    """

    id: str
    item_id: str  # the checklist item it belongs to
    title: Text
    due_at: datetime
    section: str  # where the fix is
    urgent: bool = False
    reason: Text | None = None
    confirmable: bool = False  # "done" simply records the user's confirmation

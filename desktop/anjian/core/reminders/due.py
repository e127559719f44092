"""What is due: the one question every reminder surface asks.

:func:`due_items` looks at the checklist's statuses and returns the due items,
most urgent first, leaving out snoozed and dismissed ones. The window's Due
list, the tray, notifications and ``anjian-cli check`` all ask it.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, timedelta

from anjian.core.checklist.evaluate import ItemStatus, Status
from anjian.core.checklist.progress import ChecklistProgress
from anjian.core.reminders.due_item import DueItem
from anjian.i18n import Text

DUE_SOON = timedelta(days=14)


def due_items(statuses: Sequence[ItemStatus], progress: ChecklistProgress, now: datetime,
              horizon: timedelta = timedelta(0)) -> list[DueItem]:
    """Items due by ``now + horizon``, most urgent and oldest first."""
    found: list[DueItem] = []
    for status in statuses:
        item = status.item
        if status.status in (Status.ATTENTION, Status.PENDING, Status.LATER) and not status.due:
            found.append(DueItem(
                id=item.id, item_id=item.id, title=Text(item.title),
                due_at=status.due_at or now, section=item.section, urgent=status.urgent,
                reason=status.reason,
                confirmable=item.decided_by is None or status.status is Status.PENDING,
            ))
        elif status.status is Status.DONE and status.due_at is not None:
            found.append(DueItem(
                id=item.id, item_id=item.id, title=Text(item.title), due_at=status.due_at,
                section=item.section, confirmable=item.decided_by is None))
        found.extend(status.due)
    limit = now + horizon
    visible = [
        d for d in found
        if d.due_at <= limit
        and d.id not in progress.dismissed
        and not (d.id in progress.snoozed_until and progress.snoozed_until[d.id] > now)
    ]
    return sorted(visible, key=lambda d: (not d.urgent, d.due_at, d.id))

"""When to show a desktop notification: newly due, at most once a day, not at night."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime, time, timedelta

from anjian.core.checklist.progress import ChecklistProgress
from anjian.core.reminders.due_item import DueItem
from anjian.i18n import N_, Text
from anjian.record import record

NOTIFY_AGAIN_AFTER = timedelta(days=1)


@record
class QuietHours:
    """A daily span of local time without notifications; may cross midnight."""

    start: time = time(22, 0)
    end: time = time(8, 0)
    enabled: bool = True

    def contains(self, local: time) -> bool:
        """Whether the local wall-clock time ``local`` is inside the span."""
        if not self.enabled or self.start == self.end:
            return False
        if self.start < self.end:
            return self.start <= local < self.end
        return local >= self.start or local < self.end


def to_notify(due: Sequence[DueItem], progress: ChecklistProgress, now: datetime,
              local_time: time, quiet: QuietHours) -> list[DueItem]:
    """The due items to notify about now (``local_time`` is ``now`` on the user's clock)."""
    if quiet.contains(local_time):
        return []
    return [d for d in due
            if d.id not in progress.notified or now - progress.notified[d.id] >= NOTIFY_AGAIN_AFTER]


def notification(fresh: Sequence[DueItem], translate: Callable[[Text | str], str]) -> tuple[str, str]:
    """The title and body of the one notification that announces ``fresh`` items."""
    title = translate(N_("Anjian: security check due"))
    if len(fresh) == 1:
        return title, translate(fresh[0].title)
    titles = ", ".join(translate(item.title) for item in fresh[:3])
    return title, translate(Text(N_("{count} things are due: {titles}"),
                                 {"count": len(fresh), "titles": titles}))

"""``anjian-cli remind``: what is due, and what to notify now; remembers what it notified.

The tray agent (``anjian --background``) runs this at every reminder tick, so
the process that lives in the tray never loads the keyring libraries itself.
It is ``check`` plus the notification rules of the window: an item is
announced at most once a day and never in the quiet hours of the preferences;
the times it was announced, and the day's score, are saved in the state.
"""

from __future__ import annotations

import argparse
from datetime import datetime

from anjian.cli import EXIT_FINDINGS, EXIT_OK, Output
from anjian.i18n import N_, Catalogue


def configure(parser: argparse.ArgumentParser, catalogue: Catalogue) -> None:
    parser.add_argument("--no-record", action="store_true", help=catalogue.gettext(
        N_("Only say what to notify; do not remember it as notified.")))


def run(args: argparse.Namespace, out: Output) -> int:
    from anjian.core.reminders.notify import notification, to_notify
    from anjian.preferences import load_preferences, quiet_hours
    from anjian.service import AnjianService
    from anjian.storage.errors import StorageError

    service = AnjianService()
    try:
        status = service.load()
        state = status.snapshot.state
        if state is None:
            out.line(N_("Nothing is saved yet."))
            out.document({"due": [], "notify": None, "score": None})
            return EXIT_OK
        summary = service.overview()
        now = datetime.now().astimezone()
        fresh = to_notify(summary.due_now, state.checklist, now, now.time(),
                          quiet_hours(load_preferences().quiet_hours))
        if not args.no_record:
            if fresh:
                service.record_notified([item.id for item in fresh])
            service.record_score()
    except StorageError as exc:
        return out.error(exc.problem.value, exc.text)
    finally:
        service.close()
    message = notification(fresh, out.tr) if fresh else None
    if message is not None:
        out.line(f"{message[0]}: {message[1]}")
    for item in summary.due_now:
        out.line(("! " if item.urgent else "- ") + out.tr(item.title))
    out.document({
        "due": [{"id": item.id, "title": out.tr(item.title), "urgent": item.urgent}
                for item in summary.due_now],
        "notify": {"title": message[0], "body": message[1]} if message else None,
        "score": summary.score.value,
    })
    return EXIT_FINDINGS if summary.due_now else EXIT_OK

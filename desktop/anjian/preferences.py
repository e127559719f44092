"""Non-secret user preferences kept in a small JSON file.

The security state never comes here (it lives in the keyring). What does:
the UI language, the main window's geometry and the notifications' quiet hours. The file is written to a
temporary name, flushed and renamed, so a crash leaves the old file or the
new one; an unreadable file is kept aside and defaults are used.
"""

from __future__ import annotations

import json
import os
from dataclasses import asdict, replace
from datetime import time
from pathlib import Path
from typing import TYPE_CHECKING

from anjian.files import write_atomically
from anjian.i18n import LANGUAGES
from anjian.paths import config_dir
from anjian.record import record

if TYPE_CHECKING:
    from anjian.core.reminders.notify import QuietHours

FILE_NAME = "preferences.json"


@record
class Preferences:
    """What the user chose; ``None`` language means "follow the system"."""

    language: str | None = None
    window_geometry: str | None = None  # Qt's saveGeometry(), base64
    quiet_hours: str = "22:00-08:00"  # no notifications then (local time); "" = never quiet

    def with_changes(self, **changes: object) -> Preferences:
        """A copy with some fields changed."""
        return replace(self, **changes)  # type: ignore[arg-type]


def _path(folder: Path | None) -> Path:
    return (folder or config_dir()) / FILE_NAME


def load_preferences(folder: Path | None = None) -> Preferences:
    """Read the preferences; missing or unreadable gives the defaults."""
    path = _path(folder)
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return Preferences()
    except (OSError, ValueError):
        _keep_aside(path)
        return Preferences()
    if not isinstance(raw, dict):
        _keep_aside(path)
        return Preferences()
    language = raw.get("language")
    geometry = raw.get("window_geometry")
    quiet = raw.get("quiet_hours", Preferences.quiet_hours)
    return Preferences(
        language=language if language in LANGUAGES else None,
        window_geometry=geometry if isinstance(geometry, str) else None,
        quiet_hours=quiet if isinstance(quiet, str) and parse_quiet_hours(quiet) else "",
    )


def quiet_hours(setting: str) -> QuietHours:
    """The quiet hours of a preferences value ("" = never quiet)."""
    from anjian.core.reminders.notify import QuietHours

    parsed = parse_quiet_hours(setting)
    if parsed is None:
        return QuietHours(enabled=False)
    return QuietHours(parsed[0], parsed[1])


def parse_quiet_hours(value: str) -> tuple[time, time] | None:
    """``"22:00-08:00"`` as two times; ``None`` when empty or malformed."""
    try:
        start, end = value.split("-")
        return time.fromisoformat(start.strip()), time.fromisoformat(end.strip())
    except ValueError:
        return None


def save_preferences(prefs: Preferences, folder: Path | None = None) -> None:
    """Write the preferences atomically (temporary file, fsync, rename)."""
    path = _path(folder)
    data = json.dumps(asdict(prefs), ensure_ascii=False, indent=2).encode("utf-8")
    write_atomically(path, data, make_folder=True)


def _keep_aside(path: Path) -> None:
    # Never overwrite what we could not read: move it out of the way instead.
    try:
        os.replace(path, path.with_suffix(".unreadable.json"))
    except OSError:
        pass

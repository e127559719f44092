"""The ``profile`` section of the state: a little about the user, all of it optional.

The display name and birthday are there so that the password scorer can warn
when a password contains them (see :mod:`anjian.core.passwords.personal`);
nothing else uses them and they are never sent anywhere.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from anjian.core.document import malformed, read_record, read_str
from anjian.record import record

MAX_NAME = 100


@record
class Profile:
    """What the user told Anjian about themselves."""

    display_name: str = ""
    birthday: date | None = None


def to_section(profile: Profile) -> dict[str, Any]:
    """The section as plain JSON-ready data."""
    return {"display_name": profile.display_name,
            "birthday": profile.birthday.isoformat() if profile.birthday else None}


def from_section(raw: Any) -> Profile:
    """Parse the section; a missing section is an empty profile."""
    if raw is None:
        return Profile()
    section = read_record(raw, "profile")
    name = read_str(section, "display_name", "profile", default="")
    if len(name) > MAX_NAME:
        raise malformed("profile.display_name")
    birthday = section.get("birthday")
    if birthday is None:
        return Profile(name, None)
    if not isinstance(birthday, str):
        raise malformed("profile.birthday")
    try:
        return Profile(name, date.fromisoformat(birthday))
    except ValueError:
        raise malformed("profile.birthday") from None

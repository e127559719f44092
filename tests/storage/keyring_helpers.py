"""Helpers for storage tests: reading the real keyring without Anjian's code, a clock."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone


def delete_all(service: str) -> None:
    """Remove every item the test wrote under ``service``."""
    import secretstorage

    connection = secretstorage.dbus_init()
    try:
        collection = secretstorage.get_default_collection(connection)
        for item in list(collection.search_items({"service": service})):
            item.delete()
    finally:
        connection.close()


def stored_names(service: str) -> set[str]:
    """The entry names present under ``service``, read without Anjian's code."""
    import secretstorage

    connection = secretstorage.dbus_init()
    try:
        collection = secretstorage.get_default_collection(connection)
        return {i.get_attributes()["username"] for i in collection.search_items({"service": service})}
    finally:
        connection.close()


class TickingClock:
    """A clock for the store that moves one second per reading."""

    def __init__(self, start: datetime | None = None) -> None:
        self.now = start or datetime(2026, 11, 23, 9, 0, tzinfo=timezone.utc)

    def __call__(self) -> datetime:
        self.now += timedelta(seconds=1)
        return self.now



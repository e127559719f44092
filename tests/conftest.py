"""Root test configuration. Imports no Qt: core, storage and CLI tests run without it."""

from __future__ import annotations

import pytest
from hypothesis import settings

# Speed is measured by benchmarks/, not by tests: no per-example deadline, which
# would only make cold-start examples fail at random.
settings.register_profile("anjian", deadline=None)
settings.load_profile("anjian")


@pytest.fixture(scope="session")
def secret_service() -> None:
    """Fail loudly when no Secret Service is reachable (run the suite with scripts/test)."""
    import secretstorage

    try:
        connection = secretstorage.dbus_init()
    except Exception as exc:  # noqa: BLE001
        pytest.fail(f"no D-Bus session for the Secret Service ({type(exc).__name__}); "
                    "run the tests with scripts/test")
    try:
        if not secretstorage.check_service_availability(connection):
            pytest.fail("org.freedesktop.secrets is not on the bus; run the tests with scripts/test")
    finally:
        connection.close()

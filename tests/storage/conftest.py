"""Storage tests run against the real Secret Service.

``scripts/test`` starts a private gnome-keyring in a private D-Bus session; these
fixtures refuse to run without one rather than silently testing nothing. Each
test gets its own keyring service name and its entries are deleted afterwards.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from anjian.storage.lock import SaveLock
from anjian.storage.store import StateStore
from anjian.storage.vault import SecretServiceVault

from .keyring_helpers import TickingClock, delete_all

pytestmark = pytest.mark.keyring


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if "tests/storage" in str(item.fspath).replace("\\", "/"):
            item.add_marker(pytest.mark.keyring)


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


@pytest.fixture
def service_name(secret_service: None) -> Iterator[str]:
    name = f"anjian-test-{uuid.uuid4().hex[:12]}"
    yield name
    delete_all(name)


@pytest.fixture
def vault(service_name: str) -> Iterator[SecretServiceVault]:
    v = SecretServiceVault.connect(service_name)
    yield v
    v.close()


@pytest.fixture
def store(vault: SecretServiceVault, tmp_path: Path) -> StateStore:
    return StateStore(vault, SaveLock(tmp_path / "state.lock"), clock=TickingClock())


@pytest.fixture
def lock_file(tmp_path: Path) -> Path:
    return tmp_path / "state.lock"

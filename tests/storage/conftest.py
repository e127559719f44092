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



def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if "tests/storage" in str(item.fspath).replace("\\", "/"):
            item.add_marker(pytest.mark.keyring)


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

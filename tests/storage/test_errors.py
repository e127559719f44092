"""Every keyring failure becomes a clear, translated StorageError; nothing secret leaks."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
import threading
from pathlib import Path

import keyring.backend
import pytest
from keyring import errors as kerr
from keyring.backends import fail

from anjian.i18n import LANGUAGES, load_catalogue
from anjian.storage.backends import vault_for_backend
from anjian.storage.errors import Problem, StorageError, problem_text
from anjian.storage.lock import SaveLock
from anjian.storage.store import StateStore

from .keyring_helpers import TickingClock
from .states import with_accounts

CANARY = "canary-秘密-do-not-leak-0xC0FFEE"


class RaisingKeyring(keyring.backend.KeyringBackend):
    """A backend whose every call raises ``error`` (with the canary in its message)."""

    priority = 1  # type: ignore[assignment]

    def __init__(self, error: type[Exception]) -> None:
        super().__init__()
        self.error = error

    def get_password(self, service: str, username: str) -> str | None:
        raise self.error(f"failed reading {CANARY}")

    def set_password(self, service: str, username: str, password: str) -> None:
        raise self.error(f"failed writing {password}")

    def delete_password(self, service: str, username: str) -> None:
        raise self.error(f"failed deleting {CANARY}")


class WaitingKeyring(keyring.backend.KeyringBackend):
    """A backend whose calls wait, like one showing an unlock prompt nobody answers."""

    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.entered = threading.Event()
        self.release = threading.Event()

    def get_password(self, service: str, username: str) -> str | None:
        self.entered.set()
        self.release.wait(timeout=30)
        return None

    def set_password(self, service: str, username: str, password: str) -> None:
        self.entered.set()
        self.release.wait(timeout=30)

    def delete_password(self, service: str, username: str) -> None:
        raise kerr.PasswordDeleteError("no such password")


@pytest.mark.parametrize(
    ("error", "reading", "writing"),
    [
        (kerr.NoKeyringError, Problem.NO_BACKEND, Problem.NO_BACKEND),
        (kerr.KeyringLocked, Problem.LOCKED, Problem.LOCKED),
        (kerr.InitError, Problem.UNLOCK_DISMISSED, Problem.UNLOCK_DISMISSED),
        (kerr.PasswordSetError, Problem.READ_FAILED, Problem.WRITE_FAILED),
        (OSError, Problem.READ_FAILED, Problem.WRITE_FAILED),
        (RuntimeError, Problem.READ_FAILED, Problem.WRITE_FAILED),
    ],
)
def test_backend_errors_map_to_problems(error, reading, writing, tmp_path: Path) -> None:
    store = StateStore(vault_for_backend(RaisingKeyring(error), "anjian-x"), SaveLock(tmp_path / "l"))
    with pytest.raises(StorageError) as on_read:
        store.load()
    assert on_read.value.problem is reading
    with pytest.raises(StorageError) as on_write:
        store.vault.set("state", CANARY)
    assert on_write.value.problem is writing


def test_error_messages_never_carry_what_was_written(tmp_path: Path) -> None:
    vault = vault_for_backend(RaisingKeyring(kerr.PasswordSetError), "anjian-x")
    with pytest.raises(StorageError) as caught:
        vault.set("secret.x", CANARY)
    error = caught.value
    assert CANARY not in str(error)
    assert CANARY not in repr(error.args)
    assert error.__cause__ is None and error.__suppress_context__


def test_no_backend_is_refused(service_name: str) -> None:
    with pytest.raises(StorageError) as caught:
        vault_for_backend(fail.Keyring(), service_name)
    assert caught.value.problem is Problem.NO_BACKEND


def test_plaintext_backend_is_refused_not_used_as_fallback(service_name: str) -> None:
    Plaintext = type("PlaintextKeyring", (RaisingKeyring,), {"__module__": "keyrings.alt.file"})
    with pytest.raises(StorageError) as caught:
        vault_for_backend(Plaintext(OSError), service_name)
    assert caught.value.problem is Problem.INSECURE_BACKEND
    assert "keyrings.alt.file.PlaintextKeyring" in str(caught.value)


@pytest.mark.parametrize("problem", list(Problem))
@pytest.mark.parametrize("language", LANGUAGES)
def test_every_problem_has_a_message_in_every_language(problem: Problem, language: str) -> None:
    text = problem_text(problem, backend="X")
    rendered = load_catalogue(language).render(text)
    assert rendered.strip() and "{" not in rendered


def test_call_waiting_on_a_prompt_blocks_only_its_caller(tmp_path: Path) -> None:
    backend = WaitingKeyring()
    store = StateStore(vault_for_backend(backend, "anjian-x"), SaveLock(tmp_path / "l"))
    result: list[object] = []
    worker = threading.Thread(target=lambda: result.append(store.load()), daemon=True)
    worker.start()
    assert backend.entered.wait(timeout=5)
    assert worker.is_alive() and not result  # still waiting on the "prompt"
    backend.release.set()
    worker.join(timeout=5)
    assert result and result[0].first_run


def test_save_waiting_on_a_prompt_makes_other_savers_busy_not_stuck(tmp_path: Path) -> None:
    backend = WaitingKeyring()
    waiting = StateStore(vault_for_backend(backend, "anjian-x"), SaveLock(tmp_path / "l"))
    other = StateStore(
        vault_for_backend(RaisingKeyring(OSError), "anjian-x"), SaveLock(tmp_path / "l", timeout=0.2)
    )
    worker = threading.Thread(target=lambda: waiting.update(lambda s: s), daemon=True)
    worker.start()
    assert backend.entered.wait(timeout=5)
    # The lock is process-wide by file; a second lock object behaves like another process.
    with pytest.raises(StorageError) as caught:
        other.update(lambda s: s)
    assert caught.value.problem is Problem.BUSY
    backend.release.set()
    worker.join(timeout=5)


LOCKED_CHILD = textwrap.dedent(
    """
    import secretstorage
    from anjian.storage.vault import SecretServiceVault
    from anjian.storage.errors import StorageError
    conn = secretstorage.dbus_init()
    secretstorage.get_default_collection(conn).lock()
    conn.close()
    vault = SecretServiceVault("anjian-locked")
    try:
        vault.get("state")
    except StorageError as exc:
        print(exc.problem.value)
    finally:
        vault.close()
    """
)


@pytest.mark.slow
def test_really_locked_secret_service_reports_locked(tmp_path: Path) -> None:
    """Locks the collection of a second, private gnome-keyring (not the suite's)."""
    script = tmp_path / "child.py"
    script.write_text(LOCKED_CHILD)
    runner = Path(__file__).resolve().parents[2] / "scripts" / "lib" / "keyring-session"
    env = {k: v for k, v in os.environ.items() if k not in {"DISPLAY", "WAYLAND_DISPLAY",
                                                             "DBUS_SESSION_BUS_ADDRESS"}}
    home = tmp_path / "home"
    runtime = tmp_path / "runtime"
    home.mkdir()
    runtime.mkdir(mode=0o700)
    env |= {"HOME": str(home), "XDG_DATA_HOME": str(home / "share"),
            "XDG_RUNTIME_DIR": str(runtime), "ANJIAN_KEYRING_LOG": str(tmp_path / "daemon.log")}
    done = subprocess.run(
        ["dbus-run-session", "--", "bash", str(runner), sys.executable, str(script)],
        capture_output=True, text=True, timeout=60, env=env,
    )
    assert done.stdout.strip().splitlines()[-1:] == [Problem.LOCKED.value], done.stderr


def test_state_saved_before_a_failed_write_is_intact(store: StateStore) -> None:
    store.save(with_accounts(2), store.load().token)

    def broken_set(name: str, value: str) -> None:
        raise StorageError(Problem.WRITE_FAILED, detail="DiskFull")

    original = store.vault.set
    store.vault.set = broken_set  # type: ignore[method-assign]
    try:
        with pytest.raises(StorageError):
            store.update(lambda s: with_accounts(5))
    finally:
        store.vault.set = original  # type: ignore[method-assign]
    assert store.load().state == with_accounts(2)

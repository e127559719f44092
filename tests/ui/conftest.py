"""Fixtures for the window tests: offscreen Qt, private preferences, in-memory keyrings.

The real main window runs over the real :class:`AnjianService` and
:class:`StateStore`; only the keyring underneath is replaced by a vault that
keeps values in a dict, one that waits like an unlock prompt, or one that is
locked.
"""

from __future__ import annotations

import os

# Before anything imports Qt: the tests draw into memory, not onto a screen.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import gettext  # noqa: E402
import threading  # noqa: E402
from collections.abc import Callable, Iterator  # noqa: E402
from dataclasses import dataclass  # noqa: E402
from pathlib import Path  # noqa: E402

import pytest  # noqa: E402

from anjian.i18n import Catalogue, load_catalogue  # noqa: E402
from anjian.preferences import Preferences, load_preferences  # noqa: E402
from anjian.service import AnjianService  # noqa: E402
from anjian.storage.errors import Problem, StorageError  # noqa: E402
from anjian.storage.lock import SaveLock  # noqa: E402
from anjian.storage.store import StateStore  # noqa: E402
from anjian.storage.vault import BackendInfo  # noqa: E402

HERE = Path(__file__).parent


# The offscreen platform cannot pass a window's size constraints on to a window
# manager, nor raise a window (there is none) and says so; that is the test
# platform, not the app.
_OFFSCREEN_NOISE = r"^This plugin does not support (propagateSizeHints|raise)\(\)$"


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Every test under tests/ui needs a QApplication: mark it ``gui``."""
    for item in items:
        if HERE in item.path.parents:
            item.add_marker(pytest.mark.gui)
            if os.environ["QT_QPA_PLATFORM"] == "offscreen":
                item.add_marker(pytest.mark.qt_log_ignore(_OFFSCREEN_NOISE))


@pytest.fixture(autouse=True)
def config_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A private preferences folder for each test."""
    folder = tmp_path / "config"
    monkeypatch.setenv("ANJIAN_CONFIG_DIR", str(folder))
    return folder


# -- keyrings ------------------------------------------------------------------------


class MemoryVault:
    """A keyring that keeps its values in a dict."""

    def __init__(self, name: str = "Test keyring (in memory)") -> None:
        self.info = BackendInfo(name=name, backend_class="tests.ui.MemoryVault", max_value=None)
        self.values: dict[str, str] = {}
        self.closed = False

    def get(self, name: str) -> str | None:
        return self.values.get(name)

    def set(self, name: str, value: str) -> None:
        self.values[name] = value

    def delete(self, name: str) -> bool:
        return self.values.pop(name, None) is not None

    def close(self) -> None:
        self.closed = True


class PromptingVault(MemoryVault):
    """A keyring whose reads wait until ``unlocked`` is set, like an open unlock prompt."""

    def __init__(self) -> None:
        super().__init__()
        self.asked = threading.Event()
        self.unlocked = threading.Event()

    def get(self, name: str) -> str | None:
        self.asked.set()
        self.unlocked.wait(timeout=30)
        return super().get(name)


class LockedVault(MemoryVault):
    """A keyring that is locked."""

    def get(self, name: str) -> str | None:
        raise StorageError(Problem.LOCKED, detail="LockedException")


class BrokenVault(MemoryVault):
    """A keyring whose backend fails in a way nobody foresaw, with a secret in the message."""

    def get(self, name: str) -> str | None:
        raise ValueError("hunter2")


# -- the window ----------------------------------------------------------------------


class PseudoTranslations(gettext.NullTranslations):
    """Marks every message, so a test can see that a text went through the catalogue."""

    def __init__(self, language: str) -> None:
        super().__init__()
        self.language = language

    def gettext(self, message: str) -> str:
        return f"[{self.language}] {message}"

    def ngettext(self, singular: str, plural: str, n: int) -> str:
        return self.gettext(singular if n == 1 else plural)


def pseudo_catalogue(language: str) -> Catalogue:
    """A catalogue whose every translation is the English marked with ``[language]``."""
    return Catalogue(language, PseudoTranslations(language))


@dataclass
class Shell:
    """A running main window and what it was built from."""

    window: object  # MainWindow (imported lazily: Qt only after the platform is set)
    worker: object  # KeyringWorker
    language: object  # InterfaceLanguage
    vault: MemoryVault


OpenWindow = Callable[..., Shell]


@pytest.fixture
def open_window(qtbot, qapp, tmp_path: Path) -> Iterator[OpenWindow]:  # type: ignore[no-untyped-def]
    """Build, show and start loading the real main window over a test vault."""
    from anjian.ui.language import InterfaceLanguage
    from anjian.ui.main_window import MainWindow
    from anjian.ui.worker import KeyringWorker

    shells: list[Shell] = []

    def build(
        vault: MemoryVault | None = None,
        language: str | None = "en",
        load: Callable[[str], Catalogue] = load_catalogue,
        preferences: Preferences | None = None,
        notifier: object | None = None,
        autostart: object | None = None,
    ) -> Shell:
        vault = vault if vault is not None else MemoryVault()
        store = StateStore(vault, SaveLock(tmp_path / "lock"))
        worker = KeyringWorker(AnjianService(open_store=lambda: store))
        ui_language = InterfaceLanguage(qapp, language, load=load)
        from anjian.autostart import XdgAutostart

        window = MainWindow(worker, ui_language, preferences or load_preferences(),
                            notifier=notifier,  # type: ignore[arg-type]
                            autostart=autostart or XdgAutostart(tmp_path / "xdg-config"))
        qtbot.addWidget(window)
        shell = Shell(window, worker, ui_language, vault)
        shells.append(shell)
        window.show()
        window.load_state()
        return shell

    yield build
    for shell in shells:
        if isinstance(shell.vault, PromptingVault):
            shell.vault.unlocked.set()  # let a waiting call end, as a user would
        assert shell.worker.stop(timeout=5), "the keyring worker did not stop"
        # Each language object is a child of the shared QApplication and has its
        # Qt translator installed there: drop it with the test.
        shell.language.deleteLater()

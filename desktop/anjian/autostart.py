"""Start Anjian at login, so reminders reach the user: on, off, and is it on?

One small strategy per OS, each writing only a launcher (never data):

* Linux and other XDG desktops: ``$XDG_CONFIG_HOME/autostart/<app id>.desktop``
  (the freedesktop.org Desktop Application Autostart Specification).
* Windows: a value under ``HKCU\\Software\\Microsoft\\Windows\\CurrentVersion\\Run``.
* macOS: a LaunchAgent ``~/Library/LaunchAgents/<app id>.plist`` with ``RunAtLoad``.

The program is started with ``--background``: it goes to the tray (or, where
there is none, stays quiet until something is due). Paths and the registry are
injectable so every strategy is unit-tested on any OS.
"""

from __future__ import annotations

import os
import plistlib
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

from anjian import APP_ID
from anjian.files import write_atomically

BACKGROUND_FLAG = "--background"
RUN_KEY = r"Software\Microsoft\Windows\CurrentVersion\Run"
RUN_VALUE = "Anjian"


class Autostart(Protocol):
    """Turns starting at login on and off."""

    def enabled(self) -> bool:
        """Whether Anjian starts at login."""

    def enable(self, command: Sequence[str]) -> None:
        """Start ``command`` (the program and its arguments) at login."""

    def disable(self) -> None:
        """Stop starting at login (nothing happens if it was off)."""


def launch_command(executable: str | None = None) -> list[str]:
    """How to start Anjian in the background: the ``anjian`` script beside this Python."""
    program = executable or installed_program()
    return [program, BACKGROUND_FLAG]


def installed_program() -> str:
    """The installed ``anjian`` program, by absolute path where it can be found."""
    # pipx and venv installs put the gui-script next to the interpreter; an absolute
    # path works even when the login session's PATH lacks ~/.local/bin.
    scripts = Path(sys.executable).parent
    for name in ("anjian", "anjian.exe"):
        candidate = scripts / name
        if candidate.exists():
            return str(candidate)
    return "anjian"


@dataclass
class XdgAutostart:
    """A ``.desktop`` file in the XDG autostart folder."""

    config_home: Path

    @classmethod
    def for_user(cls, environ: dict[str, str] | None = None) -> XdgAutostart:
        env = os.environ if environ is None else environ
        base = env.get("XDG_CONFIG_HOME") or str(Path.home() / ".config")
        return cls(Path(base))

    @property
    def path(self) -> Path:
        return self.config_home / "autostart" / f"{APP_ID}.desktop"

    def enabled(self) -> bool:
        return self.path.is_file()

    def enable(self, command: Sequence[str]) -> None:
        entry = "\n".join([
            "[Desktop Entry]",
            "Type=Application",
            "Name=Anjian",
            "Name[zh_CN]=安检",
            "Name[zh_TW]=安檢",
            "Comment=Reminders for your account security checks",
            f"Exec={desktop_exec(command)}",
            f"Icon={APP_ID}",
            "Terminal=false",
            "NoDisplay=true",
            "X-GNOME-Autostart-enabled=true",
            "",
        ])
        write_atomically(self.path, entry.encode("utf-8"), make_folder=True)

    def disable(self) -> None:
        self.path.unlink(missing_ok=True)


def desktop_exec(command: Sequence[str]) -> str:
    """Quote an Exec= value per the Desktop Entry Specification."""
    def quote(arg: str) -> str:
        if not any(c in arg for c in ' \t\n"\'\\><~|&;$*?#()`%'):
            return arg
        escaped = arg.replace("\\", "\\\\").replace('"', '\\"').replace("`", "\\`").replace("$", "\\$")
        return f'"{escaped}"'.replace("%", "%%")

    return " ".join(quote(a) for a in command)


class Registry(Protocol):
    """The part of ``winreg`` we use, on the current user's Run key."""

    def get(self, name: str) -> str | None: ...
    def set(self, name: str, value: str) -> None: ...
    def delete(self, name: str) -> None: ...


class WinregRunKey:
    """``HKCU\\...\\Run`` through ``winreg`` (Windows only)."""

    def __init__(self) -> None:
        import winreg  # noqa: PLC0415 - Windows only

        self._winreg: Any = winreg

    def get(self, name: str) -> str | None:
        w = self._winreg
        try:
            with w.OpenKey(w.HKEY_CURRENT_USER, RUN_KEY) as key:
                return str(w.QueryValueEx(key, name)[0])
        except FileNotFoundError:
            return None

    def set(self, name: str, value: str) -> None:
        w = self._winreg
        with w.CreateKeyEx(w.HKEY_CURRENT_USER, RUN_KEY, 0, w.KEY_SET_VALUE) as key:
            w.SetValueEx(key, name, 0, w.REG_SZ, value)

    def delete(self, name: str) -> None:
        w = self._winreg
        try:
            with w.OpenKey(w.HKEY_CURRENT_USER, RUN_KEY, 0, w.KEY_SET_VALUE) as key:
                w.DeleteValue(key, name)
        except FileNotFoundError:
            pass


@dataclass
class WindowsAutostart:
    """A value in the current user's Run key."""

    registry: Registry

    def enabled(self) -> bool:
        return self.registry.get(RUN_VALUE) is not None

    def enable(self, command: Sequence[str]) -> None:
        self.registry.set(RUN_VALUE, _windows_command_line(command))

    def disable(self) -> None:
        self.registry.delete(RUN_VALUE)


def _windows_command_line(command: Sequence[str]) -> str:
    import subprocess  # noqa: PLC0415 - only the quoting helper

    return subprocess.list2cmdline(list(command))


@dataclass
class MacLaunchAgent:
    """A per-user LaunchAgent that runs at login."""

    home: Path

    @property
    def path(self) -> Path:
        return self.home / "Library" / "LaunchAgents" / f"{APP_ID}.plist"

    def enabled(self) -> bool:
        return self.path.is_file()

    def enable(self, command: Sequence[str]) -> None:
        plist = {
            "Label": APP_ID,
            "ProgramArguments": list(command),
            "RunAtLoad": True,
            "ProcessType": "Interactive",
        }
        write_atomically(self.path, plistlib.dumps(plist), make_folder=True)

    def disable(self) -> None:
        self.path.unlink(missing_ok=True)


def for_this_system() -> Autostart:
    """The strategy for the OS we run on."""
    if sys.platform.startswith("win"):
        return WindowsAutostart(WinregRunKey())
    if sys.platform == "darwin":
        return MacLaunchAgent(Path.home())
    return XdgAutostart.for_user()


__all__ = [
    "Autostart", "MacLaunchAgent", "WindowsAutostart", "XdgAutostart", "for_this_system",
    "launch_command",
]

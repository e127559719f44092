"""Starting at login: written, recognised and removed, on each OS's terms."""

from __future__ import annotations

import plistlib
import shutil
import subprocess
from pathlib import Path

import pytest

from anjian import APP_ID
from anjian.autostart import (
    BACKGROUND_FLAG,
    MacLaunchAgent,
    WindowsAutostart,
    XdgAutostart,
    launch_command,
)

COMMAND = ["/home/李雷/.local/bin/anjian", BACKGROUND_FLAG]


def test_xdg_autostart_entry_is_written_and_removed(tmp_path: Path) -> None:
    autostart = XdgAutostart(tmp_path)
    assert not autostart.enabled()
    autostart.enable(COMMAND)
    assert autostart.enabled()
    assert autostart.path == tmp_path / "autostart" / f"{APP_ID}.desktop"
    autostart.disable()
    assert not autostart.enabled() and not autostart.path.exists()


def test_xdg_autostart_follows_xdg_config_home(tmp_path: Path) -> None:
    autostart = XdgAutostart.for_user({"XDG_CONFIG_HOME": str(tmp_path / "cfg")})
    assert autostart.path.parent == tmp_path / "cfg" / "autostart"


def test_xdg_autostart_entry_runs_the_program_in_the_background(tmp_path: Path) -> None:
    autostart = XdgAutostart(tmp_path)
    autostart.enable(["/opt/my apps/anjian", BACKGROUND_FLAG])
    text = autostart.path.read_text(encoding="utf-8")
    assert 'Exec="/opt/my apps/anjian" --background' in text


def test_xdg_autostart_entry_is_a_valid_desktop_file(tmp_path: Path) -> None:
    if shutil.which("desktop-file-validate") is None:
        pytest.fail("desktop-file-validate is missing: run the tests with scripts/test")
    autostart = XdgAutostart(tmp_path)
    autostart.enable(COMMAND)
    done = subprocess.run(["desktop-file-validate", str(autostart.path)],
                          capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "error" not in done.stdout.lower()


def test_disabling_when_off_is_harmless(tmp_path: Path) -> None:
    XdgAutostart(tmp_path).disable()
    MacLaunchAgent(tmp_path).disable()


class FakeRunKey:
    """The Run key as a dict (winreg exists only on Windows)."""

    def __init__(self) -> None:
        self.values: dict[str, str] = {}

    def get(self, name: str) -> str | None:
        return self.values.get(name)

    def set(self, name: str, value: str) -> None:
        self.values[name] = value

    def delete(self, name: str) -> None:
        self.values.pop(name, None)


def test_windows_run_value_is_a_quoted_command_line() -> None:
    key = FakeRunKey()
    autostart = WindowsAutostart(key)
    autostart.enable([r"C:\Users\Li Lei\pipx\venvs\anjian\Scripts\anjian.exe", BACKGROUND_FLAG])
    assert autostart.enabled()
    assert key.values == {
        "Anjian": r'"C:\Users\Li Lei\pipx\venvs\anjian\Scripts\anjian.exe" --background'}
    autostart.disable()
    assert not autostart.enabled() and key.values == {}


def test_mac_launch_agent_runs_at_load(tmp_path: Path) -> None:
    agent = MacLaunchAgent(tmp_path)
    agent.enable(COMMAND)
    plist = plistlib.loads(agent.path.read_bytes())
    assert plist == {"Label": APP_ID, "ProgramArguments": COMMAND, "RunAtLoad": True,
                     "ProcessType": "Interactive"}
    assert agent.path.parent == tmp_path / "Library" / "LaunchAgents"
    agent.disable()
    assert not agent.enabled()


def test_launch_command_starts_in_the_background() -> None:
    assert launch_command("/x/anjian") == ["/x/anjian", BACKGROUND_FLAG]
    assert launch_command()[-1] == BACKGROUND_FLAG

"""The applications-menu entry that ``anjian-cli desktop install`` writes for pipx installs."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from anjian import APP_ID
from anjian.desktop_entry import DesktopEntry


def test_install_writes_the_entry_the_icon_and_the_metainfo(tmp_path: Path) -> None:
    entry = DesktopEntry(tmp_path)
    entry.install(program="/opt/pipx/venvs/anjian/bin/anjian")
    desktop, icon, metainfo = entry.files
    assert desktop == tmp_path / "applications" / f"{APP_ID}.desktop"
    assert icon == tmp_path / "icons" / "hicolor" / "scalable" / "apps" / f"{APP_ID}.svg"
    assert icon.read_text(encoding="utf-8").lstrip().startswith("<?xml")
    assert f"<id>{APP_ID}</id>" in metainfo.read_text(encoding="utf-8")
    assert entry.installed()


def test_installed_entry_starts_the_installed_program_by_its_full_path(tmp_path: Path) -> None:
    entry = DesktopEntry(tmp_path)
    entry.install(program="/home/li lei/.local/bin/anjian")
    lines = entry.files[0].read_text(encoding="utf-8").splitlines()
    assert [line for line in lines if line.startswith("Exec=")] == [
        'Exec="/home/li lei/.local/bin/anjian"']
    assert f"Icon={APP_ID}" in lines
    assert "Name[zh_CN]=安检" in lines


@pytest.mark.skipif(shutil.which("desktop-file-validate") is None,
                    reason="desktop-file-validate is installed by scripts/test")
def test_installed_entry_is_valid(tmp_path: Path) -> None:
    entry = DesktopEntry(tmp_path)
    entry.install(program="/usr/bin/anjian")
    result = subprocess.run(["desktop-file-validate", str(entry.files[0])],
                            capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout + result.stderr


def test_remove_deletes_exactly_what_install_wrote(tmp_path: Path) -> None:
    other = tmp_path / "applications" / "other.desktop"
    other.parent.mkdir(parents=True)
    other.write_text("[Desktop Entry]\n", encoding="utf-8")
    entry = DesktopEntry(tmp_path)
    entry.install(program="/usr/bin/anjian")
    assert set(entry.remove()) == set(entry.files)
    assert not entry.installed()
    assert other.exists()
    assert entry.remove() == ()


def test_entry_follows_xdg_data_home(tmp_path: Path) -> None:
    entry = DesktopEntry.for_user({"XDG_DATA_HOME": str(tmp_path)})
    assert entry.data_home == tmp_path

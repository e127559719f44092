"""The launcher and the AppStream metadata pass the freedesktop.org validators."""

from __future__ import annotations

import configparser
import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from anjian import APP_ID
from anjian.paths import resources_dir

DESKTOP = resources_dir() / "desktop" / f"{APP_ID}.desktop"
METAINFO = resources_dir() / "desktop" / f"{APP_ID}.metainfo.xml"


def _tool(name: str) -> str:
    path = shutil.which(name)
    if path is None:
        pytest.fail(f"{name} is missing: run the tests with scripts/test, which installs it")
    return path


def test_desktop_file_is_valid() -> None:
    done = subprocess.run([_tool("desktop-file-validate"), str(DESKTOP)],
                          capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "error" not in done.stdout.lower()


def test_metainfo_is_valid() -> None:
    done = subprocess.run([_tool("appstreamcli"), "validate", "--no-net", str(METAINFO)],
                          capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr


def test_desktop_file_names_the_app_in_all_three_languages() -> None:
    entry = configparser.ConfigParser(interpolation=None)
    entry.optionxform = str  # keys are case-sensitive
    entry.read(DESKTOP, encoding="utf-8")
    group = entry["Desktop Entry"]
    assert (group["Name"], group["Name[zh_CN]"], group["Name[zh_TW]"]) == ("Anjian", "安检", "安檢")
    assert group["Icon"] == APP_ID and group["Exec"].split()[0] == "anjian"


def test_metainfo_launches_the_desktop_file_and_provides_both_commands() -> None:
    root = ET.parse(METAINFO).getroot()
    assert root.findtext("id") == APP_ID
    assert root.find("launchable").text == DESKTOP.name
    assert {b.text for b in root.iter("binary")} == {"anjian", "anjian-cli"}


def test_icon_ships_under_the_app_id_too() -> None:
    assert (resources_dir() / "icons" / "anjian.svg").is_file()
    assert Path(resources_dir() / "icons" / "anjian.svg").read_text(encoding="utf-8").lstrip().startswith("<?xml")

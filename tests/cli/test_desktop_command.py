"""``anjian-cli desktop install|remove``."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from anjian import APP_ID
from anjian.cli import EXIT_OK

from .test_cli import run


def test_install_then_remove_through_the_command(tmp_path: Path,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path))
    code, out, _ = run(["desktop", "install", "--json"], monkeypatch)
    assert code == EXIT_OK
    files = json.loads(out)["files"]
    assert str(tmp_path / "applications" / f"{APP_ID}.desktop") in files
    assert all(Path(f).is_file() for f in files)
    code, out, _ = run(["desktop", "remove", "--lang", "zh_CN"], monkeypatch)
    assert code == EXIT_OK
    assert not any(Path(f).exists() for f in files)


def test_an_unwritable_folder_is_a_clear_error(tmp_path: Path,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("", encoding="utf-8")
    monkeypatch.setenv("XDG_DATA_HOME", str(blocker))
    code, _, err = run(["desktop", "install"], monkeypatch)
    assert code == 2
    assert "Traceback" not in err and "anjian-cli:" in err

"""Preferences: a small JSON file, written atomically, never trusted blindly."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from anjian.preferences import FILE_NAME, Preferences, load_preferences, save_preferences


def test_missing_file_gives_defaults(tmp_path: Path) -> None:
    assert load_preferences(tmp_path) == Preferences()


def test_saved_preferences_load_back(tmp_path: Path) -> None:
    prefs = Preferences(language="zh_TW", window_geometry="AdnQywADAAA=")
    save_preferences(prefs, tmp_path)
    assert load_preferences(tmp_path) == prefs


def test_save_leaves_no_temporary_files(tmp_path: Path) -> None:
    save_preferences(Preferences(language="en"), tmp_path)
    save_preferences(Preferences(language="zh_CN"), tmp_path)
    assert [p.name for p in tmp_path.iterdir()] == [FILE_NAME]


def test_unreadable_file_is_kept_aside_and_defaults_used(tmp_path: Path) -> None:
    (tmp_path / FILE_NAME).write_text("{ not json", encoding="utf-8")
    assert load_preferences(tmp_path) == Preferences()
    assert (tmp_path / "preferences.unreadable.json").read_text(encoding="utf-8") == "{ not json"


def test_unknown_language_in_the_file_means_follow_the_system(tmp_path: Path) -> None:
    (tmp_path / FILE_NAME).write_text(json.dumps({"language": "xx"}), encoding="utf-8")
    assert load_preferences(tmp_path).language is None


def test_preferences_file_holds_only_language_geometry_and_quiet_hours(tmp_path: Path) -> None:
    save_preferences(Preferences(language="en", window_geometry="AAAA"), tmp_path)
    assert set(json.loads((tmp_path / FILE_NAME).read_text(encoding="utf-8"))) == {
        "language", "window_geometry", "quiet_hours"}


def test_quiet_hours_round_trip_and_bad_values_mean_never_quiet(tmp_path: Path) -> None:
    save_preferences(Preferences(quiet_hours="23:30-07:00"), tmp_path)
    assert load_preferences(tmp_path).quiet_hours == "23:30-07:00"
    (tmp_path / FILE_NAME).write_text(json.dumps({"quiet_hours": "late"}), encoding="utf-8")
    assert load_preferences(tmp_path).quiet_hours == ""


def test_config_folder_follows_xdg_like_platformdirs(monkeypatch, tmp_path) -> None:
    import sys

    import platformdirs

    from anjian.paths import config_dir

    if not sys.platform.startswith("linux"):
        pytest.skip("the XDG rule is Linux's")
    monkeypatch.delenv("ANJIAN_CONFIG_DIR", raising=False)
    for xdg in (str(tmp_path / "xdg"), ""):
        monkeypatch.setenv("XDG_CONFIG_HOME", xdg)
        assert config_dir() == Path(platformdirs.user_config_dir("anjian", appauthor=False))

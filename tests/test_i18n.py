"""Languages: picked from the locale, switchable, never touching global gettext."""

from __future__ import annotations

import gettext

import pytest

from anjian.i18n import (
    LANGUAGES,
    Text,
    language_from_locale,
    load_catalogue,
    resolve_language,
    system_language,
)


@pytest.mark.parametrize(
    ("name", "language"),
    [
        ("zh_CN.UTF-8", "zh_CN"), ("zh_SG", "zh_CN"), ("zh", "zh_CN"), ("zh-Hans-CN", "zh_CN"),
        ("zh_TW.UTF-8", "zh_TW"), ("zh_HK", "zh_TW"), ("zh_MO", "zh_TW"), ("zh-Hant", "zh_TW"),
        ("en_US.UTF-8", "en"), ("de_DE", "en"), ("C", "en"), ("POSIX", "en"), ("", "en"),
        (None, "en"), ("ja_JP@calendar", "en"),
    ],
)
def test_locale_names_map_to_our_languages(name, language: str) -> None:
    assert language_from_locale(name) == language


def test_language_variable_wins_over_lang() -> None:
    assert system_language({"LANGUAGE": "zh_TW:en", "LANG": "en_US.UTF-8"}) == "zh_TW"


def test_lc_all_wins_over_lang() -> None:
    assert system_language({"LC_ALL": "zh_CN.UTF-8", "LANG": "en_US.UTF-8"}) == "zh_CN"


def test_chosen_language_wins_over_the_system() -> None:
    assert resolve_language("zh_TW", {"LANG": "en_US"}) == "zh_TW"
    assert resolve_language("klingon", {"LANG": "zh_CN"}) == "zh_CN"
    assert resolve_language(None, {"LANG": "zh_HK"}) == "zh_TW"


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_language_has_a_compiled_catalogue(language: str) -> None:
    assert load_catalogue(language).is_translated


def test_unknown_language_is_refused() -> None:
    with pytest.raises(ValueError):
        load_catalogue("fr")


def test_text_renders_parameters_in_english_without_a_catalogue() -> None:
    assert str(Text("Saved {n} accounts", {"n": 3})) == "Saved 3 accounts"


def test_text_with_a_broken_placeholder_renders_without_crashing() -> None:
    assert str(Text("Broken {placeholder", {"x": 1})) == "Broken {placeholder"


def test_loading_catalogues_leaves_the_global_gettext_domain_alone() -> None:
    before = gettext.textdomain()
    for language in LANGUAGES:
        load_catalogue(language)
    assert gettext.textdomain() == before
    assert gettext.gettext("Interrupted.") == "Interrupted."


def test_stretched_catalogue_makes_every_text_half_as_long_again() -> None:
    from anjian.i18n import stretched

    catalogue = stretched(load_catalogue("en"), 1.5)
    text = catalogue.gettext("Open Accounts and add each one.")
    assert text.startswith("Open Accounts and add each one. ")
    assert len(text) == 47  # 31 characters, 1.5 times, rounded up


def test_stretched_catalogue_keeps_placeholders_and_mnemonics_working() -> None:
    from anjian.i18n import stretched

    catalogue = stretched(load_catalogue("en"), 1.5)
    rendered = catalogue.render(Text("&Last confirmed on {date}.", {"date": "2026-01-02"}))
    assert rendered.startswith("&Last confirmed on 2026-01-02.")
    assert rendered.count("&") == 1 and "{" not in rendered


def test_stretch_factor_is_read_from_the_environment() -> None:
    from anjian.i18n import STRETCH_ENVIRONMENT, stretch_factor

    assert stretch_factor({STRETCH_ENVIRONMENT: "1.5"}) == 1.5
    assert stretch_factor({STRETCH_ENVIRONMENT: "no"}) is None
    assert stretch_factor({STRETCH_ENVIRONMENT: "100"}) is None
    assert stretch_factor({}) is None


def test_terminal_columns_follow_the_same_rule_as_shutil(monkeypatch) -> None:
    import shutil

    from anjian.arguments import terminal_columns

    for columns in ("57", "", "junk"):
        monkeypatch.setenv("COLUMNS", columns)
        assert terminal_columns() == shutil.get_terminal_size().columns

"""``anjian-cli link``: one verdict per URL, reasons in words, exit codes, pinned domains."""

from __future__ import annotations

import io
import json
import sys
from collections.abc import Iterator
from datetime import datetime, timezone

import pytest

from anjian import KEYRING_SERVICE
from anjian.cli import EXIT_ERROR, EXIT_FINDINGS, EXIT_OK, main
from anjian.core.accounts import changes
from anjian.core.accounts.channels import ChannelKind, ChannelSource, new_channel
from anjian.core.state import AccountKind, State
from anjian.i18n import Text, load_catalogue
from anjian.service import default_store

from ..storage.keyring_helpers import delete_all


@pytest.fixture(autouse=True)
def own_config(tmp_path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ANJIAN_CONFIG_DIR", str(tmp_path / "config"))


def run(argv: list[str], monkeypatch: pytest.MonkeyPatch) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    monkeypatch.setattr(sys, "stdout", out)
    monkeypatch.setattr(sys, "stderr", err)
    return main(argv), out.getvalue(), err.getvalue()


def test_an_official_link_exits_0(monkeypatch) -> None:
    code, _, _ = run(["link", "https://www.okx.com/login", "--official", "okx.com"], monkeypatch)
    assert code == EXIT_OK


def test_json_gives_one_object_per_url_with_verdict_domain_and_reasons(monkeypatch) -> None:
    code, out, _ = run(["link", "https://www.okx.com", "https://okx.com@evil.example",
                        "--official", "okx.com", "--json"], monkeypatch)
    results = json.loads(out)
    assert code == EXIT_FINDINGS
    assert [(r["verdict"], r["registrable_domain"]) for r in results] == [
        ("official", "okx.com"), ("lookalike", "evil.example")]
    assert all(r["reasons"] and {"id", "text"} <= set(r["reasons"][0]) for r in results)


@pytest.mark.parametrize("url, verdict", [
    ("https://0kx.com", "lookalike"), ("https://example.org", "unrelated"),
    ("javascript:alert(1)", "invalid"),
])
def test_anything_not_official_exits_1(url, verdict, monkeypatch) -> None:
    code, out, _ = run(["link", url, "--official", "okx.com", "--json"], monkeypatch)
    assert (code, json.loads(out)[0]["verdict"]) == (EXIT_FINDINGS, verdict)


def test_several_official_domains_can_be_given(monkeypatch) -> None:
    code, _, _ = run(["link", "https://okx.com", "https://binance.com", "--official", "okx.com",
                      "--official", "binance.com"], monkeypatch)
    assert code == EXIT_OK


def test_human_output_names_the_verdict_in_words_and_in_the_language(monkeypatch) -> None:
    _, out, _ = run(["link", "https://0kx.com", "--official", "okx.com", "--lang", "zh_CN"],
                    monkeypatch)
    catalogue = load_catalogue("zh_CN")
    assert out.startswith("[!!] " + catalogue.gettext("Look-alike: do not open"))


def test_reasons_in_json_are_translated(monkeypatch) -> None:
    _, out, _ = run(["link", "https://0kx.com", "--official", "okx.com", "--json", "--lang",
                     "zh_TW"], monkeypatch)
    reason = json.loads(out)[0]["reasons"][0]
    assert reason["id"] == "letter-swap"
    assert reason["text"] == load_catalogue("zh_TW").render(Text(
        "“{domain}” swaps letters that look alike (0 and o, 1 and l, rn and m, vv and w) "
        "to look like “{official}”.", {"domain": "0kx.com", "official": "okx.com"}))


def test_no_url_is_a_usage_error(monkeypatch) -> None:
    code, _, err = run(["link", "--official", "okx.com"], monkeypatch)
    assert code == EXIT_ERROR and "Traceback" not in err


@pytest.fixture
def clean_keyring(secret_service: None) -> Iterator[None]:
    delete_all(KEYRING_SERVICE)
    yield
    delete_all(KEYRING_SERVICE)


@pytest.mark.keyring
def test_without_official_the_pinned_domains_are_used(clean_keyring, monkeypatch) -> None:
    store = default_store()
    snapshot = store.load()
    now = datetime.now(timezone.utc)
    state = changes.add_account("a0", "OKX", AccountKind.EXCHANGE, "", now)(State.empty(now))
    state = changes.add_channel(new_channel("w1", "a0", ChannelKind.WEBSITE, "okx.com",
                                            ChannelSource.OFFICIAL_APP, now, "CN"))(state)
    store.save(state, snapshot.token)
    store.vault.close()
    code, out, _ = run(["link", "https://www.okx.com", "https://0kx.com", "--json"], monkeypatch)
    assert code == EXIT_FINDINGS
    assert [r["verdict"] for r in json.loads(out)] == ["official", "lookalike"]


@pytest.mark.keyring
def test_with_nothing_pinned_and_no_official_it_is_an_error(clean_keyring, monkeypatch) -> None:
    code, out, _ = run(["link", "https://okx.com", "--json"], monkeypatch)
    assert code == EXIT_ERROR and json.loads(out)["error"]["id"] == "no-official-domains"

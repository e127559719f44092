"""The Links & numbers page: verdicts with reasons in words, and the number check."""

from __future__ import annotations

from datetime import datetime, timezone
from pathlib import Path

import pytest

from anjian.core.accounts import changes
from anjian.core.accounts.channels import ChannelKind, ChannelSource, new_channel
from anjian.core.state import AccountKind, State
from anjian.storage.lock import SaveLock
from anjian.storage.store import StateStore
from anjian.ui.accounts.common import ResultCard

from ..backup_helpers import page, wait_loaded
from ..conftest import MemoryVault

NOW = datetime.now(timezone.utc)


def seeded(tmp_path: Path) -> MemoryVault:
    vault = MemoryVault()
    store = StateStore(vault, SaveLock(tmp_path / "seed.lock"))
    state = changes.add_account("okx", "OKX", AccountKind.EXCHANGE, "", NOW)(State.empty(NOW))
    for cid, kind, value in (("w", ChannelKind.WEBSITE, "okx.com"),
                             ("n", ChannelKind.PHONE, "400 120 6115")):
        state = changes.add_channel(new_channel(cid, "okx", kind, value,
                                                ChannelSource.OFFICIAL_APP, NOW, "CN"))(state)
    store.update(lambda _s: state)
    return vault


@pytest.fixture
def links(open_window, qtbot, tmp_path):
    shell = open_window(vault=seeded(tmp_path))
    wait_loaded(qtbot, shell)
    return page(shell, "links")


def cards(layout) -> list[ResultCard]:
    return [layout.itemAt(i).widget() for i in range(layout.count())
            if isinstance(layout.itemAt(i).widget(), ResultCard)]


def test_each_pasted_link_gets_a_verdict_in_words_with_reasons(links, qtbot):
    links.links_input.setPlainText("https://www.okx.com/login\nhttps://okx.com.secure-login.example\n"
                                   "\njavascript:alert(1)")
    links.check_links_button.click()
    qtbot.waitUntil(lambda: len(cards(links.link_results)) == 3, timeout=5000)
    verdicts = [c.verdict.text() for c in cards(links.link_results)]
    assert verdicts == ["Official", "Look-alike: do not open", "Not a valid link"]
    lookalike = cards(links.link_results)[1]
    assert lookalike.reason_labels[0].text().startswith("Danger: ")
    assert "secure-login.example" in lookalike.reason_labels[0].text()


def test_the_page_says_what_it_compares_with(links, qtbot):
    qtbot.waitUntil(lambda: "1 official" in links.against.text(), timeout=5000)


def test_an_official_number_matches_its_account(links, qtbot):
    links.number_input.setText("4001206115")
    links.check_number_button.click()
    qtbot.waitUntil(lambda: len(cards(links.number_results)) == 1, timeout=5000)
    card = cards(links.number_results)[0]
    assert card.verdict.text() == "Official number" and "OKX" in card.subject.text()


def test_an_unknown_number_gets_the_scam_warning(links, qtbot):
    links.number_input.setText("400 888 1234")
    links.check_number_button.click()
    qtbot.waitUntil(lambda: len(cards(links.number_results)) == 1, timeout=5000)
    text = " ".join(label.text() for label in cards(links.number_results)[0].reason_labels)
    assert "search results" in text and "self-custody" in text


def test_results_are_rendered_again_in_a_new_language(links, qtbot):
    links.links_input.setPlainText("https://0kx.com")
    links.check_links_button.click()
    qtbot.waitUntil(lambda: len(cards(links.link_results)) == 1, timeout=5000)
    before = cards(links.link_results)[0]
    language = links._context.language
    language.choose("zh_CN")
    after = cards(links.link_results)
    assert len(after) == 1 and after[0] is not before
    assert after[0].verdict.text() == language.translate("Look-alike: do not open")
    assert after[0].reason_labels[0].text().startswith(language.translate("Danger") + ": ")

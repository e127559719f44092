"""The link check on a table of real-looking phishing tricks, and its promises."""

from __future__ import annotations

import socket
import sys

import pytest

from anjian.core.accounts.links import Verdict, check_link, check_links

OFFICIAL = ["okx.com", "binance.com", "alipay.com", "https://www.wechat.com/", "imtoken.im"]

# (link, verdict, a reason id that must be among the reasons)
CASES = [
    # the real sites, however they are written
    ("https://www.okx.com/account/login", Verdict.OFFICIAL, "official-domain"),
    ("okx.com", Verdict.OFFICIAL, "official-domain"),
    ("HTTPS://WWW.OKX.COM", Verdict.OFFICIAL, "official-domain"),
    ("https://okx.com./", Verdict.OFFICIAL, "official-domain"),
    ("ＯＫＸ。ｃｏｍ", Verdict.OFFICIAL, "official-domain"),
    ("https://web.wechat.com", Verdict.OFFICIAL, "official-domain"),
    ("http://www.okx.com", Verdict.OFFICIAL, "not-https"),
    ("https://www.okx.com:8443/", Verdict.OFFICIAL, "unusual-port"),
    ("https://support@okx.com/", Verdict.OFFICIAL, "userinfo"),
    # the official name where it decides nothing
    ("https://okx.com.secure-login.example/", Verdict.LOOKALIKE, "official-in-subdomain"),
    ("https://www.okx.com-verify.top/login", Verdict.LOOKALIKE, "official-in-subdomain"),
    ("https://okx-com.account-safety.xyz", Verdict.LOOKALIKE, "official-in-subdomain"),
    ("https://binance.com.cn.kyc-check.net/", Verdict.LOOKALIKE, "official-in-subdomain"),
    ("https://okx.com@evil.example/", Verdict.LOOKALIKE, "official-in-userinfo"),
    ("https://www.okx.com%2Flogin@198.51.100.7/", Verdict.LOOKALIKE, "official-in-userinfo"),
    ("https://evil.example/www.okx.com/login", Verdict.LOOKALIKE, "official-in-path"),
    ("https://evil.example/?next=https://binance.com", Verdict.LOOKALIKE, "official-in-path"),
    ("https://evil.example\\@okx.com", Verdict.LOOKALIKE, "official-in-path"),
    # ASCII look-alikes
    ("https://0kx.com", Verdict.LOOKALIKE, "letter-swap"),
    ("https://blnance.com", Verdict.LOOKALIKE, "letter-swap"),
    ("https://b1nance.com", Verdict.LOOKALIKE, "letter-swap"),
    ("https://a1ipay.com", Verdict.LOOKALIKE, "letter-swap"),
    ("https://imtoken.im".replace("m", "rn", 1), Verdict.LOOKALIKE, "letter-swap"),
    ("https://vvechat.com", Verdict.LOOKALIKE, "letter-swap"),
    ("https://binnance.com", Verdict.LOOKALIKE, "misspelling"),
    ("https://binanace.com", Verdict.LOOKALIKE, "misspelling"),
    ("https://bianance.com", Verdict.LOOKALIKE, "misspelling"),
    ("https://alipy.com", Verdict.LOOKALIKE, "misspelling"),
    ("https://kox.com", Verdict.LOOKALIKE, "misspelling"),
    ("https://okx.co", Verdict.LOOKALIKE, "other-suffix"),
    ("https://binance.cc", Verdict.LOOKALIKE, "other-suffix"),
    ("https://alipay.com.cn", Verdict.LOOKALIKE, "other-suffix"),
    ("https://okx-login.com", Verdict.LOOKALIKE, "contains-name"),
    ("https://binance-login.com", Verdict.LOOKALIKE, "contains-name"),
    ("https://myalipay-service.cn", Verdict.LOOKALIKE, "contains-name"),
    ("https://imtoken-wallet.app", Verdict.LOOKALIKE, "contains-name"),
    # Unicode look-alikes
    ("https://оkx.com", Verdict.LOOKALIKE, "confusable"),  # Cyrillic о
    ("https://оkx.com", Verdict.LOOKALIKE, "mixed-scripts"),
    ("https://bіnance.com", Verdict.LOOKALIKE, "confusable"),  # Ukrainian і
    ("https://bìnance.com", Verdict.LOOKALIKE, "confusable"),
    ("https://xn--kx-emc.com", Verdict.LOOKALIKE, "idn"),  # оkx, as punycode
    ("https://аlipay.com", Verdict.LOOKALIKE, "confusable"),  # Cyrillic а
    # not official, not imitating
    ("https://example.org", Verdict.UNRELATED, "unrelated-domain"),
    ("https://box.com", Verdict.UNRELATED, "unrelated-domain"),
    ("https://bit.ly/3xYz", Verdict.UNRELATED, "shortener"),
    ("https://t.cn/A6xyz", Verdict.UNRELATED, "shortener"),
    ("http://192.168.1.1/", Verdict.UNRELATED, "ip-address"),
    ("http://3232235777/", Verdict.UNRELATED, "ip-address"),
    ("http://0x7f.1/", Verdict.UNRELATED, "ip-address"),
    ("http://[2001:db8::1]/", Verdict.UNRELATED, "ip-address"),
    ("https://intranet/", Verdict.UNRELATED, "no-public-domain"),
    ("https://例子.中国", Verdict.UNRELATED, "idn"),
    ("https://example.org:8080", Verdict.UNRELATED, "unusual-port"),
    # not links at all
    ("javascript:alert(document.cookie)", Verdict.INVALID, "not-web"),
    ("data:text/html;base64,PHNjcmlwdD4=", Verdict.INVALID, "not-web"),
    ("file:///etc/passwd", Verdict.INVALID, "not-web"),
    ("", Verdict.INVALID, "empty"),
    ("https://okx .com", Verdict.INVALID, "spaces"),
    ("https://exa_mple!.com", Verdict.INVALID, "bad-host"),
    ("https://okx.com:70000", Verdict.INVALID, "bad-port"),
    ("https://", Verdict.INVALID, "no-host"),
    ("https://xn--zz.com", Verdict.INVALID, "bad-host"),
]


@pytest.mark.parametrize("url, verdict, reason", CASES, ids=[c[0] or "empty" for c in CASES])
def test_verdicts_on_phishing_tricks(url, verdict, reason):
    result = check_link(url, OFFICIAL)
    ids = [r.id for r in result.reasons]
    assert (result.verdict, reason in ids) == (verdict, True), ids


def test_the_table_covers_at_least_thirty_tricks():
    assert len([c for c in CASES if c[1] is not Verdict.OFFICIAL]) >= 30


def test_the_registrable_domain_comes_from_the_public_suffix_list():
    assert check_link("https://a.b.example.com.cn/x", OFFICIAL).registrable_domain == \
        "example.com.cn"


def test_a_private_suffix_is_its_own_site():
    # github.io is a public suffix: one user's pages are not another's.
    result = check_link("https://evil.github.io", ["official.github.io"])
    assert result.verdict is not Verdict.OFFICIAL


def test_a_look_alike_names_the_official_domain_it_imitates():
    assert check_link("https://0kx.com", OFFICIAL).matched == "okx.com"


def test_an_unrelated_link_imitates_nothing():
    assert check_link("https://example.org", OFFICIAL).matched is None


def test_without_official_domains_only_tricks_are_checked():
    result = check_link("https://example.org", [])
    assert result.verdict is Verdict.UNRELATED
    assert [r.id for r in result.reasons] == ["no-official-domains"]


def test_unreadable_official_domains_are_skipped():
    assert check_link("https://okx.com", ["not a domain!", "okx.com"]).verdict is Verdict.OFFICIAL


def test_several_links_are_checked_in_order():
    results = check_links(["https://okx.com", "https://0kx.com"], OFFICIAL)
    assert [r.verdict for r in results] == [Verdict.OFFICIAL, Verdict.LOOKALIKE]


def test_danger_comes_before_caution_in_the_reasons():
    reasons = check_link("http://okx.com.evil.example:8080/", OFFICIAL).reasons
    severities = [r.severity.value for r in reasons]
    assert severities == sorted(severities, key=["danger", "caution", "ok"].index)


def test_the_check_never_touches_the_network(monkeypatch):
    def refuse(*args, **kwargs):
        raise AssertionError("network used")

    from anjian.core.accounts import hosts

    hosts.public_suffix_list.cache_clear()
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket.socket, "connect", refuse)
    for url, _, _ in CASES:
        check_link(url, OFFICIAL)
    assert "publicsuffixlist.update" not in sys.modules

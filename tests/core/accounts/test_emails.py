"""E-mail addresses: checked offline, normalised, typo-checked against popular providers."""

from __future__ import annotations

import socket

import pytest

from anjian.core.accounts.emails import mask_email, parse_email, suggest_domain, typo_hint
from anjian.core.accounts.problems import InputProblem


@pytest.mark.parametrize("typed, address", [
    ("zhang.wei@qq.com", "zhang.wei@qq.com"),
    ("Zhang.Wei@QQ.COM", "Zhang.Wei@qq.com"),
    ("  li@163.com ", "li@163.com"),
    ("user+tag@gmail.com", "user+tag@gmail.com"),
    ("王伟@例子.中国", "王伟@例子.中国"),
])
def test_valid_addresses_are_normalised(typed, address):
    assert parse_email(typed).address == address


@pytest.mark.parametrize("typed, problem_id", [
    ("", "email-empty"),
    ("zhangwei.qq.com", "email-no-at"),
    ("zhang wei@qq.com", "email-invalid"),
    ("zhangwei@qq", "email-invalid"),
    ("zhangwei@@qq.com", "email-invalid"),
    ("@qq.com", "email-invalid"),
    ("a" * 400 + "@qq.com", "email-too-long"),
])
def test_bad_addresses_say_what_is_wrong(typed, problem_id):
    with pytest.raises(InputProblem) as problem:
        parse_email(typed)
    assert problem.value.id == problem_id


def test_checking_an_address_never_touches_the_network(monkeypatch):
    def refuse(*args, **kwargs):
        raise AssertionError("network used")

    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    monkeypatch.setattr(socket.socket, "connect", refuse)
    assert parse_email("someone@a-domain-that-does-not-exist-anjian.com")


@pytest.mark.parametrize("typed, meant", [
    ("gmial.com", "gmail.com"), ("gmail.co", "gmail.com"), ("qq.con", "qq.com"),
    ("163.co", "163.com"), ("hotmial.com", "hotmail.com"), ("126.cm", "126.com"),
    ("foxmail.con", "foxmail.com"), ("outlok.com", "outlook.com"), ("yaho.com", "yahoo.com"),
    ("sina.con", "sina.com"), ("hotmial.con", "hotmail.com"), ("iclod.com", "icloud.com"),
])
def test_typos_of_popular_providers_get_a_suggestion(typed, meant):
    assert suggest_domain(typed) == meant


@pytest.mark.parametrize("domain", [
    "qq.com", "163.com", "sina.cn", "gmail.com", "yahoo.com.tw", "example.com", "mi.com",
    "qq.cn", "163.net", "company.com.cn", "ox.ac.uk",
])
def test_real_domains_get_no_suggestion(domain):
    assert suggest_domain(domain) is None


def test_the_hint_offers_the_whole_corrected_address():
    hint = typo_hint(parse_email("zhangwei@qq.con"))
    assert hint is not None and hint.params["suggestion"] == "zhangwei@qq.com"


def test_a_correct_address_has_no_hint():
    assert typo_hint(parse_email("zhangwei@qq.com")) is None


@pytest.mark.parametrize("address, shown", [
    ("zhangwei@qq.com", "zh***@qq.com"), ("li@163.com", "l***@163.com"), ("bad", "***"),
])
def test_masks_keep_the_start_and_the_domain(address, shown):
    assert mask_email(address) == shown

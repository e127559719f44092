"""Official channels: normalised by kind, their sources, the cited presets."""

from __future__ import annotations

import json

import pytest

from anjian.core.accounts.channels import (
    ChannelKind,
    ChannelSource,
    new_channel,
    normalise_value,
    pinned_domains,
    pinned_numbers,
    checked_in_official_app,
    from_preset,
    pinned_support,
    read_presets,
)
from anjian.core.accounts.problems import InputProblem
from anjian.core.document import DocumentError
from anjian.paths import resources_dir

from .helpers import T0, channel, with_accounts


@pytest.mark.parametrize("kind, typed, stored", [
    (ChannelKind.WEBSITE, "https://www.OKX.com/zh-hans", "www.okx.com"),
    (ChannelKind.WEBSITE, "okx.com", "okx.com"),
    (ChannelKind.WEBSITE, "例子.中国", "xn--fsqu00a.xn--fiqs8s"),
    (ChannelKind.PHONE, "95 188", "+8695188"),
    (ChannelKind.SUPPORT_PAGE, "www.okx.com/help", "https://www.okx.com/help"),
    (ChannelKind.APP, "  OKX   App ", "OKX App"),
    (ChannelKind.IN_APP_CHAT, "Me → Customer service", "Me → Customer service"),
])
def test_values_are_normalised_by_kind(kind, typed, stored):
    assert normalise_value(kind, typed, "CN") == stored


@pytest.mark.parametrize("kind, typed", [
    (ChannelKind.WEBSITE, "192.168.1.1"),
    (ChannelKind.WEBSITE, "localhost"),
    (ChannelKind.WEBSITE, ""),
    (ChannelKind.PHONE, "call us"),
    (ChannelKind.SUPPORT_PAGE, "javascript:alert(1)"),
    (ChannelKind.APP, "x" * 400),
])
def test_unusable_values_are_refused_with_a_reason(kind, typed):
    with pytest.raises(InputProblem):
        normalise_value(kind, typed, "CN")


def test_an_internationalised_domain_is_shown_in_unicode():
    assert new_channel("c", "a0", ChannelKind.WEBSITE, "例子.中国", ChannelSource.OFFICIAL_SITE,
                       T0, "CN").shown() == "例子.中国"


@pytest.mark.parametrize("source, trusted", [
    (ChannelSource.OFFICIAL_APP, True), (ChannelSource.PRESET, True),
    (ChannelSource.SEARCH, False), (ChannelSource.MESSAGE, False),
])
def test_channels_from_searches_and_messages_are_not_trusted(source, trusted):
    assert new_channel("c", "a0", ChannelKind.PHONE, "95188", source, T0, "CN").trusted is trusted


def test_pinned_domains_include_support_pages_and_can_be_per_account():
    state = with_accounts("OKX", "Alipay")
    state = channel(state, "w1", "a0", ChannelKind.WEBSITE, "okx.com")
    state = channel(state, "s1", "a0", ChannelKind.SUPPORT_PAGE, "https://support.okx.com/help")
    state = channel(state, "w2", "a1", ChannelKind.WEBSITE, "alipay.com")
    channels = state.account_details.channels
    assert pinned_domains(channels) == ["okx.com", "alipay.com", "support.okx.com"]
    assert pinned_domains(channels, "a1") == ["alipay.com"]


def test_pinned_numbers_carry_their_account():
    state = channel(with_accounts("Alipay"), "n1", "a0", ChannelKind.PHONE, "95188")
    assert [(p.key, p.account_id) for p in pinned_numbers(state.account_details.channels)] == [
        ("+8695188", "a0")]


def test_pinned_support_describes_the_trusted_support_channels_for_the_playbook():
    state = with_accounts("Alipay")
    state = channel(state, "n1", "a0", ChannelKind.PHONE, "95188")
    state = channel(state, "n2", "a0", ChannelKind.PHONE, "400 123 4567", ChannelSource.SEARCH)
    state = channel(state, "c1", "a0", ChannelKind.IN_APP_CHAT, "Me → Customer service")
    assert pinned_support(state, "a0") == "95188; Me → Customer service"
    assert pinned_support(state, "nobody") is None


def test_the_shipped_presets_are_valid_and_every_channel_cites_a_source():
    doc = json.loads((resources_dir() / "content" / "channel_presets.json").read_text("utf-8"))
    for preset in read_presets(doc):
        assert all(c.source_url.startswith("https://") and c.source_title for c in preset.channels)


def preset_doc(source, *extra):
    return {"presets": [{"id": "svc", "name": "Service", "channels": [
        {"kind": "website", "value": "service.example", **({"source": source} if source else {})},
        *extra,
    ]}]}


OWN_SOURCE = {"url": "https://www.service.example/about", "title": "About us",
              "retrieved": "2026-01-01"}


def test_a_preset_with_a_full_source_is_read():
    presets = read_presets(preset_doc({"url": "https://service.example/about",
                                       "title": "About us", "retrieved": "2026-01-01"}))
    assert presets[0].channels[0].source_url == "https://service.example/about"


@pytest.mark.parametrize("source", [
    None,
    {"url": "https://service.example/about", "title": "About us"},
    {"url": "http://service.example/about", "title": "About us", "retrieved": "2026-01-01"},
    {"url": "https://service.example/about", "title": "About us", "retrieved": "soon"},
])
def test_a_preset_without_a_proper_source_is_refused(source):
    with pytest.raises(DocumentError):
        read_presets(preset_doc(source))


def test_a_preset_citing_a_copy_on_another_site_is_refused():
    with pytest.raises(DocumentError):
        read_presets(preset_doc({**OWN_SOURCE, "url": "https://service-mirror.example/about"}))


def test_a_preset_number_must_cite_a_page_of_the_services_own_website():
    number = {"kind": "phone", "value": "95188", "source": {
        **OWN_SOURCE, "url": "https://help.service.example/contact"}}
    assert read_presets(preset_doc(OWN_SOURCE, number))[0].channels[1].value == "95188"
    elsewhere = {**number, "source": {**OWN_SOURCE, "url": "https://numbers.example/svc"}}
    with pytest.raises(DocumentError):
        read_presets(preset_doc(OWN_SOURCE, elsewhere))


def test_the_chosen_preset_channels_are_recorded_with_their_source():
    number = {"kind": "phone", "value": "95188", "source": OWN_SOURCE}
    preset = read_presets(preset_doc(OWN_SOURCE, number))[0]
    found = from_preset(preset, [1], "a0", ["c1"], T0, "CN")
    assert [(c.id, c.kind, c.value, c.source, c.preset) for c in found] == [
        ("c1", ChannelKind.PHONE, "+8695188", ChannelSource.PRESET, "svc")]
    assert "https://www.service.example/about" in found[0].note and "2026-01-01" in found[0].note


def test_a_channel_checked_in_the_official_app_is_trusted():
    found = new_channel("n1", "a0", ChannelKind.PHONE, "95188", ChannelSource.SEARCH, T0, "CN")
    assert not found.trusted and checked_in_official_app(found).trusted

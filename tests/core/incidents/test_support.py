"""The playbook shows the official support channel pinned on the Accounts page (#5)."""

from __future__ import annotations

from datetime import datetime, timezone

from anjian.core.accounts import changes
from anjian.core.accounts.channels import ChannelKind, ChannelSource, new_channel
from anjian.core.incidents.support import pinned_support
from anjian.core.state import AccountKind, State

NOW = datetime(2026, 5, 4, 10, 0, tzinfo=timezone.utc)


def with_channel(source: ChannelSource) -> State:
    state = changes.add_account("w", "OK 钱包", AccountKind.WALLET, "", NOW)(State.empty(NOW))
    channel = new_channel("ch1", "w", ChannelKind.IN_APP_CHAT, "我的 → 帮助中心 → 在线客服",
                          source, NOW, "CN")
    return changes.add_channel(channel)(state)


def test_a_trusted_support_channel_is_shown():
    assert "在线客服" in (pinned_support(with_channel(ChannelSource.OFFICIAL_APP), "w") or "")


def test_a_channel_from_a_search_result_is_never_offered():
    assert pinned_support(with_channel(ChannelSource.SEARCH), "w") is None


def test_an_account_without_channels_has_none():
    state = changes.add_account("w", "OK 钱包", AccountKind.WALLET, "", NOW)(State.empty(NOW))
    assert pinned_support(state, "w") is None

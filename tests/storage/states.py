"""Example states for storage tests."""

from __future__ import annotations

from datetime import datetime, timezone

from anjian.core.state import Account, AccountKind, State

CREATED = datetime(2026, 1, 2, 3, 4, 5, tzinfo=timezone.utc)
_NAMES = ["OK 钱包", "IM Wallet", "微信", "支付宝", "旺商聊", "Gmail", "币安 Binance", "QQ 邮箱"]


def with_accounts(count: int, tag: str = "") -> State:
    """A state of ``count`` accounts; ``tag`` makes two states differ."""
    kinds = list(AccountKind)
    accounts = tuple(
        Account(
            id=f"acct-{i:04d}{tag}",
            name=f"{_NAMES[i % len(_NAMES)]} {i}",
            kind=kinds[i % len(kinds)],
            notes=f"主要账户 #{i} — 备注 {tag}",
            created=CREATED,
        )
        for i in range(count)
    )
    return State(created=CREATED, accounts=accounts)

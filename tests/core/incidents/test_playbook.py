"""The playbook's order per kind of account."""

from __future__ import annotations

import pytest

from anjian.core.incidents.playbook import PLAYBOOKS, STEPS, steps_for
from anjian.core.state import AccountKind


def ids(kind: AccountKind) -> list[str]:
    return [s.id for s in steps_for(kind)]


def test_every_kind_has_a_playbook():
    assert set(PLAYBOOKS) == set(AccountKind)


@pytest.mark.parametrize("kind", [k for k in AccountKind if k is not AccountKind.WALLET])
def test_the_recovery_email_is_secured_first(kind):
    assert ids(kind)[0] == "secure-email"


def test_a_wallet_moves_its_funds_before_anything_else():
    assert ids(AccountKind.WALLET)[:2] == ["move-funds", "secure-email"]


@pytest.mark.parametrize("kind", list(AccountKind))
def test_the_password_is_changed_before_support_is_contacted(kind):
    order = ids(kind)
    assert order.index("change-password") < order.index("sign-out-sessions") < order.index(
        "contact-support")


@pytest.mark.parametrize("kind", [AccountKind.PAYMENT, AccountKind.WALLET, AccountKind.EXCHANGE,
                                  AccountKind.CHAT])
def test_money_accounts_freeze_payments_after_contacting_support(kind):
    order = ids(kind)
    assert order.index("contact-support") < order.index("freeze-payments") < order.index(
        "review-activity")


@pytest.mark.parametrize("kind", [AccountKind.EMAIL, AccountKind.OTHER])
def test_accounts_without_money_have_no_freeze_step(kind):
    assert "freeze-payments" not in ids(kind)


def test_chat_accounts_warn_contacts():
    assert "warn-contacts" in ids(AccountKind.CHAT)


@pytest.mark.parametrize("kind", list(AccountKind))
def test_police_come_after_the_review_and_the_after_recovery_steps_come_last(kind):
    order = ids(kind)
    assert order.index("review-activity") < order.index("report-police")
    assert order[-3:] == ["new-password", "enable-2fa", "check-bindings"]
    assert all(STEPS[i].after_recovery for i in order[-3:])
    assert not any(STEPS[i].after_recovery for i in order[:-3])


def test_the_police_step_names_110_and_96110_and_the_local_police():
    detail = STEPS["report-police"].detail
    assert "110" in detail and "96110" in detail and "local police" in detail


def test_steps_link_to_the_sections_that_help():
    assert STEPS["change-password"].section == "passwords"
    assert STEPS["enable-2fa"].section == "two-factor"
    assert STEPS["check-bindings"].section == "accounts"
    assert STEPS["contact-support"].section == "links"


@pytest.mark.parametrize("kind", list(AccountKind))
def test_no_step_appears_twice(kind):
    assert len(ids(kind)) == len(set(ids(kind)))

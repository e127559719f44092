"""The 2FA map: accounts from the state, a record per account, weaker methods explained."""

from __future__ import annotations

from anjian.core.twofactor.records import Method

from .helpers import add_accounts, open_page


def test_without_accounts_the_map_points_to_the_accounts_page(qtbot, open_window):
    tab = open_page(qtbot, open_window()).map_tab
    assert tab.empty.isVisible() and "Accounts page" in tab.empty.text()
    assert not tab.table.isVisible()


def test_every_account_is_listed_as_not_recorded_yet(qtbot, open_window):
    shell = open_window()
    tab = open_page(qtbot, shell).map_tab
    add_accounts(qtbot, shell, "OK Wallet", "WeChat")
    qtbot.waitUntil(lambda: tab.table.rowCount() == 2)
    assert {tab.table.item(r, 0).text() for r in range(2)} == {"OK Wallet", "WeChat"}
    assert tab.table.item(0, 1).text() == "Not recorded"
    assert "not recorded yet" in tab.findings.text()


def test_choosing_sms_explains_why_it_is_weaker(qtbot, open_window):
    shell = open_window()
    tab = open_page(qtbot, shell).map_tab
    add_accounts(qtbot, shell, "OK Wallet")
    qtbot.waitUntil(lambda: tab.table.rowCount() == 1)
    assert not tab.weaker.isVisible()
    tab.method.setCurrentIndex(list(Method).index(Method.SMS))
    assert tab.weaker.isVisible()
    assert "restricted" in tab.weaker.text() and "SIM swap" in tab.weaker.text()


def test_saving_a_record_stores_it_and_updates_the_findings(qtbot, open_window):
    shell = open_window()
    tab = open_page(qtbot, shell).map_tab
    wallet, _ = add_accounts(qtbot, shell, "OK Wallet", "WeChat")
    qtbot.waitUntil(lambda: tab.table.rowCount() == 2)
    tab.select_account(wallet)
    tab.method.setCurrentIndex(list(Method).index(Method.AUTHENTICATOR))
    tab.device.setText("iPhone, Google Authenticator")
    tab.verified.setChecked(True)
    tab.save_button.click()
    qtbot.waitUntil(lambda: shell.window.context.state.two_factor.record(wallet) is not None)
    record = shell.window.context.state.two_factor.record(wallet)
    assert record.method is Method.AUTHENTICATOR and record.last_verified is not None
    assert "If you lose “iPhone, Google Authenticator”" in tab.findings.text()
    assert "Should fix" in tab.findings.text()
    row = next(r for r in range(2) if tab.table.item(r, 0).text() == "OK Wallet")
    assert tab.table.item(row, 1).text() == "Authenticator app"


def test_recording_where_the_recovery_codes_are_clears_the_one_phone_finding(qtbot, open_window):
    shell = open_window()
    tab = open_page(qtbot, shell).map_tab
    (wallet,) = add_accounts(qtbot, shell, "OK Wallet")
    qtbot.waitUntil(lambda: tab.table.rowCount() == 1)
    tab.method.setCurrentIndex(list(Method).index(Method.AUTHENTICATOR))
    tab.device.setText("Pixel")
    tab.recovery.setText("printed, in the desk drawer")
    tab.save_button.click()
    qtbot.waitUntil(lambda: shell.window.context.state.two_factor.record(wallet) is not None)
    assert tab.findings.text() == ""

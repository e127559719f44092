"""The Accounts page: the register, bound contacts, the drill, official channels."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton

from anjian.core.accounts import changes
from anjian.core.accounts.channels import ChannelKind, ChannelSource
from anjian.core.accounts.contacts import ContactKind, mark_no_longer_mine, new_contact
from anjian.core.state import AccountKind, State
from anjian.storage.lock import SaveLock
from anjian.storage.store import StateStore
from anjian.ui import messages
from anjian.ui.accounts.help_dialogs import CodeDrillDialog, TroubleshootingDialog

from ..backup_helpers import page, saved_state, wait_loaded
from ..conftest import MemoryVault

NOW = datetime.now(timezone.utc)


def seeded(tmp_path: Path, lost: bool = False) -> MemoryVault:
    vault = MemoryVault()
    store = StateStore(vault, SaveLock(tmp_path / "seed.lock"))
    state = changes.add_account("okx", "OKX", AccountKind.EXCHANGE, "", NOW)(State.empty(NOW))
    state = changes.add_account("wx", "微信", AccountKind.CHAT, "", NOW)(state)
    contact = new_contact("p1", ContactKind.PHONE, "13800138000", NOW, "CN")
    state = changes.add_contact("okx", contact)(state)
    state = changes.add_contact("wx", contact)(state)
    if lost:
        state = changes.change_contact("p1", lambda c: mark_no_longer_mine(c, NOW))(state)
    store.update(lambda _s: state)
    return vault


@pytest.fixture
def opened(open_window, qtbot, tmp_path):
    def build(lost: bool = False):
        shell = open_window(vault=seeded(tmp_path, lost))
        wait_loaded(qtbot, shell)
        accounts = page(shell, "accounts")
        qtbot.waitUntil(lambda: accounts.list.count() == 2, timeout=5000)
        return shell, accounts

    return build


def select(accounts, name: str) -> None:
    for row in range(accounts.list.count()):
        if accounts.list.item(row).data(Qt.ItemDataRole.UserRole) and \
                accounts.list.item(row).text().startswith(name):
            accounts.list.setCurrentRow(row)
            return
    raise AssertionError(name)


def button(widget, name: str) -> QPushButton:
    found = [b for b in widget.findChildren(QPushButton) if b.accessibleName() == name]
    assert found, name
    return found[0]


def test_the_list_shows_every_account(opened):
    _, accounts = opened()
    assert {accounts.list.item(r).text().split(" ")[0] for r in range(2)} == {"OKX", "微信"}


def test_adding_an_account_saves_it_and_selects_it(opened, qtbot):
    shell, accounts = opened()
    accounts.new_account()
    accounts.panel.name.setText("  支付宝  ")
    accounts.panel.kind.setCurrentIndex(accounts.panel.kind.findData(AccountKind.PAYMENT.value))
    qtbot.mouseClick(accounts.panel.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: accounts.list.count() == 3, timeout=5000)
    saved = [a for a in saved_state(shell).accounts if a.name == "支付宝"]
    assert saved and saved[0].kind is AccountKind.PAYMENT
    assert accounts.panel.account is not None and accounts.panel.account.name == "支付宝"


def test_an_empty_name_is_refused_in_words(opened):
    _, accounts = opened()
    accounts.new_account()
    accounts.panel.save_button.click()
    assert "name" in accounts.panel.account_error.text()


def test_editing_an_account_saves_the_new_name(opened, qtbot):
    shell, accounts = opened()
    select(accounts, "OKX")
    accounts.panel.name.setText("OKX (main)")
    accounts.panel.save_button.click()
    qtbot.waitUntil(lambda: saved_state(shell).account("okx").name == "OKX (main)", timeout=5000)


def test_removing_an_account_asks_first(opened, qtbot, monkeypatch):
    shell, accounts = opened()
    select(accounts, "OKX")
    monkeypatch.setattr(messages, "confirm", lambda *a: True)
    accounts.remove_button.click()
    qtbot.waitUntil(lambda: accounts.list.count() == 1, timeout=5000)
    assert saved_state(shell).account("okx") is None


def test_contacts_are_shown_masked(opened):
    _, accounts = opened()
    select(accounts, "OKX")
    texts = [label.text() for label in accounts.panel.contacts_box.findChildren(type(
        accounts.panel.contacts_hint))]
    assert any("138****8000" in t for t in texts)
    assert not any("13800138000" in t for t in texts)


def test_binding_a_phone_normalises_it(opened, qtbot):
    shell, accounts = opened()
    select(accounts, "OKX")
    accounts.panel.contact_input.setText("139 0013 9000")
    accounts.panel.add_contact_button.click()
    qtbot.waitUntil(lambda: len(saved_state(shell).account_details.contacts) == 2, timeout=5000)
    assert saved_state(shell).account_details.contacts[1].value == "+8613900139000"


def test_a_bad_number_is_explained_and_nothing_is_saved(opened):
    shell, accounts = opened()
    select(accounts, "OKX")
    accounts.panel.contact_input.setText("12345")
    accounts.panel.add_contact_button.click()
    assert accounts.panel.contact_message.text()
    assert accounts.panel.contact_input.text() == "12345"


def test_a_mistyped_email_domain_gets_a_suggestion(opened, qtbot):
    _, accounts = opened()
    select(accounts, "OKX")
    panel = accounts.panel
    panel.contact_kind.setCurrentIndex(panel.contact_kind.findData(ContactKind.EMAIL.value))
    panel.contact_input.setText("wei@qq.con")
    panel.add_contact_button.click()
    assert "wei@qq.com" in panel.contact_message.text()
    assert not panel.use_suggestion.isHidden()
    panel.use_suggestion.click()
    assert panel.contact_input.text() == "wei@qq.com"


def test_confirming_still_mine_records_the_date(opened, qtbot):
    shell, accounts = opened()
    later = NOW + timedelta(days=200)
    accounts.clock = lambda: later
    select(accounts, "OKX")
    button(accounts.panel, "Still mine 138****8000").click()
    qtbot.waitUntil(lambda: saved_state(shell).account_details.contact("p1").confirmed
                    > NOW + timedelta(days=199), timeout=5000)


def test_marking_no_longer_mine_warns_loudly_on_the_page(opened, qtbot, monkeypatch):
    shell, accounts = opened()
    select(accounts, "OKX")
    asked = []
    monkeypatch.setattr(messages, "confirm", lambda *a: asked.append(a) or True)
    button(accounts.panel, "No longer mine… 138****8000").click()
    qtbot.waitUntil(lambda: not accounts.banner.isHidden(), timeout=5000)
    assert "138****8000" in asked[0][2]
    assert accounts.banner_text.text().startswith("Warning")
    assert "Rebind" in accounts.banner_text.text()


def test_a_lost_contact_shows_the_banner_with_rebind_steps_at_once(opened):
    _, accounts = opened(lost=True)
    text = accounts.banner_text.text()
    assert not accounts.banner.isHidden() and "1." in text and "carrier" in text


def test_the_code_drill_records_when_the_code_arrived(opened, qtbot):
    shell, accounts = opened()
    select(accounts, "OKX")
    button(accounts.panel, "Receive a code now… 138****8000").click()
    dialog = accounts.panel.findChild(CodeDrillDialog)
    assert dialog is not None and "OKX" in dialog.target.text()
    dialog.arrived.click()
    qtbot.waitUntil(lambda: saved_state(shell).account_details.contact("p1").binding("okx")
                    .code_received is not None, timeout=5000)


def test_the_drill_leads_to_troubleshooting_when_no_code_arrives(opened, qtbot):
    _, accounts = opened()
    select(accounts, "OKX")
    button(accounts.panel, "Receive a code now… 138****8000").click()
    accounts.panel.findChild(CodeDrillDialog).not_arrived.click()
    qtbot.waitUntil(lambda: any(d.isVisible() for d in
                                accounts.panel.findChildren(TroubleshootingDialog)), timeout=5000)


def test_the_troubleshooting_page_lists_the_causes(opened):
    _, accounts = opened()
    select(accounts, "OKX")
    accounts.panel.troubleshoot_button.click()
    dialog = accounts.panel.findChild(TroubleshootingDialog)
    text = " ".join(label.text() for label in dialog.findChildren(type(accounts.title)))
    for word in ("airplane mode", "spam", "5 to 15 minutes", "Resend"):
        assert word in text


def test_adding_an_official_website_normalises_it(opened, qtbot):
    shell, accounts = opened()
    select(accounts, "OKX")
    panel = accounts.panel
    panel.channel_kind.setCurrentIndex(panel.channel_kind.findData(ChannelKind.WEBSITE.value))
    panel.channel_input.setText("https://www.OKX.com/zh-hans")
    panel.channel_source.setCurrentIndex(panel.channel_source.findData(
        ChannelSource.OFFICIAL_APP.value))
    panel.add_channel_button.click()
    qtbot.waitUntil(lambda: len(saved_state(shell).account_details.channels) == 1, timeout=5000)
    assert saved_state(shell).account_details.channels[0].value == "www.okx.com"


def test_a_channel_from_a_search_result_is_flagged_in_words(opened, qtbot):
    _, accounts = opened()
    select(accounts, "OKX")
    panel = accounts.panel
    panel.channel_kind.setCurrentIndex(panel.channel_kind.findData(ChannelKind.PHONE.value))
    panel.channel_input.setText("400 123 4567")
    panel.channel_source.setCurrentIndex(panel.channel_source.findData(ChannelSource.SEARCH.value))
    panel.add_channel_button.click()
    qtbot.waitUntil(lambda: any("check it in the official app" in label.text() for label in
                                panel.channels_box.findChildren(type(panel.contacts_hint))),
                    timeout=5000)


def test_every_control_has_an_accessible_name(opened):
    _, accounts = opened()
    select(accounts, "OKX")
    from PySide6.QtWidgets import QComboBox, QLineEdit, QPlainTextEdit

    unnamed = [w for kind in (QPushButton, QLineEdit, QComboBox, QPlainTextEdit)
               for w in accounts.findChildren(kind)
               if w.isVisibleTo(accounts) and not w.accessibleName()]
    assert not unnamed, [type(w).__name__ + ":" + getattr(w, "text", lambda: "")()
                         for w in unnamed]


def test_an_official_app_is_recorded_with_its_store(opened, qtbot):
    shell, accounts = opened()
    select(accounts, "OKX")
    panel = accounts.panel
    assert not panel.channel_store.isVisibleTo(panel)
    panel.channel_kind.setCurrentIndex(panel.channel_kind.findData(ChannelKind.APP.value))
    assert panel.channel_store.isVisibleTo(panel)
    panel.channel_input.setText("OKX")
    panel.channel_store.setCurrentText("Huawei AppGallery")
    panel.add_channel_button.click()
    qtbot.waitUntil(lambda: len(saved_state(shell).account_details.channels) == 1, timeout=5000)
    assert saved_state(shell).account_details.channels[0].store == "Huawei AppGallery"


def test_a_channel_found_in_the_official_app_is_no_longer_flagged(opened, qtbot):
    shell, accounts = opened()
    select(accounts, "OKX")
    panel = accounts.panel
    panel.channel_kind.setCurrentIndex(panel.channel_kind.findData(ChannelKind.PHONE.value))
    panel.channel_input.setText("400 123 4567")
    panel.channel_source.setCurrentIndex(panel.channel_source.findData(ChannelSource.SEARCH.value))
    panel.add_channel_button.click()
    qtbot.waitUntil(lambda: any(b.accessibleName() == "Found it in the official app 400 123 4567"
                                for b in panel.findChildren(QPushButton)), timeout=5000)
    button(panel, "Found it in the official app 400 123 4567").click()
    qtbot.waitUntil(lambda: all(c.trusted for c in saved_state(shell).account_details.channels),
                    timeout=5000)
    assert saved_state(shell).account_details.channels[0].source is ChannelSource.OFFICIAL_APP


def example_preset():
    from anjian.core.accounts.channels import read_presets

    source = {"url": "https://www.service.example/security", "title": "Official channels",
              "retrieved": "2026-01-05"}
    return read_presets({"presets": [{"id": "svc", "name": "Service", "channels": [
        {"kind": "website", "value": "service.example", "source": source},
        {"kind": "phone", "value": "95188", "source": source},
    ]}]})


def test_a_preset_is_recorded_only_after_the_user_confirms_its_sources(opened, qtbot):
    from anjian.ui.accounts.preset_dialog import PresetDialog

    shell, accounts = opened()
    select(accounts, "OKX")
    panel = accounts.panel
    panel.presets = example_preset()
    panel.preset_button.click()
    dialog = panel.preset_dialog
    assert isinstance(dialog, PresetDialog)
    text = " ".join(label.text() for label in dialog.findChildren(type(panel.contacts_hint)))
    assert "https://www.service.example/security" in text and "2026-01-05" in text
    dialog.boxes[1].setChecked(True)
    assert not dialog.add.isEnabled()  # ticking is not enough: the sources must be checked
    dialog.confirm.setChecked(True)
    assert dialog.add.isEnabled()
    dialog.add.click()
    qtbot.waitUntil(lambda: len(saved_state(shell).account_details.channels) == 1, timeout=5000)
    recorded = saved_state(shell).account_details.channels[0]
    assert (recorded.value, recorded.source, recorded.preset) == (
        "+8695188", ChannelSource.PRESET, "svc")


def test_without_shipped_presets_the_dialog_says_to_record_by_hand(opened):
    _, accounts = opened()
    select(accounts, "OKX")
    accounts.panel.presets = ()
    accounts.panel.preset_button.click()
    dialog = accounts.panel.preset_dialog
    assert "by hand" in dialog.intro.text() and not dialog.add.isVisibleTo(dialog)


def test_the_shipped_presets_open_without_error(opened):
    _, accounts = opened()
    select(accounts, "OKX")
    accounts.panel.preset_button.click()
    assert accounts.panel.preset_dialog is not None

"""The vault: adding by link, key, image or export; codes; reveal; copy; export; delete."""

from __future__ import annotations

import base64
from datetime import datetime, timedelta, timezone
from urllib.parse import quote

import pytest
from PySide6.QtGui import QGuiApplication

from anjian.core.twofactor.migration import payload_class
from anjian.core.twofactor.otpauth import parse_uri
from anjian.core.twofactor.secret import grouped
from anjian.core.twofactor.totp import code_at
from anjian.ui import messages
from anjian.ui.qr import QrCodeView, decode_qr, render_qr

from .helpers import open_page

SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"
LINK = f"otpauth://totp/Bank:alice?secret={SECRET}&issuer=Bank"


def vault(qtbot, open_window):
    shell = open_window()
    return shell, open_page(qtbot, shell, "vault").vault_tab


def add(qtbot, shell, tab, text: str, issuer: str = "", account: str = "") -> None:
    tab.source.setPlainText(text)
    tab.issuer.setText(issuer)
    tab.account.setText(account)
    tab.add_button.click()
    qtbot.waitUntil(lambda: shell.worker.pending == 0)


def only_row(qtbot, tab):
    qtbot.waitUntil(lambda: len(tab.rows) == 1
                    and next(iter(tab.rows.values())).code_value is not None)
    return next(iter(tab.rows.values()))


def test_a_pasted_link_becomes_an_entry_with_a_live_code(qtbot, open_window):
    shell, tab = vault(qtbot, open_window)
    assert tab.empty.isVisible()
    add(qtbot, shell, tab, LINK)
    row = only_row(qtbot, tab)
    now = datetime.now(timezone.utc)
    key = parse_uri(LINK).key
    assert row.code_value in {code_at(key, now + timedelta(seconds=d)) for d in (-30, 0, 30)}
    assert row.title.text() == "Bank: alice" and "Added 1 of 1" in tab.report.text()
    assert row.code.text().replace(" ", "") == row.code_value
    assert 0 < row.countdown.value() <= 30 and tab.source.toPlainText() == ""


def test_the_secret_is_in_its_own_keyring_entry_not_in_the_document(qtbot, open_window):
    shell, tab = vault(qtbot, open_window)
    add(qtbot, shell, tab, LINK)
    row = only_row(qtbot, tab)
    assert shell.vault.values[f"secret.{row.entry.secret_id}"]
    assert SECRET not in shell.vault.values["state"]


def test_a_typed_80_bit_key_is_added_with_a_warning_that_it_is_short(qtbot, open_window):
    shell, tab = vault(qtbot, open_window)
    add(qtbot, shell, tab, "jbsw y3dp ehpk 3pxp", issuer="Old Forum")
    row = only_row(qtbot, tab)
    assert "80-bit" in row.details.text() and "only 80 bits" in tab.report.text()


def test_a_bad_link_adds_nothing_and_says_why(qtbot, open_window):
    shell, tab = vault(qtbot, open_window)
    add(qtbot, shell, tab, LINK + "&digits=12")
    assert tab.rows == {} and "Nothing was added." in tab.report.text()
    assert "6 to 8" in tab.report.text()


def test_an_export_with_a_hotp_entry_reports_it_skipped(qtbot, open_window):
    shell, tab = vault(qtbot, open_window)
    payload = payload_class()(batch_size=1)
    payload.otp_parameters.add(secret=b"a" * 20, name=b"carol", issuer=b"Mail", type=2)
    payload.otp_parameters.add(secret=b"b" * 20, name=b"dave", issuer=b"Forum", type=1)
    data = quote(base64.b64encode(payload.SerializeToString()).decode(), safe="")
    add(qtbot, shell, tab, f"otpauth-migration://offline?data={data}")
    only_row(qtbot, tab)
    assert "Added 1 of 2" in tab.report.text()
    assert "Skipped “Forum: dave”: It is counter-based (HOTP)" in tab.report.text()


def test_a_qr_image_file_is_decoded_and_added(qtbot, open_window, tmp_path, monkeypatch):
    shell, tab = vault(qtbot, open_window)
    path = tmp_path / "screenshot.png"
    render_qr(LINK).save(str(path))
    monkeypatch.setattr(tab, "choose_image_files", lambda: [str(path)])
    tab.image_button.click()
    qtbot.waitUntil(lambda: shell.worker.pending == 0)
    assert only_row(qtbot, tab).title.text() == "Bank: alice"


def test_an_image_without_a_qr_code_says_so(qtbot, open_window, tmp_path, monkeypatch):
    shell, tab = vault(qtbot, open_window)
    path = tmp_path / "blank.png"
    blank = render_qr("x")
    blank.fill(0xFF)
    blank.save(str(path))
    monkeypatch.setattr(tab, "choose_image_files", lambda: [str(path)])
    tab.image_button.click()
    qtbot.waitUntil(lambda: shell.worker.pending == 0)
    assert "No QR code was found" in tab.report.text() and not tab.status.isVisible()


def test_the_secret_is_hidden_until_asked_and_hides_itself_again(qtbot, open_window):
    shell, tab = vault(qtbot, open_window)
    add(qtbot, shell, tab, LINK)
    row = only_row(qtbot, tab)
    assert not row.revealed and SECRET[:4] not in row.secret.text()
    assert row.hide_timer.interval() == 30_000
    row.hide_timer.setInterval(100)
    row.reveal_button.click()
    qtbot.waitUntil(lambda: row.revealed)
    assert row.secret.text() == grouped(parse_uri(LINK).key.secret)
    assert row.reveal_button.text() == "Hide secret"
    qtbot.waitUntil(lambda: not row.revealed, timeout=2000)
    assert row.secret.text() == ""


def test_copying_a_code_puts_it_on_the_clipboard_until_it_is_cleared(qtbot, open_window):
    shell, tab = vault(qtbot, open_window)
    add(qtbot, shell, tab, LINK)
    row = only_row(qtbot, tab)
    tab.clipboard._timer.setInterval(100)
    row.copy_button.click()
    assert QGuiApplication.clipboard().text() == row.code_value
    assert "cleared in 15 s" in tab.status.text()
    qtbot.waitUntil(lambda: QGuiApplication.clipboard().text() == "", timeout=2000)


@pytest.mark.parametrize("confirmed", [False, True])
def test_export_as_qr_asks_first_naming_the_risk(qtbot, open_window, monkeypatch, confirmed):
    shell, tab = vault(qtbot, open_window)
    add(qtbot, shell, tab, LINK)
    row = only_row(qtbot, tab)
    asked: list[str] = []
    monkeypatch.setattr(messages, "confirm",
                        lambda parent, title, text, label: asked.append(text) or confirmed)
    row.export_button.click()
    qtbot.waitUntil(lambda: shell.worker.pending == 0)
    assert "photographs" in asked[0] and "Bank: alice" in asked[0]
    dialog = getattr(tab, "export_dialog", None)
    if not confirmed:
        assert dialog is None
        return
    view = dialog.findChild(QrCodeView)
    exported = parse_uri(decode_qr(view.grab_code())[0])
    assert exported.key == parse_uri(LINK).key and exported.issuer == "Bank"
    dialog.reject()


def test_deleting_an_entry_deletes_its_keyring_secret(qtbot, open_window, monkeypatch):
    shell, tab = vault(qtbot, open_window)
    add(qtbot, shell, tab, LINK)
    row = only_row(qtbot, tab)
    name = f"secret.{row.entry.secret_id}"
    monkeypatch.setattr(messages, "confirm", lambda *args: True)
    row.delete_button.click()
    qtbot.waitUntil(lambda: tab.rows == {})
    assert name not in shell.vault.values and tab.empty.isVisible()


def test_the_same_entry_twice_is_not_added_again(qtbot, open_window):
    shell, tab = vault(qtbot, open_window)
    add(qtbot, shell, tab, LINK)
    only_row(qtbot, tab)
    add(qtbot, shell, tab, LINK)
    assert len(tab.rows) == 1 and "already in the backup" in tab.report.text()


def test_leaving_the_vault_hides_a_revealed_secret(qtbot, open_window):
    shell = open_window()
    page = open_page(qtbot, shell, "vault")
    tab = page.vault_tab
    add(qtbot, shell, tab, LINK)
    row = only_row(qtbot, tab)
    row.reveal_button.click()
    qtbot.waitUntil(lambda: row.revealed)
    page.tabs.setCurrentWidget(page.map_tab)
    assert not row.revealed

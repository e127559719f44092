"""The Incident page: the playbook for a stolen account, checked off with times, notes, evidence."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QPushButton

from anjian.core.incidents.incident import Status
from anjian.core.incidents.playbook import steps_for
from anjian.core.state import AccountKind
from anjian.ui import files, report_export

from .backup_helpers import CANARY, CHAT, WALLET, page, saved_state, seeded_vault, wait_loaded


@pytest.fixture
def incident(open_window, qtbot, tmp_path):
    shell = open_window(vault=seeded_vault(tmp_path))
    wait_loaded(qtbot, shell)
    return shell, page(shell, "incident")


def start(qtbot, shell, incident_page, account) -> None:
    incident_page.account.setCurrentIndex(incident_page.account.findData(account.id))
    incident_page.start_button.click()
    qtbot.waitUntil(lambda: incident_page.current() is not None
                    and incident_page.current().account_id == account.id, timeout=5000)


def shown_steps(incident_page) -> list[str]:
    return [row.step_id for row in incident_page._rows]


def test_nothing_is_shown_before_an_incident_is_started(incident):
    _, incident_page = incident
    assert incident_page.steps_box.isHidden() and incident_page.start_button.isEnabled()


def test_starting_lays_out_the_steps_for_the_accounts_kind_in_order(incident, qtbot):
    shell, incident_page = incident
    start(qtbot, shell, incident_page, WALLET)
    assert shown_steps(incident_page) == [s.id for s in steps_for(AccountKind.WALLET)]
    start(qtbot, shell, incident_page, CHAT)
    assert shown_steps(incident_page) == [s.id for s in steps_for(AccountKind.CHAT)]
    assert shown_steps(incident_page)[0] == "secure-email"


def test_the_police_step_names_110_and_96110(incident, qtbot):
    shell, incident_page = incident
    start(qtbot, shell, incident_page, CHAT)
    police = next(r for r in incident_page._rows if r.step_id == "report-police")
    assert "110" in police.detail.text() and "96110" in police.detail.text()


def test_checking_a_step_records_its_time(incident, qtbot):
    shell, incident_page = incident
    start(qtbot, shell, incident_page, CHAT)
    row = incident_page._rows[0]
    row.check.click()
    qtbot.waitUntil(lambda: saved_state(shell).incidents[0].steps[0].done_at is not None,
                    timeout=5000)
    qtbot.waitUntil(lambda: incident_page._rows[0].done_at.text().startswith("Done "))


def test_notes_are_saved_when_editing_ends(incident, qtbot):
    shell, incident_page = incident
    start(qtbot, shell, incident_page, CHAT)
    row = incident_page._rows[3]
    row.notes.setText("客服工单 #4471")
    row.notes.editingFinished.emit()
    qtbot.waitUntil(lambda: saved_state(shell).incidents[0].steps[3].notes == "客服工单 #4471",
                    timeout=5000)


def test_evidence_is_listed(incident, qtbot):
    shell, incident_page = incident
    start(qtbot, shell, incident_page, WALLET)
    incident_page.evidence_value.setText("0xdeadbeef")
    incident_page.add_evidence_button.click()
    qtbot.waitUntil(lambda: incident_page.evidence.rowCount() == 1, timeout=5000)
    assert incident_page.evidence.item(0, 1).text() == "0xdeadbeef"
    assert saved_state(shell).incidents[0].evidence[0].value == "0xdeadbeef"


def test_a_paused_incident_can_not_be_checked_off_until_resumed(incident, qtbot):
    shell, incident_page = incident
    start(qtbot, shell, incident_page, CHAT)
    incident_page.pause_button.click()
    qtbot.waitUntil(lambda: incident_page.current().status is Status.PAUSED, timeout=5000)
    assert not incident_page._rows[0].check.isEnabled()
    assert "Paused" in incident_page.status.text() and incident_page.pause_button.text() == "Resume"
    incident_page.pause_button.click()
    qtbot.waitUntil(lambda: incident_page.current().status is Status.OPEN, timeout=5000)
    assert incident_page._rows[0].check.isEnabled()


def test_a_closed_incident_stays_in_the_history(incident, qtbot):
    shell, incident_page = incident
    start(qtbot, shell, incident_page, CHAT)
    incident_page.close_button.click()
    qtbot.waitUntil(lambda: incident_page.current().status is Status.CLOSED, timeout=5000)
    assert incident_page.incident.count() == 1
    assert "Closed" in incident_page.incident.itemText(0)
    assert incident_page.close_button.text() == "Reopen"


def test_the_report_is_saved_as_html_without_a_secret(incident, qtbot, tmp_path, monkeypatch):
    shell, incident_page = incident
    start(qtbot, shell, incident_page, WALLET)
    path = tmp_path / "incident.html"
    monkeypatch.setattr(files, "ask_save_path", lambda *_a: path)
    incident_page.report_html_button.click()
    qtbot.waitUntil(path.exists, timeout=5000)
    html = path.read_text(encoding="utf-8")
    assert "Incident report: OK 钱包" in html and "Move what is left to a new wallet" in html
    assert CANARY not in html


def test_the_report_is_saved_as_pdf(incident, qtbot, tmp_path, monkeypatch):
    shell, incident_page = incident
    start(qtbot, shell, incident_page, WALLET)
    path = tmp_path / "incident.pdf"
    monkeypatch.setattr(files, "ask_save_path", lambda *_a: path)
    incident_page.report_pdf_button.click()
    qtbot.waitUntil(path.exists, timeout=10000)
    assert path.read_bytes().startswith(b"%PDF") and CANARY.encode() not in path.read_bytes()


def test_print_preview_opens_with_the_report(incident, qtbot, monkeypatch):
    shell, incident_page = incident
    start(qtbot, shell, incident_page, CHAT)
    opened = []
    real = report_export.open_preview
    monkeypatch.setattr(report_export, "open_preview",
                        lambda *a: opened.append(real(*a)) or opened[-1])
    incident_page.report_preview_button.click()
    qtbot.waitUntil(lambda: bool(opened), timeout=5000)
    assert opened[0].windowTitle() == "Incident report: 微信"
    opened[0].close()


def test_every_button_has_an_accessible_name(incident, qtbot):
    shell, incident_page = incident
    start(qtbot, shell, incident_page, WALLET)
    assert all(b.accessibleName() for b in incident_page.findChildren(QPushButton))

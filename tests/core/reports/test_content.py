"""The reports as data, and their HTML."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

from anjian.core.backups.register import BackupKind, BackupRecord
from anjian.core.incidents.incident import (
    Evidence,
    EvidenceKind,
    add_evidence,
    check_step,
    open_incident,
)
from anjian.core.reports.content import incident_report, security_report
from anjian.core.reports.html import render_html, render_text
from anjian.core.state import Account, AccountKind, State
from anjian.i18n import load_catalogue

NOW = datetime(2026, 6, 1, 12, 0, tzinfo=timezone(timedelta(hours=8)))
WALLET = Account(id="acct-w", name="OK 钱包 <script>", kind=AccountKind.WALLET)
CHAT = Account(id="acct-c", name="微信", kind=AccountKind.CHAT)
EN = load_catalogue("en")


def state() -> State:
    phrase = BackupRecord("b1", BackupKind.RECOVERY_PHRASE, "钢板，家里保险柜", WALLET.id,
                          copies=1, done=NOW - timedelta(days=400))
    never = BackupRecord("b2", BackupKind.TRANSACTIONS, "", CHAT.id)
    incident = open_incident("inc-1", CHAT, NOW - timedelta(hours=3))
    incident = check_step(incident, "secure-email", NOW - timedelta(hours=2), "改了邮箱密码")
    incident = add_evidence(incident, Evidence("ev-1", EvidenceKind.TRANSACTION, "TX-88",
                                               NOW - timedelta(hours=1)))
    return State(created=NOW, accounts=(WALLET, CHAT), backups=(phrase, never),
                 incidents=(incident,))


def texts(report) -> str:
    return render_html(report, EN)


def test_the_security_report_lists_every_finding():
    html = texts(security_report(state(), NOW))
    assert "Not backed up yet." in html
    assert "Never tested" in html
    assert "Only one copy" in html
    assert "Overdue since" in html


def test_the_security_report_has_a_row_per_account_and_says_what_is_recorded():
    report = security_report(state(), NOW)
    accounts = next(s for s in report.sections if s.heading.msgid == "Accounts")
    assert [row[0] for row in accounts.rows] == [WALLET.name, CHAT.name]
    recorded = next(s for s in report.sections if s.heading.msgid == "What Anjian records")
    assert ("backups", "2") in recorded.rows and ("incidents", "1") in recorded.rows


def test_an_empty_state_says_nothing_needs_attention():
    html = texts(security_report(State(created=NOW), NOW))
    assert "Nothing needs attention." in html and "No accounts recorded yet." in html


def test_user_data_is_escaped():
    html = texts(security_report(state(), NOW))
    assert "<script>" not in html and "&lt;script&gt;" in html


def test_times_are_shown_in_the_zone_of_now():
    html = texts(security_report(state(), NOW))
    assert "2026-06-01 12:00" in html


def test_the_incident_report_has_steps_timeline_and_evidence():
    incident = state().incidents[0]
    html = texts(incident_report(incident, NOW, support="App → 我的 → 客服"))
    assert "Secure the recovery email first" in html
    assert "改了邮箱密码" in html
    assert "TX-88" in html
    assert "Done: Secure the recovery email first" in html
    assert "App → 我的 → 客服" in html


def test_the_incident_report_renders_nested_texts_in_the_reader_language():
    incident = state().incidents[0]
    html = texts(incident_report(incident, NOW))
    assert "Account: 微信 (Chat app)" in html


def test_render_text_leaves_user_data_alone():
    assert render_text("{not a placeholder}", EN) == "{not a placeholder}"


def test_the_html_declares_utf8_and_the_language():
    html = render_html(security_report(state(), NOW), load_catalogue("zh_CN"))
    assert '<meta charset="utf-8">' in html and 'lang="zh-Hans"' in html


def test_with_the_checklist_the_report_leads_with_score_findings_and_every_due_item():
    from anjian.content import checklist
    from anjian.core.checklist.overview import overview

    view = overview(state(), checklist(), NOW)
    report = security_report(state(), NOW, view)
    headings = [s.heading.msgid for s in report.sections]
    assert headings[:4] == ["Summary", "Checklist findings", "Due items", "Backup findings"]
    html = texts(report)
    assert f"Score: {view.score.value} of 100." in html
    assert "Test the backup: Recovery phrase (OK 钱包 &lt;script&gt;)" in html
    assert "List the accounts that hold your money" not in html  # two are listed: done
    deductions = next(s for s in report.sections if s.heading.msgid == "Checklist findings")
    assert sum(int(row[2]) for row in deductions.rows) == 100 - view.score.value

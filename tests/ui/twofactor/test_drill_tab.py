"""The drill walked through as a person would: scan the QR code shown, type the code."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

from anjian.core.twofactor.drill import Step
from anjian.core.twofactor.otpauth import parse_uri
from anjian.core.twofactor.secret import grouped
from anjian.core.twofactor.totp import code_at
from anjian.ui.qr import decode_qr

from .helpers import open_page

NOW = datetime(2026, 4, 1, 8, 0, 10, tzinfo=timezone.utc)  # 10 s into a step


def started(qtbot, open_window):
    tab = open_page(qtbot, open_window(), "drill").drill_tab
    tab.clock = lambda: NOW
    assert tab.step is Step.INTRODUCTION and not tab.setup.isVisible()
    tab.next_button.click()
    return tab


def scanned_key(tab):
    """What a phone gets by scanning the QR code on screen."""
    links = decode_qr(tab.qr.grab_code())
    assert len(links) == 1
    return parse_uri(links[0])


def type_code(qtbot, tab, code: str) -> None:
    if tab.step is Step.SCAN:
        tab.next_button.click()
    tab.code.clear()
    qtbot.keyClicks(tab.code, code)
    tab.check_button.click()


def test_the_qr_code_shown_scans_to_the_anjian_entry_with_the_shown_key(qtbot, open_window):
    tab = started(qtbot, open_window)
    entry = scanned_key(tab)
    assert entry.issuer == "Anjian" and entry.account == tab.label.text()
    assert entry.key.secret_bits == 160
    assert tab.secret.text() == grouped(entry.key.secret)
    assert all(len(group) == 4 for group in tab.secret.text().split())


def test_the_right_code_is_accepted_and_the_clock_is_said_to_be_right(qtbot, open_window):
    tab = started(qtbot, open_window)
    type_code(qtbot, tab, code_at(scanned_key(tab).key, NOW))
    assert tab.step is Step.RESULT
    assert tab.outcome_heading.text().startswith("Accepted")
    assert "nothing to fix" in tab.outcome.text()
    assert "2FA map" in tab.real_account.text() and tab.map_button.isVisible()


def test_a_phone_30_s_behind_is_told_to_turn_on_automatic_time(qtbot, open_window):
    tab = started(qtbot, open_window)
    type_code(qtbot, tab, code_at(scanned_key(tab).key, NOW - timedelta(seconds=30)))
    assert tab.step is Step.RESULT
    assert "25 s behind" in tab.outcome.text() and "automatic" in tab.outcome.text()


def test_a_wrong_code_is_explained_and_the_field_is_cleared(qtbot, open_window):
    tab = started(qtbot, open_window)
    right = code_at(scanned_key(tab).key, NOW)
    type_code(qtbot, tab, "".join(str((int(d) + 5) % 10) for d in right))
    assert tab.step is Step.ENTER_CODE and tab.code.text() == ""
    assert tab.outcome_heading.text() == "Not accepted: the code does not match."
    assert tab.label.text() in tab.outcome.text()


def test_a_short_code_stays_in_the_field_with_a_hint(qtbot, open_window):
    tab = started(qtbot, open_window)
    type_code(qtbot, tab, "123")
    assert tab.code.text() == "123" and "6 digits; you typed 3" in tab.outcome.text()


def test_five_wrong_codes_in_a_minute_make_the_next_try_wait(qtbot, open_window):
    tab = started(qtbot, open_window)
    right = code_at(scanned_key(tab).key, NOW)
    wrong = "".join(str((int(d) + 5) % 10) for d in right)
    for _ in range(5):
        type_code(qtbot, tab, wrong)
    assert not tab.check_button.isEnabled()
    qtbot.keyClicks(tab.code, right)
    qtbot.keyClick(tab.code, "\r")  # Enter still tries, and is told to wait
    assert tab.step is Step.ENTER_CODE and tab.outcome_heading.text() == "Please wait."
    assert "Wait 60 s" in tab.outcome.text()


def test_starting_again_makes_a_new_secret(qtbot, open_window):
    tab = started(qtbot, open_window)
    first = scanned_key(tab).key
    type_code(qtbot, tab, code_at(first, NOW))
    tab.next_button.click()  # "Start again"
    assert tab.step is Step.SCAN and scanned_key(tab).key != first


def test_a_passed_drill_is_remembered_with_its_drift_but_not_its_secret(qtbot, open_window):
    shell = open_window()
    tab = open_page(qtbot, shell, "drill").drill_tab
    tab.clock = lambda: NOW
    tab.next_button.click()
    key = scanned_key(tab).key
    type_code(qtbot, tab, code_at(key, NOW - timedelta(seconds=30)))
    qtbot.waitUntil(lambda: shell.worker.pending == 0)
    saved = shell.window.context.state.two_factor.drill
    assert (saved.passed, saved.steps, saved.drift_seconds) == (NOW, -1, -25)
    assert not shell.window.context.state.secrets

"""Screenshot the Two-factor page with a seeded 2FA map, the drill and the vault, for review.

Run like ``scripts/screenshot.py`` (a virtual screen and a private keyring):
``python scripts/screenshot_twofactor.py OUT_DIR LANG``. Seeds four accounts with
different methods (one without 2FA, one SMS-only, two on one phone without
recovery codes) and three vault entries (one of them an 80-bit SHA256 key), then
writes ``twofactor-map-<lang>.png``, ``twofactor-drill-scan-<lang>.png`` (the QR
code and setup key), ``twofactor-drill-result-<lang>.png`` (a code typed from a
phone 30 s behind) and ``twofactor-vault-<lang>.png``.
"""

from __future__ import annotations

import sys
from dataclasses import replace
from datetime import datetime, timedelta, timezone
from pathlib import Path

from PySide6.QtCore import QTimer

from anjian.core.state import Account, AccountKind, State
from anjian.core.twofactor.otpauth import OtpEntry
from anjian.core.twofactor.records import Method, TwoFactorRecord
from anjian.core.twofactor.section import TwoFactor
from anjian.core.twofactor.totp import Algorithm, TotpKey, code_at
from anjian.preferences import Preferences
from anjian.service import AnjianService
from anjian.ui.app import create_application
from anjian.ui.language import InterfaceLanguage
from anjian.ui.main_window import MainWindow
from anjian.ui.sections import SECTIONS
from anjian.ui.worker import KeyringWorker
from screenshot import run_window


def seed(service: AnjianService) -> None:
    now = datetime.now(timezone.utc)
    accounts = (Account("okx", "OKX 交易所", AccountKind.EXCHANGE),
                Account("wechat", "微信", AccountKind.CHAT),
                Account("imtoken", "imToken 钱包", AccountKind.WALLET),
                Account("gmail", "Gmail", AccountKind.OTHER))
    records = (
        TwoFactorRecord("okx", Method.AUTHENTICATOR, "iPhone 13, Google Authenticator", "",
                        now - timedelta(days=40)),
        TwoFactorRecord("imtoken", Method.AUTHENTICATOR, "iPhone 13, Google Authenticator"),
        TwoFactorRecord("wechat", Method.SMS, "138****8000"),
        TwoFactorRecord("gmail", Method.NONE),
    )

    def change(_state: State) -> State:
        state = State(created=now, accounts=accounts, two_factor=TwoFactor(records=records))
        return replace(state, checklist=state.checklist.at_wizard_step(0, now))

    service.update(change)
    service.add_to_totp_vault([
        OtpEntry("GitHub", "zhangwei", TotpKey(bytes(range(20)))),
        OtpEntry("Binance", "zhangwei@example.com", TotpKey(bytes(range(40, 50)),
                                                           Algorithm.SHA256)),
        OtpEntry("Steam", "", TotpKey(bytes(range(100, 120)), digits=8, period=60)),
    ])


def main(out: Path, language: str) -> None:
    app = create_application(sys.argv[:1])
    service = AnjianService()
    seed(service)
    worker = KeyringWorker(service)
    window = MainWindow(worker, InterfaceLanguage(app, language), Preferences())
    window.resize(1000, 760)
    index = [s.id for s in SECTIONS].index("two-factor")
    started: list[bool] = []

    def save(name: str) -> None:
        app.processEvents()
        window.grab().save(str(out / f"twofactor-{name}-{language}.png"))

    def show_map() -> None:
        if started:
            return
        started.append(True)
        if getattr(window, "wizard", None) is not None:
            window.wizard.close()
        window.nav.setCurrentRow(index)
        page = window.section_pages[index]
        page.tabs.setCurrentWidget(page.map_tab)
        QTimer.singleShot(500, lambda: shoot_map(page))

    def shoot_map(page) -> None:  # type: ignore[no-untyped-def]
        save("map")
        page.tabs.setCurrentWidget(page.drill_tab)
        page.drill_tab.next_button.click()
        QTimer.singleShot(300, lambda: shoot_drill(page))

    def shoot_drill(page) -> None:  # type: ignore[no-untyped-def]
        drill = page.drill_tab
        save("drill-scan")
        drill.next_button.click()
        behind = datetime.now(timezone.utc) - timedelta(seconds=30)
        drill.code.setText(code_at(drill.drill.key, behind))
        drill.check_button.click()
        QTimer.singleShot(500, lambda: shoot_result(page))

    def shoot_result(page) -> None:  # type: ignore[no-untyped-def]
        save("drill-result")
        page.tabs.setCurrentWidget(page.vault_tab)
        QTimer.singleShot(1500, lambda: shoot_vault(page))

    def shoot_vault(page) -> None:  # type: ignore[no-untyped-def]
        save("vault")
        app.quit()

    run_window(app, window, worker, show_map)


if __name__ == "__main__":
    main(Path(sys.argv[1]), sys.argv[2])

"""Screenshot the Overview, the checklist wizard and the tray menu over a seeded state.

Run like ``scripts/screenshot.py`` (a virtual screen and a private keyring), e.g.
through ``scripts/screenshots OUT_DIR scripts/screenshot_checklist.py``. Seeds
four accounts, a few checklist answers and half a year of score history, then writes
``checklist-overview-<lang>.png``, ``checklist-wizard-<lang>.png`` (step 2) and
``checklist-tray-<lang>.png`` (the tray menu with its badge icon: a virtual
screen has no system tray, so the menu is shown on its own).
"""

from __future__ import annotations

import sys
from datetime import datetime, timedelta, timezone
from pathlib import Path

from PySide6.QtCore import QPoint, QTimer
from PySide6.QtGui import QPainter, QPixmap

from anjian.core.checklist.progress import Answer
from anjian.core.state import Account, AccountKind, State
from anjian.preferences import Preferences
from anjian.service import AnjianService
from anjian.ui.app import create_application
from anjian.ui.language import InterfaceLanguage
from anjian.ui.main_window import MainWindow
from anjian.ui.tray import Tray
from anjian.ui.worker import KeyringWorker
from screenshot import run_window


def seed(service: AnjianService) -> None:
    now = datetime.now(timezone.utc)
    accounts = (Account("okx", "OKX 交易所", AccountKind.EXCHANGE, created=now),
                Account("wechat", "微信", AccountKind.CHAT, created=now),
                Account("alipay", "支付宝", AccountKind.PAYMENT, created=now),
                Account("imtoken", "imToken 钱包", AccountKind.WALLET, created=now))

    def change(_state: State) -> State:
        progress = State(created=now).checklist
        for item, answer, days in (("public-wifi", Answer.DONE, 400),
                                   ("apps-updated", Answer.DONE, 20),
                                   ("security-questions", Answer.NOT_APPLICABLE, 30),
                                   ("activity-review", Answer.DONE, 45)):
            progress = progress.answered(item, answer, now - timedelta(days=days))
        for weeks, score in ((26, 18), (20, 25), (14, 31), (8, 38), (3, 44)):
            progress = progress.with_score(score, now - timedelta(weeks=weeks))
        progress = progress.at_wizard_step(1)
        return State(created=now - timedelta(days=200), accounts=accounts,
                     checklist=progress)

    service.update(change)


def main(out: Path, language: str) -> None:
    app = create_application(sys.argv[:1])
    service = AnjianService()
    seed(service)
    worker = KeyringWorker(service)
    ui_language = InterfaceLanguage(app, language)
    window = MainWindow(worker, ui_language, Preferences())
    window.resize(1000, 680)

    def shoot_overview() -> None:
        window.open_section("overview")
        app.processEvents()
        window.grab().save(str(out / f"checklist-overview-{language}.png"))
        window.open_checklist()
        QTimer.singleShot(400, shoot_wizard)

    def shoot_wizard() -> None:
        if window.wizard is not None:
            window.wizard.grab().save(str(out / f"checklist-wizard-{language}.png"))
            window.wizard.close()
        shoot_tray()

    def shoot_tray() -> None:
        tray = Tray(app.windowIcon(), ui_language, window.show_from_tray, lambda: None,
                    window.quit_app, window)
        overview = window.overview.overview
        tray.show_due(overview.due_now if overview is not None else [])
        tray.menu.popup(QPoint(40, 40))
        QTimer.singleShot(300, lambda: save_tray(tray))

    def save_tray(tray: Tray) -> None:
        menu = tray.menu.grab()
        icon = tray.icon().pixmap(48, 48)
        sheet = QPixmap(menu.width() + 80, max(menu.height(), 64) + 16)
        sheet.fill(app.palette().window().color())
        painter = QPainter(sheet)
        painter.drawPixmap(8, 8, icon)
        painter.drawPixmap(72, 8, menu)
        painter.end()
        sheet.save(str(out / f"checklist-tray-{language}.png"))
        tray.menu.close()
        app.quit()

    run_window(app, window, worker, shoot_overview, delay_ms=600, limit_ms=20000)


if __name__ == "__main__":
    main(Path(sys.argv[1]), sys.argv[2])

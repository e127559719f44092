"""Screenshot the Passwords page with a password typed and saved results, for review.

Run like ``scripts/screenshot.py`` (a virtual screen and a private keyring):
``python scripts/screenshot_passwords.py OUT_DIR LANG``. Seeds a profile, two
accounts and two saved checks that share a password, types a weak password
with the seeded name and birthday, and writes ``passwords-check-<lang>.png``
(the live result) and ``passwords-saved-<lang>.png`` (scrolled to the saved
results).
"""

from __future__ import annotations

import sys
from datetime import date, datetime, timezone
from pathlib import Path

from PySide6.QtCore import QTimer

from anjian.core.profile import Profile
from anjian.core.state import Account, AccountKind, State
from anjian.preferences import Preferences
from anjian.service import AnjianService
from anjian.ui.app import create_application
from anjian.ui.language import InterfaceLanguage
from anjian.ui.main_window import MainWindow
from anjian.ui.sections import SECTIONS
from anjian.ui.worker import KeyringWorker
from screenshot import run_window

TYPED = "zhangwei@1990520"


def seed(service: AnjianService) -> None:
    now = datetime.now(timezone.utc)
    accounts = (Account(id="okx", name="OKX 交易所", kind=AccountKind.EXCHANGE),
                Account(id="wechat", name="微信", kind=AccountKind.CHAT),
                Account(id="imtoken", name="imToken 钱包", kind=AccountKind.WALLET))
    service.update(lambda _s: State(created=now, accounts=accounts,
                                    profile=Profile("张伟", date(1990, 5, 20))))
    service.save_password_check("okx", "woaini1314", date(2025, 3, 1))
    service.save_password_check("wechat", "woaini1315")
    service.save_password_check("imtoken", "glade-orbit-tundra-mosaic-velvet")


def main(out: Path, language: str) -> None:
    app = create_application(sys.argv[:1])
    service = AnjianService()
    seed(service)
    worker = KeyringWorker(service)
    window = MainWindow(worker, InterfaceLanguage(app, language), Preferences())
    window.resize(1000, 820)
    index = [s.id for s in SECTIONS].index("passwords")

    started: list[bool] = []

    def type_password() -> None:
        if started:
            return  # state_loaded comes again after the first save of the score history
        started.append(True)
        window.nav.setCurrentRow(index)
        page = window.section_pages[index]
        page.field.setFocus()
        page.field.setText(TYPED)
        QTimer.singleShot(1500, lambda: shoot(page))

    def shoot(page) -> None:  # type: ignore[no-untyped-def]
        window.grab().save(str(out / f"passwords-check-{language}.png"))
        page.verticalScrollBar().setValue(page.verticalScrollBar().maximum())
        app.processEvents()
        window.grab().save(str(out / f"passwords-saved-{language}.png"))
        app.quit()

    run_window(app, window, worker, type_password)


if __name__ == "__main__":
    main(Path(sys.argv[1]), sys.argv[2])

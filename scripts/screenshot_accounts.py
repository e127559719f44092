"""Screenshot the Accounts and Links & numbers pages with data, and the code help, for review.

Run like ``scripts/screenshot.py`` (a virtual screen and a private keyring):
``python scripts/screenshot_accounts.py OUT_DIR LANG``. Seeds five accounts, bound
contacts (one phone bound to every account that can be reset, one contact due, one
number no longer the user's) and official channels, then writes:

- ``accounts-page-<lang>.png``: an account with its contacts, and scrolled down
  (``accounts-page-channels-<lang>.png``) its official channels and findings;
- ``accounts-lost-<lang>.png``: the loud banner of a number that is no longer yours;
- ``links-verdicts-<lang>.png``: phishing links and a support number checked;
- ``help-drill-<lang>.png`` and ``help-cant-receive-<lang>.png``: the two help pages.
"""

from __future__ import annotations

import sys
from datetime import datetime, timedelta, timezone
from pathlib import Path

from PySide6.QtCore import QTimer

from anjian.core.accounts import changes
from anjian.core.accounts.channels import ChannelKind, ChannelSource, new_channel
from anjian.core.accounts.contacts import ContactKind, mark_no_longer_mine, new_contact
from anjian.core.state import AccountKind, State
from anjian.preferences import Preferences
from anjian.service import AnjianService
from anjian.ui.accounts.help_dialogs import CodeDrillDialog, TroubleshootingDialog
from anjian.ui.app import create_application
from anjian.ui.language import InterfaceLanguage
from anjian.ui.main_window import MainWindow
from anjian.ui.sections import SECTIONS
from anjian.ui.worker import KeyringWorker
from screenshot import run_window

LINKS = ("https://www.okx.com/account/login\nhttps://okx.com.secure-login.example/\n"
         "https://0kx.com/\nhttps://okx.com@198.51.100.7/\nhttps://bit.ly/3xYz")


def seed(service: AnjianService, lost: bool) -> None:
    now = datetime.now(timezone.utc)
    state = State.empty(now)
    for account_id, name, kind in (("okx", "OKX 交易所", AccountKind.EXCHANGE),
                                   ("wechat", "微信", AccountKind.CHAT),
                                   ("alipay", "支付宝", AccountKind.PAYMENT),
                                   ("qqmail", "QQ 邮箱", AccountKind.EMAIL),
                                   ("imtoken", "imToken 钱包", AccountKind.WALLET)):
        state = changes.add_account(account_id, name, kind, "", now)(state)
    phone = new_contact("p1", ContactKind.PHONE, "13800138000", now - timedelta(days=40), "CN")
    for account_id in ("okx", "wechat", "alipay", "qqmail"):
        state = changes.add_contact(account_id, phone)(state)
    old = new_contact("p2", ContactKind.PHONE, "+852 5123 4567", now - timedelta(days=400), "CN")
    state = changes.add_contact("okx", old)(state)
    mail = new_contact("e1", ContactKind.EMAIL, "zhangwei88@qq.com", now - timedelta(days=10), "CN")
    state = changes.add_contact("okx", mail)(state)
    if lost:
        state = changes.change_contact("p2", lambda c: mark_no_longer_mine(c, now))(state)
    for channel_id, account_id, kind, value, source in (
            ("w1", "okx", ChannelKind.WEBSITE, "okx.com", ChannelSource.OFFICIAL_APP),
            ("a1", "okx", ChannelKind.APP, "OKX", ChannelSource.APP_STORE),
            ("n1", "okx", ChannelKind.PHONE, "400 123 4567", ChannelSource.SEARCH),
            ("w2", "alipay", ChannelKind.WEBSITE, "alipay.com", ChannelSource.OFFICIAL_APP)):
        channel = new_channel(channel_id, account_id, kind, value, source, now, "CN",
                              store="Huawei AppGallery" if kind is ChannelKind.APP else "")
        state = changes.add_channel(channel)(state)
    service.update(lambda _s: state)


def main(out: Path, language: str, lost: bool) -> None:
    app = create_application(sys.argv[:1])
    service = AnjianService()
    seed(service, lost)
    worker = KeyringWorker(service)
    tr_language = InterfaceLanguage(app, language)
    window = MainWindow(worker, tr_language, Preferences())
    window.resize(1100, 900)
    ids = [s.id for s in SECTIONS]
    started: list[bool] = []

    def accounts() -> None:
        if started:
            return
        started.append(True)
        window.nav.setCurrentRow(ids.index("accounts"))
        page = window.section_pages[ids.index("accounts")]
        for row in range(page.list.count()):
            if page.list.item(row).text().startswith("OKX"):
                page.list.setCurrentRow(row)
        QTimer.singleShot(800, lambda: shoot_accounts(page))

    def shoot_accounts(page) -> None:  # type: ignore[no-untyped-def]
        name = "accounts-lost" if lost else "accounts-page"
        window.grab().save(str(out / f"{name}-{language}.png"))
        bar = page.scroll.verticalScrollBar()
        bar.setValue(bar.maximum())
        app.processEvents()
        window.grab().save(str(out / f"{name}-channels-{language}.png"))
        if lost:
            app.quit()
            return
        tr = tr_language.translate
        drill = CodeDrillDialog(tr, "138****8000", "OKX 交易所", window)
        drill.show()
        app.processEvents()
        QTimer.singleShot(300, lambda: shoot_dialog(drill, "help-drill", help_page))

    def shoot_dialog(dialog, name, then) -> None:  # type: ignore[no-untyped-def]
        dialog.grab().save(str(out / f"{name}-{language}.png"))
        dialog.close()
        then()

    def help_page() -> None:
        dialog = TroubleshootingDialog(tr_language.translate, window)
        dialog.resize(600, 900)
        dialog.show()
        app.processEvents()
        QTimer.singleShot(300, lambda: shoot_dialog(dialog, "help-cant-receive", links))

    def links() -> None:
        window.nav.setCurrentRow(ids.index("links"))
        page = window.section_pages[ids.index("links")]
        page.links_input.setPlainText(LINKS)
        page.check_links()
        page.number_input.setText("400 888 1234")
        page.check_number()
        QTimer.singleShot(1500, lambda: shoot_links(page))

    def shoot_links(page) -> None:  # type: ignore[no-untyped-def]
        window.grab().save(str(out / f"links-verdicts-{language}.png"))
        page.verticalScrollBar().setValue(page.verticalScrollBar().maximum())
        app.processEvents()
        window.grab().save(str(out / f"links-number-{language}.png"))
        app.quit()

    run_window(app, window, worker, accounts)


if __name__ == "__main__":
    main(Path(sys.argv[1]), sys.argv[2], len(sys.argv) > 3 and sys.argv[3] == "lost")

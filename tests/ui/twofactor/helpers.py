"""Opening the Two-factor page of the real window over an in-memory keyring."""

from __future__ import annotations

from anjian.core.state import Account
from anjian.ui.sections import SECTIONS


def open_page(qtbot, shell, tab: str = "map"):  # type: ignore[no-untyped-def]
    """The Two-factor page, shown, with the state loaded and the first-run wizard closed."""
    window = shell.window
    qtbot.waitUntil(lambda: window.context.status is not None and shell.worker.pending == 0)
    if getattr(window, "wizard", None) is not None:
        window.wizard.close()
    row = [s.id for s in SECTIONS].index("two-factor")
    window.nav.setCurrentRow(row)
    page = window.section_pages[row]
    page.tabs.setCurrentWidget({"map": page.map_tab, "drill": page.drill_tab,
                                "vault": page.vault_tab}[tab])
    return page


def add_accounts(qtbot, shell, *names: str) -> list[str]:
    """Accounts created through the state, as the Accounts page would."""
    ids = [f"acct-{i}" for i in range(len(names))]

    def change(state):
        for account_id, name in zip(ids, names):
            state = state.with_account(Account(account_id, name))
        return state

    shell.window.context.change_state(change)
    qtbot.waitUntil(lambda: shell.worker.pending == 0)
    return ids

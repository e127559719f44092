"""The Two-factor page: three tabs, the 2FA map, the drill and the vault.

Each tab is its own widget module; this one only lays them out, passes the
state on, and re-renders texts when the language changes.
"""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QTabWidget, QVBoxLayout, QWidget

from anjian.i18n import N_
from anjian.service import StorageStatus
from anjian.ui.context import PageContext
from anjian.ui.pages import heading_font, wrapping_label
from anjian.ui.sections import Section
from anjian.ui.twofactor.drill_tab import DrillTab
from anjian.ui.twofactor.map_tab import MapTab
from anjian.ui.twofactor.vault_tab import VaultTab


class TwoFactorPage(QWidget):
    """The Two-factor section."""

    def __init__(self, section: Section, context: PageContext, parent: QWidget) -> None:
        super().__init__(parent)
        self.section = section
        self._context = context
        column = QVBoxLayout(self)
        column.setContentsMargins(28, 24, 28, 20)
        column.setSpacing(10)
        self.title = QLabel(self)
        heading_font(self.title, 1.6)
        self.summary = wrapping_label(self)
        self.tabs = QTabWidget(self)
        self.map_tab = MapTab(context, self.tabs)
        self.drill_tab = DrillTab(context, self.tabs)
        self.vault_tab = VaultTab(context, self.tabs)
        for tab in (self.map_tab, self.drill_tab, self.vault_tab):
            self.tabs.addTab(tab, "")
        column.addWidget(self.title)
        column.addWidget(self.summary)
        column.addWidget(self.tabs, 1)
        context.state_changed.connect(self._state_changed)
        context.language.changed.connect(self.retranslate)
        self.retranslate()
        if context.status is not None:
            self._state_changed(context.status)

    def _state_changed(self, status: StorageStatus) -> None:
        state = status.snapshot.state
        self.map_tab.show_state(state)
        self.vault_tab.show_state(state)

    def retranslate(self) -> None:
        """Render every text in the current language."""
        tr = self._context.language.translate
        self.title.setText(tr(self.section.title))
        self.summary.setText(tr(N_(
            "How each of your accounts confirms that it is you, a safe drill with an "
            "authenticator app, and an optional backup of your authenticator codes in the "
            "system keyring, for the day you lose your phone.")))
        self.setAccessibleName(tr(self.section.title))
        for index, name in enumerate((N_("2FA map"), N_("Practice drill"), N_("Code backup"))):
            self.tabs.setTabText(index, tr(name))
        for tab in (self.map_tab, self.drill_tab, self.vault_tab):
            tab.retranslate()

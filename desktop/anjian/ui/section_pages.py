"""Which widget is the page of each section.

A section whose feature is built registers its page class here by section id;
the others show an honest placeholder. A page class is called as
``Page(section, context, parent)`` and has ``retranslate()``; it listens to
``context.state_changed`` for the state. Import heavy modules (zxcvbn, qrcode)
inside the page's methods, not at module level: every page is built at start-up.
"""

from __future__ import annotations

import importlib
from typing import Any

from PySide6.QtWidgets import QWidget

from anjian.ui.context import PageContext
from anjian.ui.pages import SectionPage
from anjian.ui.sections import Section

# section id -> "module:Class" of its page.
PAGES: dict[str, str] = {
    "accounts": "anjian.ui.accounts.page:AccountsPage",
    "passwords": "anjian.ui.passwords.page:PasswordsPage",
    "links": "anjian.ui.accounts.links_page:LinksPage",
    "two-factor": "anjian.ui.twofactor.page:TwoFactorPage",
    "backups": "anjian.ui.backups_page:BackupsPage",
    "incident": "anjian.ui.incident_page:IncidentPage",
}


def build_page(section: Section, context: PageContext, parent: QWidget) -> Any:
    """The page of ``section``: its registered page, or the placeholder."""
    target = PAGES.get(section.id)
    if target is None:
        return SectionPage(section, context.language, parent)
    module_name, class_name = target.split(":")
    page_class = getattr(importlib.import_module(module_name), class_name)
    return page_class(section, context, parent)

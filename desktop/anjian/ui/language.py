"""The language the window speaks, switchable while it runs.

Anjian's own texts come from the gettext :class:`~anjian.i18n.Catalogue` that
core and the CLI use too; Qt's own texts (standard buttons, context menus of
text fields) come from Qt's ``qtbase`` translations, swapped in alongside.
Widgets connect to :attr:`InterfaceLanguage.changed` and re-render every text.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QObject, QTranslator, Signal

from anjian.i18n import Catalogue, Text, load_catalogue, resolve_language

CatalogueLoader = Callable[[str], Catalogue]


class InterfaceLanguage(QObject):
    """The current catalogue, plus the Qt translator that matches it."""

    changed = Signal()

    def __init__(
        self,
        app: QCoreApplication,
        preferred: str | None,
        load: CatalogueLoader = load_catalogue,
    ) -> None:
        super().__init__(app)
        self._app = app
        self._load = load
        self._qt_translator: QTranslator | None = None
        self.preferred = preferred  # None: follow the system
        self.catalogue = self._apply(preferred)

    @property
    def code(self) -> str:
        """The language in effect, one of :data:`anjian.i18n.LANGUAGES`."""
        return self.catalogue.language

    def choose(self, preferred: str | None) -> None:
        """Switch to ``preferred`` (``None`` follows the system) and tell every widget."""
        self.preferred = preferred
        self.catalogue = self._apply(preferred)
        self.changed.emit()

    def translate(self, text: Text | str) -> str:
        """A :class:`Text` or a plain message id in the current language."""
        if isinstance(text, Text):
            return self.catalogue.render(text)
        return self.catalogue.gettext(text)

    def _apply(self, preferred: str | None) -> Catalogue:
        catalogue = self._load(resolve_language(preferred))
        QLocale.setDefault(QLocale(catalogue.language))
        self._install_qt_translations(catalogue.language)
        return catalogue

    def _install_qt_translations(self, language: str) -> None:
        if self._qt_translator is not None:
            self._app.removeTranslator(self._qt_translator)
            self._qt_translator = None
        translator = QTranslator(self)
        folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        # A Qt build without translations just keeps Qt's English.
        if translator.load(f"qtbase_{language}", folder):
            self._app.installTranslator(translator)
            self._qt_translator = translator

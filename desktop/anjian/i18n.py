"""One translation catalogue for core, storage, CLI and UI.

Texts are written in English as gettext message ids and translated from the
compiled catalogues ``anjian.mo`` for ``zh_CN``, ``zh_TW`` and ``en``. The
process-wide gettext domain is never touched: each caller holds a
:class:`Catalogue` object, so the UI can switch language at run time and tests
can render the same text in several languages side by side.

Code that is not allowed to know the language (core, storage) returns
:class:`Text` values: a message id plus parameters, rendered at the edge.
"""

from __future__ import annotations

import gettext
import locale
import math
import os
from collections.abc import Mapping
from dataclasses import field
from functools import lru_cache
from types import MappingProxyType

from anjian.paths import locale_dir
from anjian.record import record

DOMAIN = "anjian"
LANGUAGES: tuple[str, ...] = ("zh_CN", "zh_TW", "en")
DEFAULT_LANGUAGE = "en"

# Each language's own name, shown in the language picker whatever the UI language.
LANGUAGE_NAMES: Mapping[str, str] = MappingProxyType(
    {"zh_CN": "简体中文", "zh_TW": "繁體中文", "en": "English"}
)

# Regions whose Chinese is written in traditional characters.
_TRADITIONAL_REGIONS = frozenset({"TW", "HK", "MO"})


def N_(message: str) -> str:
    """Mark a string for extraction without translating it yet."""
    return message


@record
class Text:
    """A translatable message: an English message id and named parameters.

    ``str(text)`` gives the English form, so a :class:`Text` can be used as an
    exception message without ever needing a language.
    """

    msgid: str
    params: Mapping[str, object] = field(default_factory=dict)

    def render(self, catalogue: Catalogue) -> str:
        """The message in the catalogue's language, parameters filled in."""
        return catalogue.render(self)

    def __str__(self) -> str:
        return _format(self.msgid, self.params)


def _format(template: str, params: Mapping[str, object]) -> str:
    if not params:
        return template
    try:
        return template.format(**params)
    except (KeyError, IndexError, ValueError):
        # A translation with a broken placeholder must not crash the app.
        return template


class Catalogue:
    """The translations of one language."""

    def __init__(self, language: str, translations: gettext.NullTranslations) -> None:
        self.language = language
        self._translations = translations

    def gettext(self, message: str) -> str:
        """Translate one message id."""
        return self._translations.gettext(message)

    def ngettext(self, singular: str, plural: str, n: int) -> str:
        """Translate a message id that depends on a count."""
        return self._translations.ngettext(singular, plural, n)

    def render(self, text: Text) -> str:
        """Translate a :class:`Text` and fill in its parameters (nested Texts translated too)."""
        params = {k: self.render(v) if isinstance(v, Text) else v for k, v in text.params.items()}
        return _format(self.gettext(text.msgid), params)

    @property
    def is_translated(self) -> bool:
        """False when the compiled catalogue was missing and English is shown."""
        return isinstance(self._translations, gettext.GNUTranslations)


@lru_cache(maxsize=None)
def load_catalogue(language: str) -> Catalogue:
    """The catalogue for ``language`` (one of :data:`LANGUAGES`)."""
    if language not in LANGUAGES:
        raise ValueError(f"unsupported language: {language!r}")
    try:
        translations: gettext.NullTranslations = gettext.translation(
            DOMAIN, localedir=str(locale_dir()), languages=[language]
        )
    except OSError:
        translations = gettext.NullTranslations()
    return Catalogue(language, translations)


# Set to a factor such as 1.5 to run the window with every text that much longer:
# a layout test mode (translations are often longer than the English).
STRETCH_ENVIRONMENT = "ANJIAN_STRETCH_TEXT"

# Characters a padding must not copy: mnemonics, placeholders, markup.
_NOT_PADDING = frozenset("&{}%<>\n")


class _StretchedTranslations(gettext.NullTranslations):
    """Every translation of ``inner`` padded to ``factor`` times its length."""

    def __init__(self, inner: gettext.NullTranslations, factor: float) -> None:
        super().__init__()
        self._inner = inner
        self._factor = factor

    def gettext(self, message: str) -> str:
        return self._stretch(self._inner.gettext(message))

    def ngettext(self, singular: str, plural: str, n: int) -> str:
        return self._stretch(self._inner.ngettext(singular, plural, n))

    def _stretch(self, text: str) -> str:
        return "\n".join(self._stretch_line(line) for line in text.split("\n"))

    def _stretch_line(self, line: str) -> str:
        # Padding made of the line's own characters keeps its script's widths.
        source = [c for c in line if c not in _NOT_PADDING and not c.isspace()]
        extra = math.ceil(len(line) * self._factor) - len(line)
        if not source or extra <= 0:
            return line
        return line + " " + "".join(source[i % len(source)] for i in range(extra - 1))


def stretched(catalogue: Catalogue, factor: float) -> Catalogue:
    """``catalogue`` with every text ``factor`` times as long (see :data:`STRETCH_ENVIRONMENT`)."""
    return Catalogue(catalogue.language,
                     _StretchedTranslations(catalogue._translations, factor))


def stretch_factor(environ: Mapping[str, str] | None = None) -> float | None:
    """The factor asked for by :data:`STRETCH_ENVIRONMENT`, if a sensible one (1-3)."""
    raw = (os.environ if environ is None else environ).get(STRETCH_ENVIRONMENT, "")
    try:
        factor = float(raw)
    except ValueError:
        return None
    return factor if 1.0 < factor <= 3.0 else None


def language_from_locale(name: str | None) -> str:
    """Map a POSIX or BCP 47 locale name to one of our languages.

    Chinese picks Traditional for Taiwan, Hong Kong, Macau and the ``Hant``
    script, Simplified otherwise; every other locale gets English.
    """
    if not name:
        return DEFAULT_LANGUAGE
    tag = name.split(".")[0].split("@")[0].replace("-", "_")
    parts = tag.split("_")
    if parts[0].lower() != "zh":
        return DEFAULT_LANGUAGE
    rest = {p.upper() for p in parts[1:]}
    if "HANT" in rest or rest & _TRADITIONAL_REGIONS:
        return "zh_TW"
    return "zh_CN"


def system_language(environ: Mapping[str, str] | None = None) -> str:
    """The language the system asks for, from ``LANGUAGE``/``LC_ALL``/``LC_MESSAGES``/``LANG``."""
    env = os.environ if environ is None else environ
    for var in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        value = env.get(var)
        if value:
            # LANGUAGE may list several, colon separated; the first decides.
            return language_from_locale(value.split(":")[0])
    if environ is None:
        try:
            return language_from_locale(locale.getlocale()[0])
        except ValueError:
            pass
    return DEFAULT_LANGUAGE


def resolve_language(preferred: str | None, environ: Mapping[str, str] | None = None) -> str:
    """The user's chosen language if valid, else the system's."""
    if preferred in LANGUAGES:
        return preferred
    return system_language(environ)

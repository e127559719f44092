"""Extracting, updating and checking Anjian's gettext catalogues, in one place.

``scripts/update-translations`` and ``tests/test_translations.py`` both use
this module, so the test checks exactly what the script extracts. It needs
babel and the ``anjian`` package (both in the ``.venv`` that ``scripts/test``
makes), nothing else: no Qt, no keyring.

Layout::

    resources/translations/anjian.pot                      the template (extracted)
    resources/translations/<lang>/LC_MESSAGES/anjian.po    one per language
    desktop/anjian/locale/<lang>/LC_MESSAGES/anjian.mo     compiled by hatch_build.py
"""

from __future__ import annotations

import io
import json
import re
import string
from collections.abc import Iterable, Mapping
from pathlib import Path

from babel.messages.catalog import Catalog, Message
from babel.messages.extract import extract_from_dir
from babel.messages.mofile import read_mo, write_mo
from babel.messages.pofile import read_po, write_po

from anjian import __version__
from anjian.i18n import DOMAIN, LANGUAGES

ROOT = Path(__file__).resolve().parent.parent
SOURCE_DIR = ROOT / "desktop" / "anjian"
TRANSLATIONS_DIR = ROOT / "resources" / "translations"
LOCALE_DIR = SOURCE_DIR / "locale"
TEMPLATE = TRANSLATIONS_DIR / f"{DOMAIN}.pot"

# Message ids are English: an empty English translation is filled with its id.
SOURCE_LANGUAGE = "en"

# The calls whose string arguments are messages; ``ngettext:1,2`` takes singular
# and plural. Every message is written as ``N_("...")`` where it stands, even
# inside ``tr(...)`` or ``Text(...)``: babel drops keyword calls nested in the
# arguments of another keyword call, so ``tr`` is deliberately not a keyword
# (tests/test_translations.py checks that every N_ literal is extracted).
KEYWORDS: Mapping[str, tuple[int, ...] | None] = {
    "N_": None,
    "_": None,
    "gettext": None,
    "ngettext": (1, 2),
}
METHOD_MAP = [("**.py", "python")]
# A comment starting with this just above a message reaches the translators.
COMMENT_TAGS = ("TRANSLATORS:",)

# Lines of a .po header that change on every run and say nothing about content.
_DATE_LINE = re.compile(rb'^"(POT-Creation-Date|PO-Revision-Date): .*\\n"\n', re.MULTILINE)

MessageKey = tuple[str | tuple[str, ...], str | None]  # (id, context)


def po_path(language: str) -> Path:
    """The translation file of ``language``."""
    return TRANSLATIONS_DIR / language / "LC_MESSAGES" / f"{DOMAIN}.po"


def mo_path(language: str) -> Path:
    """The compiled catalogue of ``language`` (a build product)."""
    return LOCALE_DIR / language / "LC_MESSAGES" / f"{DOMAIN}.mo"


# -- extracting -----------------------------------------------------------------------


def extract_template(source_dir: Path = SOURCE_DIR) -> Catalog:
    """Every message in the code under ``source_dir``, as a template catalogue.

    Locations are recorded relative to the checkout, without line numbers, so
    that moving code does not rewrite every translation file.
    """
    template = Catalog(
        project="Anjian",
        version=__version__,
        copyright_holder="Anjian developers",
        charset="utf-8",
    )
    prefix = source_dir.relative_to(ROOT).as_posix()
    for filename, lineno, message, comments, context in extract_from_dir(
        source_dir,
        METHOD_MAP,
        keywords=KEYWORDS,
        comment_tags=COMMENT_TAGS,
        strip_comment_tags=True,
    ):
        template.add(
            message,
            locations=[(f"{prefix}/{filename}", lineno)],
            auto_comments=comments,
            context=context,
        )
    if source_dir == SOURCE_DIR:
        for location, message in content_messages():
            template.add(message, locations=[(location, 0)])
    return template


CONTENT_DIR = ROOT / "resources" / "content"


def content_messages(content_dir: Path = CONTENT_DIR) -> list[tuple[str, str]]:
    """Messages in the content files: every string under a ``"texts"`` object.

    Content (checklist items, help pages) lives in ``resources/content/*.json``
    as data with stable ids; its English texts are message ids like the code's,
    kept in a ``"texts"`` object (values: a string or a list of strings).
    """
    found: list[tuple[str, str]] = []

    def walk(node: object, location: str) -> None:
        if isinstance(node, dict):
            for key, value in node.items():
                if key == "texts" and isinstance(value, dict):
                    for text in value.values():
                        for item in text if isinstance(text, list) else [text]:
                            if isinstance(item, str) and item:
                                found.append((location, item))
                else:
                    walk(value, location)
        elif isinstance(node, list):
            for value in node:
                walk(value, location)

    for path in sorted(content_dir.glob("*.json")):
        walk(json.loads(path.read_text(encoding="utf-8")), path.relative_to(ROOT).as_posix())
    return found


def message_ids(catalog: Catalog) -> set[MessageKey]:
    """The (id, context) of every message in ``catalog`` except the header."""
    return {(m.id, m.context) for m in catalog if m.id}


# -- updating -------------------------------------------------------------------------


def read_catalog(path: Path, language: str) -> Catalog:
    """Parse one .po file."""
    with path.open("rb") as handle:
        return read_po(handle, locale=language, domain=DOMAIN)


def updated_catalog(template: Catalog, language: str) -> Catalog:
    """The .po of ``language`` brought in line with ``template``, translations kept.

    New messages come in untranslated, or fuzzy when babel finds a similar old
    one; messages gone from the code are dropped.
    """
    path = po_path(language)
    catalog = read_catalog(path, language) if path.exists() else Catalog(locale=language)
    catalog.update(template)
    catalog.project, catalog.version = template.project, template.version
    if language == SOURCE_LANGUAGE:
        fill_source_language(catalog)
    return catalog


def fill_source_language(catalog: Catalog) -> None:
    """Give each English message its id as translation where it has none.

    A fuzzy English entry whose text was only a copy of its old id gets the new
    id; one that was worded differently on purpose stays fuzzy for a person.
    """
    for message in catalog:
        if not message.id:
            continue
        source = _as_forms(message.id)
        forms = _as_forms(message.string)
        if message.fuzzy and message.previous_id and forms == tuple(message.previous_id):
            forms = ()
            message.flags.discard("fuzzy")
            message.previous_id = []
        if not any(forms):
            message.string = source if isinstance(message.id, tuple) else source[0]


def _as_forms(value: str | Iterable[str] | None) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        return (value,)
    return tuple(value)


def render_po(catalog: Catalog) -> bytes:
    """The text of a .po or .pot file for ``catalog``."""
    buffer = io.BytesIO()
    write_po(
        buffer,
        catalog,
        ignore_obsolete=True,
        include_previous=True,  # translators see what a fuzzy entry's English was
        include_lineno=False,
    )
    return buffer.getvalue()


def write_if_changed(path: Path, data: bytes) -> bool:
    """Write ``data`` unless the file says the same apart from its dates."""
    if path.exists() and _DATE_LINE.sub(b"", path.read_bytes()) == _DATE_LINE.sub(b"", data):
        return False
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return True


# -- checking -------------------------------------------------------------------------


def untranslated(catalog: Catalog, wanted: Iterable[MessageKey]) -> list[str]:
    """The ids in ``wanted`` that ``catalog`` lacks, has fuzzy, or leaves empty."""
    problems = []
    for msgid, context in sorted(wanted, key=repr):
        message = catalog.get(msgid, context)
        label = msgid if isinstance(msgid, str) else msgid[0]
        if message is None:
            problems.append(f"missing: {label!r}")
        elif message.fuzzy:
            problems.append(f"fuzzy: {label!r}")
        elif not (forms := _as_forms(message.string)) or not all(forms):
            problems.append(f"untranslated: {label!r}")
        elif isinstance(msgid, tuple) and len(forms) != catalog.num_plurals:
            problems.append(f"{len(forms)} plural forms, {catalog.num_plurals} wanted: {label!r}")
    return problems


def compiled_messages(catalog: Catalog) -> dict[object, object]:
    """What a fresh compile of ``catalog`` holds, as hatch_build.py compiles it.

    The header entry is left out: it carries dates that change on every
    compile, so only the translations themselves are compared.
    """
    buffer = io.BytesIO()
    write_mo(buffer, catalog, use_fuzzy=False)
    buffer.seek(0)
    return _translations(read_mo(buffer))


def mo_messages(path: Path) -> dict[object, object]:
    """The translations in a compiled catalogue on disk, header left out."""
    with path.open("rb") as handle:
        return _translations(read_mo(handle))


def _translations(catalog: Catalog) -> dict[object, object]:
    return {(m.id, m.context): m.string for m in catalog if m.id}


def placeholders(text: str) -> set[str]:
    """The names of the ``{name}`` fields in a ``str.format`` template.

    Raises :class:`ValueError` when the braces do not form a valid template.
    """
    names = set()
    for _, field, _, _ in string.Formatter().parse(text):
        if field is not None:
            names.add(re.split(r"[.\[]", field, maxsplit=1)[0])
    return names


def placeholder_problems(message: Message) -> list[str]:
    """Where a translation of ``message`` loses or invents a ``{placeholder}``.

    The first form of a language with several keeps the fields that singular
    and plural ids share; every other form, and the only form of a language
    without plurals (Chinese), keeps those of the plural id. No form may use a
    field the ids do not have: rendering it would fail.
    """
    ids = _as_forms(message.id)
    forms = _as_forms(message.string)
    if not ids or not any(forms):
        return []
    try:
        id_fields = [placeholders(i) for i in ids]
    except ValueError:
        return [f"{ids[0]!r}: the message id itself has broken braces"]
    shared = set.intersection(*id_fields)
    known = set.union(*id_fields)
    problems = []
    for index, form in enumerate(forms):
        if not form:
            continue
        try:
            found = placeholders(form)
        except ValueError:
            problems.append(f"{ids[0]!r}: translation {form!r} has broken braces")
            continue
        needed = id_fields[-1] if index > 0 or len(forms) == 1 else shared
        if needed - found:
            problems.append(f"{ids[0]!r}: translation {form!r} lacks {sorted(needed - found)}")
        if found - known:
            problems.append(f"{ids[0]!r}: translation {form!r} has unknown {sorted(found - known)}")
    return problems


__all__ = [
    "KEYWORDS",
    "LANGUAGES",
    "METHOD_MAP",
    "TEMPLATE",
    "compiled_messages",
    "extract_template",
    "message_ids",
    "mo_messages",
    "mo_path",
    "placeholder_problems",
    "po_path",
    "read_catalog",
    "render_po",
    "untranslated",
    "updated_catalog",
    "write_if_changed",
]

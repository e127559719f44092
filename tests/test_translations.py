"""Every message in the code is translated, and the shipped catalogues are current.

The messages are extracted from ``desktop/anjian`` exactly as
``scripts/update-translations`` extracts them (both use
``scripts/i18n_tools.py``). Pure Python: no Qt, no keyring.

When a test here fails: run ``scripts/update-translations``, translate the new
and fuzzy entries in ``resources/translations/*/LC_MESSAGES/anjian.po``, and
run ``scripts/test`` (it recompiles the catalogues).
"""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parent.parent


def _load_tools() -> ModuleType:
    path = ROOT / "scripts" / "i18n_tools.py"
    spec = importlib.util.spec_from_file_location("i18n_tools", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


i18n_tools = _load_tools()
LANGUAGES = i18n_tools.LANGUAGES


@pytest.fixture(scope="module")
def template():
    """The messages the code uses now."""
    return i18n_tools.extract_template()


def _catalog(language: str):
    return i18n_tools.read_catalog(i18n_tools.po_path(language), language)


def test_the_code_has_messages_to_translate(template):
    # Guards the tests below against passing because extraction found nothing.
    assert len(i18n_tools.message_ids(template)) > 10


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_message_in_the_code_is_translated(template, language):
    problems = i18n_tools.untranslated(_catalog(language), i18n_tools.message_ids(template))
    assert not problems, (
        f"{len(problems)} messages need work in {i18n_tools.po_path(language).relative_to(ROOT)} "
        "(run scripts/update-translations, then translate):\n  " + "\n  ".join(problems)
    )


@pytest.mark.parametrize("language", LANGUAGES)
def test_compiled_catalogue_matches_its_po_file(language):
    compiled = i18n_tools.mo_path(language)
    assert compiled.exists(), f"{compiled} is missing: run scripts/test or pip install -e ."
    fresh = i18n_tools.compiled_messages(_catalog(language))
    shipped = i18n_tools.mo_messages(compiled)
    assert shipped == fresh, (
        f"{compiled.relative_to(ROOT)} is stale: recompile with scripts/test or pip install -e ."
    )


@pytest.mark.parametrize("language", LANGUAGES)
def test_translations_keep_the_placeholders_of_their_message(language):
    problems = [
        problem
        for message in _catalog(language)
        if message.id
        for problem in i18n_tools.placeholder_problems(message)
    ]
    assert not problems, "\n".join(problems)


def test_placeholder_check_sees_a_lost_and_an_invented_placeholder():
    from babel.messages.catalog import Message

    lost = Message("Keyring: {backend}", "密钥环：")
    invented = Message("Keyring: {backend}", "密钥环：{backend} {name}")
    kept = Message("Keyring: {backend}", "密钥环：{backend}")
    assert i18n_tools.placeholder_problems(lost)
    assert i18n_tools.placeholder_problems(invented)
    assert not i18n_tools.placeholder_problems(kept)


def test_extraction_finds_every_marker_form(tmp_path, monkeypatch):
    source = tmp_path / "desktop" / "anjian"
    source.mkdir(parents=True)
    (source / "sample.py").write_text(
        "N_('marked')\n"
        "_('underscore')\n"
        "catalogue.gettext('method')\n"
        "catalogue.ngettext('{n} day', '{n} days', n)\n"
        "self.tr('widget')\n"
        "out.tr(text)\n",
        encoding="utf-8",
    )
    monkeypatch.setattr(i18n_tools, "ROOT", tmp_path)
    ids = {msgid for msgid, _ in i18n_tools.message_ids(i18n_tools.extract_template(source))}
    assert ids == {"marked", "underscore", "method", ("{n} day", "{n} days")}


def _marked_literals() -> set[str]:
    """Every string literal written as ``N_("...")`` anywhere in the package."""
    import ast

    found = set()
    for path in i18n_tools.SOURCE_DIR.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)
                    and node.func.id == "N_" and node.args
                    and isinstance(node.args[0], ast.Constant)
                    and isinstance(node.args[0].value, str)):
                found.add(node.args[0].value)
    return found


def test_no_message_is_passed_to_tr_unmarked():
    # ``tr`` is not an extraction keyword (see i18n_tools.KEYWORDS): a bare
    # literal given to it would never reach the translators.
    import ast

    bare = []
    for path in i18n_tools.SOURCE_DIR.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call) or not node.args:
                continue
            name = getattr(node.func, "id", None) or getattr(node.func, "attr", None)
            first = node.args[0]
            if name == "tr" and isinstance(first, ast.Constant) and isinstance(first.value, str):
                bare.append(f"{path.name}:{node.lineno}")
    assert not bare, f"wrap these in N_(): {bare}"


def test_extraction_finds_every_marked_message(template):
    # babel skips keyword calls nested inside another keyword call's arguments;
    # this catches any N_ it would silently leave untranslated.
    extracted = {key if isinstance(key, str) else key[0] for key in i18n_tools.message_ids(template)}
    missed = sorted(_marked_literals() - extracted)
    assert not missed, f"N_ messages the extractor misses: {missed}"

"""zxcvbn's English feedback always reaches the user translated."""

from __future__ import annotations

import ast
import inspect

from zxcvbn import feedback as zxcvbn_feedback

from anjian.core.passwords import feedback
from anjian.i18n import load_catalogue


def zxcvbn_strings() -> set[str]:
    """Every string zxcvbn 4.5.0's feedback module passes to gettext."""
    tree = ast.parse(inspect.getsource(zxcvbn_feedback))
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and getattr(node.func, "id", None) == "_":
            found.add(ast.literal_eval(node.args[0]))
    return found


def test_the_feedback_source_has_the_strings_we_expect():
    assert len(zxcvbn_strings()) >= 25


def test_every_zxcvbn_feedback_string_has_a_message():
    assert zxcvbn_strings() - set(feedback.ZXCVBN_TEXTS) == set()


def test_an_unknown_string_maps_to_nothing():
    assert feedback.zxcvbn_text("Something zxcvbn 5 might say.") is None


def test_mapped_messages_render_through_our_catalogue():
    catalogue = load_catalogue("en")
    text = feedback.zxcvbn_text("Avoid sequences.")
    assert text is not None and text.render(catalogue) == "Avoid sequences."


def test_durations_read_as_words():
    assert feedback.duration_text(0.5).msgid == "instantly"
    assert feedback.duration_text(3 * 3600).params == {"n": 3}
    assert feedback.duration_text(10**12).msgid == "centuries"


def test_every_pattern_the_scorer_names_has_a_label():
    from anjian.core.passwords.chinese import (
        CHINESE_DATE, LANDLINE, MOBILE, PINYIN_NAME, PINYIN_WORD, QQ_NUMBER)
    from anjian.core.passwords.lists import ListKind
    ours = {CHINESE_DATE, LANDLINE, MOBILE, PINYIN_NAME, PINYIN_WORD, QQ_NUMBER}
    ours |= {kind.value for kind in ListKind}
    assert ours <= set(feedback.PATTERNS)

"""Any text at all gets a verdict (or, past the limit, a message): never an exception."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from anjian.core.passwords.scorer import MAX_LENGTH, Scorer
from anjian.wordlists import word_lists

SCORER = Scorer(word_lists())
# Any code point, lone surrogates and control characters included.
ANY_CHARACTER = st.characters(min_codepoint=0, max_codepoint=0x10FFFF, blacklist_categories=())


@given(st.text(ANY_CHARACTER, max_size=80))
def test_any_short_text_gets_a_score(text):
    result = SCORER.score(text)
    assert 0 <= result.score <= 4
    assert all(0 <= p.start < p.end <= len(text) for p in result.patterns)


@given(st.text(st.sampled_from(" \t\r\n\x00\x1b\u200b\u3000"), max_size=40))
def test_whitespace_and_control_characters_get_a_score(text):
    assert 0 <= SCORER.score(text).score <= 4


@given(st.text(st.sampled_from("😀🔑🐼💰\U0001F9E7\ud800\udfff"), min_size=1, max_size=30))
def test_emoji_and_lone_surrogates_get_a_score(text):
    assert 0 <= SCORER.score(text).score <= 4


@given(st.integers(min_value=73, max_value=MAX_LENGTH), st.randoms(use_true_random=False))
def test_any_length_up_to_the_limit_gets_a_score(length, rng):
    text = "".join(rng.choice("ab1!张😀 ") for _ in range(length))
    result = SCORER.score(text)
    assert result.windowed and 0 <= result.score <= 4

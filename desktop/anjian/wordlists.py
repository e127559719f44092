"""The shipped password lists (``resources/passwords/*.txt``), read once and cached.

Core parses them (:mod:`anjian.core.passwords.lists`) but may not read files,
so the reading happens here; the CLI, the service and the window all call
:func:`word_lists` or :func:`password_scorer`.
"""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

from anjian.core.passwords.lists import WordLists, parse_list
from anjian.paths import resources_dir

if TYPE_CHECKING:
    from anjian.core.passwords.scorer import Scorer

_FILES = {
    "common": "chinese-common.txt",
    "love_numbers": "love-numbers.txt",
    "keyboard_walks": "keyboard-walks.txt",
    "pinyin_words": "pinyin-words.txt",
    "surnames": "pinyin-surnames.txt",
    "given_syllables": "pinyin-given.txt",
    "syllables": "pinyin-syllables.txt",
}


@lru_cache(maxsize=1)
def word_lists() -> WordLists:
    """Every list, parsed."""
    folder = resources_dir() / "passwords"
    return WordLists(**{field: parse_list((folder / name).read_text(encoding="utf-8"))
                        for field, name in _FILES.items()})


@lru_cache(maxsize=1)
def password_scorer() -> Scorer:
    """The one scorer of this process (it caches, and is safe across threads)."""
    from anjian.core.passwords.scorer import Scorer  # zxcvbn loads its lists: ~100 ms

    return Scorer(word_lists())

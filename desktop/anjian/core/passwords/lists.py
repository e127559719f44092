"""The word lists the scorer adds to zxcvbn's, parsed from ``resources/passwords``.

Each list is plain text, most common first; an entry's rank (its line number
among the entries) is the number of guesses an attacker who tries the list in
order needs to reach it. Reading the files is done outside core
(:mod:`anjian.wordlists`); this module only parses their text.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import field
from enum import Enum

from anjian.record import record


class ListKind(str, Enum):
    """What a word of the Chinese dictionary is, for the explanation."""

    COMMON = "chinese_common"  # a common password of Chinese websites
    LOVE_NUMBER = "love_number"
    KEYBOARD = "keyboard_walk"
    PINYIN_WORD = "pinyin_word"


# When a word is on several lists, the most specific explanation wins.
_PRIORITY = (ListKind.LOVE_NUMBER, ListKind.KEYBOARD, ListKind.PINYIN_WORD, ListKind.COMMON)


def parse_list(text: str) -> tuple[str, ...]:
    """The entries of a list file: one a line, lower-cased, comments and blanks skipped,
    duplicates dropped (the first, most common, occurrence keeps its rank)."""
    seen: dict[str, None] = {}
    for line in text.splitlines():
        entry = line.strip()
        if entry and not entry.startswith("#"):
            seen.setdefault(entry.lower(), None)
    return tuple(seen)


@record
class WordLists:
    """Every list the scorer uses, each most common first."""

    common: tuple[str, ...] = ()
    love_numbers: tuple[str, ...] = ()
    keyboard_walks: tuple[str, ...] = ()
    pinyin_words: tuple[str, ...] = ()
    surnames: tuple[str, ...] = ()
    given_syllables: tuple[str, ...] = ()
    syllables: tuple[str, ...] = ()
    # Derived look-up tables, built once.
    _ranked: dict[str, tuple[int, ListKind]] = field(default_factory=dict, compare=False,
                                                      repr=False)

    def __post_init__(self) -> None:
        sources = {ListKind.COMMON: self.common, ListKind.LOVE_NUMBER: self.love_numbers,
                   ListKind.KEYBOARD: self.keyboard_walks, ListKind.PINYIN_WORD: self.pinyin_words}
        ranked = self._ranked
        for kind in reversed(_PRIORITY):
            for rank, word in enumerate(sources[kind], 1):
                best = ranked.get(word)
                ranked[word] = (min(rank, best[0]) if best else rank, kind)

    @property
    def chinese_ranks(self) -> Mapping[str, int]:
        """Word -> rank of the merged Chinese dictionary (zxcvbn's ranked-dictionary form)."""
        return {word: rank for word, (rank, _) in self._ranked.items()}

    def kind_of(self, word: str) -> ListKind | None:
        """Which list explains ``word`` best, if any."""
        found = self._ranked.get(word)
        return found[1] if found else None

    def leaked(self) -> Iterable[str]:
        """The common-password list (for the exact "in public leak lists" check)."""
        return self.common

"""Matchers for what Chinese users put in passwords, in zxcvbn's match format.

zxcvbn finds English words, names, keyboard walks, dates and sequences. These
matchers add pinyin names and words, mainland phone numbers, QQ-number-like
digit strings and Chinese date forms. Each match carries its own ``guesses``
(zxcvbn's scoring takes a match's guesses as given when it has them) and a
``pattern`` name of our own, so the explanation can say what was found.

How many guesses each pattern costs an attacker, and why:

- A pinyin name is a surname and one or two given-name syllables. Its guesses
  are the surname's rank times each syllable's rank, the order in which an
  attacker with the published name frequencies tries them: *zhangwei* (the
  most common full name in China) is among the first few.
- A pinyin word is two to six syllables; its guesses are the product of the
  syllables' ranks. Chinese guessing dictionaries are built exactly this way.
- A mainland mobile or a landline number is something the attacker knows or
  finds (it is the login name on most Chinese services and in every leaked
  database), so a targeted guesser tries it among the first ten thousand
  guesses. A QQ-number-like run of digits costs what its length allows.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from math import log10
from typing import Any

from zxcvbn.scoring import MIN_SUBMATCH_GUESSES_MULTI_CHAR, REFERENCE_YEAR, uppercase_variations

from anjian.core.passwords.lists import WordLists

Match = dict[str, Any]

PINYIN_NAME = "pinyin_name"
PINYIN_WORD = "pinyin_word"
MOBILE = "mobile_phone"
LANDLINE = "landline"
QQ_NUMBER = "qq_number"
CHINESE_DATE = "chinese_date"

# A phone number is a known identifier, not a secret: see the module docstring.
MOBILE_GUESSES = 10_000
LANDLINE_GUESSES = 100_000
_MAX_WORD_SYLLABLES = 6
_MAX_GIVEN_SYLLABLES = 2
_MIN_YEAR_SPACE = 20

_LETTERS = re.compile(r"[a-z]+")
_DIGIT_RUN = re.compile(r"\d+")
# With or without the country code (+86, 86-).
_MOBILE = re.compile(r"(?=((?:\+?86[- ]?)?1[3-9]\d{9}))")
# 010 and 02x have 8-digit local numbers; 0xxx areas 7 or 8. Local numbers start 2-8.
_LANDLINE = re.compile(r"(?=(0(?:10|2\d|[3-9]\d{2})[- ]?[2-8]\d{6,7}))")
_HAN_DATE = re.compile(
    r"(?:(?P<year>\d{4}|\d{2})年)?(?P<month>\d{1,2})月(?:(?P<day>\d{1,2})[日号])?")
_MONTH_DAY = re.compile(r"(?=((0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])))")
_YEAR_MONTH = re.compile(r"(?=((19[4-9]\d|20[0-4]\d)(0[1-9]|1[0-2])))")


class ChineseMatcher:
    """Finds the Chinese patterns in a password, given the word lists."""

    def __init__(self, lists: WordLists) -> None:
        vowels = set("aeiouv")
        # Syllables without a vowel (m, n, ng, hm) are interjections: skipping
        # them keeps runs of consonants from reading as pinyin.
        syllables = [s for s in lists.syllables if vowels & set(s)]
        self._syllable_rank = {s: rank for rank, s in enumerate(syllables, 1)}
        given = {s: rank for rank, s in enumerate(lists.given_syllables, 1)}
        # A syllable rarely used in names ranks after every common one.
        self._given_rank = {
            s: given.get(s, len(given) + rank) for s, rank in self._syllable_rank.items()
        }
        self._surname_rank = {s: rank for rank, s in enumerate(lists.surnames, 1)}
        self._longest_syllable = max((len(s) for s in syllables), default=0)
        self._longest_surname = max((len(s) for s in lists.surnames), default=0)

    # -- everything -------------------------------------------------------------

    def matches(self, password: str) -> list[Match]:
        """Every Chinese pattern found in ``password``."""
        found: list[Match] = []
        lower = password.lower()
        for run in _LETTERS.finditer(lower):
            found += self._pinyin(password, run.start(), run.group())
        found += self._numbers(password)
        for match in found:
            _finish(match, password)
        return found

    # -- pinyin -------------------------------------------------------------------

    def _syllables_at(self, text: str, start: int, ranks: dict[str, int]) -> list[tuple[int, int]]:
        """(end, rank) of each syllable of ``ranks`` that starts at ``start``."""
        out = []
        for length in range(1, min(self._longest_syllable, len(text) - start) + 1):
            rank = ranks.get(text[start:start + length])
            if rank is not None:
                out.append((start + length, rank))
        return out

    def _pinyin(self, password: str, offset: int, run: str) -> list[Match]:
        n = len(run)
        word_at = [self._syllables_at(run, i, self._syllable_rank) for i in range(n)]
        given_at = [self._syllables_at(run, i, self._given_rank) for i in range(n)]
        found: list[Match] = []
        for start in range(n):
            if not word_at[start]:
                continue
            # Cheapest segmentation of run[start:end] into k syllables, k <= 6.
            best: dict[int, tuple[int, int]] = {start: (1, 0)}  # end -> (product, count)
            for pos in range(start, n):
                here = best.get(pos)
                if here is None or here[1] >= _MAX_WORD_SYLLABLES:
                    continue
                for end, rank in word_at[pos]:
                    candidate = (here[0] * rank, here[1] + 1)
                    if end not in best or candidate[0] < best[end][0]:
                        best[end] = candidate
            for end, (guesses, count) in best.items():
                if count >= 2:
                    found.append(_match(PINYIN_WORD, offset + start, offset + end - 1, password,
                                        guesses, syllables=count))
            found += self._names(password, offset, run, start, given_at)
        return found

    def _names(self, password: str, offset: int, run: str, start: int,
               given_at: list[list[tuple[int, int]]]) -> Iterator[Match]:
        """Surname first (zhangwei) and given name first (weizhang)."""
        for length in range(1, min(self._longest_surname, len(run) - start) + 1):
            surname_rank = self._surname_rank.get(run[start:start + length])
            if surname_rank is None:
                continue
            end = start + length
            for first_end, first in given_at[end] if end < len(run) else ():
                yield _match(PINYIN_NAME, offset + start, offset + first_end - 1, password,
                             surname_rank * first, syllables=2)
                if first_end < len(run):
                    for second_end, second in given_at[first_end]:
                        yield _match(PINYIN_NAME, offset + start, offset + second_end - 1,
                                     password, surname_rank * first * second, syllables=3)
        # Given name first: the order on Western forms, twice the guesses.
        for first_end, first in given_at[start]:
            tail = run[first_end:]
            for length in range(1, min(self._longest_surname, len(tail)) + 1):
                surname_rank = self._surname_rank.get(tail[:length])
                if surname_rank is not None:
                    yield _match(PINYIN_NAME, offset + start, offset + first_end + length - 1,
                                 password, 2 * surname_rank * first, syllables=2)

    # -- numbers --------------------------------------------------------------------

    def _numbers(self, password: str) -> list[Match]:
        found = [_match(MOBILE, m.start(1), m.end(1) - 1, password, MOBILE_GUESSES)
                 for m in _MOBILE.finditer(password)]
        found += [_match(LANDLINE, m.start(1), m.end(1) - 1, password, LANDLINE_GUESSES)
                  for m in _LANDLINE.finditer(password)]
        for run in _DIGIT_RUN.finditer(password):
            digits = run.group()
            if 5 <= len(digits) <= 11 and digits[0] != "0":
                # Every digit string of this length that does not start with 0.
                found.append(_match(QQ_NUMBER, run.start(), run.end() - 1, password,
                                    9 * 10 ** (len(digits) - 1)))
        found += self._dates(password)
        return found

    def _dates(self, password: str) -> list[Match]:
        found = []
        for m in _HAN_DATE.finditer(password):
            if not _valid_month_day(int(m["month"]), int(m["day"] or 1)):
                continue
            days = 365 if m["day"] else 12
            years = _year_space(m["year"]) if m["year"] else 1
            found.append(_match(CHINESE_DATE, m.start(), m.end() - 1, password, years * days))
        for m in _MONTH_DAY.finditer(password):
            found.append(_match(CHINESE_DATE, m.start(1), m.end(1) - 1, password, 366))
        for m in _YEAR_MONTH.finditer(password):
            found.append(_match(CHINESE_DATE, m.start(1), m.end(1) - 1, password,
                                _year_space(m.group(2)) * 12))
        return found


def _year_space(year: str) -> int:
    value = int(year)
    if len(year) == 2:
        value += 1900 if value > 50 else 2000
    return max(abs(value - REFERENCE_YEAR), _MIN_YEAR_SPACE)


def _valid_month_day(month: int, day: int) -> bool:
    return 1 <= month <= 12 and 1 <= day <= 31


def _match(pattern: str, i: int, j: int, password: str, guesses: int, **extra: Any) -> Match:
    return {"pattern": pattern, "i": i, "j": j, "token": password[i:j + 1],
            "base_guesses": guesses, **extra}


def _finish(match: Match, password: str) -> None:
    """Set the guesses as zxcvbn would: capitals multiply, a part costs at least 50."""
    guesses = match["base_guesses"] * _capital_variations(match)
    if len(match["token"]) < len(password):
        guesses = max(guesses, MIN_SUBMATCH_GUESSES_MULTI_CHAR)
    match["guesses"] = guesses
    match["guesses_log10"] = log10(guesses)


def _capital_variations(match: Match) -> int:
    token = match["token"]
    if token.lower() == token:
        return 1
    if match["pattern"] in (PINYIN_NAME, PINYIN_WORD):
        # ZhangWei: capitals on syllable starts are as common as a capital first letter.
        capitals = [c for c in token if c.isupper()]
        if len(capitals) <= match.get("syllables", 1) and token[0].isupper():
            return 2
    return int(uppercase_variations({"token": token}))

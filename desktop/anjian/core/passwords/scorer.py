"""How easy a password is to guess: zxcvbn 4.5.0 plus what Chinese users choose.

The scorer runs zxcvbn's own matchers over its dictionaries, our merged Chinese
dictionary and the user's personal forms (zxcvbn's ``user_inputs``), adds the
matches of :mod:`.chinese`, and lets zxcvbn's scoring find the cheapest way to
build the password from them. The result names every pattern it used.

zxcvbn keeps its dictionaries in a module-level dict, and ``zxcvbn()`` writes
the user inputs into it on every call: two threads scoring at once would race.
So the scorer never calls ``zxcvbn()`` and never adds to that dict: it builds
its own ranked dictionaries (with zxcvbn's ``build_ranked_dict``) and passes
them to ``omnimatch``, its extension point. Plain zxcvbn in the same process
stays as shipped, so its figures can be compared with ours.

Length: zxcvbn refuses more than 72 characters (its time grows with the square
of the length). Up to 72 the password is scored whole. Up to
:data:`MAX_LENGTH` it is scored in overlapping windows of :data:`WINDOW`
characters, every :data:`STEP` characters, and the weakest window gives the
result: every part up to 16 characters long lies whole inside some window, so
a weak head, middle or tail is never cut away, and the estimate can only be
too low, never too high. Longer input is refused with a clear message.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from math import log10
from threading import Lock
from typing import Any

from zxcvbn import feedback as zxcvbn_feedback
from zxcvbn import matching, scoring, time_estimates

from anjian.core.passwords import feedback as texts
from anjian.core.passwords.chinese import ChineseMatcher
from anjian.core.passwords.lists import WordLists
from anjian.core.passwords.personal import PersonalKind, PersonalValue, expand
from anjian.i18n import N_, Text
from anjian.record import record

MAX_LENGTH = 1024
WHOLE_LIMIT = 72  # zxcvbn's own limit
WINDOW = 32
STEP = 16
_CACHE_SIZE = 256
_SEPARATORS = frozenset(" .-_@#*!+&/,~")
_MAX_SEPARATORS = 4
_MAX_COMPACT = 24  # a name and a full date with separators fit; a passphrase does not
# Below this many guesses (score 0) taking separators out cannot change the verdict.
_SEPARATOR_WORTH_TRYING = 1000

_DICTIONARY_KINDS = {
    "passwords": "common_password",
    "english_wikipedia": "english_word",
    "us_tv_and_film": "english_word",
    "surnames": "english_name",
    "male_names": "english_name",
    "female_names": "english_name",
}
_PATTERN_KINDS = {"spatial": "keyboard", "repeat": "repeat", "sequence": "sequence",
                  "date": "date", "bruteforce": "random"}


class PasswordTooLong(ValueError):
    """The input is longer than :data:`MAX_LENGTH`; ``text`` says so."""

    def __init__(self, length: int) -> None:
        self.text = Text(N_("This is {length} characters long. Anjian scores passwords of up "
                            "to {limit} characters."), {"length": length, "limit": MAX_LENGTH})
        super().__init__(str(self.text))


@record
class Pattern:
    """One part of the password and what it was recognised as.

    ``token`` is that part of the password: show it only where the password
    itself is shown, never print or store it. ``start``/``end`` are character
    positions (end exclusive).
    """

    kind: str
    start: int
    end: int
    guesses_log10: float
    token: str = field(repr=False)
    personal: str | None = None  # the PersonalKind value, for "personal"
    l33t: bool = False
    reversed: bool = False

    @property
    def label(self) -> Text:
        """What the part is, e.g. "a name in pinyin", "your birthday"."""
        if self.personal is not None:
            return Text(texts.PERSONAL_LABELS[self.personal][0])
        return Text(texts.PATTERNS[self.kind][0])

    @property
    def is_personal(self) -> bool:
        return self.kind == "personal"

    @property
    def is_chinese(self) -> bool:
        return self.kind in texts.CHINESE_PATTERNS


@record
class Strength:
    """The verdict on one password. Holds no copy of the password except in pattern tokens."""

    score: int
    guesses_log10: float
    crack_times_seconds: Mapping[str, float]
    warning: Text | None
    suggestions: tuple[Text, ...]
    patterns: tuple[Pattern, ...]
    in_leak_lists: bool
    length: int
    windowed: bool = False

    @property
    def label(self) -> Text:
        """"Very weak" … "Very strong"."""
        return Text(texts.SCORE_LABELS[self.score])

    @property
    def words(self) -> Text:
        """What the score means, in a sentence."""
        return Text(texts.SCORE_WORDS[self.score])

    def crack_times(self) -> list[tuple[Text, Text]]:
        """(scenario, how long) in plain words, slowest attack first."""
        return [(Text(texts.SCENARIOS[key]), texts.duration_text(seconds))
                for key, seconds in self.crack_times_seconds.items()]


@dataclass
class _Analysis:
    guesses: Decimal
    sequence: list[dict[str, Any]]


class Scorer:
    """Scores passwords; safe to use from several threads at once."""

    def __init__(self, lists: WordLists) -> None:
        self.lists = lists
        self._chinese = ChineseMatcher(lists)
        base = {name: ranked for name, ranked in matching.RANKED_DICTIONARIES.items()
                if name != "user_inputs"}
        base["anjian_chinese"] = dict(lists.chinese_ranks)
        self._base = base
        self._leaked = frozenset(base.get("passwords", {})) | frozenset(lists.leaked())
        self._personal: OrderedDict[tuple[PersonalValue, ...], tuple[dict, dict]] = OrderedDict()
        self._windows: OrderedDict[tuple[str, tuple[PersonalValue, ...]], _Analysis] = \
            OrderedDict()
        self._lock = Lock()

    # -- the public verdict ---------------------------------------------------------

    def score(self, password: str, personal: Sequence[PersonalValue] = ()) -> Strength:
        """Score ``password``; raise :class:`PasswordTooLong` above :data:`MAX_LENGTH`."""
        if len(password) > MAX_LENGTH:
            raise PasswordTooLong(len(password))
        key = tuple(personal)
        in_leaks = password.casefold() in self._leaked
        if not password:
            return self._verdict(password, Decimal(1), [], in_leaks, False, [])
        if len(password) <= WHOLE_LIMIT:
            analysis = self._analyse(password, key)
            return self._verdict(password, analysis.guesses, analysis.sequence, in_leaks, False,
                                 analysis.sequence)
        starts = list(range(0, len(password) - WINDOW + 1, STEP))
        if starts[-1] != len(password) - WINDOW:
            starts.append(len(password) - WINDOW)
        weakest: _Analysis | None = None
        everything: list[dict[str, Any]] = []
        for start in starts:
            analysis = self._analyse(password[start:start + WINDOW], key)
            everything += [{**m, "i": m["i"] + start, "j": m["j"] + start}
                           for m in analysis.sequence]
            if weakest is None or analysis.guesses < weakest.guesses:
                weakest = analysis
        assert weakest is not None
        return self._verdict(password, weakest.guesses, weakest.sequence, in_leaks, True,
                             everything)

    def in_leak_lists(self, password: str) -> bool:
        """Whether this password (capitals aside) is on a public list of leaked passwords."""
        return password.casefold() in self._leaked

    def forget(self) -> None:
        """Drop the cached analyses (they hold parts of recent passwords)."""
        with self._lock:
            self._windows.clear()

    # -- one string, scored whole ------------------------------------------------------

    def _analyse(self, password: str, personal: tuple[PersonalValue, ...]) -> _Analysis:
        cache_key = (password, personal)
        with self._lock:
            cached = self._windows.get(cache_key)
            if cached is not None:
                self._windows.move_to_end(cache_key)
                return cached
        analysis = self._match_and_score(password, personal)
        compact = _without_separators(password)
        if compact is not None and _separators_may_matter(analysis, password):
            kept, factor = compact
            inner = self._match_and_score("".join(password[i] for i in kept), personal)
            if inner.guesses * factor < analysis.guesses:
                analysis = _Analysis(inner.guesses * factor,
                                     [_moved(m, kept, password) for m in inner.sequence])
        with self._lock:
            self._windows[cache_key] = analysis
            if len(self._windows) > _CACHE_SIZE:
                self._windows.popitem(last=False)
        return analysis

    def _match_and_score(self, password: str, personal: tuple[PersonalValue, ...]) -> _Analysis:
        ranked, personal_kinds = self._personal_dictionary(personal)
        dictionaries = {**self._base, "user_inputs": ranked}
        matches = matching.omnimatch(password, dictionaries)
        for match in matches:
            if match["pattern"] == "dictionary":
                _name_dictionary_match(match, self.lists, personal_kinds)
        matches += self._chinese.matches(password)
        result = scoring.most_guessable_match_sequence(password, matches)
        return _Analysis(Decimal(result["guesses"]), result["sequence"])

    def _personal_dictionary(self, personal: tuple[PersonalValue, ...]) -> tuple[dict, dict]:
        with self._lock:
            found = self._personal.get(personal)
        if found is None:
            forms = expand(personal)
            found = (matching.build_ranked_dict([form for form, _ in forms]),
                     {form: kind for form, kind in forms})
            with self._lock:
                self._personal[personal] = found
                if len(self._personal) > 8:
                    self._personal.popitem(last=False)
        return found

    # -- from zxcvbn's sequence to our verdict --------------------------------------------

    def _verdict(self, password: str, guesses: Decimal, sequence: list[dict[str, Any]],
                 in_leaks: bool, windowed: bool, found: list[dict[str, Any]]) -> Strength:
        attack = time_estimates.estimate_attack_times(guesses)
        score = int(attack["score"])
        patterns = _patterns(found)
        warning, suggestions = _feedback(score, sequence, password, patterns, in_leaks)
        if windowed:
            suggestions = (*suggestions, Text(texts.LONG_INPUT.msgid, {"window": WINDOW}))
        return Strength(
            score=score,
            guesses_log10=float(log10(guesses)) if guesses > 0 else 0.0,
            crack_times_seconds={k: float(v) for k, v in attack["crack_times_seconds"].items()},
            warning=warning,
            suggestions=suggestions,
            patterns=patterns,
            in_leak_lists=in_leaks,
            length=len(password),
            windowed=windowed,
        )


def _without_separators(password: str) -> tuple[list[int], int] | None:
    """Where the password's characters are once separators are taken out, and what
    putting them back costs an attacker; ``None`` if there is nothing to take out.

    "wang.lei.1989" and "zhangwei@1990" are a name and a year joined by a
    separator; zxcvbn counts each separator as one more part (every part
    multiplies the guesses), while a guesser just tries a few separators
    between the parts it already guesses: about ten choices for each distinct
    separator, and a factor of two for each further place it is put.
    """
    separators = [i for i, ch in enumerate(password) if ch in _SEPARATORS]
    if not separators or len(separators) > _MAX_SEPARATORS:
        return None
    kept = [i for i, ch in enumerate(password) if ch not in _SEPARATORS]
    if not 4 <= len(kept) <= _MAX_COMPACT:
        return None
    distinct = len({password[i] for i in separators})
    return kept, 10 ** distinct * 2 ** (len(separators) - 1)


def _separators_may_matter(analysis: _Analysis, password: str) -> bool:
    """Whether a separator stands right next to a pattern the first scoring found.

    Scoring again without separators costs as much as the first scoring, so it
    is done only then, and only when there is room for a lower score: a random
    string, a long passphrase or a score of 0 skip it.
    """
    if analysis.guesses <= _SEPARATOR_WORTH_TRYING:
        return False
    edges = set()
    for m in analysis.sequence:
        if m["pattern"] != "bruteforce":
            edges.update((m["i"] - 1, m["j"] + 1))
    return any(0 <= e < len(password) and password[e] in _SEPARATORS for e in edges)


def _moved(match: dict[str, Any], kept: list[int], password: str) -> dict[str, Any]:
    """A match of the separator-free string, placed back on the password."""
    i, j = kept[match["i"]], kept[match["j"]]
    return {**match, "i": i, "j": j, "token": password[i:j + 1]}


def _name_dictionary_match(match: dict[str, Any], lists: WordLists,
                           personal_kinds: Mapping[str, PersonalKind]) -> None:
    name = match["dictionary_name"]
    if name == "user_inputs":
        match["anjian_kind"] = "personal"
        match["anjian_personal"] = personal_kinds[match["matched_word"]].value
    elif name == "anjian_chinese":
        kind = lists.kind_of(match["matched_word"])
        match["anjian_kind"] = kind.value if kind else "chinese_common"
    else:
        match["anjian_kind"] = _DICTIONARY_KINDS.get(name, "english_word")


def kind_of(match: Mapping[str, Any]) -> str:
    """Our pattern id for a match of zxcvbn's or ours."""
    if "anjian_kind" in match:
        return str(match["anjian_kind"])
    pattern = match["pattern"]
    if pattern == "regex":
        return "year" if match.get("regex_name") == "recent_year" else "random"
    return _PATTERN_KINDS.get(pattern, pattern)


def _patterns(found: list[dict[str, Any]]) -> tuple[Pattern, ...]:
    """Every non-random part, once, dropping a part inside a larger one of the same kind."""
    candidates = {}
    for m in found:
        kind = kind_of(m)
        if kind == "random":
            continue
        pattern = Pattern(kind=kind, start=m["i"], end=m["j"] + 1,
                          guesses_log10=float(m.get("guesses_log10") or 0.0), token=m["token"],
                          personal=m.get("anjian_personal"), l33t=bool(m.get("l33t")),
                          reversed=bool(m.get("reversed")))
        candidates.setdefault((kind, pattern.start, pattern.end), pattern)
    kept = [p for p in candidates.values()
            if not any(o.kind == p.kind and o.start <= p.start and p.end <= o.end and o != p
                       for o in candidates.values())]
    return tuple(sorted(kept, key=lambda p: (p.start, p.end)))


def _feedback(score: int, sequence: list[dict[str, Any]], password: str,
              patterns: tuple[Pattern, ...], in_leaks: bool) -> tuple[Text | None, tuple[Text, ...]]:
    """The one warning that matters most, and what to do instead."""
    if not password:
        return texts.EMPTY, ()
    personal = [p for p in patterns if p.is_personal]
    chinese = [p for p in patterns if p.is_chinese]
    warning: Text | None = None
    suggestions: list[Text] = []
    if score <= 2:
        raw = zxcvbn_feedback.get_feedback(score, sequence)
        longest = max(sequence, key=lambda m: len(m["token"]), default=None)
        kind = kind_of(longest) if longest else "random"
        if kind in texts.CHINESE_PATTERNS:
            warning = Text(texts.PATTERNS[kind][1])
        else:
            warning = texts.zxcvbn_text(raw["warning"]) if raw["warning"] else None
        suggestions += [t for t in map(texts.zxcvbn_text, raw["suggestions"]) if t]
    if personal:
        warning = Text(texts.PERSONAL_LABELS[personal[0].personal or "other"][1])
        suggestions.append(texts.AVOID_PERSONAL)
    if in_leaks:
        warning = texts.IN_LEAK_LISTS
    if chinese and score <= 2:
        suggestions.append(texts.AVOID_CHINESE)
    if score <= 2 and _mixes_character_classes(password):
        suggestions.append(texts.COMPOSITION_IS_NOT_STRENGTH)
    if score <= 2:
        suggestions.append(texts.USE_MANAGER)
    unique = {t.msgid: t for t in suggestions}  # Text holds a dict: not hashable
    return warning, tuple(unique.values())


def _mixes_character_classes(password: str) -> bool:
    classes = (any(c.islower() for c in password), any(c.isupper() for c in password),
               any(c.isdigit() for c in password), any(not c.isalnum() for c in password))
    return sum(classes) >= 3

"""Checking a BIP39 recovery phrase typed from a backup, and its salted fingerprint.

The phrase is checked word by word against the English, Simplified Chinese and
Traditional Chinese word lists (from the ``mnemonic`` package): a word that is
not on the list is marked with the nearest valid words, and the checksum (the
last bits of the last word, a SHA-256 of the rest) tells whether the words
are in the right order and none is wrong.

What is kept to recognise the phrase later is ONE fingerprint of the whole
normalised phrase: scrypt with a random salt, whose cost makes each guess
expensive. A 12-word phrase holds 128 bits of entropy, so even a free guess
could not find it; but if part of the phrase leaked (a photo of some words),
the fingerprint would let an attacker check guesses for the rest offline.
That is why it lives in its own keyring entry like any secret, and why no
per-word value is ever stored: a per-word hash of 2048 possible words is
reversed by trying all of them.
"""

from __future__ import annotations

import base64
import difflib
import hashlib
import hmac
import json
import re
import unicodedata
from collections.abc import Mapping, Sequence
from enum import Enum
from functools import lru_cache

from anjian.i18n import N_
from anjian.record import record

LANGUAGES = ("english", "chinese_simplified", "chinese_traditional")
LANGUAGE_NAMES: Mapping[str, str] = {
    "english": N_("English"),
    "chinese_simplified": N_("Simplified Chinese"),
    "chinese_traditional": N_("Traditional Chinese"),
}
VALID_LENGTHS = (12, 15, 18, 21, 24)

# scrypt at N=2^15, r=8 uses 32 MiB and takes about 0.1 s: cheap once per test,
# costly per guess. Stored with the fingerprint so that it can be raised later.
SCRYPT_N = 2**15
SCRYPT_R = 8
SCRYPT_P = 1
SALT_BYTES = 16
FINGERPRINT_BYTES = 32
_MAX_N = 2**20  # refuse a stored record that would make us allocate 1 GiB
FINGERPRINT_PURPOSE = "recovery-phrase-fingerprint"

# Separators people type between words: spaces of any width, commas, the
# ideographic comma and full stop, new lines.
_SEPARATORS = re.compile(r"[\s,，、。.;；]+")


@lru_cache(maxsize=None)
def wordlist(language: str) -> tuple[str, ...]:
    """The 2048 words of one BIP39 list (loaded once from the ``mnemonic`` package)."""
    from mnemonic import Mnemonic

    return tuple(Mnemonic(language).wordlist)


@lru_cache(maxsize=None)
def _index(language: str) -> Mapping[str, int]:
    return {word: i for i, word in enumerate(wordlist(language))}


def _is_cjk(char: str) -> bool:
    return "\u3400" <= char <= "\u9fff" or "\uf900" <= char <= "\ufaff"


def split_words(typed: str) -> tuple[str, ...]:
    """The words of ``typed``, normalised: NFKD, lower case, one per Chinese character.

    Chinese words are single characters and people often type them without
    spaces, so every CJK character is a word of its own.
    """
    text = unicodedata.normalize("NFKD", typed).lower()
    words: list[str] = []
    for chunk in _SEPARATORS.split(text):
        buffer = ""
        for char in chunk:
            if _is_cjk(char):
                if buffer:
                    words.append(buffer)
                    buffer = ""
                words.append(char)
            else:
                buffer += char
        if buffer:
            words.append(buffer)
    return tuple(words)


def guess_language(words: Sequence[str]) -> str:
    """The word list that knows the most of ``words`` (Simplified wins a tie)."""
    scores = {lang: sum(w in _index(lang) for w in words) for lang in LANGUAGES}
    return max(LANGUAGES, key=lambda lang: (scores[lang], lang == "chinese_simplified"))


class WordStatus(str, Enum):
    """How one typed word compares with the word list."""

    KNOWN = "known"
    UNKNOWN = "unknown"


@record
class WordCheck:
    """One typed word: its position (from 1), whether it is on the list, what was meant."""

    position: int
    word: str
    status: WordStatus
    suggestions: tuple[str, ...] = ()


class Verdict(str, Enum):
    """What the phrase as a whole is."""

    EMPTY = "empty"
    WRONG_LENGTH = "wrong-length"
    UNKNOWN_WORDS = "unknown-words"
    BAD_CHECKSUM = "bad-checksum"
    VALID = "valid"


VERDICT_TEXTS: Mapping[Verdict, str] = {
    Verdict.EMPTY: N_("Type the words of your recovery phrase."),
    Verdict.WRONG_LENGTH: N_("{count} words: a recovery phrase has 12, 15, 18, 21 or 24."),
    Verdict.UNKNOWN_WORDS: N_("Some words are not on the {language} word list: check the "
                              "marked ones against your backup."),
    Verdict.BAD_CHECKSUM: N_("Every word is on the list, but the checksum does not match: a "
                             "word is wrong or two words are swapped."),
    Verdict.VALID: N_("The words and the checksum are valid ({count} words, {language})."),
}


@record
class PhraseCheck:
    """The outcome of checking a typed phrase, word by word and as a whole."""

    language: str
    words: tuple[WordCheck, ...]
    verdict: Verdict

    @property
    def normalised(self) -> str:
        """The canonical form that is fingerprinted: the words joined by single spaces."""
        return " ".join(w.word for w in self.words)


def check_phrase(typed: str, language: str | None = None) -> PhraseCheck:
    """Check ``typed`` against ``language``'s list (``None``: guess it from the words)."""
    words = split_words(typed)
    lang = language or guess_language(words)
    index = _index(lang)
    checks = tuple(
        WordCheck(i + 1, w, WordStatus.KNOWN) if w in index
        else WordCheck(i + 1, w, WordStatus.UNKNOWN, nearest_words(w, lang))
        for i, w in enumerate(words)
    )
    if not words:
        verdict = Verdict.EMPTY
    elif any(c.status is WordStatus.UNKNOWN for c in checks):
        verdict = Verdict.UNKNOWN_WORDS
    elif len(words) not in VALID_LENGTHS:
        verdict = Verdict.WRONG_LENGTH
    elif not checksum_ok([index[w] for w in words]):
        verdict = Verdict.BAD_CHECKSUM
    else:
        verdict = Verdict.VALID
    return PhraseCheck(lang, checks, verdict)


def nearest_words(word: str, language: str, limit: int = 3) -> tuple[str, ...]:
    """The valid words closest to a mistyped ``word``.

    English words are unique in their first four letters, so a word that
    starts with what was typed (an abbreviation such as "aban") comes first,
    then spelling neighbours from the closest, then words sharing the first
    four letters. A Chinese character from the
    other script's list (Traditional typed for Simplified, or the reverse) is
    mapped to the same word; other characters have no spelling neighbours.
    """
    words = wordlist(language)
    if language == "english":
        found = [w for w in words if len(word) >= 3 and w.startswith(word)]
        found += difflib.get_close_matches(word, words, n=limit, cutoff=0.6)
        found += [w for w in words if len(word) >= 4 and w.startswith(word[:4])]
        return tuple(dict.fromkeys(found))[:limit]
    for other in LANGUAGES:
        if other != language and word in _index(other):
            return (words[_index(other)[word]],)
    return ()


def checksum_ok(indexes: Sequence[int]) -> bool:
    """Whether the word indexes carry a valid BIP39 checksum."""
    bits = "".join(format(i, "011b") for i in indexes)
    checksum_bits = len(bits) // 33
    entropy_bits = len(bits) - checksum_bits
    entropy = int(bits[:entropy_bits], 2).to_bytes(entropy_bits // 8, "big")
    digest = format(int.from_bytes(hashlib.sha256(entropy).digest(), "big"), "0256b")
    return bits[entropy_bits:] == digest[:checksum_bits]


# -- the fingerprint -----------------------------------------------------------


@record
class Fingerprint:
    """A salted scrypt fingerprint of a whole phrase, with the parameters that made it."""

    salt: bytes
    digest: bytes
    n: int = SCRYPT_N
    r: int = SCRYPT_R
    p: int = SCRYPT_P

    def to_secret(self) -> str:
        """The keyring entry's value."""
        return json.dumps({
            "algorithm": "scrypt", "n": self.n, "r": self.r, "p": self.p,
            "salt": base64.b64encode(self.salt).decode("ascii"),
            "digest": base64.b64encode(self.digest).decode("ascii"),
        }, sort_keys=True)

    @classmethod
    def from_secret(cls, value: str) -> Fingerprint:
        """Parse a keyring entry's value; ``ValueError`` if it is not a fingerprint."""
        try:
            raw = json.loads(value)
            if raw.get("algorithm") != "scrypt":
                raise ValueError("unknown algorithm")
            n, r, p = int(raw["n"]), int(raw["r"]), int(raw["p"])
            salt = base64.b64decode(raw["salt"], validate=True)
            digest = base64.b64decode(raw["digest"], validate=True)
        except (KeyError, TypeError, AttributeError, json.JSONDecodeError) as exc:
            raise ValueError("not a phrase fingerprint") from exc
        if not (2 <= n <= _MAX_N and n & (n - 1) == 0 and 1 <= r <= 32 and 1 <= p <= 16):
            raise ValueError("scrypt parameters out of range")
        if len(salt) < SALT_BYTES or len(digest) != FINGERPRINT_BYTES:
            raise ValueError("not a phrase fingerprint")
        return cls(salt=salt, digest=digest, n=n, r=r, p=p)


def _scrypt(normalised: str, salt: bytes, n: int, r: int, p: int) -> bytes:
    return hashlib.scrypt(normalised.encode("utf-8"), salt=salt, n=n, r=r, p=p,
                          maxmem=256 * n * r + 2**20, dklen=FINGERPRINT_BYTES)


def fingerprint(check: PhraseCheck, salt: bytes, n: int = SCRYPT_N) -> Fingerprint:
    """The fingerprint of a valid phrase with a fresh ``salt`` (the caller draws it)."""
    if check.verdict is not Verdict.VALID:
        raise ValueError("only a valid phrase is fingerprinted")
    if len(salt) < SALT_BYTES:
        raise ValueError("the salt is too short")
    return Fingerprint(salt, _scrypt(check.normalised, salt, n, SCRYPT_R, SCRYPT_P), n)


def matches(check: PhraseCheck, stored: Fingerprint) -> bool:
    """Whether ``check`` is the phrase ``stored`` was made from (constant-time compare)."""
    candidate = _scrypt(check.normalised, stored.salt, stored.n, stored.r, stored.p)
    return hmac.compare_digest(candidate, stored.digest)


# -- before the test: nobody may ever ask for the phrase -----------------------


@record
class Question:
    """A comprehension question asked before the phrase may be typed."""

    id: str
    text: str
    answers: tuple[str, ...]
    correct: int  # index into answers
    explanation: str


QUESTIONS: tuple[Question, ...] = (
    Question(
        "support-asks",
        N_("Someone from your wallet's official customer support asks for your recovery "
           "phrase to unlock your account. What do you do?"),
        (N_("Give it: official support can be trusted"),
         N_("Refuse: nobody, support included, ever needs the phrase")),
        1,
        N_("Anyone who has your recovery phrase owns your funds. Real support never asks "
           "for it; whoever asks is stealing."),
    ),
    Question(
        "where-typed",
        N_("Where may you type your recovery phrase?"),
        (N_("Only into the wallet itself when restoring it, or into this offline test"),
         N_("Into any website or app that says it will verify or sync your wallet")),
        0,
        N_("Sites and apps that \"verify\" or \"sync\" a wallet by asking for the phrase are "
           "the most common way phrases are stolen."),
    ),
)


def understood(answers: Mapping[str, int]) -> bool:
    """Whether every question was answered correctly."""
    return all(answers.get(q.id) == q.correct for q in QUESTIONS)

"""The recovery-phrase test: word by word, checksum, and the salted fingerprint."""

from __future__ import annotations

import json

import pytest
from mnemonic import Mnemonic

from anjian.core.backups.phrase import (
    QUESTIONS,
    SALT_BYTES,
    SCRYPT_N,
    SCRYPT_P,
    SCRYPT_R,
    Fingerprint,
    Verdict,
    WordStatus,
    check_phrase,
    fingerprint,
    matches,
    split_words,
    understood,
)

LANGUAGES = ("english", "chinese_simplified", "chinese_traditional")
SALT = bytes(range(16))
FAST_N = 2**10  # the tests check the logic, not the cost


def phrase(language: str, entropy: bytes = bytes(range(16))) -> str:
    return Mnemonic(language).to_mnemonic(entropy)


def swapped_checksum(language: str) -> str:
    """A phrase of known words whose last word breaks the checksum."""
    words = phrase(language).split(" ")
    wordlist = Mnemonic(language).wordlist
    for candidate in wordlist:
        attempt = " ".join([*words[:-1], candidate])
        if not Mnemonic(language).check(attempt):
            return attempt
    raise AssertionError("no bad checksum found")


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("size", [16, 20, 24, 28, 32])
def test_a_valid_phrase_is_valid_in_every_length(language, size):
    check = check_phrase(phrase(language, bytes(range(size))))
    assert check.verdict is Verdict.VALID
    assert check.language == language
    assert len(check.words) == size * 3 // 4


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_wrong_last_word_fails_the_checksum(language):
    assert check_phrase(swapped_checksum(language)).verdict is Verdict.BAD_CHECKSUM


@pytest.mark.parametrize("language", LANGUAGES)
def test_two_swapped_words_fail_the_checksum(language):
    words = phrase(language, bytes([7] * 16 + [1] * 0)).split(" ")
    words[0], words[1] = words[1], words[0]
    assert words[0] != words[1]
    assert check_phrase(" ".join(words), language).verdict is Verdict.BAD_CHECKSUM


def test_a_mistyped_english_word_is_marked_with_the_nearest_words():
    words = phrase("english").split(" ")
    typo = words[2][:-1] + ("x" if words[2][-1] != "x" else "y")
    words[2] = typo
    check = check_phrase(" ".join(words))
    assert check.verdict is Verdict.UNKNOWN_WORDS
    marked = [w for w in check.words if w.status is WordStatus.UNKNOWN]
    assert [w.position for w in marked] == [3]
    assert phrase("english").split(" ")[2] in marked[0].suggestions


def test_an_english_word_typed_by_its_first_four_letters_is_suggested():
    check = check_phrase("aban", "english")
    assert check.words[0].suggestions[0] == "abandon"


def test_a_traditional_character_in_a_simplified_phrase_suggests_the_simplified_one():
    words = list(phrase("chinese_simplified", bytes([1] * 16)))
    simplified = Mnemonic("chinese_simplified").wordlist
    traditional = Mnemonic("chinese_traditional").wordlist
    index = next(i for i, w in enumerate(simplified) if w != traditional[i])
    typed = phrase("chinese_simplified", bytes([1] * 16)).split(" ")
    typed[0] = traditional[index]
    check = check_phrase(" ".join(typed), "chinese_simplified")
    assert check.words[0].status is WordStatus.UNKNOWN
    assert check.words[0].suggestions == (simplified[index],)


@pytest.mark.parametrize("language", ["chinese_simplified", "chinese_traditional"])
def test_a_chinese_character_on_no_list_is_marked_without_suggestions(language):
    typed = phrase(language).split(" ")
    typed[5] = "龘"
    check = check_phrase(" ".join(typed), language)
    assert check.verdict is Verdict.UNKNOWN_WORDS
    assert check.words[5].status is WordStatus.UNKNOWN
    assert check.words[5].suggestions == ()


@pytest.mark.parametrize("language", ["chinese_simplified", "chinese_traditional"])
def test_chinese_words_may_be_typed_without_spaces_or_with_chinese_commas(language):
    words = phrase(language).split(" ")
    assert check_phrase("".join(words)).verdict is Verdict.VALID
    assert check_phrase("，".join(words)).verdict is Verdict.VALID


def test_capitals_full_width_spaces_and_new_lines_are_normalised():
    words = phrase("english").split(" ")
    typed = "  " + "\u3000".join(w.upper() for w in words[:6]) + "\n" + " ".join(words[6:])
    check = check_phrase(typed)
    assert check.verdict is Verdict.VALID
    assert check.normalised == phrase("english")


def test_eleven_words_is_the_wrong_length():
    words = phrase("english").split(" ")[:11]
    assert check_phrase(" ".join(words)).verdict is Verdict.WRONG_LENGTH


def test_nothing_typed_is_empty():
    assert check_phrase("  \n ").verdict is Verdict.EMPTY


def test_split_words_splits_each_chinese_character():
    assert split_words("的一 是") == ("的", "一", "是")


# -- the fingerprint -----------------------------------------------------------


def test_the_fingerprint_records_its_salt_and_scrypt_parameters():
    stored = Fingerprint.from_secret(fingerprint(check_phrase(phrase("english")), SALT).to_secret())
    assert stored.salt == SALT
    assert (stored.n, stored.r, stored.p) == (SCRYPT_N, SCRYPT_R, SCRYPT_P)
    assert SCRYPT_N >= 2**15 and SALT_BYTES >= 16


def test_the_fingerprint_entry_names_its_algorithm_and_holds_no_word():
    text = phrase("english")
    entry = fingerprint(check_phrase(text), SALT, n=FAST_N).to_secret()
    assert json.loads(entry)["algorithm"] == "scrypt"
    assert not any(word in entry for word in text.split(" ") if len(word) > 3)


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_same_phrase_matches_its_fingerprint(language):
    stored = fingerprint(check_phrase(phrase(language)), SALT, n=FAST_N)
    assert matches(check_phrase(phrase(language)), stored)


def test_a_different_valid_phrase_does_not_match():
    stored = fingerprint(check_phrase(phrase("english")), SALT, n=FAST_N)
    assert not matches(check_phrase(phrase("english", bytes([9] * 16))), stored)


def test_the_same_phrase_with_another_salt_gives_another_fingerprint():
    check = check_phrase(phrase("english"))
    assert fingerprint(check, SALT, n=FAST_N).digest != fingerprint(
        check, bytes(16), n=FAST_N).digest


def test_only_a_valid_phrase_is_fingerprinted():
    with pytest.raises(ValueError):
        fingerprint(check_phrase(swapped_checksum("english")), SALT, n=FAST_N)


def test_a_short_salt_is_refused():
    with pytest.raises(ValueError):
        fingerprint(check_phrase(phrase("english")), b"short", n=FAST_N)


@pytest.mark.parametrize("change", [
    {"algorithm": "md5"}, {"n": 2**30}, {"n": 1000}, {"salt": "AAAA"}, {"digest": "!!"},
])
def test_a_damaged_or_hostile_fingerprint_entry_is_refused(change):
    raw = json.loads(fingerprint(check_phrase(phrase("english")), SALT, n=FAST_N).to_secret())
    raw.update(change)
    with pytest.raises(ValueError):
        Fingerprint.from_secret(json.dumps(raw))


# -- the questions before the test ----------------------------------------------


def test_two_questions_are_asked_before_the_phrase():
    assert len(QUESTIONS) == 2


def test_only_the_right_answers_to_both_questions_count_as_understood():
    right = {q.id: q.correct for q in QUESTIONS}
    assert understood(right)
    wrong = dict(right, **{QUESTIONS[0].id: 1 - QUESTIONS[0].correct})
    assert not understood(wrong)
    assert not understood({})


def test_a_word_missing_a_letter_suggests_the_closest_spelling_first():
    check = check_phrase("winer", "english")
    assert check.words[0].suggestions[0] in ("winner", "winter")
    assert "winner" in check.words[0].suggestions

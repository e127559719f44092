"""The scorer: the target on the reference set, every pattern family, long and odd input."""

from __future__ import annotations

import random
import string

import pytest
from zxcvbn import matching

from anjian.core.passwords.personal import PersonalKind, PersonalValue
from anjian.core.passwords.scorer import MAX_LENGTH, PasswordTooLong, Scorer
from tests.core.passwords.conftest import reference_set

ZHANG_WEI = (PersonalValue(PersonalKind.NAME, "张伟"),
             PersonalValue(PersonalKind.BIRTHDAY, "1990-05-17"))


def kinds(result) -> set[str]:
    return {p.kind for p in result.patterns}


# -- the target -----------------------------------------------------------------------


def test_reference_set_scores_at_most_1_for_95_percent(scorer: Scorer):
    rows = reference_set()
    weak = [pw for _, pw in rows if scorer.score(pw).score <= 1]
    assert len(rows) >= 150
    assert len(weak) / len(rows) >= 0.95


def test_nothing_in_the_reference_set_scores_3_or_more(scorer: Scorer):
    strong = [(pw, scorer.score(pw).score) for _, pw in reference_set()
              if scorer.score(pw).score >= 3]
    assert strong == []


def test_random_16_character_passwords_still_score_at_least_3(scorer: Scorer):
    rng = random.Random(20240301)
    alphabet = string.ascii_letters + string.digits + string.punctuation
    passwords = ["".join(rng.choice(alphabet) for _ in range(16)) for _ in range(200)]
    assert [pw for pw in passwords if scorer.score(pw).score < 3] == []


def test_five_word_passphrases_still_score_at_least_3(scorer: Scorer):
    rng = random.Random(7)
    words = sorted(w for w, rank in matching.RANKED_DICTIONARIES["english_wikipedia"].items()
                   if 500 < rank < 8000 and w.isalpha() and 3 <= len(w) <= 8)
    phrases = [rng.choice([" ", "-", ""]).join(rng.choice(words) for _ in range(5))
               for _ in range(200)]
    assert [p for p in phrases if scorer.score(p).score < 3] == []


# -- pattern families -------------------------------------------------------------------


@pytest.mark.parametrize("password", ["zhangxiaoming", "liuyang1988", "ZhangWei", "weizhang"])
def test_pinyin_names_are_named(scorer: Scorer, password: str):
    assert "pinyin_name" in kinds(scorer.score(password))


def test_zhangxiaoming_is_weak_unlike_plain_zxcvbn(scorer: Scorer):
    assert scorer.score("zhangxiaoming").score <= 1


@pytest.mark.parametrize("password", ["xingfukuaile", "woaizhongguo", "haoxiangni"])
def test_pinyin_words_are_named(scorer: Scorer, password: str):
    result = scorer.score(password)
    assert kinds(result) & {"pinyin_word"}
    assert result.score <= 1


@pytest.mark.parametrize("password", ["7758521", "xyz584520", "3344"])
def test_love_numbers_are_named(scorer: Scorer, password: str):
    assert "love_number" in kinds(scorer.score(password))


@pytest.mark.parametrize("number", ["13957218846", "18957104263", "+8615267838291"])
def test_mainland_mobile_numbers_are_named_and_weak(scorer: Scorer, number: str):
    result = scorer.score(number)
    assert "mobile_phone" in kinds(result)
    assert result.score <= 1


@pytest.mark.parametrize("number", ["010-62345678", "02188776655", "075523456789"])
def test_landlines_are_named(scorer: Scorer, number: str):
    assert "landline" in kinds(scorer.score(number))


def test_a_long_run_of_digits_is_named_like_a_qq_number(scorer: Scorer):
    assert "qq_number" in kinds(scorer.score("3847192"))


@pytest.mark.parametrize("password", ["19900101", "900101", "1990-01-01", "1990.1.1"])
def test_numeric_date_forms_are_dates(scorer: Scorer, password: str):
    result = scorer.score(password)
    assert kinds(result) & {"date", "chinese_date"}
    assert result.score <= 1


@pytest.mark.parametrize("password", ["abc1225", "1990年1月1日", "我1985年6月1日"])
def test_chinese_date_forms_are_dates(scorer: Scorer, password: str):
    assert "chinese_date" in kinds(scorer.score(password))


@pytest.mark.parametrize("password", ["1qaz2wsx", "qweasdzxc", "147258369"])
def test_keyboard_walks_are_named(scorer: Scorer, password: str):
    result = scorer.score(password)
    assert kinds(result) & {"keyboard_walk", "keyboard", "chinese_common"}
    assert result.score == 0


@pytest.mark.parametrize("password", ["dearbook", "xiazhili", "111222tianya"])
def test_tops_of_chinese_leaks_score_0(scorer: Scorer, password: str):
    assert scorer.score(password).score == 0


def test_separators_between_parts_do_not_hide_them(scorer: Scorer):
    assert scorer.score("wang.lei.1989").score <= 1
    assert scorer.score("zhangwei@1990").score <= 1


# -- personal information ---------------------------------------------------------------


def test_zhangwei1990_scores_0_for_zhang_wei_born_1990(scorer: Scorer):
    result = scorer.score("zhangwei1990", ZHANG_WEI)
    assert result.score == 0
    assert [p.personal for p in result.patterns] == ["name"]


@pytest.mark.parametrize("password", ["zw0517", "19900517zhangwei", "weizhang900517"])
def test_other_forms_of_name_and_birthday_score_0(scorer: Scorer, password: str):
    assert scorer.score(password, ZHANG_WEI).score == 0


def test_own_phone_number_is_reported_as_personal(scorer: Scorer):
    mine = (PersonalValue(PersonalKind.PHONE, "+86 139 5721 8846"),)
    result = scorer.score("Xq218846", mine)
    assert any(p.personal == "phone" for p in result.patterns)


def test_email_local_part_is_personal(scorer: Scorer):
    mine = (PersonalValue(PersonalKind.EMAIL, "lucky.panda@example.com"),)
    result = scorer.score("luckypanda!", mine)
    assert "personal" in kinds(result)
    assert result.score <= 1


def test_personal_warning_names_the_detail(scorer: Scorer):
    result = scorer.score("zhangwei1990", ZHANG_WEI)
    assert result.warning is not None and "your name" in result.warning.msgid


def test_scoring_leaves_zxcvbns_own_dictionaries_alone(scorer: Scorer):
    before = {name: len(d) for name, d in matching.RANKED_DICTIONARIES.items()}
    scorer.score("zhangwei1990", ZHANG_WEI)
    assert {name: len(d) for name, d in matching.RANKED_DICTIONARIES.items()} == before


# -- verdict details ------------------------------------------------------------------------


def test_exact_leaked_password_is_flagged(scorer: Scorer):
    assert scorer.score("Woaini1314").in_leak_lists
    assert not scorer.score("Woaini1314-tiger-Lamp").in_leak_lists


def test_complex_looking_but_guessable_password_explains_composition(scorer: Scorer):
    result = scorer.score("P@ssw0rd1")
    assert result.score <= 1
    assert any("Mixing capitals" in s.msgid for s in result.suggestions)


def test_crack_times_cover_the_four_scenarios_in_words(scorer: Scorer):
    times = scorer.score("woaini1314").crack_times()
    assert len(times) == 4
    assert times[-1][1].msgid == "instantly"


def test_strong_password_has_no_warning(scorer: Scorer):
    result = scorer.score("Xk9#mP2$qLw7!vRt")
    assert result.score == 4 and result.warning is None and result.suggestions == ()


# -- length and odd input ---------------------------------------------------------------


def test_empty_password_scores_0_without_patterns(scorer: Scorer):
    result = scorer.score("")
    assert (result.score, result.patterns, result.guesses_log10) == (0, (), 0.0)


def test_longer_than_the_limit_is_refused_with_a_message(scorer: Scorer):
    with pytest.raises(PasswordTooLong) as refused:
        scorer.score("a" * (MAX_LENGTH + 1))
    assert refused.value.text.params["limit"] == MAX_LENGTH


def test_long_random_password_is_scored_in_windows_and_stays_strong(scorer: Scorer):
    rng = random.Random(3)
    password = "".join(rng.choice(string.ascii_letters + string.digits) for _ in range(MAX_LENGTH))
    result = scorer.score(password)
    assert result.windowed and result.score == 4


def test_weak_tail_of_a_long_password_is_not_cut_away(scorer: Scorer):
    password = "a" * 100 + "13957218846"
    result = scorer.score(password)
    assert result.score <= 1
    assert "mobile_phone" in kinds(result)


def test_weak_stretch_in_a_long_password_gives_the_score(scorer: Scorer):
    rng = random.Random(5)
    strong = "".join(rng.choice(string.ascii_letters) for _ in range(60))
    assert scorer.score(strong + "1" * 40).score <= 1


def test_pattern_positions_point_into_the_password(scorer: Scorer):
    password = "Xq!" + "zhangwei1990"
    for pattern in scorer.score(password).patterns:
        assert password[pattern.start:pattern.end] == pattern.token

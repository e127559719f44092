"""Every text the password scorer shows, as translatable message ids.

zxcvbn 4.5.0 writes its warnings and suggestions in English only, through the
process-wide ``gettext``. We leave that domain alone and map each of its
strings, by identity, to a message of our own catalogue (:data:`ZXCVBN_TEXTS`;
a test checks that every string of zxcvbn's ``feedback.py`` has an entry). Our
own patterns get their own warnings; the labels of scores, patterns, attack
scenarios and durations live here too.
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from types import MappingProxyType

from anjian.i18n import N_, Text

# zxcvbn's English string -> our message id.
ZXCVBN_TEXTS: Mapping[str, str] = MappingProxyType({
    "Use a few words, avoid common phrases.":
        N_("Use a few words, avoid common phrases."),
    "No need for symbols, digits, or uppercase letters.":
        N_("No need for symbols, digits, or uppercase letters."),
    "Add another word or two. Uncommon words are better.":
        N_("Add another word or two. Uncommon words are better."),
    "Straight rows of keys are easy to guess.":
        N_("Straight rows of keys are easy to guess."),
    "Short keyboard patterns are easy to guess.":
        N_("Short keyboard patterns are easy to guess."),
    "Use a longer keyboard pattern with more turns.":
        N_("Use a longer keyboard pattern with more turns."),
    'Repeats like "aaa" are easy to guess.':
        N_("Repeats like “aaa” are easy to guess."),
    'Repeats like "abcabcabc" are only slightly harder to guess than "abc".':
        N_("Repeats like “abcabcabc” are only slightly harder to guess than “abc”."),
    "Avoid repeated words and characters.":
        N_("Avoid repeated words and characters."),
    'Sequences like "abc" or "6543" are easy to guess.':
        N_("Sequences like “abc” or “6543” are easy to guess."),
    "Avoid sequences.":
        N_("Avoid sequences."),
    "Recent years are easy to guess.":
        N_("Recent years are easy to guess."),
    "Avoid recent years.":
        N_("Avoid recent years."),
    "Avoid years that are associated with you.":
        N_("Avoid years that are associated with you."),
    "Dates are often easy to guess.":
        N_("Dates are often easy to guess."),
    "Avoid dates and years that are associated with you.":
        N_("Avoid dates and years that are associated with you."),
    "This is a top-10 common password.":
        N_("This is a top-10 common password."),
    "This is a top-100 common password.":
        N_("This is a top-100 common password."),
    "This is a very common password.":
        N_("This is a very common password."),
    "This is similar to a commonly used password.":
        N_("This is similar to a commonly used password."),
    "A word by itself is easy to guess.":
        N_("A word by itself is easy to guess."),
    "Names and surnames by themselves are easy to guess.":
        N_("Names and surnames by themselves are easy to guess."),
    "Common names and surnames are easy to guess.":
        N_("Common names and surnames are easy to guess."),
    "Capitalization doesn't help very much.":
        N_("Capital letters don’t help very much."),
    "All-uppercase is almost as easy to guess as all-lowercase.":
        N_("All-uppercase is almost as easy to guess as all-lowercase."),
    "Reversed words aren't much harder to guess.":
        N_("Reversed words aren’t much harder to guess."),
    "Predictable substitutions like '@' instead of 'a' don't help very much.":
        N_("Predictable substitutions like “@” instead of “a” don’t help very much."),
})


def zxcvbn_text(message: str) -> Text | None:
    """Our message for one of zxcvbn's strings (``None`` for an empty one or an unknown one)."""
    msgid = ZXCVBN_TEXTS.get(message)
    return Text(msgid) if msgid else None


# -- our own patterns ----------------------------------------------------------

# Pattern id -> (label, warning). Ids are stable: the CLI prints them, records keep them.
PATTERNS: Mapping[str, tuple[str, str]] = MappingProxyType({
    "personal": (N_("your own details"),
                 N_("This contains your own details, which people who know you, or a leaked "
                    "database, can supply.")),
    "pinyin_name": (N_("a name in pinyin"),
                    N_("Names in pinyin, like “zhangwei”, are among the first things attackers "
                       "try.")),
    "pinyin_word": (N_("pinyin words"),
                    N_("Pinyin words and phrases are in every Chinese guessing list.")),
    "chinese_common": (N_("a common Chinese password"),
                       N_("This is one of the most common passwords on Chinese websites.")),
    "love_number": (N_("a love number"),
                    N_("Love numbers like 520 and 1314 are some of the most common digits in "
                       "passwords.")),
    "keyboard_walk": (N_("a keyboard pattern"),
                      N_("Keyboard patterns like “1qaz2wsx” are in every guessing list.")),
    "mobile_phone": (N_("a mobile phone number"),
                     N_("This contains a mobile phone number. Phone numbers are easy to find "
                        "out, and are often the login name itself.")),
    "landline": (N_("a phone number"),
                 N_("This contains a phone number. Phone numbers are easy to find out.")),
    "qq_number": (N_("a number like a QQ number"),
                  N_("Numbers alone, like a QQ number, are tried early and are easy to find out "
                     "if they are yours.")),
    "chinese_date": (N_("a date"), N_("Dates are often easy to guess.")),
    "date": (N_("a date"), N_("Dates are often easy to guess.")),
    "year": (N_("a year"), N_("Recent years are easy to guess.")),
    "common_password": (N_("a common password"), N_("This is a very common password.")),
    "english_word": (N_("a common word"), N_("A word by itself is easy to guess.")),
    "english_name": (N_("a common name"), N_("Common names and surnames are easy to guess.")),
    "keyboard": (N_("keys next to each other"), N_("Short keyboard patterns are easy to guess.")),
    "repeat": (N_("a repeat"), N_("Repeats like “aaa” are easy to guess.")),
    "sequence": (N_("a sequence"), N_("Sequences like “abc” or “6543” are easy to guess.")),
    "random": (N_("characters with no pattern"), ""),
})

# Which personal detail a "personal" pattern is.
PERSONAL_LABELS: Mapping[str, tuple[str, str]] = MappingProxyType({
    "name": (N_("your name"), N_("This contains your name.")),
    "birthday": (N_("your birthday"), N_("This contains your birthday.")),
    "phone": (N_("your phone number"), N_("This contains your phone number.")),
    "email": (N_("your e-mail address"), N_("This contains your e-mail address.")),
    "other": (N_("your own details"), N_("This contains your own details.")),
})

# Patterns the page highlights as Chinese habits.
CHINESE_PATTERNS = frozenset({"pinyin_name", "pinyin_word", "chinese_common", "love_number",
                              "keyboard_walk", "mobile_phone", "landline", "qq_number",
                              "chinese_date"})

# Suggestions of our own.
AVOID_PERSONAL = Text(N_("Leave out your name, birthday, phone and QQ numbers, in any form."))
AVOID_CHINESE = Text(N_("Pinyin, love numbers and phone numbers don’t make a password stronger: "
                        "attackers who target Chinese users try them first."))
COMPOSITION_IS_NOT_STRENGTH = Text(N_(
    "Mixing capitals, digits and symbols doesn’t make a guessable password strong: attackers "
    "try substitutions like “P@ssw0rd1” early. Length and unpredictability count."))
USE_MANAGER = Text(N_("A password manager can make a long random password for each account "
                      "and remember it for you."))
IN_LEAK_LISTS = Text(N_("This exact password is in public lists of leaked passwords. Don’t use "
                        "it anywhere."))
EMPTY = Text(N_("Type a password to see how easy it is to guess."))
LONG_INPUT = Text(N_(
    "A long password is scored in overlapping stretches of {window} characters; the weakest "
    "stretch gives the score, so a weak part anywhere is never overlooked."))


# -- scores, scenarios and durations -----------------------------------------

SCORE_LABELS: tuple[str, ...] = (
    N_("Very weak"), N_("Weak"), N_("Fair"), N_("Strong"), N_("Very strong"))

SCORE_WORDS: tuple[str, ...] = (
    N_("Too easy to guess: it falls to the first guesses anyone tries."),
    N_("Easy to guess: it only holds against a site that limits wrong attempts."),
    N_("Somewhat easy to guess: it holds online, but not if a password file is stolen."),
    N_("Hard to guess: it holds even if a well-protected password file is stolen."),
    N_("Very hard to guess: it holds even against a stolen, poorly protected password file."),
)

# zxcvbn's four attack scenarios, in its key order.
SCENARIOS: Mapping[str, str] = MappingProxyType({
    "online_throttling_100_per_hour":
        N_("Someone guessing on the website, which slows down repeated attempts"),
    "online_no_throttling_10_per_second":
        N_("Someone guessing on a website that does not slow them down"),
    "offline_slow_hashing_1e4_per_second":
        N_("A thief with a stolen, well-protected password file"),
    "offline_fast_hashing_1e10_per_second":
        N_("A thief with a stolen, poorly protected password file"),
})

_MINUTE = 60
_HOUR = 60 * _MINUTE
_DAY = 24 * _HOUR
_MONTH = 31 * _DAY
_YEAR = 12 * _MONTH
_CENTURY = 100 * _YEAR


def duration_text(seconds: float | Decimal) -> Text:
    """How long a crack takes, in plain words ("about 3 hours", "centuries")."""
    s = float(seconds)
    if s < 1:
        return Text(N_("instantly"))
    steps = ((_MINUTE, 1, N_("about a second"), N_("about {n} seconds")),
             (_HOUR, _MINUTE, N_("about a minute"), N_("about {n} minutes")),
             (_DAY, _HOUR, N_("about an hour"), N_("about {n} hours")),
             (_MONTH, _DAY, N_("about a day"), N_("about {n} days")),
             (_YEAR, _MONTH, N_("about a month"), N_("about {n} months")),
             (_CENTURY, _YEAR, N_("about a year"), N_("about {n} years")))
    for limit, unit, one, many in steps:
        if s < limit:
            n = round(s / unit)
            return Text(one) if n <= 1 else Text(many, {"n": n})
    return Text(N_("centuries"))

"""The user's own data as guesses: name, birthday, phone numbers, e-mail addresses.

Someone who targets an account knows, or finds in a leaked database, the
owner's name, birthday and phone number, and tries them first, alone and
combined ("zhangwei1990", "zw0517", "1990zhangwei"): targeted guessing (Wang et
al., *Targeted Online Password Guessing*, ACM CCS 2016) cracks a large share of
accounts within a hundred guesses this way. So each value is expanded into the
forms people write (a Chinese name as typed, in pinyin, as initials; a date in
its usual digit forms; the tail of a phone number) and into the pairs of a
name-like and a number-like form, and the whole list is given to zxcvbn as its
``user_inputs`` dictionary: a password made only of them scores 0.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from datetime import date
from enum import Enum
from typing import TYPE_CHECKING

from anjian.record import record

if TYPE_CHECKING:
    from anjian.core.state import State


class PersonalKind(str, Enum):
    """What a personal value is; the explanation names it."""

    NAME = "name"
    BIRTHDAY = "birthday"
    PHONE = "phone"
    EMAIL = "email"
    OTHER = "other"


@record
class PersonalValue:
    """One thing about the user, as given (a name, a date, a number, an address)."""

    kind: PersonalKind
    value: str


def personal_inputs(state: State | None) -> tuple[PersonalValue, ...]:
    """Everything the state knows about the user that a password should not contain.

    The profile gives the display name and birthday; the recovery contacts of
    the accounts feature give every bound phone number (national and with its
    country code) and e-mail address (whole and its name part), lost ones
    included: an old number is still the user's. Values are never stored by
    the scorer.
    """
    if state is None:
        return ()
    values: list[PersonalValue] = []
    profile = state.profile
    if profile.display_name.strip():
        values.append(PersonalValue(PersonalKind.NAME, profile.display_name))
    if profile.birthday is not None:
        values.append(PersonalValue(PersonalKind.BIRTHDAY, profile.birthday.isoformat()))
    if state.account_details.contacts:
        from anjian.core.accounts.personal import contact_values  # loads phonenumbers

        for value in contact_values(state):
            kind = PersonalKind.PHONE if value.isdigit() else PersonalKind.EMAIL
            values.append(PersonalValue(kind, value))
    return tuple(values)


# -- from a value to the forms people write --------------------------------------

_HAN = re.compile(r"[\u3400-\u9fff]")
_DATE = re.compile(r"^\s*(\d{4})\s*[-./年]\s*(\d{1,2})\s*[-./月]\s*(\d{1,2})\s*日?\s*$")
_COMPOUND_SURNAMES = frozenset("欧阳 司马 上官 诸葛 东方 皇甫 慕容 司徒 令狐 尉迟 夏侯 公孙 "
                               "长孙 宇文 轩辕 端木".split())


def classify(value: str) -> PersonalValue:
    """Guess what a value typed on the command line is (``--personal``)."""
    text = value.strip()
    digits = re.sub(r"[\s+()-]", "", text)
    if "@" in text:
        return PersonalValue(PersonalKind.EMAIL, text)
    if _DATE.match(text) or (digits.isdigit() and len(digits) == 8 and _as_date(digits)):
        return PersonalValue(PersonalKind.BIRTHDAY, text)
    if digits.isdigit() and len(digits) >= 7:
        return PersonalValue(PersonalKind.PHONE, text)
    if _HAN.search(text) or text.replace(" ", "").isalpha():
        return PersonalValue(PersonalKind.NAME, text)
    return PersonalValue(PersonalKind.OTHER, text)


def _as_date(text: str) -> date | None:
    match = _DATE.match(text)
    if match:
        parts = [int(g) for g in match.groups()]
    elif len(text) == 8 and text.isdigit():
        parts = [int(text[:4]), int(text[4:6]), int(text[6:])]
    else:
        return None
    try:
        return date(*parts)
    except ValueError:
        return None


def _name_forms(name: str) -> tuple[list[str], list[str]]:
    """(whole-name forms, part forms) of a name, lower-case."""
    text = name.strip().lower()
    if _HAN.search(text):
        from pypinyin import Style, lazy_pinyin  # loaded only when a Chinese name is given

        han = "".join(ch for ch in text if _HAN.match(ch))
        split = 2 if han[:2] in _COMPOUND_SURNAMES else 1
        surname, given = han[:split], han[split:]
        sur = lazy_pinyin(surname, style=Style.NORMAL, v_to_u=False)
        giv = lazy_pinyin(given, style=Style.NORMAL, v_to_u=False) if given else []
        syllables = sur + giv
        whole = ["".join(syllables), "".join(s[0] for s in syllables), "".join(giv + sur), han,
                 "".join(sur) + "".join(s[0] for s in giv)]  # zhangw: surname + initials
        parts = ["".join(sur), "".join(giv), "".join(s[0] for s in giv)]
        return [w for w in whole if w], [p for p in parts if p]
    words = [w for w in re.split(r"[\s._-]+", text) if w]
    if not words:
        return [], []
    whole = ["".join(words), "".join(reversed(words)), "".join(w[0] for w in words)]
    return whole, words if len(words) > 1 else []


def _date_forms(day: date) -> tuple[list[str], list[str]]:
    """(full-date forms, partial forms) of a birthday."""
    y, m, d = f"{day.year:04d}", f"{day.month:02d}", f"{day.day:02d}"
    yy, mm, dd = y[2:], str(day.month), str(day.day)
    full = [y + m + d, yy + m + d, m + d + y, d + m + y, y + mm + dd, m + d + yy,
            f"{y}-{m}-{d}", f"{y}.{mm}.{dd}", f"{y}/{mm}/{dd}"]
    partial = [y, m + d, yy, mm + dd, d + m, yy + m]
    return full, partial


def _phone_forms(value: str) -> list[str]:
    digits = re.sub(r"\D", "", value)
    if digits.startswith("86") and len(digits) == 13:
        digits = digits[2:]
    if len(digits) < 4:
        return []
    return [digits, digits[-8:], digits[-6:], digits[-4:]]


def _email_forms(value: str) -> list[str]:
    local = value.strip().lower().split("@", 1)[0]
    parts = [p for p in re.split(r"[._+-]+", local) if len(p) >= 3]
    return [local, "".join(parts), *parts] if local else []


def expand(values: Iterable[PersonalValue]) -> tuple[tuple[str, PersonalKind], ...]:
    """Every form of ``values``, most likely first, each with its kind.

    Single forms first, then each name-like form joined to each number-like one
    in both orders (the "name + birthday" pattern), then what is left. Forms of
    one character are dropped: they match everywhere and mean nothing.
    """
    words: list[tuple[str, PersonalKind]] = []
    numbers: list[tuple[str, PersonalKind]] = []
    singles: list[tuple[str, PersonalKind]] = []
    for item in values:
        kind = item.kind
        if kind is PersonalKind.NAME:
            whole, parts = _name_forms(item.value)
            words += [(w, kind) for w in whole + parts]
        elif kind is PersonalKind.BIRTHDAY:
            day = _as_date(item.value.strip())
            if day is None:
                singles.append((item.value.strip().lower(), kind))
                continue
            full, partial = _date_forms(day)
            numbers += [(n, kind) for n in full + partial]
        elif kind is PersonalKind.PHONE:
            numbers += [(n, kind) for n in _phone_forms(item.value)]
        elif kind is PersonalKind.EMAIL:
            forms = _email_forms(item.value)
            target = numbers if forms and forms[0].isdigit() else words  # a QQ mailbox
            target += [(f, kind) for f in forms]
        else:
            singles.append((item.value.strip().lower(), kind))
    combos: list[tuple[str, PersonalKind]] = []
    for word, word_kind in words:
        for number, number_kind in numbers:
            combos.append((word + number, word_kind))
            combos.append((number + word, number_kind))
    return _unique(words + numbers + singles + combos)


def _unique(items: Sequence[tuple[str, PersonalKind]]) -> tuple[tuple[str, PersonalKind], ...]:
    seen: dict[str, PersonalKind] = {}
    for form, kind in items:
        if len(form) >= 2:
            seen.setdefault(form, kind)
    return tuple(seen.items())

"""The number check: is a "customer service" number one of an account's official ones?

Fake support lines are among the commonest scams against wallet and payment users:
search results, ads and "fast unlock" services list numbers that lead to people
who ask for codes, passwords or a "verification" transfer. The only safe numbers
are those the user took from the official app or website and pinned. Anything
else gets the warning, and self-custody wallets get the plain fact: nobody can
recover their funds over the phone.

Numbers are compared in one canonical form: E.164 for full numbers
(``400 800 9888`` → ``+864008009888``) and for service short codes such as 95188,
read in the user's region (``+8695188``), so the same line typed in different ways
matches.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable
from enum import Enum

from anjian.core.accounts.problems import InputProblem, Reason, Severity
from anjian.i18n import N_, Text
from anjian.record import record

_MAX_INPUT = 64


class NumberVerdict(str, Enum):
    """Whether a number is one of the pinned official ones."""

    OFFICIAL = "official"
    NOT_PINNED = "not-pinned"
    INVALID = "invalid"


NUMBER_VERDICT_NAMES: dict[NumberVerdict, str] = {
    NumberVerdict.OFFICIAL: N_("Official number"),
    NumberVerdict.NOT_PINNED: N_("Not an official number you recorded"),
    NumberVerdict.INVALID: N_("Not a valid phone number"),
}


@record
class PinnedNumber:
    """An official support number the user recorded, and whose it is."""

    key: str  # canonical form, see support_number_key
    account_id: str


@record
class NumberResult:
    """The verdict on one pasted number, and why."""

    number: str
    verdict: NumberVerdict
    reasons: tuple[Reason, ...]
    key: str | None = None
    account_ids: tuple[str, ...] = ()


def support_number_key(raw: str, region: str) -> str:
    """The canonical form of a support number; raise :class:`InputProblem` if it is none."""
    import phonenumbers
    from phonenumbers import shortnumberinfo

    text = unicodedata.normalize("NFKC", raw).strip()
    if not text:
        raise InputProblem("number-empty", Text(N_("Type or paste a phone number.")))
    if len(text) > _MAX_INPUT:
        raise InputProblem("number-too-long", Text(N_("This is too long to be a phone number.")))
    try:
        number = phonenumbers.parse(text, region)
    except phonenumbers.NumberParseException:
        raise InputProblem("number-unreadable", Text(N_(
            "This does not look like a phone number: use digits, spaces, dashes and a "
            "leading +."))) from None
    if not (phonenumbers.is_valid_number(number) or shortnumberinfo.is_valid_short_number(number)):
        raise InputProblem("number-invalid", Text(N_(
            "This is not a valid phone number or service number. Check the digits; a number "
            "from another country needs its country code with +.")))
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


def display_number(key: str) -> str:
    """A canonical number as people write it (``95188``, ``400 800 9888``, ``+852 …``)."""
    import phonenumbers

    try:
        number = phonenumbers.parse(key, None)
    except phonenumbers.NumberParseException:
        return key
    if number.country_code == 86:
        if not phonenumbers.is_valid_number(number):
            return str(number.national_number)  # a short code: 95188, 10086
        return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.NATIONAL)
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.INTERNATIONAL)


def check_number(raw: str, pinned: Iterable[PinnedNumber], region: str) -> NumberResult:
    """The verdict on ``raw`` against the ``pinned`` official numbers."""
    pinned = list(pinned)
    try:
        key = support_number_key(raw, region)
    except InputProblem as problem:
        return NumberResult(raw, NumberVerdict.INVALID,
                            (Reason(problem.id, problem.text, Severity.DANGER),))
    matches = [p for p in pinned if p.key == key]
    if matches:
        return NumberResult(raw, NumberVerdict.OFFICIAL, (
            Reason("matches-official", Text(N_(
                "{number} is an official support number you recorded."),
                {"number": display_number(key)}), Severity.OK),
            Reason("never-share-codes", Text(N_(
                "Even on the official line, never tell anyone your password, a verification "
                "code or your recovery phrase: real support never asks for them.")),
                Severity.CAUTION),
        ), key, tuple(dict.fromkeys(p.account_id for p in matches)))
    reasons = [
        Reason("not-pinned", Text(N_(
            "{number} is not among the official numbers you recorded. Do not call it back or "
            "follow its instructions."), {"number": display_number(key)}), Severity.DANGER),
        Reason("search-scam", Text(N_(
            "Numbers found in search results, ads, chat groups or on “fast unlock” and "
            "“account recovery” services are a common scam. Take the number from the official "
            "app or website yourself.")), Severity.DANGER),
    ]
    if not pinned:
        reasons.append(Reason("no-official-numbers", Text(N_(
            "You have not recorded any official support numbers yet. Look them up in each "
            "official app (usually under Help or Customer service) and record them on the "
            "Accounts page.")), Severity.CAUTION))
    reasons.append(Reason("self-custody", Text(N_(
        "A self-custody wallet cannot recover your funds by phone: nobody but you holds its "
        "keys. Anyone who offers to is trying to take them.")), Severity.DANGER))
    return NumberResult(raw, NumberVerdict.NOT_PINNED, tuple(reasons), key)

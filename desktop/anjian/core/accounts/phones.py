"""Phone numbers as people type them: parsed, validated, stored in E.164, shown masked.

Parsing uses libphonenumber's metadata (the ``phonenumbers`` package, offline). A
number typed without ``+`` is read in a default region: the one the system locale
names (``zh_HK`` → Hong Kong), else the interface language's (Simplified Chinese →
mainland China, Traditional Chinese → Taiwan), else mainland China, where most of
Anjian's users live. Anyone can still type ``+852 …`` or ``+1 …``.
"""

from __future__ import annotations

import unicodedata
from enum import Enum

from anjian.core.accounts.problems import InputProblem
from anjian.i18n import N_, Text
from anjian.record import record

FALLBACK_REGION = "CN"
_LANGUAGE_REGIONS = {"zh_CN": "CN", "zh_TW": "TW"}
# Longer than any real number with its punctuation; phonenumbers stops at 250 too.
_MAX_INPUT = 64


class PhoneType(str, Enum):
    """What kind of line a number is, in the words the UI uses."""

    MOBILE = "mobile"
    FIXED_LINE = "fixed-line"
    FIXED_OR_MOBILE = "fixed-or-mobile"
    TOLL_FREE = "toll-free"
    VOIP = "voip"
    OTHER = "other"


PHONE_TYPE_NAMES: dict[PhoneType, str] = {
    PhoneType.MOBILE: N_("mobile"),
    PhoneType.FIXED_LINE: N_("fixed line"),
    PhoneType.FIXED_OR_MOBILE: N_("fixed line or mobile"),
    PhoneType.TOLL_FREE: N_("toll-free"),
    PhoneType.VOIP: N_("internet phone"),
    PhoneType.OTHER: N_("other line"),
}


@record
class Phone:
    """A valid phone number: ``e164`` is the stored form (``+8613800138000``)."""

    e164: str
    region: str | None
    type: PhoneType

    def masked(self) -> str:
        """The number with its middle hidden, as apps show it (``138****8000``)."""
        return mask_phone(self.e164)


def default_region(language: str | None, system_locale: str | None = None) -> str:
    """The region a number without ``+`` is read in (see the module docstring)."""
    import phonenumbers

    if system_locale:
        tag = system_locale.split(".")[0].split("@")[0].replace("-", "_")
        for part in reversed(tag.split("_")[1:]):
            if len(part) == 2 and part.upper() in phonenumbers.SUPPORTED_REGIONS:
                return part.upper()
    return _LANGUAGE_REGIONS.get(language or "", FALLBACK_REGION)


def parse_phone(raw: str, region: str = FALLBACK_REGION) -> Phone:
    """The number in ``raw``; raise :class:`InputProblem` saying what is wrong with it."""
    import phonenumbers
    from phonenumbers import NumberParseException

    text = unicodedata.normalize("NFKC", raw).strip()
    if not text:
        raise InputProblem("phone-empty", Text(N_("Type a phone number.")))
    if len(text) > _MAX_INPUT:
        raise InputProblem("phone-too-long", Text(N_("This is too long to be a phone number.")))
    try:
        number = phonenumbers.parse(text, region)
    except NumberParseException as exc:
        raise _parse_problem(exc.error_type) from None
    if not phonenumbers.is_valid_number(number):
        if phonenumbers.is_possible_number(number) or len(str(number.national_number)) >= 6:
            raise InputProblem("phone-invalid", Text(N_(
                "This is not a valid phone number. Check the digits, or type the country "
                "code with + (for example +852 for Hong Kong, +1 for the United States).")))
        raise InputProblem("phone-too-short", Text(N_("This number is too short.")))
    return Phone(
        e164=phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164),
        region=phonenumbers.region_code_for_number(number),
        type=_phone_type(phonenumbers.number_type(number)),
    )


def _parse_problem(error_type: int) -> InputProblem:
    from phonenumbers import NumberParseException as E

    if error_type == E.INVALID_COUNTRY_CODE:
        return InputProblem("phone-country-code", Text(N_(
            "The country code is missing or unknown. Type it with + (for example +86).")))
    if error_type in (E.TOO_SHORT_AFTER_IDD, E.TOO_SHORT_NSN):
        return InputProblem("phone-too-short", Text(N_("This number is too short.")))
    if error_type == E.TOO_LONG:
        return InputProblem("phone-too-long", Text(N_("This is too long to be a phone number.")))
    return InputProblem("phone-not-a-number", Text(N_(
        "This does not look like a phone number: use digits, spaces, dashes and a leading +.")))


def _phone_type(number_type: int) -> PhoneType:
    from phonenumbers import PhoneNumberType as T

    return {
        T.MOBILE: PhoneType.MOBILE,
        T.FIXED_LINE: PhoneType.FIXED_LINE,
        T.FIXED_LINE_OR_MOBILE: PhoneType.FIXED_OR_MOBILE,
        T.TOLL_FREE: PhoneType.TOLL_FREE,
        T.VOIP: PhoneType.VOIP,
    }.get(number_type, PhoneType.OTHER)


def phone_from_e164(e164: str) -> Phone:
    """A stored number read back (it was valid when stored; metadata updates may disagree)."""
    import phonenumbers

    number = phonenumbers.parse(e164, None)
    return Phone(e164, phonenumbers.region_code_for_number(number),
                 _phone_type(phonenumbers.number_type(number)))


def mask_phone(e164: str) -> str:
    """Hide the middle of a number, keeping what a person recognises it by.

    Mainland numbers are shown the way Chinese apps show them, in national form
    with the first three and last four digits: ``138****8000``, ``010****5678``.
    Others keep their country code, the first two and the last four digits of
    the national number (``+886 91***5678``); short numbers keep only the last two.
    """
    if not e164.startswith("+") or not e164[1:].isdigit():
        return "*" * 4
    import phonenumbers

    try:
        number = phonenumbers.parse(e164, None)
    except phonenumbers.NumberParseException:
        return "*" * 4
    national = str(number.national_number)
    if number.country_code == 86:
        # Mobiles are 11 digits from 1; fixed lines are dialled with a trunk 0 (010 Beijing).
        mobile = len(national) == 11 and national.startswith("1")
        shown = national if mobile else "0" + national
        return _keep(shown, 3, 4)
    if len(national) >= 8:
        return f"+{number.country_code} {_keep(national, 2, 4)}"
    return f"+{number.country_code} {_keep(national, 0, 2)}"


def _keep(digits: str, head: int, tail: int) -> str:
    hidden = max(len(digits) - head - tail, 0)
    return digits[:head] + "*" * hidden + digits[len(digits) - tail:] if hidden else digits

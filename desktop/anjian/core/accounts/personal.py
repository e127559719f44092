"""The user's own phone numbers and e-mail addresses, as inputs for the password scorer.

A password made of one's own phone number or mailbox name is among the first
guesses of anyone who knows them (advice A2); the scorer is given them as
personal inputs. Lost contacts are included: an old number is still personal.
"""

from __future__ import annotations

from anjian.core.accounts.contacts import ContactKind
from anjian.core.state import State


def contact_values(state: State) -> list[str]:
    """Every bound phone (national digits and with country code) and e-mail (whole and name)."""
    values: list[str] = []
    for contact in state.account_details.contacts:
        if contact.kind is ContactKind.PHONE:
            values += _phone_forms(contact.value)
        else:
            local = contact.value.rpartition("@")[0]
            values += [contact.value, local]
    return list(dict.fromkeys(v for v in values if v))


def _phone_forms(e164: str) -> list[str]:
    import phonenumbers

    try:
        number = phonenumbers.parse(e164, None)
    except phonenumbers.NumberParseException:
        return [e164.lstrip("+")]
    national = str(number.national_number)
    return [national, f"{number.country_code}{national}"]

"""The sections of the main window: stable ids and their texts.

The texts are content, kept here as a table of English message ids marked
with ``N_`` so the ordinary gettext extraction finds them and the one
catalogue translates them at run time. The ids are stable: later issues
replace a section's placeholder page by its real page under the same id, and
preferences or links may refer to them.
"""

from __future__ import annotations


from anjian.i18n import N_
from anjian.record import record


@record
class Section:
    """One entry of the navigation and the page behind it."""

    id: str
    title: str  # message id
    summary: str  # message id: what the section will do, in the user's words


SECTIONS: tuple[Section, ...] = (
    Section(
        "overview",
        N_("Overview"),
        N_("Your checklist and your overall score in one place: which checks are done, "
           "which records are due for a review, and what to do next."),
    ),
    Section(
        "accounts",
        N_("Accounts"),
        N_("The wallets, exchanges, payment and chat apps you use. For each one: its "
           "official website and app store, its official support channels, and when you "
           "last reviewed its activity and login records."),
    ),
    Section(
        "passwords",
        N_("Passwords"),
        N_("See how easy a password would be to guess and why (common patterns, your "
           "birthday or phone number), and find passwords you use for more than one "
           "account. Anjian never stores a password."),
    ),
    Section(
        "two-factor",
        N_("Two-factor"),
        N_("Record how each account confirms that it is you: an authenticator app, SMS "
           "or nothing. Practise with an authenticator app: scan a code, type what your "
           "phone shows, and see whether its clock is right."),
    ),
    Section(
        "backups",
        N_("Backups"),
        N_("A register of what you have backed up (recovery phrases, private keys, "
           "recovery codes, transaction records), where it is kept and when, with "
           "reminders, and a drill that checks a recovery phrase written on paper. The "
           "secrets themselves are never stored."),
    ),
    Section(
        "links",
        N_("Links & numbers"),
        N_("Check a link against an account's official websites before you open it "
           "(look-alike letters, misspellings, misleading subdomains), and a support "
           "phone number against its official channels."),
    ),
    Section(
        "incident",
        N_("Incident"),
        N_("If an account was stolen: a step-by-step plan (ask official support to lock "
           "it, change passwords and security settings, review transactions, report to "
           "the police) with each step checked off with its time, and a report to hand "
           "to support or the police."),
    ),
)

NOT_BUILT_YET = N_("Not built yet. This page only describes what the section will do; "
                   "nothing here works so far.")


def section(section_id: str) -> Section:
    """The section with that id."""
    for candidate in SECTIONS:
        if candidate.id == section_id:
            return candidate
    raise KeyError(section_id)

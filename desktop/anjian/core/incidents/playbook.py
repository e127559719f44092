"""The stolen-account playbook as data: ordered steps with stable ids, per account kind.

The step texts are content. They are kept here as a table of ``N_()`` message
ids (so the ordinary extraction finds them and the one catalogue translates
them), keyed by stable step ids that incident records refer to: a text can be
reworded without breaking a saved incident, and a step id is never reused.

The order has reasons. The recovery email comes first because whoever
controls it can reset every other password again. For a self-custody wallet,
moving what is left to a new wallet comes before everything: an attacker with
the recovery phrase can empty it at any moment and no support desk can stop
that. Reporting to the police comes after the evidence has been gathered in
the review step, which the police will ask for.
"""

from __future__ import annotations

from collections.abc import Mapping

from anjian.core.state import AccountKind
from anjian.i18n import N_
from anjian.record import record


@record
class Step:
    """One step of the playbook."""

    id: str
    title: str  # message id
    detail: str  # message id
    section: str | None = None  # the section of the window that helps with it
    after_recovery: bool = False  # belongs to the "once you are back in" part


STEPS: Mapping[str, Step] = {step.id: step for step in (
    Step("move-funds",
         N_("Move what is left to a new wallet"),
         N_("If someone may have your recovery phrase or private key, create a new wallet "
            "with a new phrase on a device you trust and move the remaining funds there now. "
            "Nobody can freeze a self-custody wallet for you.")),
    Step("secure-email",
         N_("Secure the recovery email first"),
         N_("Whoever controls the email (or phone) that receives reset codes can take the "
            "account back again. Change that email's password, turn on its two-step "
            "verification and remove forwarding rules you did not set up."),
         section="accounts"),
    Step("change-password",
         N_("Change the password"),
         N_("Set a new, unique password that you have not used anywhere else. If you used "
            "the old password on other accounts, change it there too."),
         section="passwords"),
    Step("sign-out-sessions",
         N_("Sign out other sessions and devices"),
         N_("In the account's security settings, sign out every other session, remove "
            "devices you do not recognise and revoke access of connected apps.")),
    Step("contact-support",
         N_("Contact official support and ask them to lock the account"),
         N_("Use only the support channel from the official app or website, never a number "
            "from search results or a message: \"fast unlock\" services are scams. Ask them "
            "to lock or freeze the account and write down the case number."),
         section="links"),
    Step("freeze-payments",
         N_("Freeze cards and payments"),
         N_("Freeze linked bank cards and payment methods with your bank and the payment "
            "service, and turn off password-free payments and automatic top-ups.")),
    Step("warn-contacts",
         N_("Warn your contacts"),
         N_("Tell friends and family through another channel that the account was stolen: "
            "thieves use stolen chat accounts to ask contacts for money.")),
    Step("review-activity",
         N_("Review transactions and login records"),
         N_("Go through recent transactions, withdrawals, address-book changes and login "
            "records. Note transaction ids and times and save screenshots: add them to the "
            "evidence below.")),
    Step("report-police",
         N_("Report to the police if money was lost"),
         N_("In mainland China call 110 or the anti-fraud hotline 96110, or report at a "
            "police station; elsewhere contact your local police. Bring this incident "
            "report and the evidence.")),
    Step("new-password",
         N_("After recovery: set a new strong password"),
         N_("Once you have the account back, set a new strong password again, one the "
            "thief has never seen."),
         section="passwords", after_recovery=True),
    Step("enable-2fa",
         N_("After recovery: turn on two-step verification"),
         N_("Use an authenticator app rather than SMS, and keep its recovery codes in a "
            "safe place."),
         section="two-factor", after_recovery=True),
    Step("check-bindings",
         N_("After recovery: check the bound phone and email"),
         N_("Make sure the phone number and email bound to the account are yours and still "
            "in use; thieves often replace them."),
         section="accounts", after_recovery=True),
)}

_COMMON_START = ("secure-email", "change-password", "sign-out-sessions", "contact-support")
_COMMON_END = ("review-activity", "report-police", "new-password", "enable-2fa",
               "check-bindings")

# The steps for each kind of account, in order.
PLAYBOOKS: Mapping[AccountKind, tuple[str, ...]] = {
    AccountKind.WALLET: ("move-funds", *_COMMON_START, "freeze-payments", *_COMMON_END),
    AccountKind.EXCHANGE: (*_COMMON_START, "freeze-payments", *_COMMON_END),
    AccountKind.PAYMENT: (*_COMMON_START, "freeze-payments", *_COMMON_END),
    AccountKind.CHAT: (*_COMMON_START, "warn-contacts", "freeze-payments", *_COMMON_END),
    AccountKind.EMAIL: (*_COMMON_START, "warn-contacts", *_COMMON_END),
    AccountKind.OTHER: (*_COMMON_START, *_COMMON_END),
}


def steps_for(kind: AccountKind) -> tuple[Step, ...]:
    """The ordered steps of the playbook for an account of ``kind``."""
    return tuple(STEPS[step_id] for step_id in PLAYBOOKS.get(kind, PLAYBOOKS[AccountKind.OTHER]))

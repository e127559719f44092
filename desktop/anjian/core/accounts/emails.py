"""E-mail addresses as people type them: checked offline, normalised, typo-checked, masked.

``email-validator`` checks the syntax and normalises (lower-case domain, Unicode
NFC) without any network lookup: ``check_deliverability=False`` never asks DNS.
A typed domain close to a popular provider's (``qq.con``, ``gmial.com``) gets a
suggestion, since a reset link sent to a mistyped domain never arrives.
"""

from __future__ import annotations

import unicodedata

from anjian.core.accounts.problems import InputProblem
from anjian.core.accounts.textdistance import edit_distance
from anjian.i18n import N_, Text
from anjian.record import record

# Providers Anjian's users bind accounts to (mainland, Taiwan and international).
POPULAR_DOMAINS: tuple[str, ...] = (
    "qq.com", "vip.qq.com", "foxmail.com", "163.com", "126.com", "yeah.net", "vip.163.com",
    "sina.com", "sina.cn", "sohu.com", "139.com", "189.cn", "wo.cn", "aliyun.com",
    "gmail.com", "googlemail.com", "outlook.com", "hotmail.com", "live.com", "msn.com",
    "yahoo.com", "yahoo.com.tw", "yahoo.com.hk", "icloud.com", "me.com", "proton.me",
    "protonmail.com",
)
_POPULAR = frozenset(POPULAR_DOMAINS)
_MAX_INPUT = 320  # RFC 3696's longest address (64 + 1 + 255)


@record
class Email:
    """A syntactically valid address: ``address`` is the normalised, stored form."""

    address: str
    domain: str

    def masked(self) -> str:
        """The address with most of its local part hidden (``ze***@qq.com``)."""
        return mask_email(self.address)


def parse_email(raw: str) -> Email:
    """The address in ``raw``; raise :class:`InputProblem` saying what is wrong with it."""
    from email_validator import EmailNotValidError, validate_email

    text = unicodedata.normalize("NFC", raw).strip()
    if not text:
        raise InputProblem("email-empty", Text(N_("Type an e-mail address.")))
    if len(text) > _MAX_INPUT:
        raise InputProblem("email-too-long", Text(N_("This is too long to be an e-mail address.")))
    if "@" not in text:
        raise InputProblem("email-no-at", Text(N_(
            "An e-mail address has an @ between the name and the domain, like name@qq.com.")))
    try:
        result = validate_email(text, check_deliverability=False)
    except EmailNotValidError:
        raise InputProblem("email-invalid", Text(N_(
            "This is not a valid e-mail address. Check for spaces, a missing dot in the "
            "domain or characters that do not belong."))) from None
    return Email(address=result.normalized, domain=result.domain.lower())


def suggest_domain(domain: str) -> str | None:
    """A popular provider's domain that ``domain`` is probably a typo of, or ``None``.

    Short provider names (``qq``, ``163``, ``126``) only match when the name is
    right and the ending is mistyped (``qq.con``, ``163.co``): any two-letter
    change would otherwise turn many real domains into suggestions.
    """
    domain = domain.lower().strip(".")
    if not domain or domain in _POPULAR:
        return None
    best: list[tuple[int, str]] = []
    for candidate in POPULAR_DOMAINS:
        distance = edit_distance(domain, candidate)
        if distance > 2 or (distance == 2 and len(candidate) < 9):
            continue
        name, _, _ = candidate.partition(".")
        if len(name) <= 3 and domain.partition(".")[0] != name:
            continue
        # Ties go to the same length: a slipped key is likelier than a lost one.
        best.append((distance, abs(len(candidate) - len(domain)), candidate))
    if not best:
        return None
    best.sort()
    if len(best) > 1 and best[0][:2] == best[1][:2]:
        return None  # two equally likely providers: do not guess
    return best[0][2]


def typo_hint(email: Email) -> Text | None:
    """A sentence suggesting the corrected address, when the domain looks mistyped."""
    suggestion = suggest_domain(email.domain)
    if suggestion is None:
        return None
    local = email.address.rpartition("@")[0]
    return Text(N_("Did you mean {suggestion}? “{domain}” looks like a typo of a popular "
                   "provider; codes sent to a mistyped address never arrive."),
                {"suggestion": f"{local}@{suggestion}", "domain": email.domain})


def mask_email(address: str) -> str:
    """Keep the first two characters of the local part (one if it is short) and the domain."""
    local, at, domain = address.rpartition("@")
    if not at:
        return "***"
    keep = 2 if len(local) > 4 else 1
    return f"{local[:keep]}***@{domain}"

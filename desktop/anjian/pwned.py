"""The optional online breach check: Have I Been Pwned's range API, only when asked.

Anjian makes no network connection on its own. This module is called only
after the user agreed to this one check (the window asks every time; the CLI
has no online check). What is sent: the first 5 hex digits of the password's
SHA-1 and a padding request; see :mod:`anjian.core.passwords.breach`. Nothing
else about the password leaves the computer, and nothing is stored.
"""

from __future__ import annotations

import os
import urllib.error
import urllib.request

from anjian.core.passwords.breach import BadRangeAnswer, range_query, times_seen
from anjian.i18n import N_, Text
from anjian.record import record

DEFAULT_BASE_URL = "https://api.pwnedpasswords.com/range/"
# Tests point this at a loopback server that speaks the same format.
BASE_URL_VARIABLE = "ANJIAN_PWNED_URL"
TIMEOUT_SECONDS = 10
_MAX_ANSWER = 4 * 1024 * 1024  # a padded answer is ~40 kB; refuse anything absurd


class PwnedCheckFailed(Exception):
    """The online check could not be made; ``text`` says why (never naming the password)."""

    def __init__(self, text: Text) -> None:
        super().__init__(str(text))
        self.text = text


@record
class PwnedResult:
    """How often the password appears in the breach corpus (0: not found)."""

    count: int

    @property
    def found(self) -> bool:
        return self.count > 0


def check_online(password: str, *, consent: bool, base_url: str | None = None,
                 timeout: float = TIMEOUT_SECONDS) -> PwnedResult:
    """Ask the range API about ``password``. ``consent`` must be the user's explicit yes."""
    if not consent:
        raise PwnedCheckFailed(Text(N_("The online check runs only when you agree to it.")))
    if not password:
        raise PwnedCheckFailed(Text(N_("Type the password first.")))
    prefix, suffix = range_query(password)
    url = (base_url or os.environ.get(BASE_URL_VARIABLE) or DEFAULT_BASE_URL) + prefix
    request = urllib.request.Request(url, headers={
        "Add-Padding": "true", "User-Agent": "Anjian password check"})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:  # noqa: S310
            body = response.read(_MAX_ANSWER + 1)
    except urllib.error.HTTPError as exc:
        exc.close()  # it holds the connection open
        raise PwnedCheckFailed(Text(N_("The breach service answered with an error ({code})."),
                                    {"code": exc.code})) from None
    except (urllib.error.URLError, OSError, TimeoutError):
        raise PwnedCheckFailed(Text(N_(
            "The breach service could not be reached. Check the internet connection and "
            "try again."))) from None
    if len(body) > _MAX_ANSWER:
        raise PwnedCheckFailed(Text(N_("The breach service sent an answer Anjian cannot read.")))
    try:
        return PwnedResult(times_seen(body.decode("ascii"), suffix))
    except (UnicodeDecodeError, BadRangeAnswer):
        raise PwnedCheckFailed(Text(N_(
            "The breach service sent an answer Anjian cannot read."))) from None

"""Time-based one-time codes (RFC 6238 over RFC 4226's HOTP), with time passed in.

Codes are computed here with :mod:`hmac` rather than with pyotp: pyotp 2.12
refuses, in ``OTP.byte_secret()`` (called from ``OTP.__init__``), any secret under
112 bits, and services still issue 80-bit ones that a backup must reproduce. The
algorithm is a dozen lines of RFC 4226 §5.3; the tests check it against the RFC
6238 Appendix B vectors and against pyotp for secrets pyotp accepts. What Anjian
generates itself is always 160 bits (:func:`anjian.core.twofactor.secret.new_secret`).

Checking a typed code (:func:`check_code`) accepts the current time step and one
step either side, says which one matched and what that means for the phone's
clock (:class:`Drift`), refuses a code of a step already accepted (RFC 6238
§5.2), and for a wrong code looks further away so the message can say "your
clock is off by hours" instead of just "invalid". :class:`AttemptLimit` caps how
fast codes may be tried.
"""

from __future__ import annotations

import hmac
import struct
from dataclasses import field
from datetime import datetime, timedelta
from enum import Enum

from anjian.record import record

DEFAULT_DIGITS = 6
DEFAULT_PERIOD = 30
DIGITS_RANGE = (6, 8)
# Services use 30 s almost always and 60 s sometimes; NIST SP 800-63B-4 §3.1.4.1
# wants a new code at least every two minutes.
PERIOD_RANGE = (15, 120)
# RFC 6238 §5.2 recommends accepting at most one step of delay (and we allow one
# ahead too, for a phone whose clock runs fast).
WINDOW = 1


class Algorithm(str, Enum):
    """The HMAC hash, as written in ``otpauth`` links."""

    SHA1 = "SHA1"
    SHA256 = "SHA256"
    SHA512 = "SHA512"

    @property
    def hashlib_name(self) -> str:
        """The name :mod:`hashlib` knows it by."""
        return self.value.lower()


@record
class TotpKey:
    """Everything needed to compute codes: the secret and the parameters."""

    secret: bytes = field(repr=False)  # never in a repr, a log or a traceback
    algorithm: Algorithm = Algorithm.SHA1
    digits: int = DEFAULT_DIGITS
    period: int = DEFAULT_PERIOD

    def __post_init__(self) -> None:
        if not DIGITS_RANGE[0] <= self.digits <= DIGITS_RANGE[1]:
            raise ValueError("digits out of range")
        if not PERIOD_RANGE[0] <= self.period <= PERIOD_RANGE[1]:
            raise ValueError("period out of range")
        if not self.secret:
            raise ValueError("empty secret")

    @property
    def secret_bits(self) -> int:
        """The secret's length in bits."""
        return len(self.secret) * 8


def hotp(secret: bytes, counter: int, algorithm: Algorithm = Algorithm.SHA1,
         digits: int = DEFAULT_DIGITS) -> str:
    """The HOTP value for ``counter`` (RFC 4226 §5.3: HMAC, dynamic truncation)."""
    if counter < 0:
        raise ValueError("counter must not be negative")
    mac = hmac.new(secret, struct.pack(">Q", counter), algorithm.hashlib_name).digest()
    offset = mac[-1] & 0x0F
    number = struct.unpack(">I", mac[offset:offset + 4])[0] & 0x7FFFFFFF
    return str(number % 10**digits).zfill(digits)


def timestamp(now: datetime) -> float:
    """Unix time of ``now``, which must carry a time zone (TOTP counts in UTC)."""
    if now.tzinfo is None:
        raise ValueError("now must be timezone-aware")
    return now.timestamp()


def counter_at(key: TotpKey, now: datetime) -> int:
    """The time step number at ``now`` (RFC 6238 §4.2, T0 = 0)."""
    return int(timestamp(now) // key.period)


def code_at(key: TotpKey, now: datetime) -> str:
    """The code an authenticator shows at ``now``."""
    return hotp(key.secret, counter_at(key, now), key.algorithm, key.digits)


def seconds_left(key: TotpKey, now: datetime) -> float:
    """Seconds until the code shown at ``now`` is replaced by the next one."""
    return key.period - timestamp(now) % key.period


# -- checking a typed code ------------------------------------------------------------


class Verdict(str, Enum):
    """What a typed code turned out to be."""

    ACCEPTED = "accepted"
    REPLAYED = "replayed"  # right, but its step was already accepted once
    MALFORMED = "malformed"  # not the right number of digits
    FAR_OFF = "far-off"  # right for a time far from now: the phone's clock is wrong
    NEAR_MISS = "near-miss"  # one digit off, or two neighbours swapped: a typo
    WRONG = "wrong"


@record
class Drift:
    """How far the phone's clock seems to be from this computer's, from one code.

    A code only tells which time step the phone was in, so the difference is known
    as a range: the phone's clock was between ``low`` and ``high`` seconds ahead of
    ours (negative: behind) when it showed the code. ``steps`` is which step
    matched, relative to ours (-1 previous, 0 same, +1 next...).
    """

    steps: int
    low: float
    high: float

    @property
    def seconds(self) -> int:
        """The middle of the range, the best single guess."""
        return round((self.low + self.high) / 2)

    @property
    def in_step(self) -> bool:
        """The code was from our own step: the clocks agree to within a step."""
        return self.steps == 0


@record
class Check:
    """The result of :func:`check_code`."""

    verdict: Verdict
    counter: int | None = None  # the step that matched, when one did
    drift: Drift | None = None


def drift_for(key: TotpKey, counter: int, now: datetime) -> Drift:
    """The clock difference implied by a code of step ``counter`` typed at ``now``."""
    ts = timestamp(now)
    return Drift(
        steps=counter - counter_at(key, now),
        low=counter * key.period - ts,
        high=(counter + 1) * key.period - ts,
    )


def _normalised(typed: str) -> str:
    # People type codes with a space in the middle ("123 456"), as apps show them.
    return "".join(typed.split())


def check_code(
    key: TotpKey, typed: str, now: datetime, last_accepted: int | None = None
) -> Check:
    """Check a code typed at ``now``; ``last_accepted`` is the step of the last code
    accepted for this key (RFC 6238 §5.2: a code is accepted once only)."""
    code = _normalised(typed)
    if len(code) != key.digits or not code.isascii() or not code.isdigit():
        return Check(Verdict.MALFORMED)
    current = counter_at(key, now)
    for offset in _window_order(WINDOW):
        counter = current + offset
        if counter >= 0 and hmac.compare_digest(
                code, hotp(key.secret, counter, key.algorithm, key.digits)):
            drift = drift_for(key, counter, now)
            if last_accepted is not None and counter <= last_accepted:
                return Check(Verdict.REPLAYED, counter, drift)
            return Check(Verdict.ACCEPTED, counter, drift)
    far = _far_match(key, code, current)
    if far is not None:
        return Check(Verdict.FAR_OFF, far, drift_for(key, far, now))
    if any(_one_slip(code, hotp(key.secret, current + offset, key.algorithm, key.digits))
           for offset in _window_order(WINDOW) if current + offset >= 0):
        return Check(Verdict.NEAR_MISS)
    return Check(Verdict.WRONG)


def _window_order(width: int) -> list[int]:
    """0 first, then -1, +1, -2, +2...: the likeliest steps first."""
    order = [0]
    for distance in range(1, width + 1):
        order += [-distance, distance]
    return order


# Beyond the window, only to explain a failure (never to accept): ten minutes
# either way, and whole hours up to 14 (a clock set by hand in the wrong time zone
# is off by whole hours). About 130 candidates, so a wrong code matches one by
# chance with a probability near 1 in 8,000 for 6 digits.
_FAR_MINUTES = 10
_FAR_HOURS = 14


def _far_candidates(key: TotpKey, current: int) -> list[int]:
    near = (_FAR_MINUTES * 60) // key.period
    steps = [d for d in range(-near, near + 1) if abs(d) > WINDOW]
    per_hour = 3600 // key.period
    for hours in range(1, _FAR_HOURS + 1):
        for sign in (-1, 1):
            centre = sign * hours * per_hour
            steps += [centre - 1, centre, centre + 1]
    return [current + d for d in sorted(set(steps), key=abs) if current + d >= 0]


def _far_match(key: TotpKey, code: str, current: int) -> int | None:
    for counter in _far_candidates(key, current):
        if hmac.compare_digest(code, hotp(key.secret, counter, key.algorithm, key.digits)):
            return counter
    return None


def _one_slip(typed: str, expected: str) -> bool:
    """One digit wrong, or two neighbouring digits swapped."""
    differences = [i for i, (a, b) in enumerate(zip(typed, expected)) if a != b]
    if len(differences) == 1:
        return True
    if len(differences) == 2 and differences[1] == differences[0] + 1:
        i = differences[0]
        return typed[i] == expected[i + 1] and typed[i + 1] == expected[i]
    return False


# -- how fast codes may be tried ----------------------------------------------------


@record
class AttemptLimit:
    """At most ``attempts`` codes within any ``window``; pure, the caller keeps the times.

    A drill can be guessed at no better than a real login, and the user sees the
    same behaviour that real services have (they lock after a few wrong codes).
    """

    attempts: int = 5
    window: timedelta = timedelta(minutes=1)

    def wait(self, tried: tuple[datetime, ...], now: datetime) -> float:
        """Seconds to wait before the next try (0: may try now)."""
        recent = sorted(t for t in tried if now - t < self.window)
        if len(recent) < self.attempts:
            return 0.0
        oldest_that_counts = recent[-self.attempts]
        return max(0.0, (oldest_that_counts + self.window - now).total_seconds())

    def record(self, tried: tuple[datetime, ...], now: datetime) -> tuple[datetime, ...]:
        """``tried`` plus ``now``, forgetting tries that no longer count."""
        return (*(t for t in tried if now - t < self.window), now)

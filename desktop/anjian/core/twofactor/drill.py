"""The enrollment drill, as data: practise turning on an authenticator app, safely.

The flow is a table of steps (:data:`STEPS`): what each step is for, what it
needs from the user, and which steps may come next. :class:`Drill` is the
immutable state of one run; :func:`start`, :func:`go_to` and :func:`submit`
move it on. The Qt page only draws the step it is given, so the whole flow is
tested here without Qt.

The drill's secret is fresh (160 bits), lives only in memory for this run and is
never saved: it protects nothing, which is the point of a drill.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import field, replace
from datetime import datetime
from enum import Enum

from anjian.core.twofactor.otpauth import OtpEntry, build_uri
from anjian.core.twofactor.secret import grouped, new_secret
from anjian.core.twofactor.section import DrillRecord
from anjian.core.twofactor.totp import AttemptLimit, Check, Drift, TotpKey, Verdict, check_code
from anjian.i18n import N_, Text
from anjian.record import record

ISSUER = "Anjian"


class Step(str, Enum):
    """The drill's steps, by stable id."""

    INTRODUCTION = "introduction"
    SCAN = "scan"
    ENTER_CODE = "enter-code"
    RESULT = "result"


@record
class StepSpec:
    """One step: its title and guidance (message ids), what it needs, where it leads."""

    step: Step
    title: str
    guidance: str
    needs: tuple[str, ...]
    next: tuple[Step, ...]


STEPS: dict[Step, StepSpec] = {spec.step: spec for spec in (
    StepSpec(
        Step.INTRODUCTION,
        N_("Practise with an authenticator app"),
        N_("Most services let you turn on two-step verification with an authenticator app "
           "(Google Authenticator, Microsoft Authenticator, 腾讯身份验证器 and others). "
           "Practise here first: Anjian shows a QR code like a service would, you scan it, "
           "and Anjian checks the code your phone shows and whether its clock is right. "
           "Nothing of a real account is involved."),
        (N_("Your phone with an authenticator app installed"),),
        (Step.SCAN,),
    ),
    StepSpec(
        Step.SCAN,
        N_("Scan the QR code"),
        N_("In your authenticator app, add an account and scan this QR code. If you can't "
           "scan it, choose to enter a setup key and type the key below (time-based). The "
           "new entry is called “{title}”; you can delete it from your app after the drill."),
        (N_("The authenticator app open on your phone"),),
        (Step.ENTER_CODE, Step.INTRODUCTION),
    ),
    StepSpec(
        Step.ENTER_CODE,
        N_("Type the code your phone shows"),
        N_("Type the {digits}-digit code that the entry “{title}” shows now. It changes every "
           "{period} seconds; if it is about to change, wait for the new one."),
        (N_("The code shown in your app"),),
        (Step.RESULT, Step.SCAN),
    ),
    StepSpec(
        Step.RESULT,
        N_("Your authenticator works"),
        N_("On a real account, do the same: open its security settings, choose two-step "
           "verification with an authenticator app (认证器 or 身份验证器), scan its QR code "
           "and type the code to confirm. Save the recovery codes it offers on paper or "
           "another safe place, not only on the same phone. Then record it in the 2FA map: "
           "method “Authenticator app”, which phone and app hold it, where the recovery "
           "codes are kept, and today as the date last verified."),
        (),
        (Step.INTRODUCTION,),
    ),
)}


@record
class Outcome:
    """What happened to the last code typed, in words for the user."""

    verdict: Verdict | None  # None: refused before checking (too many tries)
    message: Text
    drift: Drift | None = None
    wait_seconds: float = 0.0


@record
class Drill:
    """One run of the drill."""

    key: TotpKey = field(repr=False)
    label: str
    step: Step = Step.INTRODUCTION
    tried: tuple[datetime, ...] = ()
    last_accepted: int | None = None
    outcome: Outcome | None = None

    @property
    def spec(self) -> StepSpec:
        """The current step's description."""
        return STEPS[self.step]

    @property
    def entry(self) -> OtpEntry:
        """The drill as an authenticator entry."""
        return OtpEntry(ISSUER, self.label, self.key)

    @property
    def uri(self) -> str:
        """The ``otpauth://`` link the QR code carries."""
        return build_uri(self.entry)

    @property
    def grouped_secret(self) -> str:
        """The secret in groups of four, for typing by hand."""
        return grouped(self.key.secret)

    def guidance(self) -> Text:
        """The current step's guidance, its placeholders filled in."""
        return Text(self.spec.guidance, {"title": self.entry.title, "digits": self.key.digits,
                                         "period": self.key.period})


LIMIT = AttemptLimit()


def start(now: datetime, random_bytes: Callable[[int], bytes]) -> Drill:
    """A new drill with a fresh secret, on its introduction step."""
    # The label tells this drill's entry apart from an earlier drill's in the app.
    label = f"practice {now.astimezone():%Y-%m-%d %H:%M}"
    return Drill(key=TotpKey(new_secret(random_bytes)), label=label)


def go_to(drill: Drill, step: Step) -> Drill:
    """Move to ``step``, which must be one the current step leads to."""
    if step not in drill.spec.next:
        raise ValueError(f"the drill cannot go from {drill.step.value} to {step.value}")
    return replace(drill, step=step, outcome=None if step is not Step.RESULT else drill.outcome)


def submit(drill: Drill, typed: str, now: datetime) -> Drill:
    """Check a typed code: accepted leads to the result; anything else stays, explained."""
    if drill.step is not Step.ENTER_CODE:
        raise ValueError("codes are typed on the enter-code step")
    wait = LIMIT.wait(drill.tried, now)
    if wait > 0:
        return replace(drill, outcome=Outcome(None, Text(N_(
            "Too many codes in a short time. Wait {seconds} s, then type the code your phone "
            "shows then. Real services do the same, and some lock the account after repeated "
            "wrong codes."), {"seconds": int(wait + 0.999)}), wait_seconds=wait))
    check = check_code(drill.key, typed, now, drill.last_accepted)
    tried = drill.tried if check.verdict is Verdict.MALFORMED else LIMIT.record(drill.tried, now)
    outcome = Outcome(check.verdict, _message(drill, check, typed), check.drift)
    if check.verdict is Verdict.ACCEPTED:
        return replace(drill, step=Step.RESULT, tried=tried, last_accepted=check.counter,
                       outcome=outcome)
    return replace(drill, tried=tried, outcome=outcome)


def passed(drill: Drill, now: datetime) -> DrillRecord | None:
    """What to keep of a drill that ended with an accepted code (None: it did not)."""
    outcome = drill.outcome
    if drill.step is not Step.RESULT or outcome is None or outcome.drift is None:
        return None
    return DrillRecord(passed=now, steps=outcome.drift.steps,
                       drift_seconds=outcome.drift.seconds)


def drift_message(drift: Drift, period: int) -> Text:
    """What a matched step says about the phone's clock, in plain words."""
    if drift.in_step:
        return Text(N_(
            "Your phone's clock agrees with this computer's to within one {period}-second "
            "step: nothing to fix."), {"period": period})
    behind = drift.seconds < 0
    low, high = sorted((abs(drift.low), abs(drift.high)))
    params = {"seconds": abs(drift.seconds), "low": max(0, round(low)), "high": round(high),
              "period": period}
    if behind:
        return Text(N_(
            "The code was from the previous {period}-second step: your phone's clock is about "
            "{seconds} s behind this computer's (between {low} and {high} s), or you took a "
            "moment to type it. Codes may fail near the boundary: turn on automatic date and "
            "time on your phone."), params)
    return Text(N_(
        "The code was from the next {period}-second step: your phone's clock is about "
        "{seconds} s ahead of this computer's (between {low} and {high} s). Codes may fail "
        "near the boundary: turn on automatic date and time on your phone (and check this "
        "computer's clock too)."), params)


def _message(drill: Drill, check: Check, typed: str) -> Text:
    title = drill.entry.title
    if check.verdict is Verdict.ACCEPTED:
        assert check.drift is not None
        return drift_message(check.drift, drill.key.period)
    if check.verdict is Verdict.REPLAYED:
        return Text(N_(
            "This code was already accepted. Each code works only once, so that a code someone "
            "saw you type can't be used again: wait for the next code and type that."))
    if check.verdict is Verdict.MALFORMED:
        digits = "".join(typed.split())
        if not digits:
            return Text(N_("Type the {digits}-digit code your phone shows."),
                        {"digits": drill.key.digits})
        if not (digits.isascii() and digits.isdigit()):
            return Text(N_("A code has only digits; check what you typed."))
        return Text(N_("A code has {digits} digits; you typed {count}."),
                    {"digits": drill.key.digits, "count": len(digits)})
    if check.verdict is Verdict.FAR_OFF:
        assert check.drift is not None
        return _far_message(check.drift)
    if check.verdict is Verdict.NEAR_MISS:
        return Text(N_(
            "Almost: one digit is wrong, or two neighbouring digits are swapped. Look again "
            "and type the code your phone shows now."))
    return Text(N_(
        "This code doesn't match. Check that you are reading the entry “{title}” and not "
        "another account; that you scanned the QR code shown now (starting the drill again "
        "makes a new one); and that your phone sets its date and time automatically."),
        {"title": title})


def _far_message(drift: Drift) -> Text:
    amount = abs(drift.seconds)
    # Whole hours off usually means the time zone was set by hand, wrongly.
    if amount >= 3000:
        hours = {"hours": round(amount / 3600)}
        if drift.seconds < 0:
            return Text(N_(
                "This code is right for a time about {hours} h earlier: your phone's clock is "
                "that far behind, which usually means its time zone is wrong. Turn on automatic "
                "date, time and time zone on your phone, then type the new code."), hours)
        return Text(N_(
            "This code is right for a time about {hours} h later: your phone's clock is that "
            "far ahead, which usually means its time zone is wrong. Turn on automatic date, "
            "time and time zone on your phone, then type the new code."), hours)
    minutes = {"minutes": max(1, round(amount / 60))}
    if drift.seconds < 0:
        return Text(N_(
            "This code is right for a time about {minutes} min earlier: your phone's clock is "
            "that far behind. Turn on automatic date and time on your phone, then type the new "
            "code."), minutes)
    return Text(N_(
        "This code is right for a time about {minutes} min later: your phone's clock is that "
        "far ahead. Turn on automatic date and time on your phone, then type the new code."),
        minutes)

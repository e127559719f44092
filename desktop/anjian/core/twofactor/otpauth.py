"""``otpauth://totp/...`` links (the Key URI Format that authenticator QR codes carry).

Read strictly, with one precise, translated reason for each way a link can be
wrong, and what real services issue is accepted: SHA1/SHA256/SHA512, 6–8 digits,
periods of 15–120 s and 80-bit secrets (with a warning that they are short).
Non-default parameters are accepted with a warning, because many authenticator
apps silently ignore them and then show codes that never work.

HOTP links (``otpauth://hotp/``) are refused with their own message: a counter
based code advances each time the phone shows one, so a backup copy cannot know
where the phone's counter is and its codes would not match the service's.

The parser never puts the secret into an error message or a warning.
"""

from __future__ import annotations

import re
from dataclasses import field

from anjian.core.twofactor.secret import SecretError, is_short, parse_secret, secret_text
from anjian.core.twofactor.totp import (
    DEFAULT_DIGITS,
    DEFAULT_PERIOD,
    DIGITS_RANGE,
    PERIOD_RANGE,
    Algorithm,
    TotpKey,
)
from anjian.i18n import N_, Text
from anjian.record import record

SCHEME = "otpauth://"
# A QR code holds at most 4,296 characters; nothing longer was ever scanned.
MAX_LENGTH = 4296
# Real links have at most seven parameters; a few unknown ones are ignored.
MAX_PARAMETERS = 20
_BROKEN_ESCAPE = re.compile(r"%(?![0-9A-Fa-f]{2})")
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")


class UriError(ValueError):
    """A link that cannot be used; ``code`` is a stable id, ``text`` the reason."""

    def __init__(self, code: str, text: Text) -> None:
        super().__init__(str(text))
        self.code = code
        self.text = text


@record
class OtpEntry:
    """One authenticator entry: who issued it, for which account, and its key."""

    issuer: str
    account: str
    key: TotpKey
    warnings: tuple[Text, ...] = field(default=(), compare=False)

    @property
    def title(self) -> str:
        """``issuer: account``, or whichever of the two there is."""
        return ": ".join(part for part in (self.issuer, self.account) if part)


def as_text(raw: str | bytes) -> str:
    """The link as text; raise :class:`UriError` if it is not UTF-8 or not printable."""
    if isinstance(raw, bytes):
        try:
            raw = raw.decode("utf-8")
        except UnicodeDecodeError:
            raise UriError("not-utf8", Text(N_("The link is not UTF-8 text."))) from None
    try:
        raw.encode("utf-8")
    except UnicodeEncodeError:  # lone surrogates, from undecodable bytes
        raise UriError("not-utf8", Text(N_("The link is not UTF-8 text."))) from None
    text = raw.strip()
    if not text:
        raise UriError("empty", Text(N_("The link is empty.")))
    if len(text) > MAX_LENGTH:
        raise UriError("too-long", Text(N_(
            "The link is {length} characters long, more than a QR code can hold ({limit})."),
            {"length": len(text), "limit": MAX_LENGTH}))
    if _CONTROL.search(text):
        raise UriError("control-character", Text(N_(
            "The link contains a control character (such as a line break) in the middle.")))
    return text


def decode_component(part: str, broken: Text) -> str:
    """Percent-decode one part of a link strictly; ``broken`` is the reason if it can't be."""
    from urllib.parse import unquote_to_bytes

    if _BROKEN_ESCAPE.search(part):
        raise UriError("bad-percent", broken)
    try:
        return unquote_to_bytes(part).decode("utf-8")
    except UnicodeDecodeError:
        raise UriError("bad-percent", broken) from None


def query_parameters(query: str, plus_is_space: bool = True) -> dict[str, str]:
    """The parameters of a query string, names in lower case; duplicates and floods refused.

    ``plus_is_space``: read "+" as a space, as form encoding does (generators write
    "My+Bank" for an issuer); off for base64 data, where "+" is a character.
    """
    pieces = [piece for piece in query.split("&") if piece]
    if len(pieces) > MAX_PARAMETERS:
        raise UriError("too-many-parameters", Text(N_(
            "The link has {count} parameters; a real one has fewer than ten."),
            {"count": len(pieces)}))
    found: dict[str, str] = {}
    for piece in pieces:
        raw_name, _, raw_value = piece.partition("=")
        name = decode_component(raw_name, Text(N_(
            "A parameter name in the link is badly percent-encoded (a “%” not followed by "
            "two hexadecimal digits, or bytes that are not UTF-8 text).")))
        name = name.lower()
        if plus_is_space:
            raw_value = raw_value.replace("+", "%20")
        value = decode_component(raw_value, Text(N_(
            "The link's “{name}” is badly percent-encoded (a “%” not followed by two "
            "hexadecimal digits, or bytes that are not UTF-8 text)."), {"name": name[:20]}))
        if name in found:
            raise UriError("duplicate-parameter", Text(N_(
                "The parameter “{name}” appears twice in the link."), {"name": name[:20]}))
        found[name] = value
    return found


def parse_uri(raw: str | bytes) -> OtpEntry:
    """Read an ``otpauth://totp/`` link; raise :class:`UriError` with the reason."""
    text = as_text(raw)
    if not text.lower().startswith(SCHEME):
        if text.lower().startswith("otpauth-migration:"):
            raise UriError("migration", Text(N_(
                "This is a Google Authenticator export (otpauth-migration), not a single "
                "entry. Import it as an export.")))
        raise UriError("not-otpauth", Text(N_(
            "This is not an authenticator link: it should start with “otpauth://”.")))
    rest = text[len(SCHEME):].split("#", 1)[0]
    path, _, query = rest.partition("?")
    kind, _, raw_label = path.partition("/")
    kind = kind.lower()
    if kind == "hotp":
        raise UriError("hotp", Text(N_(
            "This is a counter-based (HOTP) entry. Anjian keeps only time-based (TOTP) "
            "entries: a backup copy of a counter-based one cannot know how far your phone's "
            "counter has moved, so its codes would not match. Keep the service's recovery "
            "codes instead.")))
    if kind != "totp":
        raise UriError("unknown-type", Text(N_(
            "The link's type is “{type}”; only “totp” (time-based codes) is supported."),
            {"type": kind[:20]}))
    issuer_in_label, account = _label(decode_component(raw_label, Text(N_(
        "The link's label (issuer and account name) is badly percent-encoded (a “%” not "
        "followed by two hexadecimal digits, or bytes that are not UTF-8 text)."))))
    params = query_parameters(query)
    secret = _secret(params)
    algorithm = _algorithm(params)
    digits = _number(params, "digits", DEFAULT_DIGITS, DIGITS_RANGE, N_(
        "The link asks for {value} digits; authenticator codes have 6 to 8."))
    period = _number(params, "period", DEFAULT_PERIOD, PERIOD_RANGE, N_(
        "The link asks for a new code every {value} seconds; Anjian accepts 15 to 120."))
    issuer = params.get("issuer", "").strip()
    warnings: list[Text] = []
    if issuer and issuer_in_label and issuer != issuer_in_label:
        warnings.append(Text(N_(
            "The link names two issuers, “{parameter}” and “{label}”; “{parameter}” is used."),
            {"parameter": issuer, "label": issuer_in_label}))
    issuer = issuer or issuer_in_label
    if not issuer:
        warnings.append(Text(N_(
            "The link does not say which service issued it; give the entry a clear name.")))
    key = TotpKey(secret, algorithm, digits, period)
    return OtpEntry(issuer, account, key, tuple(warnings) + key_warnings(key))


def key_warnings(key: TotpKey) -> tuple[Text, ...]:
    """What the user should know about a key's parameters: short secret, non-defaults."""
    warnings: list[Text] = []
    if is_short(key.secret):
        warnings.append(Text(N_(
            "The service's secret is only {bits} bits long (128 are recommended). It still "
            "works; the service chose it, and only the service can issue a longer one."),
            {"bits": key.secret_bits}))
    if (key.algorithm, key.digits, key.period) != (Algorithm.SHA1, DEFAULT_DIGITS,
                                                   DEFAULT_PERIOD):
        warnings.append(Text(N_(
            "This entry does not use the usual settings (SHA1, 6 digits, a new code every "
            "30 s) but {algorithm}, {digits} digits, a new code every {period} s. Many "
            "authenticator apps ignore such settings and show codes that never work; check "
            "that your app shows the same code as Anjian before you rely on it."),
            {"algorithm": key.algorithm.value, "digits": key.digits, "period": key.period}))
    return tuple(warnings)


def _label(label: str) -> tuple[str, str]:
    """``issuer:account`` or ``account``; spaces around the colon are allowed."""
    issuer, colon, account = label.partition(":")
    if not colon:
        return "", label.strip()
    return issuer.strip(), account.strip()


def _secret(params: dict[str, str]) -> bytes:
    value = params.get("secret")
    if value is None or not value.strip():
        raise UriError("missing-secret", Text(N_("The link has no secret.")))
    try:
        return parse_secret(value)
    except SecretError as bad:
        raise UriError(bad.code, bad.text) from None


def _algorithm(params: dict[str, str]) -> Algorithm:
    value = params.get("algorithm", Algorithm.SHA1.value).strip().upper().replace("-", "")
    try:
        return Algorithm(value)
    except ValueError:
        raise UriError("unknown-algorithm", Text(N_(
            "The link asks for the algorithm “{algorithm}”; authenticators use SHA1, SHA256 "
            "or SHA512."), {"algorithm": value[:20]})) from None


def _number(params: dict[str, str], name: str, default: int, bounds: tuple[int, int],
            out_of_range: str) -> int:
    value = params.get(name)
    if value is None:
        return default
    value = value.strip()
    if not re.fullmatch(r"[+-]?[0-9]{1,9}", value):
        raise UriError(f"bad-{name}", Text(N_(
            "The link's “{name}” is “{value}”, which is not a whole number."),
            {"name": name, "value": value[:20]}))
    number = int(value)
    if not bounds[0] <= number <= bounds[1]:
        raise UriError(f"bad-{name}", Text(out_of_range, {"value": number}))
    return number


def build_uri(entry: OtpEntry) -> str:
    """The ``otpauth://totp/`` link of ``entry``, as authenticator apps expect it.

    Default parameters are left out: some apps refuse a link that spells them out.
    """
    from urllib.parse import quote

    # Without an issuer, an account name holding a colon would read back as
    # "issuer:account"; an empty issuer before it keeps it whole.
    label = quote(entry.issuer, safe="") + ":" + quote(entry.account, safe="") \
        if entry.issuer or ":" in entry.account else quote(entry.account, safe="")
    params = [f"secret={secret_text(entry.key.secret)}"]
    if entry.issuer:
        params.append(f"issuer={quote(entry.issuer, safe='')}")
    if entry.key.algorithm is not Algorithm.SHA1:
        params.append(f"algorithm={entry.key.algorithm.value}")
    if entry.key.digits != DEFAULT_DIGITS:
        params.append(f"digits={entry.key.digits}")
    if entry.key.period != DEFAULT_PERIOD:
        params.append(f"period={entry.key.period}")
    return f"{SCHEME}totp/{label}?{'&'.join(params)}"

"""What the user hands the vault, read whatever its form: a link, an export, a setup key.

The vault's "add" box takes one ``otpauth://`` link, the ``otpauth-migration://``
links of one export (several QR codes), or a bare setup key with a name typed
beside it. :func:`read_input` decides which and gives one :class:`Intake` with
every entry, every skipped entry with its reason, and notes (missing parts).
QR images are decoded in the window and their texts passed here the same way.
"""

from __future__ import annotations

from collections.abc import Sequence

from anjian.core.twofactor.migration import Skipped, is_migration, read_exports
from anjian.core.twofactor.otpauth import SCHEME, OtpEntry, UriError, key_warnings, parse_uri
from anjian.core.twofactor.secret import SecretError, parse_secret
from anjian.core.twofactor.totp import TotpKey
from anjian.i18n import N_, Text
from anjian.record import record


@record
class Intake:
    """Entries ready to add, those skipped and why, and notes about the whole."""

    entries: tuple[OtpEntry, ...] = ()
    skipped: tuple[Skipped, ...] = ()
    notes: tuple[Text, ...] = ()


def read_input(text: str, issuer: str = "", account: str = "") -> Intake:
    """Read what was pasted or typed; raise :class:`UriError` with the reason if unusable."""
    pieces = text.split()
    if not pieces:
        raise UriError("empty", Text(N_(
            "Paste an authenticator link or an export link, or type a setup key.")))
    if any(is_migration(p) for p in pieces):
        return read_links(pieces)
    if any(p.lower().startswith(SCHEME) for p in pieces):
        if len(pieces) > 1:
            raise UriError("several-links", Text(N_(
                "Give one authenticator link at a time (only the parts of one Google "
                "Authenticator export may be given together).")))
        entry = parse_uri(pieces[0])
        return Intake(entries=(entry,))
    return Intake(entries=(typed_key(text, issuer, account),))


def read_links(links: Sequence[str]) -> Intake:
    """Read links decoded from QR images or pasted: one entry, or the parts of exports."""
    if not links:
        raise UriError("no-code", Text(N_("No QR code was found in the image.")))
    if all(is_migration(link) for link in links):
        reading = read_exports(links)
        return Intake(reading.entries, reading.skipped, reading.notes)
    if len(links) == 1:
        return Intake(entries=(parse_uri(links[0]),))
    raise UriError("several-links", Text(N_(
        "Give one authenticator link at a time (only the parts of one Google "
        "Authenticator export may be given together).")))


def typed_key(text: str, issuer: str, account: str) -> OtpEntry:
    """A setup key typed by hand, with the name the user gave it (time-based, defaults)."""
    issuer, account = issuer.strip(), account.strip()
    if not issuer and not account:
        raise UriError("no-name", Text(N_(
            "Give the entry a name: the service, the account, or both.")))
    try:
        secret = parse_secret(text)
    except SecretError as bad:
        raise UriError(bad.code, bad.text) from None
    key = TotpKey(secret)
    return OtpEntry(issuer, account, key, key_warnings(key))

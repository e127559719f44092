"""Each account's official channels: websites, apps and support, with where each came from.

Official domains feed the link check, official numbers the number check. Where
the user got a channel matters as much as the channel: one taken from a search
result or a message is exactly what scammers plant, so it is flagged until the
user confirms it in the official app or site.

Presets for well-known services are content (``resources/content/channel_presets.json``):
each entry must cite its source, and the UI asks the user to confirm it before it is
recorded; :func:`read_presets` refuses an entry without one.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import replace
from datetime import datetime, date
from enum import Enum
from typing import Any

from anjian.core.accounts.hosts import domain_of
from anjian.core.accounts.numbers import PinnedNumber, display_number, support_number_key
from anjian.core.accounts.problems import InputProblem
from anjian.core.document import DocumentError, malformed, read_list, read_record, read_str, utc
from anjian.i18n import N_, Text
from anjian.record import record


class ChannelKind(str, Enum):
    """What sort of official channel."""

    WEBSITE = "website"  # a domain
    APP = "app"  # an app's name, with the store it comes from
    IN_APP_CHAT = "in-app-chat"  # where in the app support is found
    SUPPORT_PAGE = "support-page"  # a page on the official site
    PHONE = "phone"  # a support number


CHANNEL_KIND_NAMES: dict[ChannelKind, str] = {
    ChannelKind.WEBSITE: N_("Official website"),
    ChannelKind.APP: N_("Official app"),
    ChannelKind.IN_APP_CHAT: N_("Support chat in the app"),
    ChannelKind.SUPPORT_PAGE: N_("Support page on the official site"),
    ChannelKind.PHONE: N_("Support phone number"),
}


class ChannelSource(str, Enum):
    """Where the user got a channel."""

    OFFICIAL_APP = "official-app"
    OFFICIAL_SITE = "official-site"
    APP_STORE = "app-store"
    PAPER = "paper"  # a card, contract or letter from the service
    PRESET = "preset"  # an Anjian preset, with its cited source, confirmed by the user
    SEARCH = "search-result"
    MESSAGE = "message"  # someone sent it: chat, SMS, e-mail, a group
    OTHER = "other"


CHANNEL_SOURCE_NAMES: dict[ChannelSource, str] = {
    ChannelSource.OFFICIAL_APP: N_("From the official app"),
    ChannelSource.OFFICIAL_SITE: N_("From the official website"),
    ChannelSource.APP_STORE: N_("From the app store listing"),
    ChannelSource.PAPER: N_("On a card, contract or letter from the service"),
    ChannelSource.PRESET: N_("Anjian's preset (with its source)"),
    ChannelSource.SEARCH: N_("From a search result"),
    ChannelSource.MESSAGE: N_("Someone sent it to me"),
    ChannelSource.OTHER: N_("Somewhere else"),
}

# Sources scammers control: a channel from one of these is a finding until re-checked.
UNTRUSTED_SOURCES = frozenset({ChannelSource.SEARCH, ChannelSource.MESSAGE})
_MAX_VALUE = 300


@record
class OfficialChannel:
    """One official channel of one account.

    ``value`` is normalised by kind: a host for a website, the canonical number
    (see :func:`~anjian.core.accounts.numbers.support_number_key`) for a phone,
    the link for a support page, the name for an app, a description for in-app chat.
    """

    id: str
    account_id: str
    kind: ChannelKind
    value: str
    source: ChannelSource
    added: datetime
    store: str = ""  # for an app: which store (App Store, Google Play, Huawei AppGallery...)
    note: str = ""
    preset: str = ""  # the preset id it came from, if any

    def shown(self) -> str:
        """The value as a person reads it."""
        if self.kind is ChannelKind.PHONE:
            return display_number(self.value)
        if self.kind is ChannelKind.WEBSITE and "xn--" in self.value:
            import idna

            try:
                return idna.decode(self.value)
            except (idna.IDNAError, UnicodeError, ValueError):
                return self.value
        return self.value

    @property
    def trusted(self) -> bool:
        """False when it came from a search result or a message."""
        return self.source not in UNTRUSTED_SOURCES


def normalise_value(kind: ChannelKind, raw: str, region: str) -> str:
    """The stored form of what the user typed; raises :class:`InputProblem` if unusable."""
    text = raw.strip()
    if not text:
        raise InputProblem("channel-empty", Text(N_("Fill in the channel.")))
    if len(text) > _MAX_VALUE:
        raise InputProblem("channel-too-long", Text(N_("This is too long.")))
    if kind is ChannelKind.WEBSITE:
        return domain_of(text)
    if kind is ChannelKind.PHONE:
        return support_number_key(text, region)
    if kind is ChannelKind.SUPPORT_PAGE:
        domain_of(text)  # must be a readable web link
        return text if "://" in text else "https://" + text
    return " ".join(text.split())


def new_channel(
    channel_id: str, account_id: str, kind: ChannelKind, raw: str, source: ChannelSource,
    now: datetime, region: str, store: str = "", note: str = "", preset: str = "",
) -> OfficialChannel:
    """A channel from what the user typed, normalised."""
    return OfficialChannel(channel_id, account_id, kind, normalise_value(kind, raw, region),
                           source, utc(now), store.strip(), note.strip(), preset)


def pinned_domains(channels: Iterable[OfficialChannel], account_id: str | None = None) -> list[str]:
    """The official website domains (of one account, or of all), in the order recorded."""
    found = [c.value for c in channels if c.kind is ChannelKind.WEBSITE
             and (account_id is None or c.account_id == account_id)]
    found += [domain_of(c.value) for c in channels if c.kind is ChannelKind.SUPPORT_PAGE
              and (account_id is None or c.account_id == account_id) and _readable(c.value)]
    return list(dict.fromkeys(found))


def pinned_numbers(channels: Iterable[OfficialChannel]) -> list[PinnedNumber]:
    """Every official support number, with its account."""
    return [PinnedNumber(c.value, c.account_id) for c in channels if c.kind is ChannelKind.PHONE]


def _readable(link: str) -> bool:
    try:
        domain_of(link)
    except InputProblem:
        return False
    return True


# -- presets ---------------------------------------------------------------------------


@record
class PresetChannel:
    """One channel of a preset, and the public source that states it."""

    kind: ChannelKind
    value: str
    source_url: str
    source_title: str
    retrieved: date
    store: str = ""


@record
class Preset:
    """A well-known service's official channels, each cited."""

    id: str
    name: str
    channels: tuple[PresetChannel, ...]


def read_presets(doc: Mapping[str, Any]) -> tuple[Preset, ...]:
    """The presets of the content file; an entry without a cited source is an error."""
    presets = []
    for i, raw in enumerate(read_list(doc, "presets")):
        where = f"presets[{i}]"
        record = read_record(raw, where)
        channels = []
        for j, raw_channel in enumerate(read_list(record, "channels", where)):
            cwhere = f"{where}.channels[{j}]"
            channel = read_record(raw_channel, cwhere)
            source = read_record(channel.get("source"), f"{cwhere}.source")
            url = read_str(source, "url", f"{cwhere}.source")
            if not url.startswith("https://"):
                raise malformed(f"{cwhere}.source.url")
            try:
                kind = ChannelKind(read_str(channel, "kind", cwhere))
                retrieved = date.fromisoformat(read_str(source, "retrieved", f"{cwhere}.source"))
            except ValueError:
                raise malformed(cwhere) from None
            channels.append(PresetChannel(
                kind, read_str(channel, "value", cwhere), url,
                read_str(source, "title", f"{cwhere}.source"), retrieved,
                read_str(channel, "store", cwhere, default="")))
        if not channels:
            raise DocumentError(Text(N_("A preset without channels: “{field}”."), {"field": where}))
        _check_sources_are_own(channels, where)
        presets.append(Preset(read_str(record, "id", where), read_str(record, "name", where),
                              tuple(channels)))
    return tuple(presets)


def from_preset(preset: Preset, chosen: Iterable[int], account_id: str, ids: Iterable[str],
                now: datetime, region: str) -> list[OfficialChannel]:
    """The ``chosen`` channels of ``preset`` (by index), for an account, once the user
    has confirmed them against their cited sources; the source is kept in the note.

    Raises :class:`InputProblem` if an entry does not normalise (a broken preset).
    """
    found = []
    for index, channel_id in zip(sorted(set(chosen)), ids):
        entry = preset.channels[index]
        note = f"{entry.source_title} <{entry.source_url}> {entry.retrieved.isoformat()}"
        found.append(new_channel(channel_id, account_id, entry.kind, entry.value,
                                 ChannelSource.PRESET, now, region, entry.store, note,
                                 preset.id))
    return found


def checked_in_official_app(channel: OfficialChannel) -> OfficialChannel:
    """The user looked the channel up in the official app and it is there: trusted now."""
    return replace(channel, source=ChannelSource.OFFICIAL_APP)


def _check_sources_are_own(channels: list[PresetChannel], where: str) -> None:
    """Every source must be a page of the service itself: on one of the preset's own
    websites. Copies and mirrors on other sites are what phishing looks like."""
    from anjian.core.accounts.hosts import registrable_domain

    def site(text: str) -> str | None:
        try:
            return registrable_domain(domain_of(text))
        except InputProblem:
            return None

    own = {site(c.value) for c in channels if c.kind is ChannelKind.WEBSITE} - {None}
    for j, channel in enumerate(channels):
        if site(channel.source_url) not in own:
            raise malformed(f"{where}.channels[{j}].source.url")


def pinned_support(state: Any, account_id: str) -> str | None:
    """The account's official support channels in one line (for the incident playbook)."""
    support = (ChannelKind.PHONE, ChannelKind.SUPPORT_PAGE, ChannelKind.IN_APP_CHAT)
    shown = [c.shown() for c in state.account_details.channels_of(account_id)
             if c.kind in support and c.trusted]
    return "; ".join(shown) or None

"""Reading a pasted link the way a browser would, without fetching anything.

The steps follow the WHATWG URL standard where it matters for deception:
backslashes count as slashes, tabs and newlines are dropped, any number of
slashes may follow ``https:``, everything before the last ``@`` of the
authority is user info (ignored by the browser), hosts are mapped with UTS 46
(full-width letters and the ideographic full stop become ASCII), and a host
whose last label is a number is an IPv4 address in any of its odd forms
(``3232235777``, ``0x7f.1``).

The registrable domain ("eTLD+1") comes from the Public Suffix List snapshot
bundled with ``publicsuffixlist``, read from its own file: that package only
goes online through its separate ``update`` module, which Anjian never imports.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING

from anjian.core.accounts.problems import InputProblem
from anjian.i18n import N_, Text
from anjian.record import record

if TYPE_CHECKING:
    from publicsuffixlist import PublicSuffixList

MAX_URL = 4096
_SCHEME = re.compile(r"^([a-zA-Z][a-zA-Z0-9+.-]*):")
_WEB_SCHEMES = {"http": 80, "https": 443}
_ASCII_LABEL = re.compile(r"^[a-z0-9_-]{1,63}$")
_DOTS = str.maketrans({"。": ".", "．": ".", "｡": "."})
_NUMERIC_LABEL = re.compile(r"^(0x[0-9a-f]*|[0-9]+)$")


@record
class ParsedUrl:
    """Where a link really goes."""

    scheme: str
    host: str  # ASCII (punycode), lower case, no trailing dot; an IP in its canonical form
    display_host: str  # the host in Unicode, as a person would read it
    is_ip: bool
    port: int | None  # None: the scheme's default port
    userinfo: str | None  # what stands before "@" (ignored by the browser)
    rest: str  # path, query and fragment, percent-decoded
    had_scheme: bool


def invalid(problem_id: str, text: str) -> InputProblem:
    """A link that cannot be read; ``text`` is a message id."""
    return InputProblem(problem_id, Text(text))


def parse_url(raw: str) -> ParsedUrl:
    """Parse a pasted link or bare domain; raise :class:`InputProblem` if it is not one."""
    from urllib.parse import unquote
    text = raw.strip(" \x00\x01\x02\x03\x04\x05\x06\x07\x08\t\n\x0b\x0c\r\x0e\x0f\x1f")
    text = text.replace("\t", "").replace("\n", "").replace("\r", "")
    if not text:
        raise invalid("empty", N_("Paste a link to check."))
    if len(text) > MAX_URL:
        raise invalid("too-long", N_("This link is too long to be checked."))
    if any(ch.isspace() for ch in text):
        raise invalid("spaces", N_("A link has no spaces in it. Paste one link per line."))
    text = text.replace("\\", "/")
    scheme, rest, had_scheme = _split_scheme(text)
    rest = rest.lstrip("/")
    end = next((i for i, ch in enumerate(rest) if ch in "/?#"), len(rest))
    authority, tail = rest[:end], rest[end:]
    userinfo, at, hostport = authority.rpartition("@")
    host, port = _split_port(hostport, scheme)
    host_ascii, display, is_ip = _normalise_host(host)
    return ParsedUrl(scheme=scheme, host=host_ascii, display_host=display, is_ip=is_ip, port=port,
                     userinfo=userinfo if at else None, rest=unquote(tail), had_scheme=had_scheme)


def _split_scheme(text: str) -> tuple[str, str, bool]:
    match = _SCHEME.match(text)
    if match:
        scheme = match.group(1).lower()
        after = text[match.end():]
        if scheme in _WEB_SCHEMES:
            return scheme, after, True
        # "okx.com:8443/login" is a host and a port, not a scheme.
        if not ("." in scheme and after[:1].isdigit()):
            raise invalid("not-web", N_(
                "This is not a web link (it does not start with http:// or https://). Links "
                "starting with javascript:, data: or file: can run code or open files: do not "
                "open them."))
    return "https", text, False


def _split_port(hostport: str, scheme: str) -> tuple[str, int | None]:
    if hostport.startswith("["):
        close = hostport.find("]")
        if close < 0:
            raise invalid("bad-host", N_("The address of the site in this link cannot be read."))
        host, port_text = hostport[: close + 1], hostport[close + 1:]
        if port_text and not port_text.startswith(":"):
            raise invalid("bad-host", N_("The address of the site in this link cannot be read."))
        port_text = port_text[1:]
    else:
        host, _, port_text = hostport.partition(":")
    if not port_text:
        return host, None
    if not port_text.isascii() or not port_text.isdigit() or int(port_text) > 65535:
        raise invalid("bad-port", N_("The port number in this link is not valid."))
    port = int(port_text)
    return host, None if port == _WEB_SCHEMES[scheme] else port


def _normalise_host(host: str) -> tuple[str, str, bool]:
    import ipaddress
    import unicodedata
    from urllib.parse import unquote
    if host.startswith("["):
        try:
            address = ipaddress.IPv6Address(host[1:-1])
        except ValueError:
            raise invalid("bad-host", N_("The address of the site in this link cannot be read.")) \
                from None
        return f"[{address.compressed}]", f"[{address.compressed}]", True
    host = unicodedata.normalize("NFKC", unquote(host)).translate(_DOTS).lower().rstrip(".")
    if not host:
        raise invalid("no-host", N_("This link does not name a site."))
    labels = host.split(".")
    if _NUMERIC_LABEL.match(labels[-1]):
        address = _ipv4(labels)
        if address is None:
            raise invalid("bad-host", N_("The address of the site in this link cannot be read."))
        return address, address, True
    ascii_labels, display_labels = [], []
    for label in labels:
        ascii_label, display_label = _label(label)
        ascii_labels.append(ascii_label)
        display_labels.append(display_label)
    ascii_host = ".".join(ascii_labels)
    if len(ascii_host) > 253:
        raise invalid("bad-host", N_("The address of the site in this link cannot be read."))
    return ascii_host, ".".join(display_labels), False


def _label(label: str) -> tuple[str, str]:
    """One host label as (ASCII, Unicode)."""
    import idna

    bad = invalid("bad-host", N_("The address of the site in this link cannot be read."))
    if label.isascii():
        if not _ASCII_LABEL.match(label):
            raise bad
        if label.startswith("xn--"):
            try:
                return label, idna.decode(label)
            except (idna.IDNAError, UnicodeError, ValueError):
                raise bad from None
        return label, label
    try:
        encoded = idna.encode(label, uts46=True).decode("ascii")
    except (idna.IDNAError, UnicodeError, ValueError):
        raise bad from None
    if not _ASCII_LABEL.match(encoded):
        raise bad
    return encoded, idna.decode(encoded)


def _ipv4(labels: list[str]) -> str | None:
    """The WHATWG IPv4 parser: 1 to 4 parts, each decimal, octal (0…) or hex (0x…)."""
    import ipaddress
    if len(labels) > 4 or not all(labels):
        return None
    numbers = []
    for part in labels:
        try:
            if part.startswith("0x"):
                numbers.append(int(part[2:] or "0", 16))
            elif len(part) > 1 and part.startswith("0"):
                numbers.append(int(part[1:], 8))
            else:
                numbers.append(int(part, 10))
        except ValueError:
            return None
    *head, last = numbers
    if any(n > 255 for n in head) or last >= 256 ** (5 - len(numbers)):
        return None
    value = last
    for index, n in enumerate(head):
        value += n * 256 ** (3 - index)
    return str(ipaddress.IPv4Address(value))


@lru_cache(maxsize=1)
def public_suffix_list() -> PublicSuffixList:
    """The bundled Public Suffix List (parsed once; no network: see the module docstring)."""
    from publicsuffixlist import PublicSuffixList

    return PublicSuffixList()


def registrable_domain(host: str) -> str | None:
    """The part of ``host`` its owner registered (``www.okx.com`` → ``okx.com``), or None."""
    if not host or host.startswith("[") or _NUMERIC_LABEL.match(host.rsplit(".", 1)[-1]):
        return None
    return public_suffix_list().privatesuffix(host)


def public_suffix(host: str) -> str | None:
    """The public suffix of ``host`` (``com``, ``com.cn``, ``github.io``)."""
    if not host:
        return None
    return public_suffix_list().publicsuffix(host)


def domain_of(raw: str) -> str:
    """The host a user means when recording an official website: a domain or a link."""
    parsed = parse_url(raw)
    if parsed.is_ip:
        raise invalid("ip-host", N_(
            "Record the site's name (like okx.com), not a numeric address."))
    if registrable_domain(parsed.host) is None:
        raise invalid("no-domain", N_(
            "This is not a domain on the internet; record a name like okx.com."))
    return parsed.host

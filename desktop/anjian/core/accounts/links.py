"""The link check: is a pasted link one of an account's official websites, or a trick?

Offline: nothing is fetched or looked up. The link is read as a browser reads it
(:mod:`.hosts`), its registrable domain is compared with the official domains
the user pinned, and every trick phishing links use is named in words:

- look-alikes of a pinned domain: Unicode letters that look Latin (``оkx`` with a
  Cyrillic ``о``), mixed scripts, ASCII swaps (``0``/``o``, ``1``/``l``/``i``,
  ``rn``/``m``, ``vv``/``w``), misspellings (edit distance up to 2, less for short
  names), the same name under another ending (``okx.co``) or inside a longer one
  (``okx-login.com``);
- the official name where it does not decide anything: in a subdomain
  (``okx.com.secure-login.example``), in the path or query, or before an ``@``
  (``https://okx.com@evil.example`` goes to ``evil.example``);
- raw IP addresses, ``http://``, unusual ports and link shorteners.

Verdicts: ``official`` (the registrable domain is pinned), ``lookalike`` (it
imitates a pinned one), ``unrelated`` (neither) and ``invalid`` (not a link).
Every result carries at least one reason.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from enum import Enum

from anjian.core.accounts.hosts import (
    ParsedUrl,
    parse_url,
    public_suffix,
    registrable_domain,
)
from anjian.core.accounts.problems import InputProblem, Reason, Severity
from anjian.core.accounts.textdistance import edit_distance
from anjian.i18n import N_, Text
from anjian.record import record

# Well-known link shorteners: the real destination cannot be seen without opening them.
SHORTENERS = frozenset({
    "bit.ly", "t.co", "tinyurl.com", "goo.gl", "ow.ly", "is.gd", "v.gd", "buff.ly",
    "rebrand.ly", "cutt.ly", "t.ly", "shorturl.at", "rb.gy", "tiny.cc", "s.id",
    "t.cn", "url.cn", "dwz.cn", "suo.im", "reurl.cc", "ppt.cc", "0rz.tw",
})
# Letters that look alike in the fonts of address bars and chat apps.
_SWAPS = (("rn", "m"), ("vv", "w"), ("0", "o"), ("1", "l"), ("i", "l"))


class Verdict(str, Enum):
    """What a link is, relative to the pinned official domains."""

    OFFICIAL = "official"
    LOOKALIKE = "lookalike"
    UNRELATED = "unrelated"
    INVALID = "invalid"


VERDICT_NAMES: dict[Verdict, str] = {
    Verdict.OFFICIAL: N_("Official"),
    Verdict.LOOKALIKE: N_("Look-alike: do not open"),
    Verdict.UNRELATED: N_("Not an official site"),
    Verdict.INVALID: N_("Not a valid link"),
}


@record
class LinkResult:
    """The verdict on one link, and why."""

    url: str
    verdict: Verdict
    reasons: tuple[Reason, ...]
    host: str | None = None  # as a person reads it (Unicode)
    registrable_domain: str | None = None
    matched: str | None = None  # the pinned domain it is, or imitates


@record
class _Site:
    domain: str  # registrable, ASCII
    label: str  # the registrable domain without its public suffix
    suffix: str


def check_links(urls: Iterable[str], official: Iterable[str]) -> list[LinkResult]:
    """:func:`check_link` for each of ``urls``."""
    sites = _sites(official)
    return [_check(url, sites) for url in urls]


def check_link(url: str, official: Iterable[str]) -> LinkResult:
    """The verdict on ``url`` against the ``official`` domains (hosts or links)."""
    return _check(url, _sites(official))


def _sites(official: Iterable[str]) -> list[_Site]:
    sites: dict[str, _Site] = {}
    for raw in official:
        try:
            host = parse_url(raw).host
        except InputProblem:
            continue
        domain = registrable_domain(host)
        suffix = public_suffix(host)
        if domain and suffix and domain not in sites:
            sites[domain] = _Site(domain, domain[: -len(suffix) - 1], suffix)
    return list(sites.values())


def _check(url: str, sites: list[_Site]) -> LinkResult:
    try:
        parsed = parse_url(url)
    except InputProblem as problem:
        return LinkResult(url, Verdict.INVALID, (Reason(problem.id, problem.text, Severity.DANGER),))
    domain = None if parsed.is_ip else registrable_domain(parsed.host)
    official = next((s for s in sites if s.domain == domain), None)
    relation: list[Reason] = []
    imitated: _Site | None = None
    if official is not None:
        relation.append(Reason("official-domain", Text(N_(
            "“{domain}” is one of the official websites you recorded."),
            {"domain": _shown(domain or "")}), Severity.OK))
    else:
        for site in sites:
            found = _imitation(parsed, domain, site)
            if found:
                relation += found
                imitated = imitated or site
        if not relation:
            relation.append(_unrelated(domain, sites))
    shape = _shape_reasons(parsed, domain, is_official=official is not None)
    if any(r.id == "official-in-userinfo" for r in relation):
        shape = [r for r in shape if r.id != "userinfo"]  # said more precisely already
    if official is not None:
        verdict = Verdict.OFFICIAL
    elif imitated is not None:
        verdict = Verdict.LOOKALIKE
    else:
        verdict = Verdict.UNRELATED
    reasons = sorted((*relation, *shape), key=lambda r: _ORDER[r.severity])
    matched = (official or imitated).domain if (official or imitated) else None
    return LinkResult(url, verdict, tuple(reasons), parsed.display_host, domain,
                      _shown(matched) if matched else None)


_ORDER = {Severity.DANGER: 0, Severity.CAUTION: 1, Severity.OK: 2}


def _unrelated(domain: str | None, sites: list[_Site]) -> Reason:
    if not sites:
        return Reason("no-official-domains", Text(N_(
            "No official websites are recorded, so this link can only be checked for tricks. "
            "Record each account's official website first.")), Severity.CAUTION)
    if domain is None:
        return Reason("not-official", Text(N_(
            "This link does not go to any official website you recorded.")), Severity.CAUTION)
    return Reason("unrelated-domain", Text(N_(
        "“{domain}” is not one of the official websites you recorded. Do not sign in, pay or "
        "download anything there unless you know the site."), {"domain": _shown(domain)}),
        Severity.CAUTION)


def _imitation(parsed: ParsedUrl, domain: str | None, site: _Site) -> list[Reason]:
    """How the link imitates ``site``, if it does (several tricks may stack)."""
    found: list[Reason] = []
    params = {"official": _shown(site.domain), "domain": _shown(domain or parsed.host)}
    if domain is not None:
        label = domain[: -len(public_suffix(parsed.host) or "") - 1] or domain
        trick = _label_trick(label, site)
        if trick is not None:
            found.append(Reason(trick[0], Text(trick[1], params), Severity.DANGER))
        sub = parsed.host[: -len(domain)].rstrip(".")
        if sub and _mentions(sub, site.label):
            found.append(Reason("official-in-subdomain", Text(N_(
                "The link starts with “{official}”, but that is only a prefix: the site is "
                "really “{domain}”, which is not official."), params), Severity.DANGER))
    if _domain_in(parsed.rest, site.domain):
        found.append(Reason("official-in-path", Text(N_(
            "“{official}” appears after the site's name, in the path or the query, where it "
            "decides nothing: the site is “{domain}”."), params), Severity.DANGER))
    if parsed.userinfo and (_domain_in(parsed.userinfo, site.domain)
                            or _mentions(parsed.userinfo, site.label)):
        found.append(Reason("official-in-userinfo", Text(N_(
            "“{official}” stands before an @, which the browser ignores: this link really "
            "goes to “{domain}”."), params), Severity.DANGER))
    return found


def _label_trick(label: str, site: _Site) -> tuple[str, str] | None:
    """Whether the registered name ``label`` imitates ``site``'s name, and how."""
    official = site.label
    if label == official:
        return "other-suffix", N_(
            "“{domain}” has the official name under another ending; the official site is "
            "“{official}”.")
    if not label.isascii() or label.startswith("xn--") or "xn--" in label:
        return _unicode_trick(label, official)
    if _visual(label) == _visual(official):
        return "letter-swap", N_(
            "“{domain}” swaps letters that look alike (0 and o, 1 and l, rn and m, vv and "
            "w) to look like “{official}”.")
    distance = edit_distance(label, official)
    if 0 < distance <= _allowed_distance(label, official):
        return "misspelling", N_(
            "“{domain}” is spelled almost like “{official}”: a misspelling made to fool you.")
    if _contains_name(label, official):
        return "contains-name", N_(
            "“{domain}” contains the name of “{official}” but is a different site.")
    return None


def _unicode_trick(label: str, official: str) -> tuple[str, str] | None:
    import idna

    try:
        shown = idna.decode(label) if label.isascii() else label
    except (idna.IDNAError, UnicodeError, ValueError):
        shown = label
    skeleton = _visual(_latin_skeleton(shown))
    if skeleton == _visual(official) or 0 < edit_distance(skeleton, _visual(official)) <= 1:
        return "confusable", N_(
            "“{domain}” uses letters from another alphabet that look like Latin ones, to pass "
            "for “{official}”.")
    if _contains_name(skeleton, official):
        return "contains-name", N_(
            "“{domain}” contains the name of “{official}” but is a different site.")
    return None


def _allowed_distance(label: str, official: str) -> int:
    """Edit distance 2 for names of 6 letters or more, 1 for 4-5; short names only swaps."""
    if len(official) >= 6:
        return 2
    if len(official) >= 4:
        return 1
    same_letters = sorted(label) == sorted(official)
    return 1 if same_letters else 0


def _contains_name(label: str, official: str) -> bool:
    if len(official) < 3:
        return False
    parts = re.split(r"[-_0-9]", label)
    if official in parts:
        return True
    if len(official) >= 4:
        return official in label
    return label.startswith(official) or label.endswith(official)


def _mentions(text: str, name: str) -> bool:
    """``name`` as a word of ``text`` (words split at dots, dashes, underscores, @ and :)."""
    words = re.split(r"[.\-_@:/%]", text.lower())
    return name in words or (len(name) >= 4 and name in text.lower())


def _domain_in(text: str, domain: str) -> bool:
    return re.search(rf"(?<![a-z0-9-]){re.escape(domain)}(?![a-z0-9-])", text.lower()) is not None


def _visual(text: str) -> str:
    for seen, meant in _SWAPS:
        text = text.replace(seen, meant)
    return text


def _latin_skeleton(text: str) -> str:
    """Each letter replaced by the Latin letter it can pass for (Unicode confusables data)."""
    from confusable_homoglyphs import confusables

    out = []
    for char in text:
        if char.isascii():
            out.append(char)
            continue
        latin = next((h["c"] for h in confusables.confusables_data.get(char, ())
                      if len(h["c"]) == 1 and h["c"].isascii() and h["c"].isalnum()), char)
        out.append(latin.lower())
    return "".join(out)


def _shape_reasons(parsed: ParsedUrl, domain: str | None, is_official: bool) -> list[Reason]:
    """What is odd about the link itself, whoever it imitates."""
    reasons: list[Reason] = []
    host = {"host": parsed.display_host}
    if parsed.userinfo is not None:
        reasons.append(Reason("userinfo", Text(N_(
            "The link hides text before an @; the browser ignores it and opens “{host}”."),
            host), Severity.CAUTION if is_official else Severity.DANGER))
    if parsed.is_ip:
        reasons.append(Reason("ip-address", Text(N_(
            "The link goes to a bare numeric address ({host}) instead of a named site. Real "
            "services do not send such links."), host), Severity.DANGER))
    elif domain is None:
        reasons.append(Reason("no-public-domain", Text(N_(
            "“{host}” is not a site on the public internet."), host), Severity.DANGER))
    if domain in SHORTENERS:
        reasons.append(Reason("shortener", Text(N_(
            "This is a short link: where it leads cannot be seen without opening it. Ask for "
            "the full link, or go to the official site yourself.")), Severity.DANGER))
    if not parsed.is_ip and parsed.display_host != parsed.host:
        reasons.append(Reason("idn", Text(N_(
            "The site's name uses letters outside the Latin alphabet; browsers may show it as "
            "“{ascii}”."), {"ascii": parsed.host}), Severity.CAUTION))
        if any(_mixed_script(label) for label in parsed.display_host.split(".")):
            reasons.append(Reason("mixed-scripts", Text(N_(
                "The site's name mixes letters from different alphabets, a common way to "
                "imitate a well-known name.")), Severity.DANGER))
    if parsed.scheme == "http":
        reasons.append(Reason("not-https", Text(N_(
            "The link starts with http://, not https://: what you send is not encrypted and "
            "can be changed on the way.")), Severity.CAUTION))
    if parsed.port is not None:
        reasons.append(Reason("unusual-port", Text(N_(
            "The link names an unusual port ({port}); official websites do not need one."),
            {"port": parsed.port}), Severity.CAUTION))
    return reasons


def _mixed_script(label: str) -> bool:
    from confusable_homoglyphs import confusables

    letters = "".join(ch for ch in label if ch.isalpha())
    return bool(letters) and confusables.is_mixed_script(letters)


def _shown(domain: str) -> str:
    """A domain as a person reads it (punycode labels decoded)."""
    if "xn--" not in domain:
        return domain
    import idna

    try:
        return idna.decode(domain)
    except (idna.IDNAError, UnicodeError, ValueError):
        return domain

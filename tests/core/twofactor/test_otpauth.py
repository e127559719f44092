"""``otpauth://`` links: what real services issue is read; every malformation has a reason."""

from __future__ import annotations

import string

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from anjian.core.twofactor.otpauth import (
    MAX_PARAMETERS,
    OtpEntry,
    UriError,
    build_uri,
    parse_uri,
)
from anjian.core.twofactor.secret import secret_text
from anjian.core.twofactor.totp import Algorithm, TotpKey
from anjian.i18n import load_catalogue

SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"  # 160 bits
GOOD = f"otpauth://totp/Example:alice@example.com?secret={SECRET}&issuer=Example"


def refused(uri: str | bytes) -> UriError:
    with pytest.raises(UriError) as error:
        parse_uri(uri)
    return error.value


def test_a_plain_link_gives_issuer_account_and_defaults() -> None:
    entry = parse_uri(GOOD)
    assert (entry.issuer, entry.account) == ("Example", "alice@example.com")
    assert (entry.key.algorithm, entry.key.digits, entry.key.period) == (Algorithm.SHA1, 6, 30)
    assert entry.key.secret_bits == 160 and entry.warnings == ()


@pytest.mark.parametrize("algorithm", ["SHA1", "SHA256", "sha512"])
@pytest.mark.parametrize("digits", [6, 7, 8])
@pytest.mark.parametrize("period", [15, 30, 60, 120])
def test_every_supported_combination_is_read(algorithm, digits, period) -> None:
    entry = parse_uri(f"{GOOD}&algorithm={algorithm}&digits={digits}&period={period}")
    assert entry.key.algorithm is Algorithm(algorithm.upper())
    assert (entry.key.digits, entry.key.period) == (digits, period)


def test_non_default_settings_come_with_a_warning_about_apps() -> None:
    entry = parse_uri(f"{GOOD}&algorithm=SHA256&digits=8")
    warning = next(w for w in entry.warnings if "apps ignore such settings" in w.msgid)
    assert "but SHA256, 8 digits, a new code every 30 s" in str(warning)


def test_an_80_bit_secret_is_accepted_with_a_warning_that_it_is_short() -> None:
    entry = parse_uri("otpauth://totp/Old:bob?secret=JBSWY3DPEHPK3PXP&issuer=Old")
    assert entry.key.secret_bits == 80
    assert [w.params.get("bits") for w in entry.warnings] == [80]


def test_the_issuer_can_come_from_the_label_alone() -> None:
    assert parse_uri(f"otpauth://totp/Bank%3A%20carol?secret={SECRET}").issuer == "Bank"


def test_a_plus_in_the_issuer_parameter_is_a_space() -> None:
    assert parse_uri(f"otpauth://totp/x?secret={SECRET}&issuer=My+Bank").issuer == "My Bank"


def test_chinese_names_are_read_from_percent_encoding() -> None:
    label = "%E6%94%AF%E4%BB%98%E5%AE%9D:%E5%BC%A0%E4%B8%89"
    entry = parse_uri(f"otpauth://totp/{label}?secret={SECRET}")
    assert (entry.issuer, entry.account) == ("支付宝", "张三")


def test_two_different_issuers_warn_and_the_parameter_wins() -> None:
    entry = parse_uri(f"otpauth://totp/Old:dave?secret={SECRET}&issuer=New")
    assert entry.issuer == "New" and entry.warnings[0].params["label"] == "Old"


def test_a_link_without_any_issuer_warns() -> None:
    assert parse_uri(f"otpauth://totp/erin?secret={SECRET}").warnings


def test_unknown_parameters_such_as_image_are_ignored() -> None:
    assert parse_uri(f"{GOOD}&image=https%3A%2F%2Fexample.com%2Flogo.png").issuer == "Example"


def test_the_scheme_and_type_are_case_insensitive() -> None:
    assert parse_uri(GOOD.replace("otpauth://totp", "OTPAUTH://TOTP")).issuer == "Example"


@pytest.mark.parametrize(("uri", "code"), [
    ("", "empty"),
    ("https://example.com/?secret=" + SECRET, "not-otpauth"),
    ("otpauth-migration://offline?data=AA", "migration"),
    (f"otpauth://hotp/Ex:a?secret={SECRET}&counter=1", "hotp"),
    (f"otpauth://yotp/Ex:a?secret={SECRET}", "unknown-type"),
    ("otpauth://totp/Ex:a?issuer=Ex", "missing-secret"),
    ("otpauth://totp/Ex:a?secret=&issuer=Ex", "missing-secret"),
    ("otpauth://totp/Ex:a?secret=JBSWY3DPEHPK3PX0", "bad-base32"),
    ("otpauth://totp/Ex:a?secret=JBSWY3DPEHPK3PXPJBSWY3", "bad-length"),
    ("otpauth://totp/Ex:a?secret=JBSWY3DP", "too-short"),
    (f"{GOOD}&digits=0", "bad-digits"),
    (f"{GOOD}&digits=12", "bad-digits"),
    (f"{GOOD}&digits=six", "bad-digits"),
    (f"{GOOD}&period=-30", "bad-period"),
    (f"{GOOD}&period=0", "bad-period"),
    (f"{GOOD}&period=99999999999999", "bad-period"),
    (f"{GOOD}&period=3600", "bad-period"),
    (f"{GOOD}&algorithm=MD5", "unknown-algorithm"),
    (f"{GOOD}&algorithm=SHA3", "unknown-algorithm"),
    (f"{GOOD}&issuer=%zz", "bad-percent"),
    (f"{GOOD}&issuer=%E4%B8", "bad-percent"),
    ("otpauth://totp/%FF:a?secret=" + SECRET, "bad-percent"),
    (f"{GOOD}&issuer=Other", "duplicate-parameter"),
    (GOOD + "&x=1" * 5000, "too-long"),
    (GOOD + "&x=1" * (MAX_PARAMETERS + 1), "too-many-parameters"),
    (f"otpauth://totp/Ex:a\n?secret={SECRET}", "control-character"),
])
def test_each_malformation_has_its_own_reason(uri, code) -> None:
    assert refused(uri).code == code


def test_bytes_that_are_not_utf8_are_refused() -> None:
    assert refused(GOOD.encode() + b"&issuer=\xff").code == "not-utf8"


def test_a_string_with_a_lone_surrogate_is_refused_as_not_utf8() -> None:
    assert refused(GOOD + "&issuer=\udcff").code == "not-utf8"


def test_every_reason_is_translated_into_each_language() -> None:
    error = refused(f"{GOOD}&digits=12")
    for language in ("zh_CN", "zh_TW", "en"):
        assert "12" in load_catalogue(language).render(error.text)


def test_build_leaves_out_defaults_and_round_trips() -> None:
    entry = OtpEntry("My Bank", "张三", TotpKey(bytes(range(20))))
    uri = build_uri(entry)
    assert "algorithm" not in uri and "digits" not in uri and "period" not in uri
    again = parse_uri(uri)
    assert (again.issuer, again.account, again.key) == (entry.issuer, entry.account, entry.key)


# -- properties -----------------------------------------------------------------------

names = st.text(st.characters(codec="utf-8", exclude_categories=("Cc", "Cs")), max_size=30)


@given(
    issuer=names.filter(lambda s: ":" not in s),
    account=names,
    secret=st.binary(min_size=10, max_size=64),
    algorithm=st.sampled_from(list(Algorithm)),
    digits=st.integers(6, 8),
    period=st.integers(15, 120),
)
def test_any_entry_round_trips_through_its_link(issuer, account, secret, algorithm, digits,
                                               period) -> None:
    entry = OtpEntry(issuer.strip(), account.strip(), TotpKey(secret, algorithm, digits, period))
    again = parse_uri(build_uri(entry))
    assert (again.issuer, again.account, again.key) == (entry.issuer, entry.account, entry.key)


@settings(suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(st.text(max_size=300), st.binary(max_size=300)))
def test_arbitrary_input_is_read_or_refused_with_a_reason(raw) -> None:
    try:
        parse_uri(raw)
    except UriError as error:
        assert error.code and error.text.msgid


_PREFIX = "otpauth://totp/"
_query_junk = st.text(string.ascii_letters + string.digits + "%&=+:/?#-._~ ", max_size=80)


@given(label=_query_junk, query=_query_junk)
def test_junk_after_the_scheme_never_escapes_as_another_exception(label, query) -> None:
    try:
        parse_uri(f"{_PREFIX}{label}?{query}")
    except UriError as error:
        assert error.code


@given(count=st.integers(MAX_PARAMETERS + 1, 3000))
def test_thousands_of_parameters_are_refused_as_such_or_as_too_long(count) -> None:
    assert refused(GOOD + "&p=1" * count).code in ("too-many-parameters", "too-long")


@given(digits=st.integers().filter(lambda d: not 6 <= d <= 8))
def test_any_digit_count_outside_6_to_8_is_refused(digits) -> None:
    assert refused(f"{GOOD}&digits={digits}").code == "bad-digits"


@given(period=st.integers().filter(lambda p: not 15 <= p <= 120))
def test_any_period_outside_15_to_120_is_refused(period) -> None:
    assert refused(f"{GOOD}&period={period}").code == "bad-period"


@given(secret=st.text(alphabet="ABCDEFGHIJKLMNOPQRSTUVWXYZ234567", min_size=16, max_size=64),
       bad=st.sampled_from("0189!@*é"), where=st.integers(0, 63))
def test_a_foreign_character_anywhere_in_the_secret_is_bad_base32(secret, bad, where) -> None:
    spoiled = secret[:where] + bad + secret[where:]
    error = refused(f"otpauth://totp/a?secret={spoiled}".replace("é", "%C3%A9"))
    assert error.code == "bad-base32"


@given(secret=st.binary(min_size=10, max_size=64))
def test_no_error_or_warning_ever_contains_the_secret(secret) -> None:
    text = secret_text(secret)
    for uri in (f"otpauth://totp/a?secret={text}&digits=12",
                f"otpauth://totp/a?secret={text}&algorithm=SHA256",
                f"otpauth://totp/a?secret={text}X"):
        try:
            found = [str(w) for w in parse_uri(uri).warnings]
        except UriError as error:
            found = [str(error)]
        assert all(text not in message for message in found)


def test_an_account_name_with_a_colon_and_no_issuer_round_trips() -> None:
    entry = OtpEntry("", "work:alice", TotpKey(bytes(range(20))))
    again = parse_uri(build_uri(entry))
    assert (again.issuer, again.account) == ("", "work:alice")

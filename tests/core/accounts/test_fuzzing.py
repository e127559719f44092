"""Whatever is pasted, the checks never crash and always say why."""

from __future__ import annotations

import os

from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.provisional import urls

from anjian.core.accounts.emails import parse_email, suggest_domain
from anjian.core.accounts.links import Verdict, check_link
from anjian.core.accounts.numbers import check_number
from anjian.core.accounts.phones import mask_phone, parse_phone
from anjian.core.accounts.problems import InputProblem

OFFICIAL = ["okx.com", "binance.com", "例子.中国"]
# ANJIAN_FUZZ_EXAMPLES=20000 for a deeper run.
EXAMPLES = int(os.environ.get("ANJIAN_FUZZ_EXAMPLES", "400"))

# Text made of what links, numbers and addresses are made of, plus look-alikes.
_ALPHABET = st.sampled_from(list(
    "abcdefghijklmnopqrstuvwxyz0123456789.-_:/@?#%[]\\+ 。．оаіìΑ中国例子\t\n") + ["xn--", "okx"])
link_like = st.lists(_ALPHABET, max_size=60).map("".join)


@settings(max_examples=EXAMPLES)
@given(st.one_of(urls(), link_like, st.text(max_size=80)))
def test_any_link_gets_a_verdict_and_a_reason(url):
    result = check_link(url, OFFICIAL)
    assert result.verdict in Verdict and result.reasons
    if result.verdict is Verdict.OFFICIAL:
        assert result.registrable_domain in {"okx.com", "binance.com", "xn--fsqu00a.xn--fiqs8s"}


@settings(max_examples=EXAMPLES)
@given(st.one_of(st.text(alphabet="0123456789 +-()（）＋", max_size=25), st.text(max_size=30)))
def test_any_phone_input_parses_or_says_why(raw):
    try:
        phone = parse_phone(raw, "CN")
    except InputProblem as problem:
        assert problem.id.startswith("phone-") and str(problem.text)
    else:
        assert phone.e164.startswith("+") and "*" in mask_phone(phone.e164)


@settings(max_examples=EXAMPLES)
@given(st.one_of(st.emails(), st.text(max_size=60),
                 st.builds("{}@{}".format, st.text(max_size=10), st.text(max_size=15))))
def test_any_email_input_parses_or_says_why(raw):
    try:
        email = parse_email(raw)
    except InputProblem as problem:
        assert problem.id.startswith("email-") and str(problem.text)
    else:
        suggestion = suggest_domain(email.domain)
        assert suggestion is None or suggestion != email.domain


@settings(max_examples=EXAMPLES)
@given(st.one_of(st.text(alphabet="0123456789 +-", max_size=20), st.text(max_size=30)))
def test_any_support_number_gets_a_verdict_and_a_reason(raw):
    assert check_number(raw, [], "CN").reasons

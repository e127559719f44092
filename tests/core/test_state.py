"""The state document: typed records to plain data and back, strictly."""

from __future__ import annotations

import json
from datetime import datetime, timedelta, timezone

import pytest
from hypothesis import given
from hypothesis import strategies as st

from anjian.core.state import (
    SCHEMA_VERSION,
    Account,
    AccountKind,
    DocumentError,
    SecretRef,
    State,
    from_document,
    new_id,
    to_document,
)

T0 = datetime(2026, 11, 23, 8, 0, tzinfo=timezone.utc)


def _state() -> State:
    return State(
        created=T0,
        accounts=(
            Account(id="a1", name="OK 钱包", kind=AccountKind.WALLET, notes="主钱包", created=T0),
            Account(id="a2", name="微信", kind=AccountKind.CHAT, created=T0),
        ),
        secrets=(SecretRef(id="s1", purpose="totp"),),
    )


def test_document_round_trips_through_json() -> None:
    state = _state()
    text = json.dumps(to_document(state), ensure_ascii=False)
    assert from_document(json.loads(text)) == state


def test_document_starts_with_its_schema_version() -> None:
    assert next(iter(to_document(_state()))) == "schema_version"
    assert to_document(_state())["schema_version"] == SCHEMA_VERSION


def test_document_holds_secret_references_not_secrets() -> None:
    assert to_document(_state())["secrets"] == [{"id": "s1", "purpose": "totp"}]


def test_times_are_stored_in_utc() -> None:
    shanghai = timezone(timedelta(hours=8))
    state = State.empty(datetime(2026, 11, 23, 16, 0, tzinfo=shanghai))
    assert to_document(state)["created"] == "2026-11-23T08:00:00+00:00"


def test_naive_time_is_refused() -> None:
    with pytest.raises(ValueError):
        State.empty(datetime(2026, 1, 1))


def test_adding_an_account_with_a_known_id_replaces_it() -> None:
    renamed = Account(id="a1", name="OKX", kind=AccountKind.EXCHANGE, created=T0)
    state = _state().with_account(renamed)
    assert state.account("a1") == renamed
    assert len(state.accounts) == 2


def test_removing_an_account() -> None:
    assert _state().without_account("a1").account("a1") is None


def test_new_ids_are_valid_and_distinct() -> None:
    ids = {new_id() for _ in range(100)}
    assert len(ids) == 100
    state = State(created=T0, accounts=tuple(Account(id=i, name="x", created=T0) for i in ids))
    assert from_document(to_document(state)) == state


@pytest.mark.parametrize(
    ("change", "where"),
    [
        (lambda d: d["accounts"][0].update(name=7), "accounts[0].name"),
        (lambda d: d["accounts"][0].update(name="  "), "accounts[0].name"),
        (lambda d: d["accounts"][1].update(kind="bank?"), "accounts[1].kind"),
        (lambda d: d["accounts"][0].update(id="../../etc"), "accounts[0].id"),
        (lambda d: d["accounts"][0].update(created="yesterday"), "accounts[0].created"),
        (lambda d: d["accounts"][0].update(created="2026-01-01T00:00:00"), "accounts[0].created"),
        (lambda d: d.update(accounts={"a": 1}), "accounts"),
        (lambda d: d["accounts"].append("x"), "accounts[2]"),
        (lambda d: d["secrets"][0].pop("purpose"), "secrets[0].purpose"),
        (lambda d: d.pop("created"), "created"),
    ],
)
def test_malformed_document_names_the_field(change, where: str) -> None:
    doc = to_document(_state())
    change(doc)
    with pytest.raises(DocumentError) as caught:
        from_document(doc)
    assert caught.value.text.params == {"field": where}


def test_same_account_twice_is_refused() -> None:
    doc = to_document(_state())
    doc["accounts"].append(dict(doc["accounts"][0]))
    with pytest.raises(DocumentError):
        from_document(doc)


def test_other_schema_version_is_refused_by_the_parser() -> None:
    with pytest.raises(DocumentError):
        from_document(to_document(_state()) | {"schema_version": SCHEMA_VERSION + 1})


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4),
    max_leaves=20,
)


@given(st.dictionaries(st.sampled_from(["schema_version", "created", "accounts", "secrets", "x"]),
                       json_values))
def test_any_document_parses_or_raises_document_error(doc: dict) -> None:
    try:
        from_document(doc)
    except DocumentError as error:
        assert str(error)


def test_sections_this_version_does_not_know_are_kept_and_written_back() -> None:
    doc = to_document(_state()) | {"future_section": [{"x": 1}], "note": "从新版本来"}
    state = from_document(doc)
    assert state.extra == {"future_section": [{"x": 1}], "note": "从新版本来"}
    assert to_document(state) == doc

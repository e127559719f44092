"""The two_factor section of the state document."""

from __future__ import annotations

from datetime import datetime, timezone

import pytest

from anjian.core.document import DocumentError
from anjian.core.state import State, from_document, to_document
from anjian.core.twofactor.otpauth import OtpEntry
from anjian.core.twofactor.records import Method, TwoFactorRecord
from anjian.core.twofactor.section import TwoFactor, from_section, to_section, vault_entry
from anjian.core.twofactor.totp import Algorithm, TotpKey

NOW = datetime(2024, 5, 1, 8, 0, tzinfo=timezone.utc)


def section() -> TwoFactor:
    entry = OtpEntry("Bank", "alice", TotpKey(b"k" * 10, Algorithm.SHA256, 8, 60))
    return TwoFactor(
        records=(TwoFactorRecord("w1", Method.AUTHENTICATOR, "Pixel 8", "paper, desk", NOW),
                 TwoFactorRecord("b1", Method.SMS)),
        vault=(vault_entry(entry, "e1", "s1", NOW),),
    )


def test_the_section_round_trips_through_the_state_document() -> None:
    state = State(created=NOW, two_factor=section())
    assert from_document(to_document(state)).two_factor == section()


def test_a_document_without_the_section_loads_as_empty() -> None:
    doc = to_document(State(created=NOW))
    del doc["two_factor"]
    assert from_document(doc).two_factor == TwoFactor()


def test_the_document_keeps_only_metadata_never_the_secret() -> None:
    stored = to_section(section())["vault"][0]
    assert stored == {"id": "e1", "issuer": "Bank", "account": "alice", "algorithm": "SHA256",
                      "digits": 8, "period": 60, "secret_bits": 80,
                      "added": "2024-05-01T08:00:00+00:00", "secret_id": "s1"}


@pytest.mark.parametrize(("path", "value", "field"), [
    (("records", 0, "method"), "carrier-pigeon", "two_factor.records[0].method"),
    (("records", 0, "account_id"), 5, "two_factor.records[0].account_id"),
    (("vault", 0, "digits"), 12, "two_factor.vault[0].digits"),
    (("vault", 0, "period"), 0, "two_factor.vault[0].period"),
    (("vault", 0, "algorithm"), "MD5", "two_factor.vault[0].algorithm"),
    (("vault", 0, "added"), "yesterday", "two_factor.vault[0].added"),
])
def test_a_malformed_field_is_named(path, value, field) -> None:
    doc = {"two_factor": to_section(section())}
    target = doc["two_factor"]
    for key in path[:-1]:
        target = target[key]
    target[path[-1]] = value
    with pytest.raises(DocumentError) as error:
        from_section(doc)
    assert error.value.text.params == {"field": field}


def test_the_same_account_twice_in_the_map_is_refused() -> None:
    doc = to_section(section())
    doc["records"].append(doc["records"][0])
    with pytest.raises(DocumentError):
        from_section({"two_factor": doc})


def test_records_and_entries_are_replaced_by_id() -> None:
    changed = section().with_record(TwoFactorRecord("b1", Method.AUTHENTICATOR))
    assert changed.record("b1").method is Method.AUTHENTICATOR and len(changed.records) == 2
    assert changed.without_entry("e1").vault == () and changed.entry("e1") is not None


def test_the_last_drill_round_trips_without_any_secret() -> None:
    from anjian.core.twofactor.section import DrillRecord

    state = State(created=NOW, two_factor=TwoFactor(drill=DrillRecord(NOW, -1, -25)))
    doc = to_document(state)
    assert doc["two_factor"]["drill"] == {"passed": "2024-05-01T08:00:00+00:00", "steps": -1,
                                          "drift_seconds": -25}
    assert from_document(doc).two_factor.drill == DrillRecord(NOW, -1, -25)


def test_a_section_without_a_drill_loads_with_none() -> None:
    doc = to_document(State(created=NOW, two_factor=section()))
    del doc["two_factor"]["drill"]
    assert from_document(doc).two_factor.drill is None


def test_a_drill_without_its_date_is_refused_naming_the_field() -> None:
    doc = to_document(State(created=NOW))
    doc["two_factor"]["drill"] = {"steps": 0}
    with pytest.raises(DocumentError, match="two_factor.drill"):
        from_document(doc)

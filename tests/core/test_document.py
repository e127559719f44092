"""Strict readers of the plain document, shared by every record type."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

from anjian.core.document import (
    DocumentError,
    iso,
    read_bool,
    read_id,
    read_int,
    read_optional_time,
    read_str,
    read_time,
)


@pytest.mark.parametrize(
    ("reader", "doc"),
    [
        (read_str, {"k": 1}), (read_str, {}), (read_int, {"k": True}), (read_int, {"k": "1"}),
        (read_bool, {"k": 0}), (read_id, {"k": "Has Space"}), (read_id, {"k": ""}),
        (read_time, {"k": "2026-01-01"}), (read_time, {"k": "soon"}),
    ],
)
def test_wrong_or_missing_value_names_the_field(reader, doc) -> None:
    with pytest.raises(DocumentError) as caught:
        reader(doc, "k", "records[3]")
    assert caught.value.text.params == {"field": "records[3].k"}


def test_defaults_apply_only_when_absent() -> None:
    assert read_int({}, "k", default=6) == 6
    assert read_bool({}, "k", default=False) is False
    with pytest.raises(DocumentError):
        read_int({"k": None}, "k", default=6)


def test_optional_time_is_none_when_absent_or_null() -> None:
    assert read_optional_time({}, "k") is None
    assert read_optional_time({"k": None}, "k") is None


def test_times_round_trip_in_utc() -> None:
    local = datetime(2026, 11, 23, 20, 0, tzinfo=timezone(timedelta(hours=8)))
    stored = iso(local)
    assert stored == "2026-11-23T12:00:00+00:00"
    assert read_time({"k": stored}, "k") == local
    assert iso(None) is None

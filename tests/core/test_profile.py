"""The profile section: optional name and birthday, strictly read."""

from __future__ import annotations

from datetime import date

import pytest

from anjian.core.document import DocumentError
from anjian.core.profile import Profile, from_section, to_section


def test_profile_round_trips():
    profile = Profile("张伟", date(1990, 5, 17))
    assert from_section(to_section(profile)) == profile


def test_missing_profile_is_empty():
    assert from_section(None) == Profile()


@pytest.mark.parametrize("raw", [{"birthday": "1990-13-01"}, {"birthday": 19900101},
                                 {"display_name": 5}, []])
def test_malformed_profile_is_refused(raw):
    with pytest.raises(DocumentError):
        from_section(raw)

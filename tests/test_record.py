"""``@record`` behaves as ``@dataclass(frozen=True)`` does, only defined faster."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field

import pytest
from hypothesis import given
from hypothesis import strategies as st

from anjian.record import record


def _body(name: str) -> dict[str, object]:
    """The same class body for both decorators: plain, default, compare/hash/repr off."""
    return {
        "__annotations__": {"a": "int", "b": "str", "quiet": "str", "loose": "int",
                            "unhashed": "int", "items": "tuple[int, ...]"},
        "__qualname__": name,
        "__module__": __name__,
        "b": "x",
        "quiet": field(default="", repr=False),
        "loose": field(default=0, compare=False),
        "unhashed": field(default=0, hash=False),
        "items": (),
    }


Frozen = dataclass(frozen=True)(type("Frozen", (), _body("Frozen")))
Record = record(type("Record", (), _body("Record")))

values = st.tuples(st.integers(-3, 3), st.sampled_from(["x", "y", "安"]),
                   st.sampled_from(["", "secret"]), st.integers(0, 2), st.integers(0, 2),
                   st.lists(st.integers(0, 2), max_size=2).map(tuple))


@given(values, values)
def test_equality_and_hash_match_a_frozen_dataclass(one: tuple, two: tuple) -> None:
    f1, f2, r1, r2 = Frozen(*one), Frozen(*two), Record(*one), Record(*two)
    assert (r1 == r2) == (f1 == f2)
    assert (r1 != r2) == (f1 != f2)
    assert hash(r1) == hash(f1)
    if r1 == r2:
        assert hash(r1) == hash(r2)


@given(values)
def test_repr_matches_a_frozen_dataclass_apart_from_the_name(one: tuple) -> None:
    assert repr(Record(*one)) == repr(Frozen(*one)).replace("Frozen(", "Record(", 1)


def test_a_field_with_repr_off_never_shows() -> None:
    assert "secret" not in repr(Record(1, quiet="secret"))
    assert repr(Record(1)) == "Record(a=1, b='x', loose=0, unhashed=0, items=())"


def test_only_the_same_class_compares_equal() -> None:
    assert Record(1) != Frozen(1)
    assert Record(1) != (1, "x", "", 0, 0, ())
    assert Record(1).__eq__(Frozen(1)) is NotImplemented


def test_records_are_dataclasses() -> None:
    r = Record(1)
    assert dataclasses.is_dataclass(r)
    assert dataclasses.replace(r, a=2) == Record(2)
    assert dataclasses.asdict(r)["a"] == 1
    assert Record.__match_args__ == Frozen.__match_args__


@pytest.mark.parametrize("name", ["a", "b", "quiet", "items", "new_name"])
def test_nothing_can_be_set_or_deleted_after_init(name: str) -> None:
    r = Record(1)
    with pytest.raises(dataclasses.FrozenInstanceError, match=repr(name)):
        setattr(r, name, 2)
    with pytest.raises(dataclasses.FrozenInstanceError, match=repr(name)):
        delattr(r, name)
    assert r == Record(1)


@record
class Derived:
    """init=False fields: one made by a factory, one a plain class default."""

    text: str
    words: list[str] = field(default_factory=list, init=False)
    kind: str = field(default="plain", init=False)
    length: int = field(default=0, init=False)

    def __post_init__(self) -> None:
        self.words.extend(self.text.split())
        object.__setattr__(self, "length", len(self.text))


def test_init_and_post_init_set_what_a_frozen_dataclass_would() -> None:
    d = Derived("a b")
    assert (d.words, d.kind, d.length) == (["a", "b"], "plain", 3)
    for name in ("text", "words", "kind", "length"):
        with pytest.raises(dataclasses.FrozenInstanceError):
            setattr(d, name, None)
    assert d.kind == "plain"


def test_a_record_inside_itself_shows_as_dots() -> None:
    holder: list[object] = []
    r = Record(1, items=holder)  # type: ignore[arg-type]
    holder.append(r)
    assert repr(r) == "Record(a=1, b='x', loose=0, unhashed=0, items=[...])"


def test_a_class_with_its_own_comparison_or_guard_is_refused() -> None:
    class Own:
        def __eq__(self, other: object) -> bool:
            return True

    class Guarded:
        def __setattr__(self, name: str, value: object) -> None:
            pass

    with pytest.raises(TypeError, match="__eq__"):
        record(Own)
    with pytest.raises(TypeError, match="__setattr__"):
        record(Guarded)

"""Frozen records: ``@record`` is ``@dataclass(frozen=True)``, cheaper to define.

CPython before 3.13 compiles every method a dataclass generates with its own
``exec``: six for a frozen class (``__init__``, ``__repr__``, ``__eq__``,
``__hash__``, ``__setattr__``, ``__delattr__``), about half a millisecond a
class here. ``anjian-cli check`` alone defines 32 records, 18 ms of its run,
and every start of the app and every reminder check from the tray pays the
same.

``record`` lets dataclass generate only ``__init__`` and gives every record the
same ``__eq__``, ``__hash__``, ``__repr__`` and frozen guards, which read the
field lists the dataclass made (the 32 records of ``check`` then take 6-9 ms, not
18-21). They behave as the generated ones do: ``==`` holds only between
instances of the same class; fields with ``compare=False`` are left out of
``==`` and the hash, fields with ``hash=False`` out of the hash, and fields with
``repr=False`` (secrets) out of the repr; once ``__init__`` has set the fields,
nothing can be set or deleted (``FrozenInstanceError``), and ``__post_init__``
sets what it derives with ``object.__setattr__`` as for any frozen dataclass.
``tests/test_record.py`` holds the two to the same results. Everything else is
the dataclass: ``fields``, ``replace``, ``asdict``, ``__match_args__``.
"""

from __future__ import annotations

from dataclasses import MISSING, Field, FrozenInstanceError, dataclass, field, fields
from reprlib import recursive_repr
from typing import Any, TypeVar, dataclass_transform

_T = TypeVar("_T", bound=type)

# Per class: the names compared by ==, the names hashed, the names in the repr,
# the names __init__ assigns.
_KEYS = "_record_keys"


@dataclass_transform(frozen_default=True, field_specifiers=(field, Field))
def record(cls: _T) -> _T:
    """Make ``cls`` a frozen dataclass with the shared comparison, hash, repr and guards."""
    own = {"__eq__", "__hash__", "__repr__", "__setattr__", "__delattr__"} & set(vars(cls))
    if own:
        raise TypeError(f"{cls.__qualname__} defines {', '.join(sorted(own))}: "
                        "use @dataclass(frozen=True) for it")
    made = dataclass(eq=False, repr=False)(cls)
    every = fields(made)
    setattr(made, _KEYS, (
        tuple(f.name for f in every if f.compare),
        tuple(f.name for f in every if (f.compare if f.hash is None else f.hash)),
        tuple(f.name for f in every if f.repr),
        # What the generated __init__ assigns (a field with init=False and a
        # plain default is never assigned: the class attribute serves).
        frozenset(f.name for f in every if f.init or f.default_factory is not MISSING),
    ))
    made.__eq__ = _eq  # type: ignore[assignment,method-assign]
    made.__hash__ = _hash  # type: ignore[assignment,method-assign]
    made.__repr__ = _repr  # type: ignore[assignment,method-assign]
    made.__setattr__ = _setattr  # type: ignore[assignment,method-assign]
    made.__delattr__ = _delattr  # type: ignore[assignment,method-assign]
    return made


def _setattr(self: Any, name: str, value: Any) -> None:
    # The generated __init__ sets each field once; after it, nothing can be set.
    if name in self.__dict__ or name not in getattr(self, _KEYS)[3]:
        raise FrozenInstanceError(f"cannot assign to field {name!r}")
    object.__setattr__(self, name, value)


def _delattr(self: Any, name: str) -> None:
    raise FrozenInstanceError(f"cannot delete field {name!r}")


def _values(obj: Any, names: tuple[str, ...]) -> tuple[Any, ...]:
    return tuple([getattr(obj, name) for name in names])


def _eq(self: Any, other: Any) -> Any:
    if other.__class__ is not self.__class__:
        return NotImplemented
    names = getattr(self, _KEYS)[0]
    return _values(self, names) == _values(other, names)


def _hash(self: Any) -> int:
    return hash(_values(self, getattr(self, _KEYS)[1]))


# Like dataclass's repr, a record that (through a list) contains itself shows
# as "..." there instead of recursing without end.
@recursive_repr()
def _repr(self: Any) -> str:
    shown = ", ".join(f"{name}={getattr(self, name)!r}" for name in getattr(self, _KEYS)[2])
    return f"{self.__class__.__qualname__}({shown})"

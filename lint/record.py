"""Record: the base of rectlint's value classes (lines, headings, findings, configurations, ...).

`@dataclass` writes each class's `__init__`, `__repr__` and `__eq__` as source text and compiles
it when the module is imported: about 0.6 ms a class, and a cold run of rectlint created 24 of
them, a sixth of its start-up. Records write their `__init__` by hand, with the signature the
dataclass had, and take `__repr__`, `__eq__` and `__match_args__` from here, which read the names
in `FIELDS`: they behave as dataclasses do. `FrozenRecord` is a frozen dataclass's counterpart,
and `replace` is `dataclasses.replace`'s.
"""

from __future__ import annotations


class Record:
    __slots__ = ()  # a subclass that names no __slots__ has a __dict__, as usual
    FIELDS: tuple[str, ...] = ()

    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        cls.__match_args__ = cls.FIELDS

    def __repr__(self) -> str:
        shown = ", ".join(f"{name}={getattr(self, name)!r}" for name in self.FIELDS)
        return f"{type(self).__qualname__}({shown})"

    def __eq__(self, other):
        if other.__class__ is not self.__class__:
            return NotImplemented
        return all(getattr(self, name) == getattr(other, name) for name in self.FIELDS)

    __hash__ = None  # equal records may differ tomorrow: unhashable, as a mutable dataclass is


class FrozenRecord(Record):
    """A value: compared and hashed by its fields, never altered. `__init__` sets its fields
    with `object.__setattr__`."""

    __slots__ = ()

    def __setattr__(self, name, value):
        raise AttributeError(f"cannot assign to field {name!r} of a {type(self).__name__}")

    def __delattr__(self, name):
        raise AttributeError(f"cannot delete field {name!r} of a {type(self).__name__}")

    def __hash__(self) -> int:
        return hash(tuple(getattr(self, name) for name in self.FIELDS))

    def __reduce__(self):  # pickled by its fields: unpickling never assigns to one
        return type(self), tuple(getattr(self, name) for name in self.FIELDS)


def replace(record: Record, **changes) -> Record:
    """A copy of a record with some fields changed, as `dataclasses.replace` makes of a dataclass.
    Every parameter of the class's `__init__` is copied, also one that FIELDS leaves unshown
    (DocumentResult's `keep`)."""
    code = type(record).__init__.__code__
    names = code.co_varnames[1:code.co_argcount + code.co_kwonlyargcount]
    return type(record)(**{**{name: getattr(record, name) for name in names}, **changes})

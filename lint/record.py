"""Record: the base of rectlint's plain value classes (lines, headings, date mentions, hits, ...).

`@dataclass` writes each class's `__init__`, `__repr__` and `__eq__` as source text and compiles
it when the module is imported: about 0.6 ms a class, and a cold run of rectlint used to create
22 of them, a tenth of its start-up. Internal classes therefore write their `__init__` by hand
and take `__repr__` and `__eq__` from here, which read the names in `FIELDS`; both behave as a
dataclass's do, and each keeps the dataclass's signature. The API's own values, which users may
pass to `dataclasses` functions (Finding, Location, Fix, Config, LintContext, Result,
DocumentResult), stay dataclasses.
"""

from __future__ import annotations


class Record:
    __slots__ = ()  # a subclass that names no __slots__ has a __dict__, as usual
    FIELDS: tuple[str, ...] = ()

    def __repr__(self) -> str:
        shown = ", ".join(f"{name}={getattr(self, name)!r}" for name in self.FIELDS)
        return f"{type(self).__qualname__}({shown})"

    def __eq__(self, other):
        if other.__class__ is not self.__class__:
            return NotImplemented
        return all(getattr(self, name) == getattr(other, name) for name in self.FIELDS)

    __hash__ = None  # equal records may differ tomorrow: unhashable, as a mutable dataclass is

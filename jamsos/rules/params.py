"""Effective-dated parameters: every rate, cap, amount, age and date of the regulations.

A parameter is a named series of rows, each valid from a date (a contribution month is its
first day) until the next row of the same name. Every row names its source; a row the
rulebook marks [L] is `provisional`, and explanations that use it say so. Adding next year's
value is one more row in the data module.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Generic, TypeVar, cast

from jamsos.rules.errors import RuleError

V = TypeVar("V", covariant=True)
T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class Param(Generic[V]):
    name: str
    valid_from: date
    value: V
    source: str
    provisional: bool = False

    def as_int(self) -> int:
        """The value as a whole number; a TypeError naming the parameter when the data holds another type."""
        value = self.value
        if isinstance(value, bool) or not isinstance(value, int):
            raise TypeError(f"parameter {self.name} must hold a whole number")
        return value

    def as_decimal(self) -> Decimal:
        """The value as a Decimal; a TypeError naming the parameter when the data holds another type."""
        value = self.value
        if not isinstance(value, Decimal):
            raise TypeError(f"parameter {self.name} must hold a Decimal")
        return value


class ParamTable:
    """All rows of all parameters, looked up by name and date."""

    def __init__(self, rows: Iterable[Param[object]]) -> None:
        series: dict[str, list[Param[object]]] = {}
        for row in rows:
            series.setdefault(row.name, []).append(row)
        for name, items in series.items():
            items.sort(key=lambda row: row.valid_from)
            starts = [row.valid_from for row in items]
            if len(set(starts)) != len(starts):
                raise ValueError(f"parameter {name} has two rows valid from the same date")
        self._series = series
        self._starts = {name: [row.valid_from for row in items] for name, items in series.items()}

    def at(self, name: str, on: date) -> Param[object]:
        """The row of `name` in force on `on`; a RuleError when the rule did not exist yet."""
        starts = self._starts.get(name)
        if starts is None:
            raise KeyError(name)
        index = bisect.bisect_right(starts, on) - 1
        if index < 0:
            first = starts[0]
            raise RuleError(
                "not_in_force",
                en=f"No rule for {name} before {first.isoformat()}: {on.isoformat()} is too early.",
                id=f"Belum ada ketentuan {name} sebelum {first.isoformat()}: {on.isoformat()} terlalu awal.",
                parameter=name,
                first_valid=first.isoformat(),
            )
        return self._series[name][index]

    def at_typed(self, name: str, on: date, kind: type[T]) -> Param[T]:
        """`at`, with the value checked to be a `kind`: a TypeError naming the parameter otherwise."""
        row = self.at(name, on)
        if not isinstance(row.value, kind):
            raise TypeError(f"parameter {name} holds {type(row.value).__name__}, not {kind.__name__}")
        return cast("Param[T]", row)

    def in_year(self, name: str, year: int) -> Param[object] | None:
        """The row valid from a date in exactly `year` (yearly series: rates, inflation), or None."""
        for row in self._series[name]:
            if row.valid_from.year == year:
                return row
        return None

    def has(self, name: str) -> bool:
        return name in self._series

    def series(self, name: str) -> list[Param[object]]:
        return list(self._series[name])

    def names(self) -> list[str]:
        return sorted(self._series)

"""Reading a case's input: each field checked, and a RuleError that says which and why.

The module-level checks serve values that do not come straight from an `Inputs` field: the
items of a list or a nested object, and the arguments of the rules' Python functions.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date
from decimal import Decimal, InvalidOperation

from jamsos.rules.errors import RuleError

# Rp 10^15: beyond any real amount, and it keeps the integer arithmetic small.
MAX_MONEY = 10**15
_HUNDRED = Decimal(100)
_EIGHT_DECIMALS = Decimal("1e-8")


def _missing(name: str) -> RuleError:
    return RuleError(
        "missing_input", en=f"The input needs {name}.", id=f"Masukan {name} wajib diisi.", field=name
    )


def invalid(name: str, en: str, id: str, code: str = "invalid_input") -> RuleError:
    """The error for a field that is present but wrong: `name: en` / `name: id`."""
    return RuleError(code, en=f"{name}: {en}", id=f"{name}: {id}", field=name)


def whole_number(name: str, value: object, *, minimum: int | None = 0, maximum: int | None = None) -> int:
    """`value` as a whole number within the bounds (True and False are not numbers)."""
    if isinstance(value, bool) or not isinstance(value, int):
        raise invalid(name, "must be a whole number.", "harus bilangan bulat.")
    if minimum is not None and value < minimum:
        raise invalid(name, f"must be at least {minimum}.", f"paling sedikit {minimum}.")
    if maximum is not None and value > maximum:
        raise invalid(name, f"must be at most {maximum}.", f"paling banyak {maximum}.")
    return value


def check_money(name: str, value: object, *, maximum: int | None = None) -> int:
    """`value` as whole rupiah, at least 0 (and at most `maximum`)."""
    # type() rather than isinstance: True is an int to Python, not an amount.
    if type(value) is not int or value < 0:
        raise invalid(name, "must be a whole number of rupiah, at least 0.", "harus rupiah bulat, minimal 0.")
    if maximum is not None and value > maximum:
        raise invalid(name, f"must be at most {maximum} rupiah.", f"paling banyak {maximum} rupiah.")
    return value


def check_boolean(name: str, value: object) -> bool:
    if not isinstance(value, bool):
        raise invalid(name, "must be true or false.", "harus true atau false.")
    return value


def parse_percent(name: str, value: object, *, bounded: bool = True) -> Decimal:
    """A percentage given as a number or text ("12.5" or "12,5"), read exactly, never through float
    arithmetic: a JSON number arrives as a float whose shortest repr is the decimal that was written.

    Bounded: from 0 to 100, else the code `percent_out_of_range` (NaN too). Unbounded, for a growth,
    return or inflation rate: any number below 10^7 with at most 8 decimals, which keeps the exact
    fraction arithmetic small; the rule checks its own range.
    """
    if isinstance(value, bool) or not isinstance(value, Decimal | int | float | str):
        raise invalid(name, "must be a number.", "harus angka.")
    try:
        if isinstance(value, str):
            number = Decimal(value.strip().replace(",", "."))
        elif isinstance(value, float):
            number = Decimal(repr(value))
        else:
            number = Decimal(value)
    except InvalidOperation:
        raise invalid(name, "must be a number.", "harus angka.") from None
    if bounded:
        if not number.is_finite() or number < 0 or number > _HUNDRED:
            raise invalid(
                name,
                "must be a percentage from 0 to 100.",
                "harus persentase 0 sampai 100.",
                "percent_out_of_range",
            )
    elif not number.is_finite() or number.adjusted() > 6 or number != number.quantize(_EIGHT_DECIMALS):
        raise invalid(
            name,
            "must be a number below a million with at most 8 decimals.",
            "harus angka di bawah sejuta dengan paling banyak 8 desimal.",
        )
    return number


class Inputs:
    """A typed view of a case's `input` object."""

    def __init__(self, data: object) -> None:
        if not isinstance(data, Mapping):
            raise RuleError(
                "invalid_input", en="The input must be a JSON object.", id="Masukan harus objek JSON."
            )
        self.data = data

    def has(self, name: str) -> bool:
        return self.data.get(name) is not None

    def raw(self, name: str) -> object:
        if not self.has(name):
            raise _missing(name)
        return self.data[name]

    def integer(self, name: str, *, minimum: int | None = 0, maximum: int | None = None) -> int:
        value = self.raw(name)
        if isinstance(value, float) and value.is_integer():
            value = int(value)
        return whole_number(name, value, minimum=minimum, maximum=maximum)

    def money(self, name: str, *, minimum: int = 0) -> int:
        """Whole rupiah, never negative (and at least `minimum`)."""
        return self.integer(name, minimum=minimum, maximum=MAX_MONEY)

    def money_list(self, name: str) -> list[int]:
        """A list of whole rupiah amounts, each at least 0."""
        amounts = []
        for item in self.list_of(name):
            value = int(item) if isinstance(item, float) and item.is_integer() else item
            amounts.append(check_money(name, value))
        return amounts

    def optional_integer(self, name: str, *, minimum: int | None = 0) -> int | None:
        return self.integer(name, minimum=minimum) if self.has(name) else None

    def percent(self, name: str, *, bounded: bool = True) -> Decimal:
        """A percentage (see `parse_percent`)."""
        return parse_percent(name, self.raw(name), bounded=bounded)

    def boolean(self, name: str, default: bool) -> bool:
        return check_boolean(name, self.raw(name)) if self.has(name) else default

    def text(self, name: str) -> str:
        value = self.raw(name)
        if not isinstance(value, str):
            raise invalid(name, "must be text.", "harus teks.")
        return value

    def optional_text(self, name: str) -> str | None:
        return self.text(name) if self.has(name) else None

    def text_list(self, name: str, default: Sequence[str]) -> list[str]:
        texts = []
        for item in self.list_of(name, default=list(default)):
            if not isinstance(item, str):
                raise invalid(name, "each item must be text.", "setiap butir harus teks.")
            texts.append(item)
        return texts

    def choice(self, name: str, choices: Sequence[str], *, default: str | None = None) -> str:
        if default is not None and not self.has(name):
            return default
        value = self.text(name)
        if value not in choices:
            allowed = ", ".join(choices)
            raise invalid(name, f"must be one of {allowed}.", f"harus salah satu dari {allowed}.")
        return value

    def month(self, name: str) -> date:
        """A contribution month, YYYY-MM, as its first day."""
        value = self.text(name)
        try:
            year, month = value.split("-")
            if len(year) != 4 or len(month) != 2:
                raise ValueError(value)
            return date(int(year), int(month), 1)
        except ValueError:
            raise invalid(
                name, "must be a month written YYYY-MM.", "harus bulan dengan format YYYY-MM."
            ) from None

    # Before `date`: below it, the name is the method, not the type.
    def optional_date(self, name: str) -> date | None:
        return self.date(name) if self.has(name) else None

    def date(self, name: str) -> date:
        value = self.text(name)
        try:
            if len(value) != 10:
                raise ValueError(value)
            return date.fromisoformat(value)
        except ValueError:
            raise invalid(
                name, "must be a real date written YYYY-MM-DD.", "harus tanggal yang ada, format YYYY-MM-DD."
            ) from None

    def list_of(self, name: str, *, default: list[object] | None = None) -> list[object]:
        if default is not None and not self.has(name):
            return default
        value = self.raw(name)
        if not isinstance(value, list):
            raise invalid(name, "must be a list.", "harus daftar.")
        return value

    def nested(self, value: object, name: str) -> Inputs:
        if not isinstance(value, Mapping):
            raise invalid(name, "each item must be an object.", "setiap butir harus objek.")
        return Inputs(value)

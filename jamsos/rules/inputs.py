"""Reading a case's input: each field checked, and a RuleError that says which and why."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date

from jamsos.rules.errors import RuleError


def _missing(name: str) -> RuleError:
    return RuleError(
        "missing_input", en=f"The input needs {name}.", id=f"Masukan {name} wajib diisi.", field=name
    )


def _invalid(name: str, en: str, id: str) -> RuleError:
    return RuleError("invalid_input", en=f"{name}: {en}", id=f"{name}: {id}", field=name)


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
        if isinstance(value, bool) or not isinstance(value, int):
            if isinstance(value, float) and value.is_integer():
                value = int(value)
            else:
                raise _invalid(name, "must be a whole number.", "harus bilangan bulat.")
        if minimum is not None and value < minimum:
            raise _invalid(name, f"must be at least {minimum}.", f"paling sedikit {minimum}.")
        if maximum is not None and value > maximum:
            raise _invalid(name, f"must be at most {maximum}.", f"paling banyak {maximum}.")
        return value

    def money(self, name: str, *, minimum: int = 0) -> int:
        """Whole rupiah, never negative (and at least `minimum`)."""
        return self.integer(name, minimum=minimum, maximum=10**15)

    def optional_integer(self, name: str, *, minimum: int | None = 0) -> int | None:
        return self.integer(name, minimum=minimum) if self.has(name) else None

    def text(self, name: str) -> str:
        value = self.raw(name)
        if not isinstance(value, str):
            raise _invalid(name, "must be text.", "harus teks.")
        return value

    def choice(self, name: str, choices: Sequence[str], *, default: str | None = None) -> str:
        if default is not None and not self.has(name):
            return default
        value = self.text(name)
        if value not in choices:
            allowed = ", ".join(choices)
            raise _invalid(name, f"must be one of {allowed}.", f"harus salah satu dari {allowed}.")
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
            raise _invalid(
                name, "must be a month written YYYY-MM.", "harus bulan dengan format YYYY-MM."
            ) from None

    def date(self, name: str) -> date:
        value = self.text(name)
        try:
            if len(value) != 10:
                raise ValueError(value)
            return date.fromisoformat(value)
        except ValueError:
            raise _invalid(
                name, "must be a real date written YYYY-MM-DD.", "harus tanggal yang ada, format YYYY-MM-DD."
            ) from None

    def list_of(self, name: str, *, default: list[object] | None = None) -> list[object]:
        if default is not None and not self.has(name):
            return default
        value = self.raw(name)
        if not isinstance(value, list):
            raise _invalid(name, "must be a list.", "harus daftar.")
        return value

    def nested(self, value: object, name: str) -> Inputs:
        if not isinstance(value, Mapping):
            raise _invalid(name, "each item must be an object.", "setiap butir harus objek.")
        return Inputs(value)

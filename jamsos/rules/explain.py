"""Explanations: every result carries its steps, each with the figure, the formula in words
(Bahasa Indonesia and English) and the regulation it rests on; and the conditions of claims
and benefits, which are steps too."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import TYPE_CHECKING

from jamsos.rules.params import Param

Figure = int | str | bool | Decimal | date | None


@dataclass(frozen=True, slots=True)
class Step:
    """One step of a computation."""

    key: str
    figure: Figure
    formula_id: str
    formula_en: str
    citation: str
    provisional: bool = False

    def to_json(self) -> dict[str, object]:
        figure: object = self.figure
        if isinstance(figure, Decimal):
            figure = str(figure)
        elif isinstance(figure, date):
            figure = figure.isoformat()
        return {
            "key": self.key,
            "figure": figure,
            "formula": {"id": self.formula_id, "en": self.formula_en},
            "citation": self.citation,
            "provisional": self.provisional,
        }


@dataclass
class Explanation:
    """Steps in the order they were taken; a step that used a provisional row says so."""

    steps: list[Step] = field(default_factory=list)

    def add(
        self,
        key: str,
        figure: Figure,
        *,
        id: str,
        en: str,
        cite: str | Param[object] | None = None,
        uses: tuple[Param[object], ...] = (),
        provisional: bool = False,
    ) -> Figure:
        """Records a step and returns its figure, so a computation reads as its explanation.

        `cite` is either the regulation in words or the parameter row the step used; `uses`
        lists further rows whose provisional mark carries over to this step.
        """
        rows = ((cite,) if isinstance(cite, Param) else ()) + uses
        citation = cite.source if isinstance(cite, Param) else (cite or "")
        self.steps.append(
            Step(
                key=key,
                figure=figure,
                formula_id=id,
                formula_en=en,
                citation=citation,
                provisional=provisional or any(row.provisional for row in rows),
            )
        )
        return figure

    @property
    def provisional(self) -> bool:
        return any(step.provisional for step in self.steps)

    def to_json(self) -> list[dict[str, object]]:
        return [step.to_json() for step in self.steps]

    def append_to(self, out: dict[str, object]) -> dict[str, object]:
        """`out` with the keys `explanation` (the steps) and `provisional` added at its end."""
        out["explanation"] = self.to_json()
        out["provisional"] = self.provisional
        return out


class Explained:
    """A result that carries an `explanation`: its `provisional` mark and the two output keys.

    No slots of its own, so dataclasses with `slots=True` can use it.
    """

    __slots__ = ()

    if TYPE_CHECKING:

        @property
        def explanation(self) -> Explanation: ...

    @property
    def provisional(self) -> bool:
        return self.explanation.provisional

    def explained(self, out: dict[str, object]) -> dict[str, object]:
        """`out` with the keys `explanation` (the steps) and `provisional` added at its end."""
        return self.explanation.append_to(out)


@dataclass(frozen=True, slots=True)
class Condition:
    """One condition of a claim or benefit: met (True), failed (False), or not checked (None)
    when its input is absent.

    `reason` is the stable code of a failed condition; `earliest_date`, when the rule gives one,
    the day the condition is (or was) met, None when the facts given can never meet it.
    `provisional` is also set whenever `cite` is a provisional row.
    """

    code: str
    met: bool | None
    id: str
    en: str
    cite: str | Param[object]
    reason: str | None = None
    provisional: bool = False
    earliest_date: date | None = None

    def __post_init__(self) -> None:
        if isinstance(self.cite, Param) and self.cite.provisional:
            object.__setattr__(self, "provisional", True)

    @property
    def citation(self) -> str:
        return self.cite.source if isinstance(self.cite, Param) else self.cite

    def to_json(self) -> dict[str, object]:
        """A benefit's condition (JKK, JKP): its code, verdict, message and the failure code."""
        out: dict[str, object] = {
            "code": self.code,
            "met": self.met,
            "message": {"id": self.id, "en": self.en},
            "citation": self.citation,
            "provisional": self.provisional,
        }
        if self.reason is not None:
            out["reason"] = self.reason
        return out

    def to_dated_json(self) -> dict[str, object]:
        """A claim's condition (JHT): its key, verdict, the earliest date and the reason in words."""
        return {
            "key": self.code,
            "met": self.met,
            "earliest_date": self.earliest_date.isoformat() if self.earliest_date else None,
            "reason": {"id": self.id, "en": self.en},
            "citation": self.citation,
        }


class Checked(Explained):
    """A benefit that carries its `conditions` (JKK, JKP): the failed ones and the output keys."""

    __slots__ = ()

    if TYPE_CHECKING:

        @property
        def conditions(self) -> tuple[Condition, ...]: ...

    @property
    def failed(self) -> tuple[Condition, ...]:
        return tuple(condition for condition in self.conditions if condition.met is False)

    def checked(self, out: dict[str, object]) -> dict[str, object]:
        """`out` with `conditions`, `failed_conditions`, `explanation` and `provisional` added."""
        out["conditions"] = [condition.to_json() for condition in self.conditions]
        out["failed_conditions"] = [condition.to_json() for condition in self.failed]
        return self.explained(out)


def record(explanation: Explanation, condition: Condition, *, prefix: str = "condition.") -> Condition:
    """Adds a condition to the explanation as a step keyed `prefix` + its code, and returns it."""
    explanation.add(
        prefix + condition.code,
        condition.met,
        id=condition.id,
        en=condition.en,
        cite=condition.cite,
        provisional=condition.provisional,
    )
    return condition

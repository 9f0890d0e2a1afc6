"""Explanations: every result carries its steps, each with the figure, the formula in words
(Bahasa Indonesia and English) and the regulation it rests on."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

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

"""JKM (Jaminan Kematian): death benefits and the children's scholarship (rulebook 3.3)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date

from jamsos.rules.data import jkm as data
from jamsos.rules.data.jkm import LEVEL_NAMES, LEVELS, Level, ScholarshipSchedule
from jamsos.rules.errors import RuleError
from jamsos.rules.explain import Explained, Explanation
from jamsos.rules.inputs import Inputs, whole_number
from jamsos.rules.money import rp_en, rp_id
from jamsos.rules.params import Param, ParamTable

PARAMS = ParamTable(data.ROWS)


def regulation_label(on: date) -> str:
    """The regulation whose JKM/JKK amounts apply to an event on `on`."""
    return "PP 44/2015 jo. PP 82/2019" if on >= data.PP_82_2019 else "PP 44/2015"


def require_in_force(on: date, *, field_name: str, programme: str) -> None:
    """Refuses an event before PP 44/2015 took effect: the engine holds no earlier rules."""
    start = data.PP_44_2015
    if on < start:
        raise RuleError(
            "not_in_force",
            en=(
                f"{field_name} {on.isoformat()} is before {start.isoformat()}, when PP 44/2015 took effect; "
                f"the engine holds no {programme} rules before it."
            ),
            id=(
                f"{field_name} {on.isoformat()} sebelum {start.isoformat()}, tanggal berlakunya PP 44/2015; "
                f"mesin tidak memuat ketentuan {programme} sebelum itu."
            ),
            field=field_name,
            first_valid=start.isoformat(),
        )


def parse_level(value: object) -> Level:
    """A school level (TK, SD, SMP, SMA, S1), or a RuleError with code `unknown_level`."""
    for level in LEVELS:
        if value == level:
            return level
    allowed = ", ".join(LEVELS)
    raise RuleError(
        "unknown_level",
        en=f"Unknown school level {value!r}; use one of {allowed}.",
        id=f"Jenjang sekolah {value!r} tidak dikenal; gunakan salah satu dari {allowed}.",
        field="children",
    )


@dataclass(frozen=True, slots=True)
class ChildGrant:
    """One child's scholarship this year and its limits."""

    level: Level
    counted: bool
    first_year: int
    per_year: int
    max_years: int
    cap: int

    def to_json(self) -> dict[str, object]:
        return {
            "level": self.level,
            "counted": self.counted,
            "first_year": self.first_year,
            "per_year": self.per_year,
            "max_years": self.max_years,
            "cap": self.cap,
        }


@dataclass(frozen=True, slots=True)
class Scholarship:
    """The scholarship a death (or a JKK total disability) gives the participant's children."""

    eligible: bool
    min_months: int
    first_year: int
    children: tuple[ChildGrant, ...]
    cap_per_child: int
    cap_total: int

    def to_json(self) -> dict[str, object]:
        return {
            "scholarship_eligible": self.eligible,
            "scholarship_min_months": self.min_months,
            "scholarship_first_year": self.first_year,
            "scholarship_children": [child.to_json() for child in self.children],
            "scholarship_cap_per_child": self.cap_per_child,
            "scholarship_cap_total": self.cap_total,
        }


def scholarship(
    on: date,
    children: Sequence[Level],
    *,
    contribution_months: int | None,
    min_months: Param[int],
    explanation: Explanation,
) -> Scholarship:
    """This year's scholarship for at most the schedule's number of children, in the order given.

    `min_months` is the membership condition row (JKM: 36 months since PP 82/2019; JKK: 0);
    `contribution_months` may be None when that row is 0.
    """
    schedule_row = PARAMS.at_typed("scholarship.schedule", on, ScholarshipSchedule)
    schedule = schedule_row.value
    required = min_months.value
    months = contribution_months if contribution_months is not None else 0
    eligible = months >= required
    if required == 0:
        explanation.add(
            "scholarship_eligible",
            eligible,
            id="Beasiswa tanpa syarat masa iur minimal.",
            en="The scholarship needs no minimum contribution period.",
            cite=min_months,
        )
    else:
        verdict_id = "memenuhi syarat" if eligible else "tidak memenuhi syarat"
        verdict_en = "eligible" if eligible else "not eligible"
        explanation.add(
            "scholarship_eligible",
            eligible,
            id=(
                f"Beasiswa mensyaratkan masa iur paling singkat {required} bulan; "
                f"masa iur {months} bulan: {verdict_id}."
            ),
            en=(
                f"The scholarship needs at least {required} contribution months; "
                f"{months} months: {verdict_en}."
            ),
            cite=min_months,
        )
    grants: list[ChildGrant] = []
    for index, level in enumerate(children, start=1):
        grants.append(
            _child_grant(index, level, schedule, schedule_row, eligible=eligible, explanation=explanation)
        )
    first_year = sum(grant.first_year for grant in grants)
    if eligible and not grants:
        explanation.add(
            "scholarship_first_year",
            0,
            id="Tidak ada anak yang disebutkan: beasiswa tahun ini Rp 0.",
            en="No children listed: this year's scholarship is Rp 0.",
            cite=schedule_row,
        )
    elif eligible and not schedule.levels:
        explanation.add(
            "scholarship_first_year",
            first_year,
            id=f"Beasiswa pendidikan untuk satu anak: {rp_id(first_year)}, dibayar sekali.",
            en=f"Education grant for one child: {rp_en(first_year)}, paid once.",
            cite=schedule_row,
        )
    elif eligible:
        parts_id = " + ".join(rp_id(grant.first_year) for grant in grants if grant.counted)
        parts_en = " + ".join(rp_en(grant.first_year) for grant in grants if grant.counted)
        explanation.add(
            "scholarship_first_year",
            first_year,
            id=f"Beasiswa tahun ini: {parts_id} = {rp_id(first_year)}; diajukan setiap tahun.",
            en=f"This year's scholarship: {parts_en} = {rp_en(first_year)}; claimed every year.",
            cite=schedule_row,
        )
        explanation.add(
            "scholarship_caps",
            schedule.cap_total,
            id=(
                f"Batas seumur: {rp_id(schedule.cap_per_child)} per anak, {rp_id(schedule.cap_total)} "
                f"untuk paling banyak {schedule.max_children} anak; berhenti bila anak berusia 23 tahun, "
                "menikah atau bekerja."
            ),
            en=(
                f"Lifetime caps: {rp_en(schedule.cap_per_child)} per child, {rp_en(schedule.cap_total)} "
                f"for at most {_children_en(schedule.max_children)}; it ends when the child turns 23, "
                "marries or works."
            ),
            cite=schedule_row,
        )
    return Scholarship(
        eligible=eligible,
        min_months=required,
        first_year=first_year,
        children=tuple(grants),
        cap_per_child=schedule.cap_per_child,
        cap_total=schedule.cap_total,
    )


def _children_en(count: int) -> str:
    return "1 child" if count == 1 else f"{count} children"


def _child_grant(
    index: int,
    level: Level,
    schedule: ScholarshipSchedule,
    schedule_row: Param[ScholarshipSchedule],
    *,
    eligible: bool,
    explanation: Explanation,
) -> ChildGrant:
    name_id, name_en = LEVEL_NAMES[level]
    counted = eligible and index <= schedule.max_children
    grant = schedule.grant(level)
    if grant is None:
        # PP 44/2015: one grant per participant, whatever the child's level.
        amount = schedule.one_off if counted else 0
        result = ChildGrant(level, counted, amount, schedule.one_off, 1, schedule.one_off)
    else:
        amount = grant.per_year if counted else 0
        result = ChildGrant(level, counted, amount, grant.per_year, grant.max_years, grant.cap)
    if not eligible:
        return result
    if not counted:
        explanation.add(
            f"scholarship_child_{index}",
            0,
            id=f"Anak ke-{index} ({name_id}) tidak dihitung: paling banyak {schedule.max_children} anak.",
            en=f"Child {index} ({name_en}) is not counted: at most {_children_en(schedule.max_children)}.",
            cite=schedule_row,
        )
    elif grant is None:
        explanation.add(
            f"scholarship_child_{index}",
            amount,
            id=f"Anak ke-{index} ({name_id}): beasiswa pendidikan sekali {rp_id(amount)}.",
            en=f"Child {index} ({name_en}): a single education grant of {rp_en(amount)}.",
            cite=schedule_row,
        )
    else:
        explanation.add(
            f"scholarship_child_{index}",
            amount,
            id=(
                f"Anak ke-{index} ({name_id}): {rp_id(grant.per_year)} per tahun, paling lama "
                f"{grant.max_years} tahun (paling banyak {rp_id(grant.cap)})."
            ),
            en=(
                f"Child {index} ({name_en}): {rp_en(grant.per_year)} a year for at most "
                f"{grant.max_years} years (at most {rp_en(grant.cap)})."
            ),
            cite=schedule_row,
        )
    return result


@dataclass(frozen=True, slots=True)
class JkmBenefit(Explained):
    """The JKM benefits of a death not caused by a work accident."""

    death_date: date
    regulation: str
    lump_sum: int
    periodic_monthly: int
    periodic_months: int
    periodic: int
    funeral: int
    total_cash: int
    scholarship: Scholarship
    explanation: Explanation = field(compare=False)

    def to_json(self) -> dict[str, object]:
        return self.explained(
            {
                "death_date": self.death_date.isoformat(),
                "regulation": self.regulation,
                "lump_sum": self.lump_sum,
                "periodic": self.periodic,
                "periodic_monthly": self.periodic_monthly,
                "periodic_months": self.periodic_months,
                "funeral": self.funeral,
                "total_cash": self.total_cash,
                **self.scholarship.to_json(),
            }
        )


def jkm_benefit(death_date: date, contribution_months: int, children: Sequence[str] = ()) -> JkmBenefit:
    """Lump sum, periodic benefit (paid at once), funeral cost and the children's scholarship.

    The cash amounts do not depend on the wage or on the contribution period; the scholarship
    needs the minimum contribution period in force on the date of death.
    """
    whole_number("contribution_months", contribution_months)
    levels = [parse_level(child) for child in children]
    require_in_force(death_date, field_name="death_date", programme="JKM")
    explanation = Explanation()
    lump_row = PARAMS.at_typed("jkm.lump_sum", death_date, int)
    monthly_row = PARAMS.at_typed("jkm.periodic_monthly", death_date, int)
    months_row = PARAMS.at_typed("jkm.periodic_months", death_date, int)
    funeral_row = PARAMS.at_typed("jkm.funeral", death_date, int)
    lump_sum = lump_row.value
    explanation.add(
        "lump_sum",
        lump_sum,
        id=f"Santunan kematian: jumlah tetap {rp_id(lump_sum)}, tidak bergantung pada upah.",
        en=f"Death lump sum: a fixed {rp_en(lump_sum)}, independent of the wage.",
        cite=lump_row,
    )
    periodic = periodic_benefit(monthly_row, months_row, explanation)
    funeral = funeral_costs(funeral_row, explanation)
    total_cash = lump_sum + periodic + funeral
    explanation.add(
        "total_cash",
        total_cash,
        id=(
            f"Jumlah uang tunai: {rp_id(lump_sum)} + {rp_id(periodic)} "
            f"+ {rp_id(funeral)} = {rp_id(total_cash)}."
        ),
        en=f"Total cash: {rp_en(lump_sum)} + {rp_en(periodic)} + {rp_en(funeral)} = {rp_en(total_cash)}.",
        cite=regulation_label(death_date),
    )
    grant = scholarship(
        death_date,
        levels,
        contribution_months=contribution_months,
        min_months=PARAMS.at_typed("jkm.scholarship_min_months", death_date, int),
        explanation=explanation,
    )
    return JkmBenefit(
        death_date=death_date,
        regulation=regulation_label(death_date),
        lump_sum=lump_sum,
        periodic_monthly=monthly_row.value,
        periodic_months=months_row.value,
        periodic=periodic,
        funeral=funeral,
        total_cash=total_cash,
        scholarship=grant,
        explanation=explanation,
    )


def periodic_benefit(monthly_row: Param[int], months_row: Param[int], explanation: Explanation) -> int:
    """The periodic benefit of a death or a JKK total disability: monthly amount x months, paid at once."""
    periodic = monthly_row.value * months_row.value
    explanation.add(
        "periodic",
        periodic,
        id=(
            f"Santunan berkala: {months_row.value} x {rp_id(monthly_row.value)} = {rp_id(periodic)}, "
            "dibayar sekaligus."
        ),
        en=(
            f"Periodic benefit: {months_row.value} x {rp_en(monthly_row.value)} = {rp_en(periodic)}, "
            "paid at once."
        ),
        cite=monthly_row,
        uses=(months_row,),
    )
    return periodic


def funeral_costs(row: Param[int], explanation: Explanation) -> int:
    """The funeral costs of a death (JKM, or JKK for a work accident)."""
    explanation.add(
        "funeral",
        row.value,
        id=f"Biaya pemakaman: {rp_id(row.value)}.",
        en=f"Funeral costs: {rp_en(row.value)}.",
        cite=row,
    )
    return row.value


def read_children(inputs: Inputs) -> list[str]:
    """`children`: a list of {"level": ...} objects (or bare level strings); empty when absent."""
    levels: list[str] = []
    for item in inputs.list_of("children", default=[]):
        if isinstance(item, str):
            levels.append(item)
        else:
            levels.append(inputs.nested(item, "children").text("level"))
    return levels


def _evaluate(inputs: Inputs) -> dict[str, object]:
    """Kind `jkm_benefit` (golden/README.md)."""
    return jkm_benefit(
        inputs.date("death_date"),
        inputs.integer("contribution_months"),
        read_children(inputs),
    ).to_json()


EVAL_KINDS: dict[str, Callable[[Inputs], dict[str, object]]] = {"jkm_benefit": _evaluate}

"""JP (Jaminan Pensiun): retirement age, pension formula, lump sum, indexation, disability, survivors."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from fractions import Fraction
from typing import Literal

from jamsos.rules.calendar import add_months, anniversary, month_index
from jamsos.rules.data import jp as data
from jamsos.rules.errors import RuleError
from jamsos.rules.explain import Explained, Explanation
from jamsos.rules.inputs import Inputs, check_boolean
from jamsos.rules.jht import check_amount, check_months, check_rate, read_amount, yearly_return
from jamsos.rules.money import fraction, pct_en, pct_id, percent, round_half_up, rp_en, rp_id
from jamsos.rules.params import Param, ParamTable

PP45 = "PP 45/2015"
MAX_YEARS = 100
PensionKind = Literal["monthly", "lump_sum"]
Bound = Literal["minimum", "maximum"]


def _month(day: date) -> str:
    return day.isoformat()[:7]


def _before_start(what: str, day: date) -> RuleError:
    return RuleError(
        "before_jp_start",
        en=f"{what} {day.isoformat()} is before JP began on {data.JP_START.isoformat()}.",
        id=f"{what} {day.isoformat()} sebelum JP dimulai pada {data.JP_START.isoformat()}.",
        first_valid=data.JP_START.isoformat(),
    )


def _check_month(what: str, month: date) -> date:
    first = month.replace(day=1)
    if first < data.JP_START:
        raise _before_start(what, first)
    return first


# -- retirement age ----------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class JpRetirementAge(Explained):
    year: int
    age: int
    explanation: Explanation = field(compare=False)

    def to_json(self) -> dict[str, object]:
        return self.explained(
            {
                "year": self.year,
                "age": self.age,
            }
        )


def jp_retirement_age(
    year: int, *, table: ParamTable = data.TABLE, explanation: Explanation | None = None
) -> JpRetirementAge:
    """The JP retirement age in calendar year `year` (PP 45/2015 Pasal 15)."""
    if year < data.JP_START.year:
        raise _before_start("The year", date(year, 12, 31) if year >= 1 else data.JP_START)
    if year > 9998:
        raise RuleError("invalid_input", en="year is too far ahead.", id="year terlalu jauh.", field="year")
    steps = explanation if explanation is not None else Explanation()
    # The steps change on 1 January; the end of the year also covers 2015, which began in July.
    row = table.at("jp_retirement_age", date(year, 12, 31))
    age = row.as_int()
    steps.add(
        f"retirement_age_{year}",
        age,
        id=f"Usia pensiun JP pada tahun {year}: {age} tahun (56; 57 mulai 2019; +1 setiap 3 tahun sampai 65)",
        en=f"JP retirement age in {year}: {age} (56; 57 from 2019; +1 every 3 years up to 65)",
        cite=row,
    )
    return JpRetirementAge(year, age, steps)


@dataclass(frozen=True, slots=True)
class JpRetirementDate(Explained):
    birth_date: date
    age: int
    reached_on: date
    first_pension_month: date
    latest_start_month: date
    explanation: Explanation = field(compare=False)

    def to_json(self) -> dict[str, object]:
        return self.explained(
            {
                "birth_date": self.birth_date.isoformat(),
                "age": self.age,
                "reached_on": self.reached_on.isoformat(),
                "first_pension_month": _month(self.first_pension_month),
                "latest_start_month": _month(self.latest_start_month),
            }
        )


def jp_retirement_date(
    birth_date: date, *, table: ParamTable = data.TABLE, explanation: Explanation | None = None
) -> JpRetirementDate:
    """When someone born on `birth_date` reaches JP retirement age, and the pension months that follow.

    The age is the one in force in the year of the birthday: the first birthday at which the
    member is at least that year's retirement age.
    """
    steps = explanation if explanation is not None else Explanation()
    first_age = table.series("jp_retirement_age")[0].as_int()
    oldest = max(row.as_int() for row in table.series("jp_retirement_age"))
    if birth_date.year + oldest > 9998:
        raise RuleError(
            "invalid_input",
            en="birth_date is too far ahead.",
            id="birth_date terlalu jauh.",
            field="birth_date",
        )
    year = birth_date.year + first_age
    while True:
        if year < data.JP_START.year:
            raise RuleError(
                "retired_before_jp",
                en=f"Someone born on {birth_date.isoformat()} reached {first_age} before JP began.",
                id=f"Peserta lahir {birth_date.isoformat()} mencapai {first_age} tahun sebelum JP dimulai.",
            )
        row = table.at("jp_retirement_age", date(year, 12, 31))
        age = row.as_int()
        if year - birth_date.year >= age:
            break
        year += 1
    reached = anniversary(birth_date, year - birth_date.year)
    if reached < data.JP_START:
        raise RuleError(
            "retired_before_jp",
            en=f"Someone born on {birth_date.isoformat()} reached retirement age on {reached.isoformat()}, "
            "before JP began.",
            id=f"Peserta lahir {birth_date.isoformat()} mencapai usia pensiun pada {reached.isoformat()}, "
            "sebelum JP dimulai.",
        )
    age = year - birth_date.year
    first = add_months(reached.replace(day=1), 1)
    deferral_row = table.at("jp_max_deferral_months", first)
    latest = add_months(first, deferral_row.as_int())
    steps.add(
        "retirement_age_reached",
        reached,
        id=f"Lahir {birth_date.isoformat()}: usia pensiun {age} tahun (berlaku tahun {year}) tercapai pada "
        f"{reached.isoformat()}",
        en=f"Born {birth_date.isoformat()}: retirement age {age} (in force in {year}) is reached on "
        f"{reached.isoformat()}",
        cite=row,
    )
    steps.add(
        "first_pension_month",
        _month(first),
        id=f"Manfaat mulai tanggal 1 bulan berikutnya: {_month(first)}",
        en=f"The pension starts on the 1st of the following month: {_month(first)}",
        cite=f"{PP45} (rulebook §3.2 [H])",
    )
    steps.add(
        "latest_start_month",
        _month(latest),
        id=f"Jika tetap bekerja, manfaat dapat ditunda paling lama sampai {_month(latest)}",
        en=f"If still employed, the pension may be deferred to {_month(latest)} at the latest",
        cite=deferral_row,
    )
    return JpRetirementDate(birth_date, age, reached, first, latest, steps)


# -- formula, bounds and lump sum --------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Bounded:
    formula: int
    benefit: int
    minimum: int
    maximum: int
    bound_applied: Bound | None


def _formula(
    wage_months: int,
    months: int,
    month: date,
    table: ParamTable,
    steps: Explanation,
    *,
    label: tuple[str, str],
) -> int:
    """1 % x months / 12 x average indexed monthly wage, with wage_months = wage x months."""
    row = table.at("jp_accrual_rate", month)
    rate = row.as_decimal()
    benefit = percent(wage_months, rate, 12)
    average = fraction(wage_months, 1, months) if months else 0
    steps.add(
        "formula_benefit",
        benefit,
        id=f"Formula manfaat {label[0]}: {pct_id(rate)} x {months}/12 tahun x rata-rata upah tertimbang "
        f"{rp_id(average)} per bulan, dibulatkan",
        en=f"Pension formula, {label[1]}: {pct_en(rate)} x {months}/12 years x average indexed wage "
        f"{rp_en(average)} a month, rounded half-up",
        cite=row,
    )
    return benefit


def _bounded(
    formula: int, month: date, table: ParamTable, steps: Explanation, *, key: str = "monthly_benefit"
) -> Bounded:
    low_row = table.at("jp_min_benefit", month)
    high_row = table.at("jp_max_benefit", month)
    low, high = low_row.as_int(), high_row.as_int()
    bound: Bound | None = None
    benefit = formula
    if formula < low:
        bound, benefit = "minimum", low
    elif formula > high:
        bound, benefit = "maximum", high
    words_id = {None: "dalam batas", "minimum": "di bawah minimum", "maximum": "di atas maksimum"}[bound]
    words_en = {None: "within the bounds", "minimum": "below the minimum", "maximum": "above the maximum"}[
        bound
    ]
    steps.add(
        key,
        benefit,
        id=f"{rp_id(formula)} {words_id} {rp_id(low)} - {rp_id(high)} yang berlaku {_month(month)}: "
        f"{'dasar manfaat' if key == 'base_benefit' else 'manfaat bulanan'} {rp_id(benefit)}",
        en=f"{rp_en(formula)} is {words_en} {rp_en(low)} - {rp_en(high)} in force in {_month(month)}: "
        f"{'base benefit' if key == 'base_benefit' else 'monthly benefit'} {rp_en(benefit)}",
        cite={
            "minimum": low_row.source,
            "maximum": high_row.source,
            None: f"{PP45} Pasal 18; minimum: {low_row.source}; maximum: {high_row.source}",
        }[bound],
        uses=(low_row, high_row),
    )
    return Bounded(formula, benefit, low, high, bound)


@dataclass(frozen=True, slots=True)
class LumpSum:
    amount: int | None
    basis: Literal["input", "contributions"] | None

    def to_json(self) -> dict[str, object]:
        return {"lump_sum": self.amount, "lump_sum_basis": self.basis}


def accumulate_contributions(
    contributions: Mapping[date, int], until: date, rate_percent: Decimal, steps: Explanation
) -> int:
    """JP contributions with development return up to the start of `until`, credited like JHT:
    each year at its end (a last part-year pro rata), rounded half-up once a year."""
    check_rate("development_rate", rate_percent)
    months = sorted(month.replace(day=1) for month in contributions)
    if not months:
        return 0
    last_month = add_months(until.replace(day=1), -1)
    if months[-1] > last_month:
        raise RuleError(
            "invalid_period",
            en=f"A contribution ({_month(months[-1])}) is not before {_month(until)}.",
            id=f"Ada iuran ({_month(months[-1])}) yang tidak sebelum {_month(until)}.",
        )
    if months[0] < data.JP_START:
        raise _before_start("A contribution month", months[0])
    posted: dict[date, int] = {}
    for month, amount in contributions.items():
        day = month.replace(day=1)
        posted[day] = posted.get(day, 0) + check_amount(f"contributions[{_month(day)}]", amount)
    balance = 0
    for year in range(months[0].year, last_month.year + 1):
        first = months[0].month if year == months[0].year else 1
        last = last_month.month if year == last_month.year else 12
        paid = [(month, posted.get(date(year, month, 1), 0)) for month in range(first, last + 1)]
        weighted = balance * (last - first + 1) + sum(amount * (last - month) for month, amount in paid)
        development = yearly_return(weighted, rate_percent)
        balance += sum(amount for _, amount in paid) + development
    steps.add(
        "lump_sum",
        balance,
        id=f"Akumulasi {len(posted)} bulan iuran JP sampai {_month(last_month)} dengan hasil pengembangan "
        f"{pct_id(rate_percent)} per tahun (dikreditkan akhir tahun, seperti JHT): {rp_id(balance)}",
        en=f"{len(posted)} months of JP contributions to {_month(last_month)} with a development return of "
        f"{pct_en(rate_percent)} a year (credited at year end, as for JHT): {rp_en(balance)}",
        cite="UU SJSN Pasal 41; PP 45/2015: accumulated contributions + development return; crediting is "
        "a jamsos reading (the JHT convention)",
        provisional=True,
    )
    return balance


def _lump_sum(
    amount: int | None,
    contributions: Mapping[date, int] | None,
    rate: Decimal | None,
    until: date,
    steps: Explanation,
) -> LumpSum:
    if amount is not None:
        check_amount("lump_sum_amount", amount)
        steps.add(
            "lump_sum",
            amount,
            id=f"Manfaat sekaligus = akumulasi iuran + hasil pengembangan (dari masukan): {rp_id(amount)}",
            en=f"Lump sum = accumulated contributions + development return (as given): {rp_en(amount)}",
            cite="UU SJSN Pasal 41; PP 45/2015 (rulebook §3.2 [H])",
        )
        return LumpSum(amount, "input")
    if contributions is not None:
        if rate is None:
            raise RuleError(
                "missing_input",
                en="The input needs development_rate to accumulate the contributions.",
                id="Masukan development_rate wajib diisi untuk mengakumulasi iuran.",
                field="development_rate",
            )
        return LumpSum(accumulate_contributions(contributions, until, rate, steps), "contributions")
    steps.add(
        "lump_sum",
        None,
        id="Jumlah manfaat sekaligus: isi lump_sum_amount atau contributions untuk menghitungnya",
        en="Lump-sum amount: give lump_sum_amount or contributions to compute it",
        cite="UU SJSN Pasal 41; PP 45/2015 (rulebook §3.2 [H])",
    )
    return LumpSum(None, None)


# -- indexed wages -----------------------------------------------------------------------------


def _inflation(year: int, assumed: Decimal | None, table: ParamTable) -> tuple[Decimal, Param[object] | None]:
    row = table.in_year("inflation", year)
    if row is not None:
        return row.as_decimal(), row
    if assumed is not None:
        return assumed, None
    raise RuleError(
        "inflation_unknown",
        en=f"The inflation of {year} is not in the table; give assumed_inflation.",
        id=f"Inflasi {year} belum ada di tabel; isi assumed_inflation.",
        year=year,
    )


def _check_inflation(value: Decimal | None) -> Decimal | None:
    if value is not None and (not value.is_finite() or not Decimal(-50) < value < 100):
        raise RuleError(
            "invalid_rate",
            en="assumed_inflation must be above -50 % and below 100 %.",
            id="assumed_inflation harus di atas -50 % dan di bawah 100 %.",
            field="assumed_inflation",
        )
    return value


@dataclass(frozen=True, slots=True)
class IndexedWages:
    months: int
    total: int
    average: int


def index_wages(
    wages: Mapping[date, int],
    retirement_year: int,
    steps: Explanation,
    *,
    assumed_inflation: Decimal | None = None,
    table: ParamTable = data.TABLE,
) -> IndexedWages:
    """Each month's JP wage brought to `retirement_year` money by the general inflation of every year
    from its own to the one before retirement, rounded half-up (Pasal 17(3); mechanics a reading)."""
    _check_inflation(assumed_inflation)
    if wages and retirement_year - min(wages).year > MAX_YEARS:
        raise RuleError(
            "invalid_period",
            en=f"The wage history spans more than {MAX_YEARS} years.",
            id=f"Riwayat upah lebih dari {MAX_YEARS} tahun.",
        )
    factors: dict[int, Fraction] = {}
    used_assumed = False
    rows: list[Param[object]] = []
    total = 0
    for month in sorted(wages):
        wage = check_amount(f"wage_history[{_month(month)}]", wages[month])
        if month < data.JP_START:
            raise _before_start("A wage month", month)
        if month.year not in factors:
            factor = Fraction(1)
            for year in range(month.year, retirement_year):
                rate, row = _inflation(year, assumed_inflation, table)
                if row is None:
                    used_assumed = True
                elif row not in rows:
                    rows.append(row)
                factor *= 1 + Fraction(rate) / 100
            factors[month.year] = factor
        total += round_half_up(wage * factors[month.year])
    count = len(wages)
    average = fraction(total, 1, count) if count else 0
    steps.add(
        "average_indexed_monthly_wage",
        average,
        id=f"{count} bulan upah JP, tiap upah dikali (1 + inflasi) setiap tahun sampai "
        f"{retirement_year - 1}, jumlah {rp_id(total)}; rata-rata {rp_id(average)} per bulan",
        en=f"{count} months of JP wages, each multiplied by (1 + inflation) of every year up to "
        f"{retirement_year - 1}, total {rp_en(total)}; average {rp_en(average)} a month",
        cite=f"{PP45} Pasal 17(3): wages adjusted by general inflation; the mechanics are a jamsos reading "
        "(rulebook §3.2 [L])",
        uses=tuple(rows),
        provisional=True,
    )
    if used_assumed:
        steps.add(
            "assumed_inflation",
            assumed_inflation,
            id=f"Inflasi yang belum ada di tabel diasumsikan {pct_id(assumed_inflation or Decimal(0))}",
            en=f"Inflation not yet in the table is assumed at {pct_en(assumed_inflation or Decimal(0))}",
            cite="assumed by the caller",
            provisional=True,
        )
    return IndexedWages(count, total, average)


# -- old-age pension ---------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class JpPension(Explained):
    kind: PensionKind
    retirement_month: date
    contribution_months: int
    average_indexed_monthly_wage: int
    bounded: Bounded | None
    lump_sum: LumpSum | None
    retirement: JpRetirementDate | None
    deferred_months: int | None
    explanation: Explanation = field(compare=False)

    @property
    def monthly_benefit(self) -> int | None:
        return self.bounded.benefit if self.bounded else None

    def to_json(self) -> dict[str, object]:
        out: dict[str, object] = {
            "kind": self.kind,
            "retirement_month": _month(self.retirement_month),
            "contribution_months": self.contribution_months,
            "average_indexed_monthly_wage": self.average_indexed_monthly_wage,
        }
        if self.bounded is not None:
            out.update(_bounded_json(self.bounded))
        if self.lump_sum is not None:
            out.update(self.lump_sum.to_json())
        if self.retirement is not None:
            out["retirement_age"] = self.retirement.age
            out["retirement_age_reached_on"] = self.retirement.reached_on.isoformat()
            out["first_pension_month"] = _month(self.retirement.first_pension_month)
            out["deferred_months"] = self.deferred_months
        return self.explained(out)


def _bounded_json(bounded: Bounded) -> dict[str, object]:
    return {
        "monthly_benefit": bounded.benefit,
        "formula_benefit": bounded.formula,
        "minimum": bounded.minimum,
        "maximum": bounded.maximum,
        "bound_applied": bounded.bound_applied,
    }


def jp_pension(
    retirement_month: date,
    contribution_months: int,
    average_indexed_monthly_wage: int,
    *,
    birth_date: date | None = None,
    wage_months_total: int | None = None,
    lump_sum_amount: int | None = None,
    contributions: Mapping[date, int] | None = None,
    development_rate: Decimal | None = None,
    table: ParamTable = data.TABLE,
    explanation: Explanation | None = None,
) -> JpPension:
    """The old-age pension starting in `retirement_month`: monthly from 180 contribution months
    (formula bounded by the min and max in force), else a lump sum.

    `wage_months_total` is the exact sum of indexed monthly wages when they were indexed one by
    one (index_wages); otherwise it is average x months.
    """
    start = _check_month("The retirement month", retirement_month)
    check_months("contribution_months", contribution_months)
    check_amount("average_indexed_monthly_wage", average_indexed_monthly_wage)
    steps = explanation if explanation is not None else Explanation()
    retirement: JpRetirementDate | None = None
    deferred: int | None = None
    if birth_date is not None:
        retirement = jp_retirement_date(birth_date, table=table, explanation=steps)
        if start < retirement.first_pension_month:
            raise RuleError(
                "before_retirement_age",
                en=f"The pension cannot start in {_month(start)}: the first pension month is "
                f"{_month(retirement.first_pension_month)}.",
                id=f"Manfaat tidak dapat mulai {_month(start)}: bulan pertama manfaat adalah "
                f"{_month(retirement.first_pension_month)}.",
            )
        if start > retirement.latest_start_month:
            raise RuleError(
                "deferral_too_long",
                en=f"The pension can be deferred to {_month(retirement.latest_start_month)} at the latest "
                "(3 years after retirement age).",
                id=f"Manfaat paling lama ditunda sampai {_month(retirement.latest_start_month)} "
                "(3 tahun setelah usia pensiun).",
            )
        deferred = month_index(start) - month_index(retirement.first_pension_month)
        if deferred:
            steps.add(
                "deferred_months",
                deferred,
                id=f"Manfaat ditunda {deferred} bulan karena tetap bekerja: dihitung dengan masa iur dan "
                f"batas yang berlaku saat mulai {_month(start)}, tanpa faktor kenaikan",
                en=f"Pension deferred {deferred} months while still employed: computed with the contribution "
                f"months and the bounds in force when it starts in {_month(start)}, with no increase factor",
                cite=f"{PP45} Pasal 15(4); the effect on the amount is a jamsos reading",
                provisional=True,
            )
    needed_row = table.at("jp_min_contribution_months", start)
    needed = needed_row.as_int()
    monthly = contribution_months >= needed
    steps.add(
        "kind",
        "monthly" if monthly else "lump_sum",
        id=f"Masa iur {contribution_months} bulan {'>=' if monthly else '<'} {needed} bulan: "
        + ("pensiun bulanan" if monthly else "manfaat sekaligus (akumulasi iuran + hasil pengembangan)"),
        en=f"Contribution period {contribution_months} months {'>=' if monthly else '<'} {needed} months: "
        + ("monthly pension" if monthly else "lump sum (accumulated contributions + development return)"),
        cite=needed_row,
    )
    if not monthly:
        lump = _lump_sum(lump_sum_amount, contributions, development_rate, start, steps)
        return JpPension(
            "lump_sum",
            start,
            contribution_months,
            average_indexed_monthly_wage,
            None,
            lump,
            retirement,
            deferred,
            steps,
        )
    wage_months = (
        wage_months_total
        if wage_months_total is not None
        else average_indexed_monthly_wage * contribution_months
    )
    formula = _formula(
        wage_months, contribution_months, start, table, steps, label=("pensiun hari tua", "old-age pension")
    )
    bounded = _bounded(formula, start, table, steps)
    return JpPension(
        "monthly",
        start,
        contribution_months,
        average_indexed_monthly_wage,
        bounded,
        None,
        retirement,
        deferred,
        steps,
    )


# -- disability and survivors ------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class MonthsUsed:
    months: int | None  # None: neither 180 months nor the deemed-period conditions: lump sum
    deemed: bool


def _months_used(
    contribution_months: int,
    membership_months: int,
    event_month: date,
    min_membership_name: str,
    table: ParamTable,
    steps: Explanation,
) -> MonthsUsed:
    check_months("contribution_months", contribution_months)
    check_months("membership_months", membership_months)
    if contribution_months > membership_months:
        raise RuleError(
            "invalid_input",
            en="contribution_months cannot exceed membership_months.",
            id="contribution_months tidak boleh melebihi membership_months.",
            field="contribution_months",
        )
    needed = table.at("jp_min_contribution_months", event_month).as_int()
    if contribution_months >= needed:
        return MonthsUsed(contribution_months, False)
    deemed_row = table.at("jp_deemed_months", event_month)
    membership_row = table.at(min_membership_name, event_month)
    density_row = table.at("jp_deemed_min_density", event_month)
    min_membership = membership_row.as_int()
    min_density = density_row.as_decimal()
    density = Fraction(contribution_months, membership_months) * 100 if membership_months else Fraction(0)
    deemed = membership_months >= min_membership and density >= Fraction(min_density)
    density_shown = Decimal(round_half_up(density * 100)) / 100
    steps.add(
        "deemed_period",
        deemed,
        id=f"Masa iur {contribution_months} < {needed} bulan; kepesertaan {membership_months} bulan "
        f"(minimal {min_membership}) dan kepadatan iur {pct_id(density_shown)} "
        f"(minimal {pct_id(min_density)}): "
        + (f"masa iur dihitung {deemed_row.as_int()} bulan" if deemed else "dibayar sekaligus"),
        en=f"Contribution period {contribution_months} < {needed} months; "
        f"membership {membership_months} months (at least {min_membership}) and contribution density "
        f"{pct_en(density_shown)} (at least {pct_en(min_density)}): "
        + (f"the period counts as {deemed_row.as_int()} months" if deemed else "paid as a lump sum"),
        cite=deemed_row,
        uses=(membership_row, density_row),
    )
    return MonthsUsed(deemed_row.as_int() if deemed else None, deemed)


@dataclass(frozen=True, slots=True)
class JpDisability(Explained):
    kind: PensionKind
    disability_month: date
    first_payment_month: date
    months_used: MonthsUsed
    bounded: Bounded | None
    lump_sum: LumpSum | None
    explanation: Explanation = field(compare=False)

    def to_json(self) -> dict[str, object]:
        out: dict[str, object] = {
            "kind": self.kind,
            "disability_month": _month(self.disability_month),
            "first_payment_month": _month(self.first_payment_month),
            "months_used": self.months_used.months,
            "deemed_period": self.months_used.deemed,
        }
        if self.bounded is not None:
            out.update(_bounded_json(self.bounded))
        if self.lump_sum is not None:
            out.update(self.lump_sum.to_json())
        return self.explained(out)


def jp_disability(
    disability_month: date,
    contribution_months: int,
    membership_months: int,
    average_indexed_monthly_wage: int,
    *,
    birth_date: date | None = None,
    lump_sum_amount: int | None = None,
    table: ParamTable = data.TABLE,
) -> JpDisability:
    """The disability pension for a total permanent disability before retirement age: the full
    formula, with the contribution period counted as 15 years when the deemed conditions hold."""
    event = _check_month("The disability month", disability_month)
    check_amount("average_indexed_monthly_wage", average_indexed_monthly_wage)
    steps = Explanation()
    if birth_date is not None:
        retirement = jp_retirement_date(birth_date, table=table, explanation=steps)
        if event >= retirement.first_pension_month:
            raise RuleError(
                "after_retirement_age",
                en="A disability pension is for a disability before retirement age; "
                "claim the old-age pension.",
                id="Pensiun cacat untuk cacat sebelum usia pensiun; ajukan pensiun hari tua.",
            )
    first_payment = add_months(event, 1)
    used = _months_used(
        contribution_months,
        membership_months,
        event,
        "jp_deemed_min_membership_months_disability",
        table,
        steps,
    )
    if used.months is None:
        lump = _lump_sum(lump_sum_amount, None, None, first_payment, steps)
        return JpDisability("lump_sum", event, first_payment, used, None, lump, steps)
    formula = _formula(
        average_indexed_monthly_wage * used.months,
        used.months,
        first_payment,
        table,
        steps,
        label=("pensiun cacat", "disability pension"),
    )
    bounded = _bounded(formula, first_payment, table, steps)
    return JpDisability("monthly", event, first_payment, used, bounded, None, steps)


Recipient = Literal["spouse", "children", "parent"]


@dataclass(frozen=True, slots=True)
class Survivors:
    spouse: bool = False
    children: int = 0  # eligible children: under the age limit, not working, not married
    parent: bool = False


@dataclass(frozen=True, slots=True)
class JpSurvivor(Explained):
    kind: PensionKind | Literal["none"]
    death_month: date
    first_payment_month: date
    recipient: Recipient | None
    share_percent: Decimal | None
    base: Bounded | None
    base_from_pension: bool
    months_used: MonthsUsed | None
    monthly_benefit: int | None
    per_child: tuple[int, ...]
    lump_sum: LumpSum | None
    explanation: Explanation = field(compare=False)

    def to_json(self) -> dict[str, object]:
        out: dict[str, object] = {
            "kind": self.kind,
            "death_month": _month(self.death_month),
            "first_payment_month": _month(self.first_payment_month),
            "recipient": self.recipient,
            "share_percent": str(self.share_percent) if self.share_percent is not None else None,
            "monthly_benefit": self.monthly_benefit,
            "base_benefit": self.base.benefit if self.base else None,
            "base_from_pension_in_payment": self.base_from_pension,
        }
        if self.months_used is not None:
            out["months_used"] = self.months_used.months
            out["deemed_period"] = self.months_used.deemed
        if self.base is not None and not self.base_from_pension:
            out["formula_benefit"] = self.base.formula
            out["bound_applied"] = self.base.bound_applied
        if self.per_child:
            out["per_child"] = list(self.per_child)
        if self.lump_sum is not None:
            out.update(self.lump_sum.to_json())
        return self.explained(out)


def jp_survivor(
    death_month: date,
    survivors: Survivors,
    *,
    pension_in_payment: int | None = None,
    contribution_months: int | None = None,
    membership_months: int | None = None,
    average_indexed_monthly_wage: int | None = None,
    lump_sum_amount: int | None = None,
    table: ParamTable = data.TABLE,
) -> JpSurvivor:
    """The survivor pension: to the widow/widower, else the children (at most two), else a parent.

    The base is the pension the deceased received (`pension_in_payment`), or, for a death before
    retirement, the formula with the deemed period, bounded by the min and max; the recipient gets
    its share of the base (survivor shares are provisional, rulebook §8 item 7).
    """
    event = _check_month("The death month", death_month)
    if survivors.children < 0:
        raise RuleError(
            "negative_amount",
            en="children cannot be negative.",
            id="children tidak boleh negatif.",
            field="children",
        )
    first_payment = add_months(event, 1)
    steps = Explanation()
    recipient: Recipient | None = None
    if survivors.spouse:
        recipient = "spouse"
    elif survivors.children > 0:
        recipient = "children"
    elif survivors.parent:
        recipient = "parent"
    words = {
        "spouse": ("janda/duda", "the widow/widower"),
        "children": ("anak", "the children"),
        "parent": ("orang tua (peserta lajang)", "a parent (unmarried participant)"),
        None: ("tidak ada ahli waris penerima pensiun", "no survivor entitled to a pension"),
    }[recipient]
    steps.add(
        "recipient",
        recipient,
        id=f"Penerima manfaat: {words[0]} (urutan: janda/duda, lalu anak, lalu orang tua)",
        en=f"Recipient: {words[1]} (order: widow/widower, then children, then a parent)",
        cite=f"{PP45} Pasal 16, 20-23 (rulebook §3.2 [H] for the recipients)",
    )
    if recipient is None:
        return JpSurvivor("none", event, first_payment, None, None, None, False, None, None, (), None, steps)

    months_used: MonthsUsed | None = None
    if pension_in_payment is not None:
        check_amount("pension_in_payment", pension_in_payment)
        base = Bounded(pension_in_payment, pension_in_payment, 0, 0, None)
        steps.add(
            "base_benefit",
            pension_in_payment,
            id=f"Peserta meninggal saat menerima pensiun: dasar {rp_id(pension_in_payment)} per bulan",
            en=f"The participant died while receiving a pension: base {rp_en(pension_in_payment)} a month",
            cite=f"{PP45} Pasal 17 (rulebook §3.2)",
        )
    else:
        if contribution_months is None or membership_months is None or average_indexed_monthly_wage is None:
            raise RuleError(
                "missing_input",
                en="Give pension_in_payment, or contribution_months, membership_months and "
                "average_indexed_monthly_wage.",
                id="Isi pension_in_payment, atau contribution_months, membership_months dan "
                "average_indexed_monthly_wage.",
            )
        check_amount("average_indexed_monthly_wage", average_indexed_monthly_wage)
        months_used = _months_used(
            contribution_months,
            membership_months,
            event,
            "jp_deemed_min_membership_months_death",
            table,
            steps,
        )
        if months_used.months is None:
            lump = _lump_sum(lump_sum_amount, None, None, first_payment, steps)
            return JpSurvivor(
                "lump_sum",
                event,
                first_payment,
                recipient,
                None,
                None,
                False,
                months_used,
                None,
                (),
                lump,
                steps,
            )
        formula = _formula(
            average_indexed_monthly_wage * months_used.months,
            months_used.months,
            first_payment,
            table,
            steps,
            label=("dasar pensiun ahli waris", "survivor base"),
        )
        base = _bounded(formula, first_payment, table, steps, key="base_benefit")

    share_row = table.at(f"jp_share_{'spouse' if recipient == 'spouse' else recipient}", first_payment)
    share = share_row.as_decimal()
    per_child: tuple[int, ...] = ()
    if recipient == "children":
        max_row = table.at("jp_max_children", first_payment)
        count = min(survivors.children, max_row.as_int())
        # The children's share is split equally and each child's line is rounded half-up.
        each = percent(base.benefit, share, count)
        per_child = (each,) * count
        benefit = each * count
        steps.add(
            "monthly_benefit",
            benefit,
            id=f"Pensiun anak: {pct_id(share)} x {rp_id(base.benefit)} dibagi rata untuk {count} anak "
            f"(paling banyak {max_row.as_int()}): {rp_id(each)} per anak",
            en=f"Child pension: {pct_en(share)} x {rp_en(base.benefit)} split equally between {count} "
            f"children (at most {max_row.as_int()}): {rp_en(each)} each",
            cite=share_row,
            uses=(max_row,),
        )
    else:
        benefit = percent(base.benefit, share)
        steps.add(
            "monthly_benefit",
            benefit,
            id=f"Pensiun {words[0]}: {pct_id(share)} x {rp_id(base.benefit)}",
            en=f"Pension for {words[1]}: {pct_en(share)} x {rp_en(base.benefit)}",
            cite=share_row,
        )
    return JpSurvivor(
        "monthly",
        event,
        first_payment,
        recipient,
        share,
        base,
        pension_in_payment is not None,
        months_used,
        benefit,
        per_child,
        None,
        steps,
    )


# -- indexation in payment ---------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class IndexedYear:
    year: int
    inflation_year: int
    inflation: Decimal
    assumed: bool
    benefit: int

    def to_json(self) -> dict[str, object]:
        return {
            "year": self.year,
            "inflation_year": self.inflation_year,
            "inflation": str(self.inflation),
            "assumed": self.assumed,
            "monthly_benefit": self.benefit,
        }


@dataclass(frozen=True, slots=True)
class JpIndexation(Explained):
    first_year: int
    year: int
    start_benefit: int
    years: tuple[IndexedYear, ...]
    monthly_benefit: int
    explanation: Explanation = field(compare=False)

    def to_json(self) -> dict[str, object]:
        return self.explained(
            {
                "first_year": self.first_year,
                "year": self.year,
                "start_benefit": self.start_benefit,
                "monthly_benefit": self.monthly_benefit,
                "years": [row.to_json() for row in self.years],
            }
        )


def jp_index_benefit(
    monthly_benefit: int,
    first_year: int,
    year: int,
    *,
    assumed_inflation: Decimal | None = None,
    table: ParamTable = data.TABLE,
) -> JpIndexation:
    """A pension in payment in `year`: each year after the first is the previous year's benefit x
    (1 + the previous year's general inflation), rounded half-up (Pasal 17(1)b, 17(4))."""
    check_amount("monthly_benefit", monthly_benefit)
    _check_inflation(assumed_inflation)
    if first_year < data.JP_START.year:
        raise _before_start("The first year", date(max(first_year, 1), 12, 31))
    if year < first_year:
        raise RuleError(
            "invalid_period",
            en=f"The year {year} is before the pension's first year {first_year}.",
            id=f"Tahun {year} sebelum tahun pertama pensiun {first_year}.",
        )
    if year - first_year > MAX_YEARS:
        raise RuleError(
            "invalid_period", en=f"At most {MAX_YEARS} years.", id=f"Paling lama {MAX_YEARS} tahun."
        )
    steps = Explanation()
    steps.add(
        "start_benefit",
        monthly_benefit,
        id=f"Manfaat tahun pertama ({first_year}) menurut formula: {rp_id(monthly_benefit)}",
        en=f"First-year ({first_year}) benefit from the formula: {rp_en(monthly_benefit)}",
        cite=f"{PP45} Pasal 17(1)a",
    )
    benefit = monthly_benefit
    rows: list[IndexedYear] = []
    for current in range(first_year + 1, year + 1):
        rate, row = _inflation(current - 1, assumed_inflation, table)
        benefit = percent(benefit, 100 + rate)
        rows.append(IndexedYear(current, current - 1, rate, row is None, benefit))
        steps.add(
            f"benefit_{current}",
            benefit,
            id=f"Manfaat {current} = manfaat {current - 1} x (1 + inflasi {current - 1} {pct_id(rate)})"
            + (" (asumsi)" if row is None else ""),
            en=f"Benefit {current} = benefit {current - 1} x (1 + inflation {current - 1} {pct_en(rate)})"
            + (" (assumed)" if row is None else ""),
            cite=row if row is not None else f"{PP45} Pasal 17(4); inflation assumed by the caller",
            provisional=row is None,
        )
    return JpIndexation(first_year, year, monthly_benefit, tuple(rows), benefit, steps)


# -- rules eval kinds --------------------------------------------------------------------------


def _optional_amount(inputs: Inputs, name: str) -> int | None:
    return read_amount(inputs, name) if inputs.has(name) else None


def _optional_percent(inputs: Inputs, name: str) -> Decimal | None:
    return inputs.percent(name, bounded=False) if inputs.has(name) else None


def _months_input(inputs: Inputs, name: str) -> int:
    return inputs.integer(name, minimum=None, maximum=10_000)


def _monthly_amounts(inputs: Inputs, name: str, amount_name: str) -> dict[date, int]:
    amounts: dict[date, int] = {}
    for index, item in enumerate(inputs.list_of(name)):
        line = inputs.nested(item, f"{name}[{index}]")
        month = line.month("month")
        if month in amounts:
            raise RuleError(
                "invalid_input",
                en=f"{name}: the month {_month(month)} appears twice.",
                id=f"{name}: bulan {_month(month)} muncul dua kali.",
                field=name,
            )
        amounts[month] = read_amount(line, amount_name)
    return amounts


def _evaluate_retirement_age(inputs: Inputs) -> dict[str, object]:
    """Kind `jp_retirement_age` (docs/rules/jp.md)."""
    if inputs.has("birth_date") and not inputs.has("year"):
        return jp_retirement_date(inputs.date("birth_date")).to_json()
    return jp_retirement_age(inputs.integer("year", minimum=None, maximum=9998)).to_json()


def _evaluate_pension(inputs: Inputs) -> dict[str, object]:
    """Kind `jp_pension` (docs/rules/jp.md)."""
    retirement_month = inputs.month("retirement_month")
    steps = Explanation()
    wage_months_total: int | None = None
    if inputs.has("wage_history"):
        _check_month("The retirement month", retirement_month)
        wages = _monthly_amounts(inputs, "wage_history", "wage")
        indexed = index_wages(
            wages,
            retirement_month.year,
            steps,
            assumed_inflation=_optional_percent(inputs, "assumed_inflation"),
        )
        months = (
            _months_input(inputs, "contribution_months")
            if inputs.has("contribution_months")
            else indexed.months
        )
        if months != indexed.months:
            raise RuleError(
                "invalid_input",
                en="contribution_months differs from the number of months in wage_history.",
                id="contribution_months berbeda dari jumlah bulan di wage_history.",
                field="contribution_months",
            )
        average, wage_months_total = indexed.average, indexed.total
    else:
        months = _months_input(inputs, "contribution_months")
        average = read_amount(inputs, "average_indexed_monthly_wage")
    contributions = (
        _monthly_amounts(inputs, "contributions", "amount") if inputs.has("contributions") else None
    )
    return jp_pension(
        retirement_month,
        months,
        average,
        birth_date=inputs.optional_date("birth_date"),
        wage_months_total=wage_months_total,
        lump_sum_amount=_optional_amount(inputs, "lump_sum_amount"),
        contributions=contributions,
        development_rate=_optional_percent(inputs, "development_rate"),
        explanation=steps,
    ).to_json()


def _evaluate_disability(inputs: Inputs) -> dict[str, object]:
    """Kind `jp_disability` (docs/rules/jp.md)."""
    return jp_disability(
        inputs.month("disability_month"),
        _months_input(inputs, "contribution_months"),
        _months_input(inputs, "membership_months"),
        read_amount(inputs, "average_indexed_monthly_wage"),
        birth_date=inputs.optional_date("birth_date"),
        lump_sum_amount=_optional_amount(inputs, "lump_sum_amount"),
    ).to_json()


def _evaluate_survivor(inputs: Inputs) -> dict[str, object]:
    """Kind `jp_survivor` (docs/rules/jp.md)."""
    found = inputs.nested(inputs.raw("survivors"), "survivors")
    spouse = found.has("spouse") and check_boolean("survivors.spouse", found.raw("spouse"))
    parent = found.has("parent") and check_boolean("survivors.parent", found.raw("parent"))
    survivors = Survivors(
        spouse=spouse,
        children=found.integer("children", minimum=None, maximum=100) if found.has("children") else 0,
        parent=parent,
    )
    return jp_survivor(
        inputs.month("death_month"),
        survivors,
        pension_in_payment=_optional_amount(inputs, "pension_in_payment"),
        contribution_months=_months_input(inputs, "contribution_months")
        if inputs.has("contribution_months")
        else None,
        membership_months=_months_input(inputs, "membership_months")
        if inputs.has("membership_months")
        else None,
        average_indexed_monthly_wage=_optional_amount(inputs, "average_indexed_monthly_wage"),
        lump_sum_amount=_optional_amount(inputs, "lump_sum_amount"),
    ).to_json()


def _evaluate_indexation(inputs: Inputs) -> dict[str, object]:
    """Kind `jp_indexation` (docs/rules/jp.md)."""
    return jp_index_benefit(
        read_amount(inputs, "monthly_benefit"),
        inputs.integer("first_year", minimum=None, maximum=9998),
        inputs.integer("year", minimum=None, maximum=9998),
        assumed_inflation=_optional_percent(inputs, "assumed_inflation"),
    ).to_json()


EVAL_KINDS: dict[str, Callable[[Inputs], dict[str, object]]] = {
    "jp_retirement_age": _evaluate_retirement_age,
    "jp_pension": _evaluate_pension,
    "jp_disability": _evaluate_disability,
    "jp_survivor": _evaluate_survivor,
    "jp_indexation": _evaluate_indexation,
}

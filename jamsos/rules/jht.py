"""JHT (Jaminan Hari Tua): balance projection, claim eligibility, claim amount and lump-sum tax."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from typing import Literal
from zoneinfo import ZoneInfo

from jamsos.rules.calendar import add_months, anniversary
from jamsos.rules.data import contributions as contribution_data
from jamsos.rules.data import jht as data
from jamsos.rules.errors import RuleError
from jamsos.rules.explain import Condition, Explained, Explanation, record
from jamsos.rules.inputs import MAX_MONEY, Inputs
from jamsos.rules.money import pct_en, pct_id, percent, rp_en, rp_id
from jamsos.rules.params import Param, ParamTable

JAKARTA = ZoneInfo("Asia/Jakarta")
MAX_PROJECTION_YEARS = 100

PP46 = "PP 46/2015"
CONVENTION = (
    "jamsos convention (rulebook, 'Conventions'): development return credited on 31 December; "
    "Perdir 3/PERDIR.03/022023 [L]"
)

Reason = Literal[
    "retirement_age",
    "resignation",
    "termination",
    "contract_end",
    "bpu_stopped",
    "leaving_indonesia",
    "total_disability",
    "death",
    "partial_retirement",
    "partial_housing",
]
REASONS: tuple[Reason, ...] = (
    "retirement_age",
    "resignation",
    "termination",
    "contract_end",
    "bpu_stopped",
    "leaving_indonesia",
    "total_disability",
    "death",
    "partial_retirement",
    "partial_housing",
)
PARTIAL_REASONS: tuple[Reason, ...] = ("partial_retirement", "partial_housing")
_REASON_WORDS: dict[Reason, tuple[str, str]] = {
    "retirement_age": ("mencapai usia pensiun", "reaching retirement age"),
    "resignation": ("mengundurkan diri", "resignation"),
    "termination": ("pemutusan hubungan kerja (PHK)", "termination (PHK)"),
    "contract_end": ("berakhirnya PKWT", "end of a fixed-term contract (PKWT)"),
    "bpu_stopped": ("peserta BPU berhenti bekerja", "a self-employed (BPU) participant stops working"),
    "leaving_indonesia": ("meninggalkan Indonesia untuk selamanya", "leaving Indonesia permanently"),
    "total_disability": ("cacat total tetap", "total permanent disability"),
    "death": ("meninggal dunia", "death"),
    "partial_retirement": ("pengambilan sebagian 10 % (persiapan pensiun)", "partial 10 % (retirement)"),
    "partial_housing": ("pengambilan sebagian 30 % (perumahan)", "partial 30 % (housing)"),
}


# -- shared helpers (jp.py uses them too) ------------------------------------------------------


def check_amount(name: str, value: int) -> int:
    if value < 0:
        raise RuleError(
            "negative_amount",
            en=f"{name} cannot be negative (Rp {value:,}).",
            id=f"{name} tidak boleh negatif (Rp {value:,}).".replace(",", "."),
            field=name,
        )
    if value > MAX_MONEY:
        raise RuleError("invalid_input", en=f"{name} is too large.", id=f"{name} terlalu besar.", field=name)
    return value


def check_months(name: str, value: int) -> int:
    if value < 0:
        raise RuleError(
            "negative_months",
            en=f"{name} cannot be negative ({value}).",
            id=f"{name} tidak boleh negatif ({value}).",
            field=name,
        )
    if value > 1200:
        raise RuleError(
            "invalid_input",
            en=f"{name} is more than 100 years.",
            id=f"{name} lebih dari 100 tahun.",
            field=name,
        )
    return value


def check_rate(name: str, value: Decimal) -> Decimal:
    if not value.is_finite() or value < 0 or value > 100:
        raise RuleError(
            "invalid_rate",
            en=f"{name} must be a percentage from 0 to 100 ({value}).",
            id=f"{name} harus persentase 0 sampai 100 ({value}).",
            field=name,
        )
    return value


def yearly_return(weighted: int, rate_percent: Decimal) -> int:
    """weighted (rupiah x months) x rate / 100 / 12, rounded half-up: one rounding per account-year."""
    return percent(weighted, rate_percent, 12)


def read_amount(inputs: Inputs, name: str) -> int:
    """Whole rupiah; the sign is checked by the rule so a negative gets its own code."""
    return inputs.integer(name, minimum=None, maximum=MAX_MONEY)


def jakarta_today() -> date:
    # The engine has no clock of its own: a case may give the date; else Jakarta's date.
    return datetime.now(JAKARTA).date()


# -- projection --------------------------------------------------------------------------------


RateBasis = Literal["credited", "assumed_row", "input", "assumed_future"]


@dataclass(frozen=True, slots=True)
class CreditRate:
    """The rate used for one year and where it came from."""

    year: int
    rate: Decimal
    basis: RateBasis
    row: Param[object] | None
    provisional: bool


def credited_rate(
    year: int,
    *,
    assumed_rate: Decimal | None = None,
    overrides: Mapping[int, Decimal] | None = None,
    table: ParamTable = data.TABLE,
) -> CreditRate:
    """The JHT development rate for `year`: the caller's override, the row for that year, or
    for a year after the last row the assumed rate (default: the last row's rate)."""
    if overrides and year in overrides:
        return CreditRate(year, check_rate(f"rates[{year}]", overrides[year]), "input", None, False)
    row = table.in_year("jht_credit_rate", year)
    if row is not None:
        basis: RateBasis = "assumed_row" if row.provisional else "credited"
        return CreditRate(year, row.as_decimal(), basis, row, row.provisional)
    series = table.series("jht_credit_rate")
    last = series[-1]
    if year > last.valid_from.year:
        rate = assumed_rate if assumed_rate is not None else last.as_decimal()
        return CreditRate(year, check_rate("assumed_rate", rate), "assumed_future", None, True)
    first = series[0].valid_from.year
    raise RuleError(
        "jht_rate_unknown",
        en=f"No credited JHT rate is known for {year} (the table starts in {first}); give it in 'rates'.",
        id=f"Imbal hasil JHT {year} tidak diketahui (tabel mulai {first}); isi di 'rates'.",
        year=year,
    )


@dataclass(frozen=True, slots=True)
class JhtYear:
    """One year (or part of one) of a projection, credited at its end."""

    year: int
    first_month: int
    last_month: int
    opening: int
    contributions: int
    weighted: int
    rate: Decimal
    rate_basis: RateBasis
    development_return: int
    closing: int
    provisional: bool

    def to_json(self) -> dict[str, object]:
        return {
            "year": self.year,
            "months": [self.first_month, self.last_month],
            "opening": self.opening,
            "contributions": self.contributions,
            "weighted_balance": self.weighted,
            "rate": str(self.rate),
            "rate_basis": self.rate_basis,
            "development_return": self.development_return,
            "closing": self.closing,
            "provisional": self.provisional,
        }


@dataclass(frozen=True, slots=True)
class JhtProjection(Explained):
    start_month: date
    end_month: date
    opening_balance: int
    years: tuple[JhtYear, ...]
    total_contributions: int
    total_returns: int
    closing_balance: int
    explanation: Explanation = field(compare=False)

    def to_json(self) -> dict[str, object]:
        return self.explained(
            {
                "start_month": self.start_month.isoformat()[:7],
                "end_month": self.end_month.isoformat()[:7],
                "opening_balance": self.opening_balance,
                "closing_balance": self.closing_balance,
                "total_contributions": self.total_contributions,
                "total_returns": self.total_returns,
                "years": [year.to_json() for year in self.years],
            }
        )


def _wage_path_contributions(
    start: date,
    end: date,
    monthly_wage: int,
    growth: Decimal,
    rates: ParamTable,
    explanation: Explanation,
) -> dict[date, int]:
    contributions: dict[date, int] = {}
    wage = monthly_wage
    for year in range(start.year, end.year + 1):
        if year > start.year:
            wage = percent(wage, 100 + growth)
        first = start.month if year == start.year else 1
        last = end.month if year == end.year else 12
        for month in range(first, last + 1):
            day = date(year, month, 1)
            employer = rates.at(contribution_data.JHT_RATE_EMPLOYER, day)
            worker = rates.at(contribution_data.JHT_RATE_WORKER, day)
            employer_rate, worker_rate = employer.as_decimal(), worker.as_decimal()
            employer_amount = percent(wage, employer_rate)
            worker_amount = percent(wage, worker_rate)
            contributions[day] = employer_amount + worker_amount
            if month == first:
                explanation.add(
                    f"contribution_{year}",
                    contributions[day],
                    id=(
                        f"Iuran JHT per bulan {year}: {pct_id(employer_rate)} x {rp_id(wage)} "
                        f"(pemberi kerja) + {pct_id(worker_rate)} x {rp_id(wage)} (pekerja) = "
                        f"{rp_id(employer_amount)} + {rp_id(worker_amount)}; upah naik "
                        f"{pct_id(growth)} per tahun"
                    ),
                    en=(
                        f"JHT contribution per month in {year}: {pct_en(employer_rate)} x "
                        f"{rp_en(wage)} (employer) + {pct_en(worker_rate)} x {rp_en(wage)} "
                        f"(worker) = {rp_en(employer_amount)} + {rp_en(worker_amount)}; wage grows "
                        f"{pct_en(growth)} a year"
                    ),
                    cite=employer,
                    uses=(worker,),
                )
    return contributions


def project_jht_balance(
    *,
    opening_balance: int,
    start_month: date,
    end_month: date,
    monthly_wage: int = 0,
    wage_growth_percent: Decimal = Decimal(0),
    contributions: Mapping[date, int] | None = None,
    assumed_rate_percent: Decimal | None = None,
    rate_overrides: Mapping[int, Decimal] | None = None,
    table: ParamTable = data.TABLE,
    contribution_rates: ParamTable = contribution_data.TABLE,
) -> JhtProjection:
    """The JHT balance from the start of `start_month` to the end of `end_month`.

    Contributions come either from `contributions` (month -> amount, e.g. the ledger) or from a
    wage path (`monthly_wage` in the first year, growing by `wage_growth_percent` each January,
    at the JHT contribution rates in force in the contribution tables). Each year, and a last
    part-year, is credited at its end: opening x rate x months covered / 12 + each contribution
    x rate x months left after its month / 12, rounded half-up once.
    """
    check_amount("opening_balance", opening_balance)
    check_amount("monthly_wage", monthly_wage)
    if not wage_growth_percent.is_finite() or not Decimal(-100) < wage_growth_percent <= 100:
        raise RuleError(
            "invalid_rate",
            en="wage_growth must be above -100 % and at most 100 %.",
            id="wage_growth harus di atas -100 % dan paling tinggi 100 %.",
            field="wage_growth",
        )
    if assumed_rate_percent is not None:
        check_rate("assumed_rate", assumed_rate_percent)
    start = start_month.replace(day=1)
    end = end_month.replace(day=1)
    if end < start:
        raise RuleError(
            "invalid_period",
            en=f"The end month {end.isoformat()[:7]} is before the start month {start.isoformat()[:7]}.",
            id=f"Bulan akhir {end.isoformat()[:7]} sebelum bulan awal {start.isoformat()[:7]}.",
        )
    if end.year - start.year >= MAX_PROJECTION_YEARS:
        raise RuleError(
            "invalid_period",
            en=f"A projection covers at most {MAX_PROJECTION_YEARS} years.",
            id=f"Proyeksi paling lama {MAX_PROJECTION_YEARS} tahun.",
        )
    explanation = Explanation()
    explanation.add(
        "opening_balance",
        opening_balance,
        id=f"Saldo awal pada awal {start.isoformat()[:7]}: {rp_id(opening_balance)}",
        en=f"Opening balance at the start of {start.isoformat()[:7]}: {rp_en(opening_balance)}",
        cite=f"{PP46}: JHT = accumulated contributions + development return",
    )
    if contributions is not None:
        if monthly_wage:
            raise RuleError(
                "invalid_input",
                en="Give either contributions or monthly_wage, not both.",
                id="Isi contributions atau monthly_wage, bukan keduanya.",
            )
        posted: dict[date, int] = {}
        for month, amount in contributions.items():
            day = month.replace(day=1)
            if not start <= day <= end:
                raise RuleError(
                    "invalid_period",
                    en=f"The contribution of {day.isoformat()[:7]} is outside the projection.",
                    id=f"Iuran bulan {day.isoformat()[:7]} di luar periode proyeksi.",
                )
            posted[day] = posted.get(day, 0) + check_amount(f"contributions[{day.isoformat()[:7]}]", amount)
    elif monthly_wage:
        posted = _wage_path_contributions(
            start, end, monthly_wage, wage_growth_percent, contribution_rates, explanation
        )
    else:
        posted = {}

    balance = opening_balance
    years: list[JhtYear] = []
    for year in range(start.year, end.year + 1):
        first = start.month if year == start.year else 1
        last = end.month if year == end.year else 12
        paid = [(month, posted.get(date(year, month, 1), 0)) for month in range(first, last + 1)]
        paid_total = sum(amount for _, amount in paid)
        weighted = balance * (last - first + 1) + sum(amount * (last - month) for month, amount in paid)
        rate = credited_rate(year, assumed_rate=assumed_rate_percent, overrides=rate_overrides, table=table)
        development = yearly_return(weighted, rate.rate)
        closing = balance + paid_total + development
        words_id = {
            "credited": "imbal hasil yang dibukukan BPJS",
            "assumed_row": "imbal hasil belum diketahui, diasumsikan (baris sementara)",
            "input": "imbal hasil dari masukan",
            "assumed_future": "imbal hasil masa depan yang diasumsikan",
        }[rate.basis]
        words_en = {
            "credited": "return credited by BPJS",
            "assumed_row": "return not found, assumed (provisional row)",
            "input": "return given as input",
            "assumed_future": "assumed future return",
        }[rate.basis]
        part_year = last != 12
        explanation.add(
            f"return_{year}",
            development,
            id=(
                f"Hasil pengembangan {year} ({words_id} {pct_id(rate.rate)}): ({rp_id(balance)} x "
                f"{last - first + 1} bulan + tiap iuran x sisa bulan setelah bulan iurnya = "
                f"{rp_id(weighted)}-bulan) x {pct_id(rate.rate)} / 12, dibulatkan"
                + (f"; dihitung sampai akhir bulan {last}" if part_year else "")
            ),
            en=(
                f"Development return {year} ({words_en} {pct_en(rate.rate)}): ({rp_en(balance)} x "
                f"{last - first + 1} months + each contribution x months left after its month = "
                f"{rp_en(weighted)}-months) x {pct_en(rate.rate)} / 12, rounded half-up"
                + (f"; credited pro rata at the end of month {last}" if part_year else "")
            ),
            cite=rate.row if rate.row is not None else CONVENTION,
            # A part-year at the end extends the year-end convention the way a claim would.
            provisional=rate.provisional or part_year,
        )
        explanation.add(
            f"closing_{year}",
            closing,
            id=f"Saldo akhir {year}: {rp_id(balance)} + iuran {rp_id(paid_total)} + {rp_id(development)}",
            en=f"Closing balance {year}: {rp_en(balance)} + contributions {rp_en(paid_total)} + "
            f"{rp_en(development)}",
            cite=CONVENTION,
        )
        years.append(
            JhtYear(
                year=year,
                first_month=first,
                last_month=last,
                opening=balance,
                contributions=paid_total,
                weighted=weighted,
                rate=rate.rate,
                rate_basis=rate.basis,
                development_return=development,
                closing=closing,
                provisional=rate.provisional or part_year,
            )
        )
        balance = closing
    return JhtProjection(
        start_month=start,
        end_month=end,
        opening_balance=opening_balance,
        years=tuple(years),
        total_contributions=sum(row.contributions for row in years),
        total_returns=sum(row.development_return for row in years),
        closing_balance=balance,
        explanation=explanation,
    )


# -- eligibility -------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class MemberFacts:
    """What is known about the member; a reason reads only the facts it needs."""

    birth_date: date | None = None
    contract_retirement_age: int | None = None
    separation_date: date | None = None
    membership_start: date | None = None
    still_working: bool = True
    partial_withdrawals: int = 0
    leaving_permanently: bool = False
    disability_date: date | None = None
    death_date: date | None = None


@dataclass(frozen=True, slots=True)
class JhtEligibility(Explained):
    reason: Reason
    as_of: date
    eligible: bool
    earliest_date: date | None
    share_percent: Decimal
    conditions: tuple[Condition, ...]
    explanation: Explanation = field(compare=False)

    def to_json(self) -> dict[str, object]:
        return self.explained(
            {
                "reason": self.reason,
                "as_of": self.as_of.isoformat(),
                "eligible": self.eligible,
                "earliest_date": self.earliest_date.isoformat() if self.earliest_date else None,
                "share_percent": str(self.share_percent),
                "conditions": [condition.to_dated_json() for condition in self.conditions],
            }
        )


def _need(value: date | None, name: str, reason: str) -> date:
    if value is None:
        raise RuleError(
            "missing_input",
            en=f"The reason {reason} needs {name}.",
            id=f"Alasan {reason} memerlukan {name}.",
            field=name,
        )
    return value


def _dated(key: str, when: date, as_of: date, id: str, en: str, cite: str | Param[object]) -> Condition:
    return Condition(key, as_of >= when, id, en, cite, earliest_date=when)


def _as_reason(reason: str) -> Reason:
    for known in REASONS:
        if known == reason:
            return known
    raise _unknown_reason(reason)


def _unknown_reason(reason: str) -> RuleError:
    allowed = ", ".join(REASONS)
    return RuleError(
        "unknown_reason",
        en=f"Unknown JHT claim reason {reason!r}; known reasons: {allowed}.",
        id=f"Alasan klaim JHT {reason!r} tidak dikenal; alasan yang ada: {allowed}.",
        field="reason",
    )


def _partial_share_row(reason: Reason, table: ParamTable, on: date) -> Param[object]:
    name = "jht_partial_share_housing" if reason == "partial_housing" else "jht_partial_share_retirement"
    return table.at(name, on)


def _retirement_conditions(facts: MemberFacts, as_of: date, table: ParamTable) -> list[Condition]:
    birth = _need(facts.birth_date, "birth_date", "retirement_age")
    age_row = table.at("jht_retirement_age", as_of)
    age = age_row.as_int()
    cite: str | Param[object] = age_row
    if facts.contract_retirement_age is not None:
        age = facts.contract_retirement_age
        if not 18 <= age <= 100:
            raise RuleError(
                "invalid_input",
                en="contract_retirement_age must be from 18 to 100.",
                id="contract_retirement_age harus 18 sampai 100.",
                field="contract_retirement_age",
            )
        cite = "Permenaker 4/2022 Pasal 6(1), 7: the pension age of the contract, company regulation or PKB"
    reached = anniversary(birth, age)
    return [
        _dated(
            "age_reached",
            reached,
            as_of,
            f"Usia pensiun {age} tahun tercapai pada {reached.isoformat()}",
            f"Retirement age {age} is reached on {reached.isoformat()}",
            cite,
        )
    ]


def _separation_conditions(
    reason: Reason, facts: MemberFacts, as_of: date, table: ParamTable
) -> list[Condition]:
    left = _need(facts.separation_date, "separation_date", reason)
    words_id, words_en = _REASON_WORDS[reason]
    if reason in ("contract_end", "bpu_stopped"):
        return [
            _dated(
                "separated",
                left,
                as_of,
                f"Tanggal {words_id}: {left.isoformat()}; tanpa masa tunggu",
                f"Date of {words_en}: {left.isoformat()}; no waiting period",
                "Permenaker 4/2022 Pasal 6(2) (rulebook §3.1 [H])",
            )
        ]
    wait_row = table.at("jht_waiting_months", as_of)
    wait = wait_row.as_int()
    waited = add_months(left, wait)
    return [
        _dated(
            "separated",
            left,
            as_of,
            f"Tanggal {words_id}: {left.isoformat()}",
            f"Date of {words_en}: {left.isoformat()}",
            "Permenaker 4/2022 Pasal 8-11 (rulebook §3.1 [H])",
        ),
        _dated(
            "waiting_period",
            waited,
            as_of,
            f"Masa tunggu {wait} bulan sejak {left.isoformat()} selesai pada {waited.isoformat()}",
            f"The {wait}-month waiting period from {left.isoformat()} ends on {waited.isoformat()}",
            wait_row,
        ),
    ]


def _partial_conditions(
    reason: Reason, facts: MemberFacts, as_of: date, table: ParamTable
) -> list[Condition]:
    start = _need(facts.membership_start, "membership_start", reason)
    if facts.partial_withdrawals < 0:
        raise RuleError(
            "invalid_input",
            en="partial_withdrawals cannot be negative.",
            id="partial_withdrawals tidak boleh negatif.",
            field="partial_withdrawals",
        )
    years_row = table.at("jht_partial_min_years", as_of)
    once_row = table.at("jht_partial_max_withdrawals", as_of)
    years = years_row.as_int()
    allowed = once_row.as_int()
    member_for = anniversary(start, years)
    unused = facts.partial_withdrawals < allowed
    working = facts.still_working
    return [
        _dated(
            "membership_years",
            member_for,
            as_of,
            f"Kepesertaan {years} tahun sejak {start.isoformat()} tercapai pada {member_for.isoformat()}",
            f"{years} years of membership from {start.isoformat()} are reached on {member_for.isoformat()}",
            years_row,
        ),
        Condition(
            "still_working",
            working,
            "Masih bekerja (peserta aktif)"
            if working
            else "Sudah berhenti bekerja: ajukan klaim seluruh saldo",
            "Still working (active participant)" if working else "No longer working: claim the whole balance",
            _partial_share_row(reason, table, as_of),
            earliest_date=as_of if working else None,
        ),
        Condition(
            "once_only",
            unused,
            f"Pengambilan sebagian sebelumnya: {facts.partial_withdrawals}, paling banyak {allowed}",
            f"Earlier partial withdrawals: {facts.partial_withdrawals}, at most {allowed}",
            once_row,
            earliest_date=as_of if unused else None,
        ),
    ]


def _event_condition(reason: Reason, facts: MemberFacts, as_of: date) -> list[Condition]:
    words_id, words_en = _REASON_WORDS[reason]
    if reason == "leaving_indonesia":
        leaving = facts.leaving_permanently
        return [
            Condition(
                "leaving_permanently",
                leaving,
                "Meninggalkan Indonesia untuk selamanya (boleh sebelum atau sesudah berangkat)"
                if leaving
                else "Tidak dinyatakan meninggalkan Indonesia untuk selamanya",
                "Leaving Indonesia permanently (claimable before or after leaving)"
                if leaving
                else "Not declared as leaving Indonesia permanently",
                "Permenaker 4/2022 Pasal 4-5 (rulebook §3.1 [H])",
                earliest_date=as_of if leaving else None,
            )
        ]
    if reason == "total_disability":
        when = _need(facts.disability_date, "disability_date", reason)
        heirs_id, heirs_en = "", ""
    else:
        when = _need(facts.death_date, "death_date", reason)
        heirs_id, heirs_en = "; dibayar kepada ahli waris", "; paid to the heirs"
    return [
        _dated(
            "event",
            when,
            as_of,
            f"{words_id.capitalize()} pada {when.isoformat()}{heirs_id}",
            f"{words_en.capitalize()} on {when.isoformat()}{heirs_en}",
            f"{PP46}; Permenaker 4/2022 (rulebook §3.1 [H])",
        )
    ]


def jht_claim_eligibility(
    reason: str,
    *,
    as_of: date,
    facts: MemberFacts | None = None,
    table: ParamTable = data.TABLE,
) -> JhtEligibility:
    """Whether `reason` lets the member claim JHT on `as_of`: each condition, and when it is met."""
    checked = _as_reason(reason)
    known = facts if facts is not None else MemberFacts()
    share = Decimal(100)
    if checked == "retirement_age":
        conditions = _retirement_conditions(known, as_of, table)
    elif checked in ("resignation", "termination", "contract_end", "bpu_stopped"):
        conditions = _separation_conditions(checked, known, as_of, table)
    elif checked in PARTIAL_REASONS:
        conditions = _partial_conditions(checked, known, as_of, table)
        share = _partial_share_row(checked, table, as_of).as_decimal()
    else:
        conditions = _event_condition(checked, known, as_of)

    eligible = all(condition.met for condition in conditions)
    dates = [condition.earliest_date for condition in conditions]
    earliest = max(day for day in dates if day is not None) if all(dates) else None
    explanation = Explanation()
    for condition in conditions:
        record(explanation, condition, prefix="")
    verdict_id = "memenuhi syarat" if eligible else "belum/tidak memenuhi syarat"
    verdict_en = "eligible" if eligible else "not eligible"
    when_id = (
        f"; paling cepat {earliest.isoformat()}" if earliest else "; tidak dapat dipenuhi dengan data ini"
    )
    when_en = f"; earliest {earliest.isoformat()}" if earliest else "; cannot be met with these facts"
    explanation.add(
        "eligible",
        eligible,
        id=f"Klaim JHT karena {_REASON_WORDS[checked][0]} pada {as_of.isoformat()}: {verdict_id}{when_id}",
        en=f"JHT claim for {_REASON_WORDS[checked][1]} on {as_of.isoformat()}: {verdict_en}{when_en}",
        cite="Permenaker 4/2022; PP 46/2015 as amended by PP 60/2015",
    )
    return JhtEligibility(
        reason=checked,
        as_of=as_of,
        eligible=eligible,
        earliest_date=earliest,
        share_percent=share,
        conditions=tuple(conditions),
        explanation=explanation,
    )


# -- tax and claim amount ----------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class TaxLine:
    lower: int
    upper: int | None
    rate: Decimal
    taxable: int
    tax: int

    def to_json(self) -> dict[str, object]:
        return {
            "from": self.lower,
            "to": self.upper,
            "rate": str(self.rate),
            "taxable": self.taxable,
            "tax": self.tax,
        }


@dataclass(frozen=True, slots=True)
class JhtTax(Explained):
    amount: int
    lines: tuple[TaxLine, ...]
    tax: int
    net: int
    explanation: Explanation = field(compare=False)

    def to_json(self) -> dict[str, object]:
        return self.explained(
            {
                "amount": self.amount,
                "tax": self.tax,
                "net": self.net,
                "brackets": [line.to_json() for line in self.lines],
            }
        )


def _brackets(row: Param[object]) -> tuple[tuple[int | None, Decimal], ...]:
    value = row.value
    if not isinstance(value, tuple):
        raise TypeError("jht_tax_brackets must hold a tuple of (upper, rate)")
    brackets: list[tuple[int | None, Decimal]] = []
    for item in value:
        if not (isinstance(item, tuple) and len(item) == 2):
            raise TypeError("jht_tax_brackets must hold (upper, rate) pairs")
        upper, rate = item
        if not (upper is None or isinstance(upper, int)) or not isinstance(rate, Decimal):
            raise TypeError("jht_tax_brackets must hold (int | None, Decimal) pairs")
        brackets.append((upper, rate))
    return tuple(brackets)


def jht_lump_sum_tax(
    amount: int, *, on: date, table: ParamTable = data.TABLE, explanation: Explanation | None = None
) -> JhtTax:
    """Final income tax on a JHT payment by marginal brackets, each line rounded half-up."""
    check_amount("amount", amount)
    steps = explanation if explanation is not None else Explanation()
    row = table.at("jht_tax_brackets", on)
    lines: list[TaxLine] = []
    lower = 0
    for upper, rate in _brackets(row):
        top = amount if upper is None else min(amount, upper)
        taxable = max(0, top - lower)
        tax = percent(taxable, rate)
        lines.append(TaxLine(lower, upper, rate, taxable, tax))
        bound_id = f"di atas {rp_id(lower)}" if upper is None else f"{rp_id(lower)} sampai {rp_id(upper)}"
        bound_en = f"above {rp_en(lower)}" if upper is None else f"{rp_en(lower)} to {rp_en(upper)}"
        steps.add(
            f"tax_bracket_{len(lines)}",
            tax,
            id=f"PPh final {pct_id(rate)} x {rp_id(taxable)} (bagian {bound_id})",
            en=f"Final income tax {pct_en(rate)} x {rp_en(taxable)} (the part {bound_en})",
            cite=row,
        )
        if upper is None:
            break
        lower = upper
    tax_total = sum(line.tax for line in lines)
    steps.add(
        "tax",
        tax_total,
        id=f"Jumlah pajak: {rp_id(tax_total)}; diterima bersih {rp_id(amount - tax_total)}",
        en=f"Total tax: {rp_en(tax_total)}; net paid {rp_en(amount - tax_total)}",
        cite=row,
    )
    return JhtTax(amount, tuple(lines), tax_total, amount - tax_total, steps)


@dataclass(frozen=True, slots=True)
class JhtClaim(Explained):
    reason: Reason
    claim_date: date
    balance: int
    share_percent: Decimal
    gross: int
    tax: JhtTax
    net: int
    channel: Literal["JMO", "branch"] | None
    explanation: Explanation = field(compare=False)

    def to_json(self) -> dict[str, object]:
        return self.explained(
            {
                "reason": self.reason,
                "claim_date": self.claim_date.isoformat(),
                "balance": self.balance,
                "share_percent": str(self.share_percent),
                "gross": self.gross,
                "tax": self.tax.tax,
                "net": self.net,
                "brackets": [line.to_json() for line in self.tax.lines],
                "channel": self.channel,
            }
        )


def jht_claim_amount(
    balance: int, reason: str, *, claim_date: date, table: ParamTable = data.TABLE
) -> JhtClaim:
    """What a claim pays: the full balance, or the partial share of it; the tax; the net."""
    checked = _as_reason(reason)
    check_amount("balance", balance)
    explanation = Explanation()
    explanation.add(
        "balance",
        balance,
        id=f"Saldo JHT pada {claim_date.isoformat()}: {rp_id(balance)}",
        en=f"JHT balance on {claim_date.isoformat()}: {rp_en(balance)}",
        cite=f"{PP46}: accumulated contributions + development return",
    )
    if checked in PARTIAL_REASONS:
        share_row = _partial_share_row(checked, table, claim_date)
        share = share_row.as_decimal()
        gross = percent(balance, share)
        explanation.add(
            "gross",
            gross,
            id=f"Pengambilan sebagian paling banyak {pct_id(share)} x {rp_id(balance)}",
            en=f"Partial withdrawal of at most {pct_en(share)} x {rp_en(balance)}",
            cite=share_row,
        )
    else:
        share = Decimal(100)
        gross = balance
        explanation.add(
            "gross",
            gross,
            id=f"Karena {_REASON_WORDS[checked][0]}: seluruh saldo dibayar sekaligus",
            en=f"For {_REASON_WORDS[checked][1]}: the whole balance is paid at once",
            cite="Permenaker 4/2022 (rulebook §3.1 [H])",
        )
    tax = jht_lump_sum_tax(gross, on=claim_date, table=table, explanation=explanation)
    channel: Literal["JMO", "branch"] | None = None
    limit_series = table.series("jmo_jht_limit")
    if claim_date >= limit_series[0].valid_from:
        limit_row = table.at("jmo_jht_limit", claim_date)
        limit = limit_row.as_int()
        channel = "JMO" if gross <= limit else "branch"
        online = channel == "JMO"
        explanation.add(
            "channel",
            channel,
            id=(
                f"{rp_id(gross)} {'tidak melebihi' if online else 'melebihi'} batas JMO {rp_id(limit)}: "
                f"klaim lewat {'aplikasi JMO' if online else 'Lapak Asik/kantor cabang'}"
            ),
            en=(
                f"{rp_en(gross)} is {'within' if online else 'above'} the JMO limit {rp_en(limit)}: "
                f"claim {'in the JMO app' if online else 'via Lapak Asik or a branch'}"
            ),
            cite=limit_row,
        )
    return JhtClaim(
        reason=checked,
        claim_date=claim_date,
        balance=balance,
        share_percent=share,
        gross=gross,
        tax=tax,
        net=gross - tax.tax,
        channel=channel,
        explanation=explanation,
    )


# -- rules eval kinds --------------------------------------------------------------------------


def _evaluate_projection(inputs: Inputs) -> dict[str, object]:
    """Kind `jht_projection` (docs/rules/jht.md)."""
    start = inputs.month("start_month")
    if inputs.has("end_month"):
        end = inputs.month("end_month")
    else:
        birth = inputs.date("birth_date")
        default_age = data.TABLE.at("jht_retirement_age", max(start, data.JHT_START)).as_int()
        age = (
            inputs.integer("target_age", minimum=18, maximum=100) if inputs.has("target_age") else default_age
        )
        end = anniversary(birth, age).replace(day=1)
    contributions: dict[date, int] | None = None
    if inputs.has("contributions"):
        contributions = {}
        for index, item in enumerate(inputs.list_of("contributions")):
            line = inputs.nested(item, f"contributions[{index}]")
            month = line.month("month")
            contributions[month] = contributions.get(month, 0) + read_amount(line, "amount")
    overrides: dict[int, Decimal] = {}
    if inputs.has("rates"):
        given = inputs.raw("rates")
        if not isinstance(given, Mapping):
            raise RuleError("invalid_input", en="rates: must be an object.", id="rates: harus objek.")
        rates = Inputs(given)
        for key in given:
            if not (isinstance(key, str) and key.isdigit() and len(key) == 4):
                raise RuleError(
                    "invalid_input", en="rates: keys are years (YYYY).", id="rates: kuncinya tahun (YYYY)."
                )
            overrides[int(key)] = rates.percent(key, bounded=False)
    projection = project_jht_balance(
        opening_balance=read_amount(inputs, "opening_balance") if inputs.has("opening_balance") else 0,
        start_month=start,
        end_month=end,
        monthly_wage=read_amount(inputs, "monthly_wage") if inputs.has("monthly_wage") else 0,
        wage_growth_percent=inputs.percent("wage_growth", bounded=False)
        if inputs.has("wage_growth")
        else Decimal(0),
        contributions=contributions,
        assumed_rate_percent=inputs.percent("assumed_rate", bounded=False)
        if inputs.has("assumed_rate")
        else None,
        rate_overrides=overrides,
    )
    return projection.to_json()


def _evaluate_eligibility(inputs: Inputs) -> dict[str, object]:
    """Kind `jht_eligibility` (docs/rules/jht.md)."""
    reason = inputs.text("reason")
    _as_reason(reason)
    facts = MemberFacts(
        birth_date=inputs.optional_date("birth_date"),
        contract_retirement_age=inputs.optional_integer("contract_retirement_age"),
        separation_date=inputs.optional_date("separation_date"),
        membership_start=inputs.optional_date("membership_start"),
        still_working=inputs.boolean("still_working", True),
        partial_withdrawals=inputs.integer("partial_withdrawals", minimum=None)
        if inputs.has("partial_withdrawals")
        else 0,
        leaving_permanently=inputs.boolean("leaving_permanently", False),
        disability_date=inputs.optional_date("disability_date"),
        death_date=inputs.optional_date("death_date"),
    )
    as_of = inputs.date("as_of") if inputs.has("as_of") else jakarta_today()
    return jht_claim_eligibility(reason, as_of=as_of, facts=facts).to_json()


def _evaluate_tax(inputs: Inputs) -> dict[str, object]:
    """Kind `jht_tax` (docs/rules/jht.md)."""
    on = inputs.date("payment_date") if inputs.has("payment_date") else jakarta_today()
    return jht_lump_sum_tax(read_amount(inputs, "amount"), on=on).to_json()


def _evaluate_claim(inputs: Inputs) -> dict[str, object]:
    """Kind `jht_claim` (docs/rules/jht.md)."""
    reason = inputs.text("reason")
    on = inputs.date("claim_date") if inputs.has("claim_date") else jakarta_today()
    return jht_claim_amount(read_amount(inputs, "balance"), reason, claim_date=on).to_json()


def _evaluate_partial(inputs: Inputs) -> dict[str, object]:
    """Kind `jht_partial` (docs/rules/jht.md): a partial claim by purpose."""
    purpose = inputs.choice("purpose", ("retirement", "housing"))
    on = inputs.date("claim_date") if inputs.has("claim_date") else jakarta_today()
    return jht_claim_amount(read_amount(inputs, "balance"), f"partial_{purpose}", claim_date=on).to_json()


EVAL_KINDS: dict[str, Callable[[Inputs], dict[str, object]]] = {
    "jht_projection": _evaluate_projection,
    "jht_eligibility": _evaluate_eligibility,
    "jht_tax": _evaluate_tax,
    "jht_claim": _evaluate_claim,
    "jht_partial": _evaluate_partial,
}

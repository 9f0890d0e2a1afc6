"""Contributions of wage earners (PU) and non-wage earners (BPU): lines, totals, discounts, due dates.

Rulebook sections 1 and 2. Parameters come from `jamsos.rules.data.contributions`; they are
looked up once per (month, risk class, industry, programmes) and reused for every worker of
that employer-month, and each worker's explanation is built only when it is asked for.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from jamsos.rules import calendar
from jamsos.rules.calendar import DueDate, month_en, month_id
from jamsos.rules.data import contributions as data
from jamsos.rules.data.contributions import RISK_CLASSES as RISK_CLASSES
from jamsos.rules.data.contributions import next_jp_wage_cap as next_jp_wage_cap
from jamsos.rules.errors import RuleError
from jamsos.rules.explain import Explained, Explanation
from jamsos.rules.inputs import Inputs, check_boolean, check_money, invalid, whole_number
from jamsos.rules.money import fraction, pct_en, pct_id, percent, rp_en, rp_id
from jamsos.rules.params import Param

PU_PROGRAMS = ("JKK", "JKM", "JHT", "JP")
BPU_PROGRAMS = ("JKK", "JKM", "JHT")
WAGE_BASES = ("monthly", "daily", "piece_rate", "weather_piece_rate")
_AVERAGED_BASES = {
    "piece_rate": data.PIECE_RATE_MONTHS,
    "weather_piece_rate": data.WEATHER_PIECE_RATE_MONTHS,
}

WAGE_DEFINITION = (
    "Perdir BPJS 22/PERDIR.02/072022 via PROBIS KEPESERTAAN p.15: basic wage + fixed allowances "
    "(rulebook §1.2 [H])"
)
MIN_WAGE_FLOOR = (
    "Perdir BPJS 22/PERDIR.02/072022 via PROBIS KEPESERTAAN p.15; BPJS Binjai, detak.co.id 27-01-2025: "
    "not below the UMK, or the UMP where no UMK is set (rulebook §1.2 [H])"
)
PROGRAM_CHOICE = (
    "programmes the employer takes part in: medium and large employers all of JKK, JKM, JHT, JP; "
    "micro and small at least JKK, JKM, JHT (PP 37/2021 Pasal 4; rulebook §1.1 [M])"
)
TOTALS = "jamsos convention: totals are sums of lines, each rounded half-up (rulebook, conventions)"

_RISK_ID = {
    "very_low": "sangat rendah",
    "low": "rendah",
    "medium": "sedang",
    "high": "tinggi",
    "very_high": "sangat tinggi",
}
_RISK_EN = {
    "very_low": "very low",
    "low": "low",
    "medium": "medium",
    "high": "high",
    "very_high": "very high",
}
_PARTY_ID = {"employer": "bagian pemberi kerja", "worker": "bagian pekerja"}
_PARTY_EN = {"employer": "employer's share", "worker": "worker's share"}


def _month(month: object) -> date:
    if not isinstance(month, date):
        raise invalid("month", "must be a date (the contribution month).", "harus tanggal (bulan iuran).")
    first = month.replace(day=1)
    if first > calendar.LAST_MONTH:
        raise RuleError(
            "month_out_of_range",
            en=f"The month {first:%Y-%m} is after {calendar.LAST_MONTH:%Y-%m}.",
            id=f"Bulan {first:%Y-%m} sesudah {calendar.LAST_MONTH:%Y-%m}.",
        )
    return first


# --------------------------------------------------------------------------------------------
# JP wage cap


@dataclass(frozen=True)
class JpWageCap(Explained):
    """The JP wage cap in force for a contribution month (PP 45/2015 Pasal 29)."""

    month: date
    row: Param[object]

    @property
    def cap(self) -> int:
        return self.row.as_int()

    @property
    def stale(self) -> bool:
        """True when the month is past March of the year after the last row: that year's cap is
        not in the data yet, so the last one is used and marked provisional."""
        return self.month >= date(self.row.valid_from.year + 1, 3, 1)

    def explain(self, explanation: Explanation) -> None:
        since_id, since_en = month_id(self.row.valid_from), month_en(self.row.valid_from)
        explanation.add(
            "jp_wage_cap",
            self.cap,
            id=f"Batas upah tertinggi JP untuk bulan {month_id(self.month)}: {rp_id(self.cap)} "
            f"(berlaku sejak bulan iuran {since_id}; batas baru berlaku mulai Maret, "
            "Januari–Februari memakai batas tahun sebelumnya).",
            en=f"JP wage cap for {month_en(self.month)}: {rp_en(self.cap)} (in force from the "
            f"{since_en} contribution month; a new cap applies from March, January–February keep "
            "the previous year's).",
            cite=self.row,
        )
        if self.stale:
            year = self.row.valid_from.year + 1
            explanation.add(
                "jp_wage_cap.stale",
                self.cap,
                id=f"Batas upah JP untuk Maret {year} dan sesudahnya belum ada dalam data: batas "
                "terakhir dipakai sementara. Tambahkan baris pertumbuhan PDB atau baris batas upah.",
                en=f"The JP wage cap from March {year} is not in the data yet: the last cap is used "
                "provisionally. Add a GDP growth row or a cap row.",
                cite="PP 45/2015 Pasal 29(3)-(4): the cap changes every year (rulebook §1.3)",
                provisional=True,
            )

    @functools.cached_property
    def explanation(self) -> Explanation:
        explanation = Explanation()
        self.explain(explanation)
        return explanation

    def to_json(self) -> dict[str, object]:
        return self.explained(
            {
                "month": f"{self.month:%Y-%m}",
                "cap": self.cap,
                "valid_from": f"{self.row.valid_from:%Y-%m}",
                "source": self.row.source,
            }
        )


@functools.lru_cache(maxsize=1024)
def jp_wage_cap(month: date) -> JpWageCap:
    """The JP wage cap row for a contribution month; a RuleError before JP began (July 2015)."""
    first = _month(month)
    return JpWageCap(first, data.TABLE.at(data.JP_WAGE_CAP, first))


# --------------------------------------------------------------------------------------------
# PU: the terms of an employer-month


@dataclass(frozen=True, slots=True)
class Line:
    """One percentage line of a bill (programme x party) and the rows that set its rate."""

    program: str
    party: str
    included: bool
    rate_row: Param[object]
    normal_rate: Decimal
    billed_rate: Decimal
    # The discount or relief row that changed the rate, and how: "discount" or "deferred".
    adjustment: Param[object] | None = None
    adjustment_kind: str = ""

    def factors(self) -> tuple[int, int, int]:
        """(2n, 100d, 200d) for the billed rate n/d: then half-up amount x rate / 100 is
        (amount x 2n + 100d) // 200d, the arithmetic of money.percent without re-deriving the
        fraction for every worker. An excluded line bills 0."""
        numerator, denominator = self.billed_rate.as_integer_ratio()
        return (2 * numerator if self.included else 0, 100 * denominator, 200 * denominator)


# eq=False: terms are cached, one object per employer-month, so identity is equality (and
# hashing never reaches the dict of wage-basis rows).
@dataclass(frozen=True, eq=False)
class PuTerms:
    """Everything a PU bill needs that does not depend on the worker: rows, rates, cap, due date."""

    month: date
    risk_class: str
    programs: tuple[str, ...]
    industry: str | None
    active_workers: int | None
    jkk: Line
    jkm: Line
    jht_employer: Line
    jht_worker: Line
    jp_employer: Line
    jp_worker: Line
    jp_cap: JpWageCap
    industry_discount_row: Param[object]
    industry_discount_applies: bool
    relief_row: Param[object]
    jkp_funding_row: Param[object] | None
    jkp_cap_row: Param[object] | None
    due: DueDate
    wage_basis_rows: dict[str, Param[object]] = field(repr=False)
    # Precomputed integer factors of the six lines, in the order above.
    factors: tuple[tuple[int, int, int], ...] = field(repr=False)
    cap: int = 0
    adjusted: bool = False

    @property
    def lines(self) -> tuple[Line, ...]:
        return (self.jkk, self.jkm, self.jht_employer, self.jp_employer, self.jht_worker, self.jp_worker)


def _not_billed(program: str) -> RuleError | None:
    if program != "JKP":
        return None
    return RuleError(
        "program_not_billed",
        en="JKP is not billed: it is funded by the government and a recomposition of JKK "
        "(PP 37/2021, PP 6/2025); leave it out of programs.",
        id="JKP tidak ditagih: didanai pemerintah dan rekomposisi iuran JKK "
        "(PP 37/2021, PP 6/2025); jangan cantumkan dalam programs.",
        program=program,
    )


def _not_for_bpu(program: str) -> RuleError | None:
    if program not in ("JP", "JKP"):
        return None
    return RuleError(
        "program_not_for_bpu",
        en=f"{program} is not open to non-wage earners (BPU): they may take JKK, JKM and JHT only.",
        id=f"{program} tidak tersedia bagi peserta Bukan Penerima Upah (BPU): hanya JKK, JKM dan JHT.",
        program=program,
    )


def _chosen_programs(
    programs: Iterable[str],
    offered: tuple[str, ...],
    segment: str,
    refused: Callable[[str], RuleError | None],
) -> tuple[str, ...]:
    """The programmes chosen, in the order of `offered`; `refused` gives the error for a
    programme the segment is not billed for."""
    if programs is offered:
        return offered
    if isinstance(programs, str):
        raise invalid("programs", "must be a list of programmes.", "harus daftar program.")
    chosen = set()
    for program in programs:
        error = refused(program)
        if error is not None:
            raise error
        if program not in offered:
            raise RuleError(
                "unknown_program",
                en=f"Unknown programme {program!r}; {segment} programmes are {', '.join(offered)}.",
                id=f"Program {program!r} tidak dikenal; program {segment}: {', '.join(offered)}.",
                program=str(program),
            )
        chosen.add(program)
    if not chosen:
        raise RuleError(
            "no_programs",
            en="At least one programme is needed.",
            id="Paling sedikit satu program harus dipilih.",
        )
    return tuple(program for program in offered if program in chosen)


def pu_terms(
    month: date,
    risk_class: str,
    *,
    industry: str | None = None,
    active_workers: int | None = None,
    programs: Iterable[str] = PU_PROGRAMS,
) -> PuTerms:
    """The terms of one employer-month, looked up once and cached."""
    if active_workers is not None:
        whole_number("active_workers", active_workers)
    if industry is not None and not isinstance(industry, str):
        raise invalid("industry", "must be text.", "harus teks.")
    if not isinstance(risk_class, str) or risk_class not in RISK_CLASSES:
        raise RuleError(
            "unknown_risk_class",
            en=f"Unknown JKK risk class {risk_class!r}; one of {', '.join(RISK_CLASSES)}.",
            id=f"Kelas risiko JKK {risk_class!r} tidak dikenal; salah satu dari {', '.join(RISK_CLASSES)}.",
            risk_class=str(risk_class),
        )
    if industry is not None:
        industry = industry.strip().lower()
    else:
        # The worker count matters only for the industry discount: leaving it out of the cache
        # key keeps one entry per (month, risk class, programmes) for most employers.
        active_workers = None
    return _pu_terms(
        _month(month),
        risk_class,
        industry,
        active_workers,
        _chosen_programs(programs, PU_PROGRAMS, "PU", _not_billed),
    )


@functools.lru_cache(maxsize=8192)
def _pu_terms(
    month: date,
    risk_class: str,
    industry: str | None,
    active_workers: int | None,
    programs: tuple[str, ...],
) -> PuTerms:
    at = data.TABLE.at
    jkk_row = at(data.JKK_RATE + risk_class, month)
    jkm_row = at(data.JKM_RATE, month)
    jht_e_row, jht_w_row = at(data.JHT_RATE_EMPLOYER, month), at(data.JHT_RATE_WORKER, month)
    jp_e_row, jp_w_row = at(data.JP_RATE_EMPLOYER, month), at(data.JP_RATE_WORKER, month)
    discount_row = at(data.JKK_INDUSTRY_DISCOUNT, month)
    relief_row = at(data.COVID_RELIEF, month)
    discount = discount_row.value
    relief = relief_row.value
    discount_applies = (
        isinstance(discount, data.IndustryDiscount)
        and industry in discount.industries
        and active_workers is not None
        and active_workers >= discount.min_active_workers
    )

    def line(program: str, party: str, row: Param[object]) -> Line:
        normal = row.as_decimal()
        included = program in programs
        if included and program == "JKK" and discount_applies:
            assert isinstance(discount, data.IndustryDiscount)
            billed = normal * (100 - discount.percent) / 100
            return Line(program, party, included, row, normal, billed, discount_row, "discount")
        if included and isinstance(relief, data.CovidRelief):
            if program in ("JKK", "JKM"):
                billed = normal * relief.jkk_jkm_percent_of_normal / 100
                return Line(program, party, included, row, normal, billed, relief_row, "discount")
            if program == "JP":
                billed = normal * (100 - relief.jp_deferred_percent) / 100
                return Line(program, party, included, row, normal, billed, relief_row, "deferred")
        return Line(program, party, included, row, normal, normal)

    lines = (
        line("JKK", "employer", jkk_row),
        line("JKM", "employer", jkm_row),
        line("JHT", "employer", jht_e_row),
        line("JP", "employer", jp_e_row),
        line("JHT", "worker", jht_w_row),
        line("JP", "worker", jp_w_row),
    )
    jkp_rows = data.TABLE.series(data.JKP_FUNDING)
    jkp_row = at(data.JKP_FUNDING, month) if month >= jkp_rows[0].valid_from else None
    cap = jp_wage_cap(month)
    return PuTerms(
        month=month,
        risk_class=risk_class,
        programs=programs,
        industry=industry,
        active_workers=active_workers,
        jkk=lines[0],
        jkm=lines[1],
        jht_employer=lines[2],
        jp_employer=lines[3],
        jht_worker=lines[4],
        jp_worker=lines[5],
        jp_cap=cap,
        industry_discount_row=discount_row,
        industry_discount_applies=discount_applies,
        relief_row=relief_row,
        jkp_funding_row=jkp_row,
        jkp_cap_row=at(data.JKP_WAGE_CAP, month) if jkp_row is not None else None,
        due=calendar.due_date(month, "PU"),
        wage_basis_rows={
            "daily": at(data.DAILY_WAGE_FACTOR, month),
            "piece_rate": at(data.PIECE_RATE_MONTHS, month),
            "weather_piece_rate": at(data.WEATHER_PIECE_RATE_MONTHS, month),
        },
        factors=tuple(item.factors() for item in lines),
        cap=cap.cap,
        adjusted=any(item.adjustment is not None for item in lines),
    )


# --------------------------------------------------------------------------------------------
# PU: one worker's bill


@dataclass(frozen=True, slots=True)
class Adjustment:
    """A discount or deferral on one line: what the line would have been, and what is billed."""

    program: str
    party: str
    kind: str
    normal: int
    billed: int
    amount: int
    row: Param[object]

    def to_json(self) -> dict[str, object]:
        return {
            "program": self.program,
            "party": self.party,
            "kind": self.kind,
            "normal": self.normal,
            "billed": self.billed,
            "amount": self.amount,
            "regulation": self.row.source,
        }


@dataclass(frozen=True, slots=True)
class JkpFundingInfo:
    """How this worker's JKP is funded (PP 37/2021, PP 6/2025); information, never billed."""

    rate: Decimal
    wage: int
    government: int
    from_jkk: int
    from_jkm: int

    @property
    def total(self) -> int:
        return self.government + self.from_jkk + self.from_jkm

    def to_json(self) -> dict[str, object]:
        return {
            "billed": False,
            "rate": str(self.rate),
            "wage": self.wage,
            "government": self.government,
            "from_jkk": self.from_jkk,
            "from_jkm": self.from_jkm,
            "total": self.total,
        }


@dataclass(frozen=True)
class PuContribution(Explained):
    """One worker's contributions for one month; the explanation is built on first access."""

    terms: PuTerms = field(repr=False)
    wage_basis: str
    # As given: the monthly or daily wage, or the monthly earnings (oldest first).
    wage: int | tuple[int, ...]
    reported_wage: int  # the monthly wage before the minimum-wage floor
    min_wage: int | None
    min_wage_exempt: bool
    base_wage: int
    jp_wage: int
    employer_jkk: int
    employer_jkm: int
    employer_jht: int
    employer_jp: int
    worker_jht: int
    worker_jp: int
    employer_total: int
    worker_total: int
    total: int

    @property
    def month(self) -> date:
        return self.terms.month

    @property
    def due_date(self) -> date:
        return self.terms.due.due

    @property
    def employer(self) -> dict[str, int]:
        return {
            "JKK": self.employer_jkk,
            "JKM": self.employer_jkm,
            "JHT": self.employer_jht,
            "JP": self.employer_jp,
        }

    @property
    def worker(self) -> dict[str, int]:
        return {"JHT": self.worker_jht, "JP": self.worker_jp}

    def _amounts(self) -> tuple[int, ...]:
        return (
            self.employer_jkk,
            self.employer_jkm,
            self.employer_jht,
            self.employer_jp,
            self.worker_jht,
            self.worker_jp,
        )

    def _line_base(self, line: Line) -> int:
        return self.jp_wage if line.program == "JP" else self.base_wage

    @property
    def adjustments(self) -> tuple[Adjustment, ...]:
        """Discount (PP 7/2025, PP 49/2020) and deferral (PP 49/2020 JP) lines, if any."""
        if not self.terms.adjusted:
            return ()
        found = []
        for line, billed in zip(self.terms.lines, self._amounts(), strict=True):
            if line.adjustment is None:
                continue
            normal = percent(self._line_base(line), line.normal_rate)
            found.append(
                Adjustment(
                    line.program,
                    line.party,
                    line.adjustment_kind,
                    normal,
                    billed,
                    normal - billed,
                    line.adjustment,
                )
            )
        return tuple(found)

    @property
    def jkp_funding(self) -> JkpFundingInfo | None:
        """The JKP funding of this worker, or None before JKP (Feb 2021) or without JKK, JKM, JHT."""
        terms = self.terms
        if terms.jkp_funding_row is None or terms.jkp_cap_row is None:
            return None
        if not {"JKK", "JKM", "JHT"} <= set(terms.programs):
            return None
        funding = terms.jkp_funding_row.value
        assert isinstance(funding, data.JkpFunding)
        wage = min(self.base_wage, terms.jkp_cap_row.as_int())
        return JkpFundingInfo(
            funding.total,
            wage,
            percent(wage, funding.government),
            percent(wage, funding.from_jkk),
            percent(wage, funding.from_jkm),
        )

    @functools.cached_property
    def explanation(self) -> Explanation:
        return _explain_pu(self)

    def to_json(self, *, explanation: bool = True) -> dict[str, object]:
        terms = self.terms
        jkp = self.jkp_funding
        output: dict[str, object] = {
            "month": f"{terms.month:%Y-%m}",
            "risk_class": terms.risk_class,
            "programs": list(terms.programs),
            "wage_basis": self.wage_basis,
            "reported_wage": self.reported_wage,
            "base_wage": self.base_wage,
            "jp_wage_cap": terms.cap,
            "jp_wage": self.jp_wage,
            "employer": self.employer,
            "worker": self.worker,
            "employer_total": self.employer_total,
            "worker_total": self.worker_total,
            "total": self.total,
            "due_date": self.due_date.isoformat(),
            "discounts": [item.to_json() for item in self.adjustments],
            "jkp_funding": jkp.to_json() if jkp is not None else None,
        }
        return self.explained(output) if explanation else output


def _reported_wage(terms: PuTerms, basis: str, wage: object) -> tuple[int, int | tuple[int, ...]]:
    """The monthly wage a non-monthly pay converts to (Perdir 22/2022), and the wage as kept."""
    if basis == "daily":
        daily = check_money("wage", wage)
        return daily * terms.wage_basis_rows["daily"].as_int(), daily
    if basis in _AVERAGED_BASES:
        if isinstance(wage, int | str) or not isinstance(wage, Sequence):
            raise invalid(
                "wages", "must be the list of monthly earnings, oldest first.", "harus daftar upah bulanan."
            )
        history = tuple(check_money("wages", item) for item in wage)
        months = terms.wage_basis_rows[basis].as_int()
        if len(history) < months:
            raise RuleError(
                "wage_history_short",
                en=f"A {basis} wage is the average of the last {months} months; {len(history)} given.",
                id=f"Upah {basis} adalah rata-rata {months} bulan terakhir; baru {len(history)} diberikan.",
                needed=months,
                given=len(history),
            )
        return fraction(sum(history[-months:]), 1, months), history
    raise RuleError(
        "unknown_wage_basis",
        en=f"Unknown wage basis {basis!r}; one of {', '.join(WAGE_BASES)}.",
        id=f"Dasar upah {basis!r} tidak dikenal; salah satu dari {', '.join(WAGE_BASES)}.",
    )


def _bill(
    terms: PuTerms,
    basis: str,
    wage: object,
    min_wage: int | None,
    exempt: bool,
) -> PuContribution:
    """The hot path: integer arithmetic on the terms' precomputed factors."""
    kept: int | tuple[int, ...]
    if basis == "monthly":
        if type(wage) is not int or wage < 0:  # checked inline: a valid wage costs no call
            wage = check_money("wage", wage)  # always raises here
        reported = kept = wage
    else:
        reported, kept = _reported_wage(terms, basis, wage)
    base = reported if (min_wage is None or exempt or reported >= min_wage) else min_wage
    cap = terms.cap
    jp_wage = base if base < cap else cap
    (n1, d1, e1), (n2, d2, e2), (n3, d3, e3), (n4, d4, e4), (n5, d5, e5), (n6, d6, e6) = terms.factors
    jkk = (base * n1 + d1) // e1
    jkm = (base * n2 + d2) // e2
    jht_e = (base * n3 + d3) // e3
    jp_e = (jp_wage * n4 + d4) // e4
    jht_w = (base * n5 + d5) // e5
    jp_w = (jp_wage * n6 + d6) // e6
    employer_total = jkk + jkm + jht_e + jp_e
    worker_total = jht_w + jp_w
    return PuContribution(
        terms,
        basis,
        kept,
        reported,
        min_wage,
        exempt,
        base,
        jp_wage,
        jkk,
        jkm,
        jht_e,
        jp_e,
        jht_w,
        jp_w,
        employer_total,
        worker_total,
        employer_total + worker_total,
    )


def _check_options(min_wage: int | None, exempt: bool, wage_basis: str) -> None:
    if min_wage is not None:
        check_money("min_wage", min_wage)
    if not isinstance(exempt, bool):  # checked inline: a valid flag costs no call
        check_boolean("min_wage_exempt", exempt)  # always raises here
    if wage_basis not in WAGE_BASES:
        raise RuleError(
            "unknown_wage_basis",
            en=f"Unknown wage basis {wage_basis!r}; one of {', '.join(WAGE_BASES)}.",
            id=f"Dasar upah {wage_basis!r} tidak dikenal; salah satu dari {', '.join(WAGE_BASES)}.",
        )


def pu_contribution(
    month: date,
    wage: int | Sequence[int],
    risk_class: str,
    *,
    min_wage: int | None = None,
    min_wage_exempt: bool = False,
    industry: str | None = None,
    active_workers: int | None = None,
    programs: Iterable[str] = PU_PROGRAMS,
    wage_basis: str = "monthly",
) -> PuContribution:
    """A wage earner's contributions for a contribution month (rulebook section 1).

    `wage` is the monthly wage (basic + fixed allowances); with `wage_basis="daily"` the daily
    wage (x 25); with "piece_rate" / "weather_piece_rate" the monthly earnings, oldest first
    (average of the last 3 / 12). `min_wage` (UMK or UMP) is a floor for the base unless
    `min_wage_exempt`. `industry` and `active_workers` decide the PP 7/2025 JKK discount.
    """
    _check_options(min_wage, min_wage_exempt, wage_basis)
    terms = pu_terms(month, risk_class, industry=industry, active_workers=active_workers, programs=programs)
    return _bill(terms, wage_basis, wage, min_wage, min_wage_exempt)


def pu_contributions(
    month: date,
    risk_class: str,
    wages: Iterable[int | Sequence[int]],
    *,
    min_wage: int | None = None,
    min_wage_exempt: bool = False,
    industry: str | None = None,
    active_workers: int | None = None,
    programs: Iterable[str] = PU_PROGRAMS,
    wage_basis: str = "monthly",
) -> list[PuContribution]:
    """The contributions of many workers of one employer-month: the terms are looked up once."""
    _check_options(min_wage, min_wage_exempt, wage_basis)
    terms = pu_terms(month, risk_class, industry=industry, active_workers=active_workers, programs=programs)
    return [_bill(terms, wage_basis, wage, min_wage, min_wage_exempt) for wage in wages]


# --------------------------------------------------------------------------------------------
# PU: the explanation


def _explain_base(result: PuContribution, explanation: Explanation) -> None:
    terms, basis, reported = result.terms, result.wage_basis, result.reported_wage
    if basis == "monthly":
        explanation.add(
            "reported_wage",
            reported,
            id=f"Upah sebulan yang dilaporkan (upah pokok + tunjangan tetap): {rp_id(reported)}.",
            en=f"Reported monthly wage (basic wage + fixed allowances): {rp_en(reported)}.",
            cite=WAGE_DEFINITION,
        )
    elif basis == "daily":
        assert isinstance(result.wage, int)
        factor = terms.wage_basis_rows["daily"].as_int()
        explanation.add(
            "reported_wage",
            reported,
            id=f"Pekerja harian: upah harian {rp_id(result.wage)} × {factor} = {rp_id(reported)} sebulan.",
            en=f"Daily-paid worker: daily wage {rp_en(result.wage)} × {factor} = {rp_en(reported)} a month.",
            cite=terms.wage_basis_rows["daily"],
        )
    else:
        assert isinstance(result.wage, tuple)
        row = terms.wage_basis_rows[basis]
        months = row.as_int()
        used = result.wage[-months:]
        kind_id = "borongan bergantung cuaca" if basis == "weather_piece_rate" else "borongan"
        kind_en = "weather-dependent piece" if basis == "weather_piece_rate" else "piece"
        ignored_id = (
            f" ({len(result.wage) - months} bulan yang lebih lama diabaikan)"
            if len(result.wage) > months
            else ""
        )
        ignored_en = (
            f" ({len(result.wage) - months} older months ignored)" if len(result.wage) > months else ""
        )
        explanation.add(
            "reported_wage",
            reported,
            id=f"Upah {kind_id}: rata-rata {months} bulan terakhir, {rp_id(sum(used))} / {months} = "
            f"{rp_id(reported)} (dibulatkan ke rupiah terdekat){ignored_id}.",
            en=f"{kind_en.capitalize()}-rate pay: average of the last {months} months, {rp_en(sum(used))} / "
            f"{months} = {rp_en(reported)} (rounded half-up){ignored_en}.",
            cite=row,
        )
    min_wage, base = result.min_wage, result.base_wage
    if min_wage is None:
        explanation.add(
            "base_wage",
            base,
            id=f"Dasar iuran: {rp_id(base)} (upah minimum tidak diberikan, batas bawah tidak diperiksa).",
            en=f"Contribution base: {rp_en(base)} (no minimum wage given, the floor was not checked).",
            cite=MIN_WAGE_FLOOR,
        )
    elif result.min_wage_exempt:
        explanation.add(
            "base_wage",
            base,
            id=f"Dasar iuran: {rp_id(base)}; pekerja dikecualikan dari batas bawah upah minimum "
            f"{rp_id(min_wage)} karena ketentuan upah minimum khusus.",
            en=f"Contribution base: {rp_en(base)}; the worker is exempt from the minimum-wage floor "
            f"{rp_en(min_wage)} under a special minimum-wage rule.",
            cite=MIN_WAGE_FLOOR,
        )
    elif reported < min_wage:
        explanation.add(
            "base_wage",
            base,
            id=f"Upah {rp_id(reported)} di bawah upah minimum {rp_id(min_wage)}: dasar iuran {rp_id(base)}.",
            en=f"Wage {rp_en(reported)} is below the minimum wage {rp_en(min_wage)}: contribution base "
            f"{rp_en(base)}.",
            cite=MIN_WAGE_FLOOR,
        )
    else:
        explanation.add(
            "base_wage",
            base,
            id=f"Upah {rp_id(reported)} tidak di bawah upah minimum {rp_id(min_wage)}: "
            f"dasar iuran {rp_id(base)}.",
            en=f"Wage {rp_en(reported)} is not below the minimum wage {rp_en(min_wage)}: contribution base "
            f"{rp_en(base)}.",
            cite=MIN_WAGE_FLOOR,
        )


def _explain_discount_eligibility(terms: PuTerms, explanation: Explanation) -> None:
    """Why the PP 7/2025 JKK discount does or does not apply, when the employer named an industry."""
    if terms.industry is None or "JKK" not in terms.programs:
        return
    row = terms.industry_discount_row
    discount = row.value
    if terms.industry_discount_applies:
        assert isinstance(discount, data.IndustryDiscount)
        explanation.add(
            "discount.eligibility",
            True,
            id=f"Industri {terms.industry} termasuk industri padat karya tertentu dan memiliki "
            f"{terms.active_workers} pekerja aktif (minimal {discount.min_active_workers}): "
            f"diskon JKK {pct_id(discount.percent)}.",
            en=f"Industry {terms.industry} is a listed labour-intensive industry with "
            f"{terms.active_workers} active workers (at least {discount.min_active_workers}): "
            f"JKK discount {pct_en(discount.percent)}.",
            cite=row,
        )
        return
    if not isinstance(discount, data.IndustryDiscount):
        reason_id = f"tidak ada diskon JKK industri untuk bulan iuran {month_id(terms.month)}"
        reason_en = f"no industry JKK discount for the {month_en(terms.month)} contribution month"
        cite: str = "PP 7/2025 and PP 36/2025: contribution months Feb 2025 - Jan 2026 (rulebook §1.5 [H])"
    elif terms.industry not in discount.industries:
        reason_id = f"industri {terms.industry} tidak termasuk daftar industri padat karya PP 7/2025"
        reason_en = f"industry {terms.industry} is not among the PP 7/2025 labour-intensive industries"
        cite = row.source
    elif terms.active_workers is None:
        reason_id = "jumlah pekerja aktif tidak diberikan"
        reason_en = "the number of active workers was not given"
        cite = row.source
    else:
        minimum = discount.min_active_workers
        reason_id = f"{terms.active_workers} pekerja aktif, kurang dari {minimum} yang disyaratkan"
        reason_en = (
            f"{terms.active_workers} active workers, fewer than the {discount.min_active_workers} required"
        )
        cite = row.source
    explanation.add(
        "discount.eligibility",
        False,
        id=f"Diskon JKK industri padat karya tidak berlaku: {reason_id}.",
        en=f"The labour-intensive industry JKK discount does not apply: {reason_en}.",
        cite=cite,
    )


def _explain_line(result: PuContribution, line: Line, amount: int, explanation: Explanation) -> None:
    terms = result.terms
    key = f"{line.party}.{line.program}"
    party_id, party_en = _PARTY_ID[line.party], _PARTY_EN[line.party]
    label_id = label_en = line.program
    if line.program == "JKK":
        label_id = f"JKK (kelas risiko {_RISK_ID[terms.risk_class]})"
        label_en = f"JKK (risk class {_RISK_EN[terms.risk_class]})"
    if not line.included:
        explanation.add(
            key,
            0,
            id=f"{label_id}, {party_id}: program tidak diikuti, Rp 0.",
            en=f"{label_en}, {party_en}: programme not taken, Rp 0.",
            cite=PROGRAM_CHOICE,
        )
        return
    base = result._line_base(line)
    wage_id = f"upah JP {rp_id(base)}" if line.program == "JP" else rp_id(base)
    wage_en = f"JP wage {rp_en(base)}" if line.program == "JP" else rp_en(base)
    if line.adjustment is None:
        explanation.add(
            key,
            amount,
            id=f"{label_id}, {party_id}: {pct_id(line.billed_rate)} × {wage_id} = {rp_id(amount)}.",
            en=f"{label_en}, {party_en}: {pct_en(line.billed_rate)} × {wage_en} = {rp_en(amount)}.",
            cite=line.rate_row,
        )
        return
    adjustment = line.adjustment.value
    if isinstance(adjustment, data.IndustryDiscount):
        how_id = f"tarif {pct_id(line.normal_rate)} dikurangi diskon {pct_id(adjustment.percent)} (PP 7/2025)"
        how_en = f"rate {pct_en(line.normal_rate)} less the {pct_en(adjustment.percent)} discount (PP 7/2025)"
    elif isinstance(adjustment, data.CovidRelief) and line.adjustment_kind == "deferred":
        how_id = (
            f"tarif {pct_id(line.normal_rate)}, {pct_id(adjustment.jp_deferred_percent)} ditunda "
            "(PP 49/2020), yang ditagih sekarang"
        )
        how_en = (
            f"rate {pct_en(line.normal_rate)}, {pct_en(adjustment.jp_deferred_percent)} deferred "
            "(PP 49/2020), billed now"
        )
    else:
        assert isinstance(adjustment, data.CovidRelief)
        share = adjustment.jkk_jkm_percent_of_normal
        how_id = f"{pct_id(share)} dari tarif normal {pct_id(line.normal_rate)} (PP 49/2020)"
        how_en = f"{pct_en(share)} of the normal rate {pct_en(line.normal_rate)} (PP 49/2020)"
    explanation.add(
        key,
        amount,
        id=f"{label_id}, {party_id}: {how_id} = {pct_id(line.billed_rate)} × {wage_id} = {rp_id(amount)}.",
        en=f"{label_en}, {party_en}: {how_en} = {pct_en(line.billed_rate)} × {wage_en} = {rp_en(amount)}.",
        cite=line.adjustment,
        uses=(line.rate_row,),
    )


def _explain_adjustment(item: Adjustment, explanation: Explanation) -> None:
    party_id, party_en = _PARTY_ID[item.party], _PARTY_EN[item.party]
    if item.kind == "deferred":
        explanation.add(
            f"deferred.{item.party}.{item.program}",
            item.amount,
            id=f"{item.program} {party_id} ditunda: normal {rp_id(item.normal)} − ditagih "
            f"{rp_id(item.billed)} "
            f"= {rp_id(item.amount)}, dibayar kemudian (15 Mei 2021 – 15 April 2022).",
            en=f"{item.program} {party_en} deferred: normal {rp_en(item.normal)} − billed "
            f"{rp_en(item.billed)} "
            f"= {rp_en(item.amount)}, payable later (15 May 2021 – 15 April 2022).",
            cite=item.row,
        )
        return
    explanation.add(
        f"discount.{item.party}.{item.program}",
        item.amount,
        id=f"Potongan {item.program} {party_id}: normal {rp_id(item.normal)} − ditagih {rp_id(item.billed)} "
        f"= {rp_id(item.amount)}.",
        en=f"{item.program} {party_en} discount: normal {rp_en(item.normal)} − billed {rp_en(item.billed)} "
        f"= {rp_en(item.amount)}.",
        cite=item.row,
    )


def _explain_jkp(result: PuContribution, explanation: Explanation) -> None:
    terms = result.terms
    jkp = result.jkp_funding
    if jkp is None or terms.jkp_funding_row is None or terms.jkp_cap_row is None:
        return
    cap = terms.jkp_cap_row.as_int()
    jkm_id = f" + rekomposisi dari JKM {rp_id(jkp.from_jkm)}" if jkp.from_jkm else ""
    jkm_en = f" + recomposed from JKM {rp_en(jkp.from_jkm)}" if jkp.from_jkm else ""
    explanation.add(
        "jkp_funding",
        jkp.total,
        id=f"JKP tidak ditagih (informasi): iuran JKP {pct_id(jkp.rate)} × upah JKP {rp_id(jkp.wage)} "
        f"(batas {rp_id(cap)}) = pemerintah {rp_id(jkp.government)} + rekomposisi dari JKK "
        f"{rp_id(jkp.from_jkk)}{jkm_id} = {rp_id(jkp.total)}; pemberi kerja tetap membayar JKK dan JKM "
        "penuh.",
        en=f"JKP is not billed (information): JKP contribution {pct_en(jkp.rate)} × JKP wage "
        f"{rp_en(jkp.wage)} "
        f"(cap {rp_en(cap)}) = government {rp_en(jkp.government)} + recomposed from JKK "
        f"{rp_en(jkp.from_jkk)}{jkm_en} = {rp_en(jkp.total)}; the employer still pays JKK and JKM in full.",
        cite=terms.jkp_funding_row,
        uses=(terms.jkp_cap_row,),
        # The recomposition while the PP 7/2025 JKK discount runs was not found (rulebook §1.4 [L]).
        provisional=terms.industry_discount_applies,
    )


def _explain_pu(result: PuContribution) -> Explanation:
    terms = result.terms
    explanation = Explanation()
    explanation.add(
        "programs",
        ", ".join(terms.programs),
        id=f"Bulan iuran {month_id(terms.month)}; program yang diikuti: {', '.join(terms.programs)}.",
        en=f"Contribution month {month_en(terms.month)}; programmes taken: {', '.join(terms.programs)}.",
        cite=PROGRAM_CHOICE,
    )
    _explain_base(result, explanation)
    terms.jp_cap.explain(explanation)
    explanation.add(
        "jp_wage",
        result.jp_wage,
        id=f"Upah JP = nilai terkecil dari dasar iuran {rp_id(result.base_wage)} dan batas "
        f"{rp_id(terms.cap)} = {rp_id(result.jp_wage)}.",
        en=f"JP wage = the smaller of the base {rp_en(result.base_wage)} and the cap {rp_en(terms.cap)} "
        f"= {rp_en(result.jp_wage)}.",
        cite=terms.jp_cap.row,
    )
    _explain_discount_eligibility(terms, explanation)
    for line, amount in zip(terms.lines, result._amounts(), strict=True):
        _explain_line(result, line, amount, explanation)
    for item in result.adjustments:
        _explain_adjustment(item, explanation)
    _explain_jkp(result, explanation)
    parts_id = " + ".join(f"{name} {rp_id(value)}" for name, value in result.employer.items())
    parts_en = " + ".join(f"{name} {rp_en(value)}" for name, value in result.employer.items())
    explanation.add(
        "employer_total",
        result.employer_total,
        id=f"Iuran pemberi kerja: {parts_id} = {rp_id(result.employer_total)}.",
        en=f"Employer's contributions: {parts_en} = {rp_en(result.employer_total)}.",
        cite=TOTALS,
    )
    explanation.add(
        "worker_total",
        result.worker_total,
        id=f"Iuran pekerja (dipotong dari upah): JHT {rp_id(result.worker_jht)} + JP "
        f"{rp_id(result.worker_jp)} "
        f"= {rp_id(result.worker_total)}.",
        en=f"Worker's contributions (withheld from the wage): JHT {rp_en(result.worker_jht)} + JP "
        f"{rp_en(result.worker_jp)} = {rp_en(result.worker_total)}.",
        cite=TOTALS,
    )
    explanation.add(
        "total",
        result.total,
        id=f"Jumlah yang disetor pemberi kerja: {rp_id(result.employer_total)} + "
        f"{rp_id(result.worker_total)} "
        f"= {rp_id(result.total)}.",
        en=f"Total remitted by the employer: {rp_en(result.employer_total)} + {rp_en(result.worker_total)} "
        f"= {rp_en(result.total)}.",
        cite=TOTALS,
    )
    terms.due.explain(explanation)
    return explanation


# --------------------------------------------------------------------------------------------
# BPU


@dataclass(frozen=True, slots=True)
class BpuLine:
    program: str
    row: Param[object]
    normal: int
    billed: int
    discount_row: Param[object] | None


@dataclass(frozen=True)
class BpuContribution(Explained):
    """A non-wage earner's contributions for a month (rulebook section 2)."""

    month: date
    declared_income: int
    band: int
    band_row: Param[object]
    segment: str | None
    programs: tuple[str, ...]
    lines: tuple[BpuLine, ...]
    total: int
    due: DueDate

    @property
    def contributions(self) -> dict[str, int]:
        return {line.program: line.billed for line in self.lines}

    @property
    def due_date(self) -> date:
        return self.due.due

    @property
    def discounts(self) -> list[dict[str, object]]:
        return [
            {
                "program": line.program,
                "kind": "discount",
                "normal": line.normal,
                "billed": line.billed,
                "amount": line.normal - line.billed,
                "regulation": line.discount_row.source,
            }
            for line in self.lines
            if line.discount_row is not None
        ]

    @functools.cached_property
    def explanation(self) -> Explanation:
        return _explain_bpu(self)

    def to_json(self) -> dict[str, object]:
        return self.explained(
            {
                "month": f"{self.month:%Y-%m}",
                "declared_income": self.declared_income,
                "income_band": self.band,
                "segment": self.segment,
                "programs": list(self.programs),
                "contributions": self.contributions,
                "total": self.total,
                "due_date": self.due_date.isoformat(),
                "discounts": self.discounts,
            }
        )


def income_band(month: date, declared_income: int) -> tuple[int, Param[object]]:
    """The income band a declared income falls in: the highest band not above it; the lowest
    band for an income below it (the minimum contribution)."""
    row = data.TABLE.at(data.BPU_INCOME_BANDS, _month(month))
    bands = row.value
    assert isinstance(bands, tuple)
    chosen = bands[0]
    for band in bands:
        assert isinstance(band, int)
        if band > declared_income:
            break
        chosen = band
    assert isinstance(chosen, int)
    return chosen, row


def bpu_contribution(
    month: date,
    declared_income: int,
    programs: Iterable[str] = ("JKK", "JKM"),
    segment: str | None = None,
) -> BpuContribution:
    """A BPU participant's contributions: JKK 1 % and JHT 2 % of the income band, JKM flat;
    PP 50/2025 halves JKK and JKM for the transport segment (Jan 2026 - Mar 2027)."""
    first = _month(month)
    check_money("declared_income", declared_income)
    if segment is not None:
        if not isinstance(segment, str):
            raise invalid("segment", "must be text.", "harus teks.")
        segment = segment.strip().lower()
    chosen = _chosen_programs(programs, BPU_PROGRAMS, "BPU", _not_for_bpu)
    band, band_row = income_band(first, declared_income)
    at = data.TABLE.at
    discount_row = at(data.BPU_SEGMENT_DISCOUNT, first)
    discount = discount_row.value
    lines = []
    for program in chosen:
        if program == "JKM":
            row = at(data.BPU_JKM_AMOUNT, first)
            normal = row.as_int()
        else:
            row = at(data.BPU_JKK_RATE if program == "JKK" else data.BPU_JHT_RATE, first)
            normal = percent(band, row.as_decimal())
        if (
            isinstance(discount, data.SegmentDiscount)
            and segment in discount.segments
            and program in discount.programs
        ):
            lines.append(BpuLine(program, row, normal, percent(normal, 100 - discount.percent), discount_row))
        else:
            lines.append(BpuLine(program, row, normal, normal, None))
    return BpuContribution(
        month=first,
        declared_income=declared_income,
        band=band,
        band_row=band_row,
        segment=segment,
        programs=chosen,
        lines=tuple(lines),
        total=sum(line.billed for line in lines),
        due=calendar.due_date(first, "BPU"),
    )


def _explain_bpu(result: BpuContribution) -> Explanation:
    explanation = Explanation()
    income, band = result.declared_income, result.band
    explanation.add(
        "income_band",
        band,
        id=f"Penghasilan yang dilaporkan {rp_id(income)} masuk golongan penghasilan {rp_id(band)} "
        "(golongan tertinggi yang tidak melebihi penghasilan; golongan terendah bila penghasilan "
        "di bawahnya).",
        en=f"Declared income {rp_en(income)} falls in the income band {rp_en(band)} (the highest band "
        "not above the income; the lowest band when the income is below it).",
        cite=result.band_row,
    )
    if not {"JKK", "JKM"} <= set(result.programs):
        explanation.add(
            "programs",
            ", ".join(result.programs),
            id="Catatan: paket dasar BPU adalah JKK + JKM; JHT adalah tambahan sukarela.",
            en="Note: the BPU base package is JKK + JKM; JHT is a voluntary add-on.",
            cite="Permenaker 1/2016; rulebook §2 [H]",
        )
    for line in result.lines:
        if line.program == "JKM":
            normal_id = f"iuran tetap {rp_id(line.normal)}"
            normal_en = f"flat {rp_en(line.normal)}"
        else:
            rate = line.row.as_decimal()
            normal_id = f"{pct_id(rate)} × golongan penghasilan {rp_id(band)} = {rp_id(line.normal)}"
            normal_en = f"{pct_en(rate)} × income band {rp_en(band)} = {rp_en(line.normal)}"
        if line.discount_row is None:
            explanation.add(
                line.program,
                line.billed,
                id=f"{line.program}: {normal_id}.",
                en=f"{line.program}: {normal_en}.",
                cite=line.row,
            )
            continue
        discount = line.discount_row.value
        assert isinstance(discount, data.SegmentDiscount)
        explanation.add(
            line.program,
            line.billed,
            id=f"{line.program}: {normal_id}, diskon {pct_id(discount.percent)} untuk segmen "
            f"{result.segment} "
            f"(PP 50/2025): {rp_id(line.billed)}.",
            en=f"{line.program}: {normal_en}, {pct_en(discount.percent)} discount for the {result.segment} "
            f"segment (PP 50/2025): {rp_en(line.billed)}.",
            cite=line.discount_row,
            uses=(line.row,),
        )
    parts_id = " + ".join(f"{line.program} {rp_id(line.billed)}" for line in result.lines)
    parts_en = " + ".join(f"{line.program} {rp_en(line.billed)}" for line in result.lines)
    explanation.add(
        "total",
        result.total,
        id=f"Jumlah iuran: {parts_id} = {rp_id(result.total)}.",
        en=f"Total contribution: {parts_en} = {rp_en(result.total)}.",
        cite=TOTALS,
    )
    result.due.explain(explanation)
    return explanation


# --------------------------------------------------------------------------------------------
# `jamsos rules eval` kinds


def _evaluate_pu(inputs: Inputs) -> dict[str, object]:
    """Kind `pu_contribution` (shared/golden/README.md)."""
    basis = inputs.text("wage_basis") if inputs.has("wage_basis") else "monthly"
    wage: int | list[int] = inputs.money_list("wages") if basis in _AVERAGED_BASES else inputs.money("wage")
    return pu_contribution(
        inputs.month("month"),
        wage,
        inputs.text("risk_class"),
        min_wage=inputs.money("min_wage") if inputs.has("min_wage") else None,
        min_wage_exempt=inputs.boolean("min_wage_exempt", False),
        industry=inputs.optional_text("industry"),
        active_workers=inputs.optional_integer("active_workers"),
        programs=inputs.text_list("programs", PU_PROGRAMS),
        wage_basis=basis,
    ).to_json()


def _evaluate_bpu(inputs: Inputs) -> dict[str, object]:
    """Kind `bpu_contribution`."""
    return bpu_contribution(
        inputs.month("month"),
        inputs.money("declared_income"),
        inputs.text_list("programs", ("JKK", "JKM")),
        inputs.optional_text("segment"),
    ).to_json()


def _evaluate_jp_wage_cap(inputs: Inputs) -> dict[str, object]:
    """Kind `jp_wage_cap`."""
    return jp_wage_cap(inputs.month("month")).to_json()


def _evaluate_due_date(inputs: Inputs) -> dict[str, object]:
    """Kind `due_date`: {month, segment (PU by default)} -> {due_date}."""
    segment = inputs.text("segment") if inputs.has("segment") else "PU"
    due = calendar.due_date(inputs.month("month"), segment)
    explanation = Explanation()
    due.explain(explanation)
    return explanation.append_to(
        {
            "month": f"{due.month:%Y-%m}",
            "segment": due.segment,
            "due_date": due.due.isoformat(),
            "nominal_due_date": due.nominal.isoformat(),
        }
    )


def _evaluate_late_fee(inputs: Inputs) -> dict[str, object]:
    """Kind `late_fee`: {contribution, months_late} or {contribution, due_date | month, paid_on};
    an optional `month` picks that month's rate (0.5 % for PP 49/2020 months)."""
    contribution = inputs.money("contribution")
    month = inputs.month("month") if inputs.has("month") else None
    due: date | None = None
    paid_on: date | None = None
    if inputs.has("months_late"):
        months = inputs.integer("months_late", minimum=0, maximum=12 * 100)
    else:
        if inputs.has("due_date"):
            due = inputs.date("due_date")
        elif month is not None:
            due = calendar.due_date(month).due
        else:
            raise RuleError(
                "missing_input",
                en="The input needs months_late, or paid_on with due_date or month.",
                id="Masukan memerlukan months_late, atau paid_on beserta due_date atau month.",
                field="months_late",
            )
        paid_on = inputs.date("paid_on")
        months = calendar.months_late(due, paid_on)
    rate = _percentage(inputs, "rate") if inputs.has("rate") else None
    return calendar.late_fee(contribution, months, rate, month=month, due=due, paid_on=paid_on).to_json()


def _percentage(inputs: Inputs, name: str) -> Decimal:
    """A percentage given as a JSON number or text ("2", 0.5, "0.5"), read exactly."""
    value = inputs.raw(name)
    if isinstance(value, bool) or not isinstance(value, int | float | str):
        raise invalid(name, "must be a percentage.", "harus persentase.")
    try:
        # str() of a float is its shortest exact-looking form: 0.5 -> "0.5", not 0.5000000001.
        rate = Decimal(str(value))
    except ArithmeticError:
        raise invalid(name, "must be a percentage.", "harus persentase.") from None
    if not rate.is_finite() or not Decimal(0) <= rate <= Decimal(100):
        raise invalid(name, "must be a percentage from 0 to 100.", "harus persentase 0 sampai 100.")
    return rate


EVAL_KINDS: dict[str, Callable[[Inputs], dict[str, object]]] = {
    "pu_contribution": _evaluate_pu,
    "bpu_contribution": _evaluate_bpu,
    "jp_wage_cap": _evaluate_jp_wage_cap,
    "due_date": _evaluate_due_date,
    "late_fee": _evaluate_late_fee,
}

__all__ = [
    "BPU_PROGRAMS",
    "PU_PROGRAMS",
    "RISK_CLASSES",
    "WAGE_BASES",
    "BpuContribution",
    "JpWageCap",
    "PuContribution",
    "PuTerms",
    "bpu_contribution",
    "income_band",
    "jp_wage_cap",
    "next_jp_wage_cap",
    "pu_contribution",
    "pu_contributions",
    "pu_terms",
]

"""Contribution parameters (rulebook sections 1-2): rates, caps, amounts, discounts and dates."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from jamsos.rules.params import Param, ParamTable

# Row names, so the logic and the tests never spell them twice.
RISK_CLASSES = ("very_low", "low", "medium", "high", "very_high")
JKK_RATE = "jkk_rate."  # + risk class
JKM_RATE = "jkm_rate"
JHT_RATE_EMPLOYER = "jht_rate.employer"
JHT_RATE_WORKER = "jht_rate.worker"
JP_RATE_EMPLOYER = "jp_rate.employer"
JP_RATE_WORKER = "jp_rate.worker"
JP_WAGE_CAP = "jp_wage_cap"
GDP_GROWTH = "gdp_growth"
JKP_FUNDING = "jkp_funding"
JKP_WAGE_CAP = "jkp_wage_cap"
JKK_INDUSTRY_DISCOUNT = "jkk_industry_discount"
COVID_RELIEF = "covid_relief"
PU_DUE = "due_rule.PU"
BPU_DUE = "due_rule.BPU"
LATE_FEE_RATE = "late_fee_rate"
BPU_JKK_RATE = "bpu_jkk_rate"
BPU_JKM_AMOUNT = "bpu_jkm_amount"
BPU_JHT_RATE = "bpu_jht_rate"
BPU_INCOME_BANDS = "bpu_income_bands"
BPU_SEGMENT_DISCOUNT = "bpu_segment_discount"
DAILY_WAGE_FACTOR = "wage_basis.daily_factor"
PIECE_RATE_MONTHS = "wage_basis.piece_rate_months"
WEATHER_PIECE_RATE_MONTHS = "wage_basis.weather_piece_rate_months"

# PP 44/2015 and PP 46/2015 took effect on 1 July 2015, PP 45/2015 (JP) began then too; the
# rates of the older Jamsostek regime (PP 14/1993) are not held, so no month before is billed.
START = date(2015, 7, 1)


@dataclass(frozen=True, slots=True)
class IndustryDiscount:
    """A JKK discount for employers of listed industries with enough active workers."""

    percent: Decimal
    industries: frozenset[str]
    min_active_workers: int


@dataclass(frozen=True, slots=True)
class CovidRelief:
    """PP 49/2020: JKK and JKM billed at a fraction of normal; most of JP deferred."""

    jkk_jkm_percent_of_normal: Decimal
    jp_deferred_percent: Decimal


@dataclass(frozen=True, slots=True)
class SegmentDiscount:
    """A discount on some BPU programmes for participants of listed segments."""

    percent: Decimal
    segments: frozenset[str]
    programs: frozenset[str]


@dataclass(frozen=True, slots=True)
class JkpFunding:
    """How the JKP contribution is funded (percent of the JKP wage); never billed."""

    total: Decimal
    government: Decimal
    from_jkk: Decimal
    from_jkm: Decimal


@dataclass(frozen=True, slots=True)
class DueRule:
    """Contributions of a month are due on `day` of the month `months_after` it.

    A day past the end of a shorter month means its last day.
    """

    months_after: int
    day: int


def next_jp_wage_cap(previous_cap: int, gdp_growth: Decimal) -> int:
    """PP 45/2015 Pasal 29(3)-(4): the previous cap x (1 + previous year's GDP growth).

    BPJS truncates to the Rp 100 below; with that rule the chain from Rp 7.000.000 reproduces
    every published cap (rulebook section 1.3). Exact integer arithmetic on the rate's fraction.
    """
    numerator, denominator = gdp_growth.as_integer_ratio()
    scaled = 100 * denominator
    return previous_cap * (scaled + numerator) // (scaled * 100) * 100


def _pct(text: str) -> Decimal:
    return Decimal(text)


_PP44 = "PP 44/2015"
_RB = "rulebook"

_JKK_RATES = {
    "very_low": "0.24",
    "low": "0.54",
    "medium": "0.89",
    "high": "1.27",
    "very_high": "1.74",
}

_RATE_ROWS: list[Param[object]] = [
    *(
        Param(
            JKK_RATE + risk_class,
            START,
            _pct(rate),
            f"{_PP44} Pasal 16 and Lampiran I, JKK risk class {risk_class} "
            f"({_RB} §1.1 [H]: star.grid, parapuan, nova.grid, scribd)",
        )
        for risk_class, rate in _JKK_RATES.items()
    ),
    Param(JKM_RATE, START, _pct("0.30"), f"{_PP44} Pasal 18 ({_RB} §1.1 [H])"),
    Param(JHT_RATE_EMPLOYER, START, _pct("3.7"), f"PP 46/2015 Pasal 16 ({_RB} §1.1 [H]: rbtv, fame.grid)"),
    Param(JHT_RATE_WORKER, START, _pct("2.0"), f"PP 46/2015 Pasal 16 ({_RB} §1.1 [H]: rbtv, fame.grid)"),
    Param(JP_RATE_EMPLOYER, START, _pct("2"), f"PP 45/2015 Pasal 28 ({_RB} §1.1 [H]: hukumonline)"),
    Param(JP_RATE_WORKER, START, _pct("1"), f"PP 45/2015 Pasal 28 ({_RB} §1.1 [H]: hukumonline)"),
]

# Published JP wage caps (rulebook §1.3): each applies from the March contribution month.
# Next year's published cap is one more row here (it replaces the computed one).
PUBLISHED_JP_CAPS: list[Param[object]] = [
    Param(JP_WAGE_CAP, START, 7_000_000, "PP 45/2015 Pasal 29(2) (rulebook §1.3 [H]: krishandsoftware)"),
    Param(
        JP_WAGE_CAP,
        date(2016, 3, 1),
        7_335_300,
        "BPJS announcement 2016 (rulebook §1.3 [H]: krishandsoftware)",
    ),
    Param(
        JP_WAGE_CAP,
        date(2017, 3, 1),
        7_703_500,
        "BPJS announcement 2017 (rulebook §1.3 [H]: krishandsoftware)",
    ),
    Param(
        JP_WAGE_CAP,
        date(2018, 3, 1),
        8_094_000,
        "BPJS announcement 2018 (rulebook §1.3 [H]: krishandsoftware)",
    ),
    Param(
        JP_WAGE_CAP,
        date(2019, 3, 1),
        8_512_400,
        "BPJS announcement 2019 (rulebook §1.3 [H]: krishandsoftware)",
    ),
    Param(JP_WAGE_CAP, date(2020, 3, 1), 8_939_700, "BPJS letter 2020 (rulebook §1.3 [H]: jimmybudhi.com)"),
    Param(
        JP_WAGE_CAP,
        date(2021, 3, 1),
        8_754_600,
        "SE BPJS B/0246/022021 (rulebook §1.3 [H]: rbtv, sakura-system)",
    ),
    Param(
        JP_WAGE_CAP,
        date(2022, 3, 1),
        9_077_600,
        "BPJS announcement 2022 (rulebook §1.3 [H]: payroll code + formula)",
    ),
    Param(
        JP_WAGE_CAP, date(2023, 3, 1), 9_559_600, "BPJS announcement 2023 (rulebook §1.3 [H]: suaraindonesia)"
    ),
    Param(
        JP_WAGE_CAP,
        date(2024, 3, 1),
        10_042_300,
        "BPJS announcement 2024 (rulebook §1.3 [H]: suaraindonesia)",
    ),
    Param(
        JP_WAGE_CAP, date(2025, 3, 1), 10_547_400, "BPJS announcement 2025 (rulebook §1.3 [H]: payroll code)"
    ),
]

# Indonesia's GDP growth (BPS) per calendar year, dated 1 January of that year: the factor of
# the next year's JP cap. One more row here computes next year's cap (provisional).
GDP_GROWTH_ROWS: list[Param[object]] = [
    Param(GDP_GROWTH, date(2015, 1, 1), Decimal("4.79"), "BPS, GDP growth 2015 (rulebook §1.3 [H])"),
    Param(GDP_GROWTH, date(2016, 1, 1), Decimal("5.02"), "BPS, GDP growth 2016 (rulebook §1.3 [H])"),
    Param(GDP_GROWTH, date(2017, 1, 1), Decimal("5.07"), "BPS, GDP growth 2017 (rulebook §1.3 [H])"),
    Param(GDP_GROWTH, date(2018, 1, 1), Decimal("5.17"), "BPS, GDP growth 2018 (rulebook §1.3 [H])"),
    Param(GDP_GROWTH, date(2019, 1, 1), Decimal("5.02"), "BPS, GDP growth 2019 (rulebook §1.3 [H])"),
    Param(GDP_GROWTH, date(2020, 1, 1), Decimal("-2.07"), "BPS, GDP growth 2020 (rulebook §1.3 [H])"),
    Param(GDP_GROWTH, date(2021, 1, 1), Decimal("3.69"), "BPS, GDP growth 2021 (rulebook §1.3 [H])"),
    Param(GDP_GROWTH, date(2022, 1, 1), Decimal("5.31"), "BPS, GDP growth 2022 (rulebook §1.3 [H])"),
    Param(
        GDP_GROWTH,
        date(2023, 1, 1),
        Decimal("5.05"),
        "BPS BRS 13/02/Th.XXVII, GDP growth 2023 (rulebook §1.3 [H])",
    ),
    Param(GDP_GROWTH, date(2024, 1, 1), Decimal("5.03"), "BPS, GDP growth 2024 (rulebook §1.3 [H])"),
    # One secondary source citing BPS: provisional until checked against the BPS release.
    Param(
        GDP_GROWTH,
        date(2025, 1, 1),
        Decimal("5.11"),
        "BPS via petisibrawijaya.or.id, GDP growth 2025 (rulebook §1.3 [L])",
        provisional=True,
    ),
]


def computed_jp_caps(published: list[Param[object]], growth: list[Param[object]]) -> list[Param[object]]:
    """One computed, provisional cap for each GDP row after the last published cap.

    The cap for March of year Y needs the GDP growth of Y-1; the chain stops at the first
    year without a GDP row.
    """
    last = max(published, key=lambda row: row.valid_from)
    cap = last.value
    assert isinstance(cap, int)
    by_year = {row.valid_from.year: row.value for row in growth}
    rows: list[Param[object]] = []
    year = last.valid_from.year + 1
    while isinstance(rate := by_year.get(year - 1), Decimal):
        cap = next_jp_wage_cap(cap, rate)
        rows.append(
            Param(
                JP_WAGE_CAP,
                date(year, 3, 1),
                cap,
                f"computed, not yet announced by BPJS: PP 45/2015 Pasal 29(3), previous cap x "
                f"(1 + GDP growth {year - 1} of {rate} %), truncated to Rp 100 (rulebook §1.3 [L])",
                provisional=True,
            )
        )
        year += 1
    return rows


# JKP (PP 37/2021, in force 2 Feb 2021; PP 6/2025 from 7 Feb 2025): funded by the government
# and by recomposing part of the JKK and JKM contributions. Reported for information only.
_JKP_ROWS: list[Param[object]] = [
    Param(
        JKP_FUNDING,
        date(2021, 2, 2),
        JkpFunding(_pct("0.46"), _pct("0.22"), _pct("0.14"), _pct("0.10")),
        "PP 37/2021 Pasal 11 (rulebook §1.4 [H]: CNBC 7-3-2022, fame.grid)",
    ),
    Param(
        JKP_FUNDING,
        date(2025, 2, 7),
        JkpFunding(_pct("0.36"), _pct("0.22"), _pct("0.14"), _pct("0")),
        "PP 6/2025 Pasal 11, JKM recomposition removed (rulebook §1.4 [H]: okezone, lampost, bisnis)",
    ),
    Param(
        JKP_WAGE_CAP,
        date(2021, 2, 2),
        5_000_000,
        "PP 37/2021 Pasal 11; PP 6/2025 Pasal 21(3) (rulebook §1.4 [H])",
    ),
]

LABOUR_INTENSIVE_INDUSTRIES = frozenset(
    {"food_beverage_tobacco", "textile", "leather", "footwear", "toys", "furniture"}
)
_PP7_DISCOUNT = IndustryDiscount(_pct("50"), LABOUR_INTENSIVE_INDUSTRIES, 50)

_DISCOUNT_ROWS: list[Param[object]] = [
    Param(JKK_INDUSTRY_DISCOUNT, START, None, f"{_PP44}: no JKK discount"),
    Param(
        JKK_INDUSTRY_DISCOUNT,
        date(2025, 2, 1),
        _PP7_DISCOUNT,
        "PP 7/2025 Pasal 10: 50 % JKK discount for listed labour-intensive industries, "
        "at least 50 active workers (rulebook §1.5 [H]: radiodms, kontan 2-3-2025)",
    ),
    Param(
        JKK_INDUSTRY_DISCOUNT,
        date(2025, 8, 1),
        _PP7_DISCOUNT,
        "PP 36/2025 Pasal 10A (amending PP 7/2025): discount extended to January 2026 "
        "(rulebook §1.5 [H]: radarlambar, CNBC)",
    ),
    Param(
        JKK_INDUSTRY_DISCOUNT, date(2026, 2, 1), None, "PP 36/2025: the JKK discount ended in January 2026"
    ),
    Param(COVID_RELIEF, START, None, "no relief"),
    Param(
        COVID_RELIEF,
        date(2020, 8, 1),
        CovidRelief(_pct("1"), _pct("99")),
        "PP 49/2020: JKK and JKM at 1 % of normal, 99 % of JP deferred, "
        "months Aug 2020 - Jan 2021 (rulebook §1.5 [H], period [M])",
    ),
    Param(COVID_RELIEF, date(2021, 2, 1), None, "PP 49/2020 relief ended with the January 2021 month"),
]

_DUE_ROWS: list[Param[object]] = [
    Param(
        PU_DUE,
        START,
        DueRule(months_after=1, day=15),
        f"{_PP44} (as reported by kontan/Kompas); PROBIS KEPESERTAAN p.19 (rulebook §1.6 [H])",
    ),
    Param(
        PU_DUE,
        date(2020, 8, 1),
        DueRule(months_after=1, day=30),
        "PP 49/2020: due on the 30th of the following month (rulebook §1.5 [H])",
    ),
    Param(
        PU_DUE,
        date(2021, 2, 1),
        DueRule(months_after=1, day=15),
        f"{_PP44} (as reported by kontan/Kompas); PROBIS KEPESERTAAN p.19 (rulebook §1.6 [H])",
    ),
    Param(
        BPU_DUE,
        START,
        DueRule(months_after=0, day=15),
        "Permenaker 1/2016: BPU pay by the 15th of the month itself (rulebook §1.6, §2 [H]: kontan)",
    ),
    Param(
        LATE_FEE_RATE,
        START,
        _pct("2"),
        f"{_PP44}: 2 % per month late (rulebook §1.6 [H]; [M] that JP uses the same rate)",
    ),
    Param(
        LATE_FEE_RATE,
        date(2020, 8, 1),
        _pct("0.5"),
        "PP 49/2020: late fee 0.5 % per month (rulebook §1.5 [H])",
    ),
    Param(
        LATE_FEE_RATE,
        date(2021, 2, 1),
        _pct("2"),
        f"{_PP44}: 2 % per month late (rulebook §1.6 [H]; [M] that JP uses the same rate)",
    ),
]

# BPU income bands (PP 44/2015 Lampiran II): the full list was not retrieved (rulebook §2 [L]).
# Only the bottom (Rp 1.000.000) and the top implied by the maximum JKK of Rp 207.000 are
# known; until the Lampiran is loaded the bands are every Rp 100.000 between them.
_BPU_BANDS = tuple(range(1_000_000, 20_700_001, 100_000))

_BPU_ROWS: list[Param[object]] = [
    Param(
        BPU_JKK_RATE,
        START,
        _pct("1"),
        f"{_PP44} Lampiran II as amended: 1 % of the income band (rulebook §2 [H])",
    ),
    Param(
        BPU_JKM_AMOUNT, START, 6_800, f"{_PP44}: JKM Rp 6.800 a month (rulebook §2 [H]: fame.grid, star.grid)"
    ),
    Param(
        BPU_JHT_RATE,
        START,
        _pct("2"),
        "PP 46/2015: 2 % of the income band (rulebook §2 [H]: star.grid, rbtv)",
    ),
    Param(
        BPU_INCOME_BANDS,
        START,
        _BPU_BANDS,
        f"{_PP44} Lampiran II: bands from Rp 1.000.000 (rulebook §2 [H]); the steps and the top "
        "band Rp 20.700.000 (max JKK Rp 207.000, radarmukomuko) are not verified (rulebook §2 [L])",
        provisional=True,
    ),
    Param(BPU_SEGMENT_DISCOUNT, START, None, "no BPU discount"),
    Param(
        BPU_SEGMENT_DISCOUNT,
        date(2026, 1, 1),
        SegmentDiscount(_pct("50"), frozenset({"transport"}), frozenset({"JKK", "JKM"})),
        "PP 50/2025 Pasal 4(1): 50 % off JKK and JKM for transport BPU, Jan 2026 - Mar 2027 "
        "(rulebook §1.5 [H]: indonesiabaik, ntvnews, Kemnaker 15-1-2026)",
    ),
    Param(BPU_SEGMENT_DISCOUNT, date(2027, 4, 1), None, "PP 50/2025: the BPU discount ended in March 2027"),
]

_PERDIR_22 = "Perdir BPJS 22/PERDIR.02/072022 via PROBIS KEPESERTAAN p.15 (rulebook §1.2 [H])"
# The Perdir is from 2022; no earlier conversion rule is held, so it applies to every month.
_WAGE_BASIS_ROWS: list[Param[object]] = [
    Param(DAILY_WAGE_FACTOR, START, 25, f"{_PERDIR_22}: daily wage x 25"),
    Param(PIECE_RATE_MONTHS, START, 3, f"{_PERDIR_22}: piece-rate, average of the last 3 months"),
    Param(
        WEATHER_PIECE_RATE_MONTHS,
        START,
        12,
        f"{_PERDIR_22}: weather-dependent piece work, average of the last 12 months",
    ),
]

ROWS: list[Param[object]] = [
    *_RATE_ROWS,
    *_WAGE_BASIS_ROWS,
    *PUBLISHED_JP_CAPS,
    *computed_jp_caps(PUBLISHED_JP_CAPS, GDP_GROWTH_ROWS),
    *GDP_GROWTH_ROWS,
    *_JKP_ROWS,
    *_DISCOUNT_ROWS,
    *_DUE_ROWS,
    *_BPU_ROWS,
]

TABLE = ParamTable(ROWS)

"""JP parameter rows (PP 45/2015, Permenaker 29/2015), each with its source."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from jamsos.rules.params import Param, ParamTable

# PP 45/2015 was signed on 30 June 2015; JP contributions and membership start in July 2015.
JP_START = date(2015, 7, 1)

_AGE_SOURCE = (
    "PP 45/2015 Pasal 15(1)-(3): 56 first, 57 from 1 January 2019, then +1 every 3 years up to 65 "
    "(hrd-forum quoting the text; rulebook §3.2 [H])"
)

# The schedule of Pasal 15 as rows: one per step, valid from 1 January of the year it starts.
RETIREMENT_AGES: tuple[Param[object], ...] = (
    Param("jp_retirement_age", JP_START, 56, _AGE_SOURCE),
    *(Param("jp_retirement_age", date(2019 + 3 * step, 1, 1), 57 + step, _AGE_SOURCE) for step in range(9)),
)

_BOUND_COMPUTED = (
    "computed, not announced: previous value x (1 + previous year's inflation), rounded up to Rp 100 "
    "(the rounding that reproduces 2023 to 2024); PP 45/2015 Pasal 18(3); rulebook §3.2 [L], §8 item 2"
)


def _bound(name: str, year: int, value: int, source: str, *, provisional: bool) -> Param[object]:
    # Min and max are adjusted with the March announcement, like the wage cap (rulebook §3.2).
    return Param(name, date(year, 3, 1), value, source, provisional=provisional)


MINIMUM_BENEFITS: tuple[Param[object], ...] = (
    Param(
        "jp_min_benefit",
        JP_START,
        300_000,
        "PP 45/2015 Pasal 18(1): minimum monthly benefit Rp 300.000 (hukumonline, krishand; "
        "rulebook §3.2 [H])",
    ),
    *(
        _bound("jp_min_benefit", year, value, f"JP minimum {year}: {_BOUND_COMPUTED}", provisional=True)
        for year, value in (
            (2016, 310_100),
            (2017, 319_500),
            (2018, 331_100),
            (2019, 341_500),
            (2020, 350_800),
            (2021, 356_700),
            (2022, 363_400),
        )
    ),
    _bound(
        "jp_min_benefit",
        2023,
        383_400,
        "JP minimum from March 2023: Rp 383.400 (suaraindonesia quoting BPJS Bojonegoro; PP 45/2015 "
        "Pasal 18(3); rulebook §3.2 [M])",
        provisional=False,
    ),
    _bound(
        "jp_min_benefit",
        2024,
        393_500,
        "JP minimum from March 2024: Rp 393.500 (suaraindonesia, krishand.com; PP 45/2015 Pasal 18(3); "
        "rulebook §3.2 [M])",
        provisional=False,
    ),
    _bound("jp_min_benefit", 2025, 399_700, f"JP minimum 2025: {_BOUND_COMPUTED}", provisional=True),
    _bound("jp_min_benefit", 2026, 411_400, f"JP minimum 2026: {_BOUND_COMPUTED}", provisional=True),
)

MAXIMUM_BENEFITS: tuple[Param[object], ...] = (
    Param(
        "jp_max_benefit",
        JP_START,
        3_600_000,
        "PP 45/2015 Pasal 18(1): maximum monthly benefit Rp 3.600.000 (hukumonline, krishand; "
        "rulebook §3.2 [H])",
    ),
    *(
        _bound("jp_max_benefit", year, value, f"JP maximum {year}: {_BOUND_COMPUTED}", provisional=True)
        for year, value in (
            (2016, 3_720_600),
            (2017, 3_833_000),
            (2018, 3_971_400),
            (2019, 4_095_800),
            (2020, 4_207_300),
            (2021, 4_278_000),
            (2022, 4_358_000),
        )
    ),
    _bound(
        "jp_max_benefit",
        2023,
        4_598_100,
        "JP maximum from March 2023: Rp 4.598.100 (suaraindonesia quoting BPJS Bojonegoro; PP 45/2015 "
        "Pasal 18(3); rulebook §3.2 [M])",
        provisional=False,
    ),
    _bound(
        "jp_max_benefit",
        2024,
        4_718_200,
        "JP maximum from March 2024: about Rp 4.718.200 (source text truncated; computed; PP 45/2015 "
        "Pasal 18(3); rulebook §3.2 [L])",
        provisional=True,
    ),
    _bound("jp_max_benefit", 2025, 4_792_300, f"JP maximum 2025: {_BOUND_COMPUTED}", provisional=True),
    _bound("jp_max_benefit", 2026, 4_932_300, f"JP maximum 2026: {_BOUND_COMPUTED}", provisional=True),
)

# General (CPI) inflation of a calendar year, stored as a row valid from 1 January of that year
# and read only for that year: it indexes wages (Pasal 17(3)), benefits in payment (Pasal
# 17(1)b, (4)) and the min/max (Pasal 18(3)).
_INFLATION_SOURCE = "BPS general inflation {year}: {value} % (rulebook §3.2, column 'inflation used')"
INFLATION: tuple[Param[object], ...] = tuple(
    Param(
        "inflation",
        date(year, 1, 1),
        Decimal(value),
        _INFLATION_SOURCE.format(year=year, value=value.replace(".", ","))
        + ("; BPS press release 5-1-2026 via pantau.com" if year == 2025 else ""),
    )
    for year, value in (
        (2015, "3.35"),
        (2016, "3.02"),
        (2017, "3.61"),
        (2018, "3.13"),
        (2019, "2.72"),
        (2020, "1.68"),
        (2021, "1.87"),
        (2022, "5.51"),
        (2023, "2.61"),
        (2024, "1.57"),
        (2025, "2.92"),
    )
)

_SURVIVOR_SOURCE = (
    "PP 45/2015 Pasal 20-23 as remembered, not re-verified: widow/widower 50 %, children 50 %, "
    "parent 20 % of the pension formula (rulebook §3.2 [L], §8 item 7)"
)
_DEEMED_SOURCE = (
    "PP 45/2015; Permenaker 29/2015 Pasal 26 (pasal.id text): a contribution period under 15 years "
    "counts as 15 years for a death before retirement age after at least 1 year of membership with a "
    "contribution density of at least 80 % (rulebook §3.2 [L], §8 item 7)"
)

ROWS: tuple[Param[object], ...] = (
    *RETIREMENT_AGES,
    *MINIMUM_BENEFITS,
    *MAXIMUM_BENEFITS,
    *INFLATION,
    Param(
        "jp_accrual_rate",
        JP_START,
        Decimal("1"),
        "PP 45/2015 Pasal 17(2): 1 % x contribution months / 12 x average indexed annual wage / 12 "
        "(hrd-forum quoting the text; rulebook §3.2 [H])",
    ),
    Param(
        "jp_min_contribution_months",
        JP_START,
        180,
        "PP 45/2015 Pasal 16-17; UU SJSN Pasal 41: a monthly old-age pension needs 15 years (180 "
        "months) of contributions, else a lump sum (rulebook §3.2 [H])",
    ),
    Param(
        "jp_max_deferral_months",
        JP_START,
        36,
        "PP 45/2015 Pasal 15(4): a participant still employed at retirement age may start the pension "
        "when leaving work, at most 3 years after retirement age (rulebook §3.2 [H])",
    ),
    Param("jp_share_spouse", JP_START, Decimal("50"), _SURVIVOR_SOURCE, provisional=True),
    Param("jp_share_children", JP_START, Decimal("50"), _SURVIVOR_SOURCE, provisional=True),
    Param("jp_share_parent", JP_START, Decimal("20"), _SURVIVOR_SOURCE, provisional=True),
    Param(
        "jp_max_children",
        JP_START,
        2,
        "PP 45/2015: at most 2 children receive a child pension, until age 23, work or marriage "
        "(kontan, star.gridtechno; rulebook §3.2 [H])",
    ),
    Param(
        "jp_child_age_limit",
        JP_START,
        23,
        "UU SJSN Pasal 41; PP 45/2015: a child pension ends at age 23, work or marriage "
        "(star.gridtechno; rulebook §3.2 [H])",
    ),
    Param("jp_deemed_months", JP_START, 180, _DEEMED_SOURCE, provisional=True),
    Param("jp_deemed_min_membership_months_death", JP_START, 12, _DEEMED_SOURCE, provisional=True),
    Param(
        "jp_deemed_min_membership_months_disability",
        JP_START,
        1,
        "PP 45/2015 Pasal 16; BPJS text via kompas.tv and star.grid 7-2-2024: a disability pension uses "
        "15 years when the total permanent disability occurs after at least 1 month of membership "
        "with a density of at least 80 % (the rulebook §3.2 says 1 year; [L])",
        provisional=True,
    ),
    Param(
        "jp_deemed_min_density",
        JP_START,
        Decimal("80"),
        "Permenaker 29/2015 Pasal 26(1)b: contribution density (months paid / months of membership) "
        "at least 80 % (pasal.id text; rulebook §3.2 [L])",
        provisional=True,
    ),
)

TABLE = ParamTable(ROWS)

"""JKP parameters: cash schedules, wage cap, eligibility, claim limits and funding shares."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from jamsos.rules.params import Param

# PP 37/2021 was promulgated and took effect on 2 February 2021: no JKP before it.
PP_37_2021 = date(2021, 2, 2)
# PP 6/2025 was promulgated and took effect on 7 February 2025 (rulebook section 0.1).
PP_6_2025 = date(2025, 2, 7)

SEPARATIONS = ("termination", "resignation", "contract_end", "retirement", "death")


@dataclass(frozen=True, slots=True)
class CashBand:
    """A run of benefit months paid at one percentage of the capped wage."""

    months: int
    percent: Decimal


@dataclass(frozen=True, slots=True)
class CashSchedule:
    bands: tuple[CashBand, ...]

    @property
    def months(self) -> int:
        return sum(band.months for band in self.bands)


@dataclass(frozen=True, slots=True)
class CoveredSeparations:
    """The kinds of separation that open a JKP claim."""

    codes: tuple[str, ...]


_PP37 = "PP 37/2021"
_PP6 = "PP 6/2025"

ROWS: tuple[Param[object], ...] = (
    Param(
        "jkp.wage_cap",
        PP_37_2021,
        5_000_000,
        f"{_PP37} Pasal 21: wage base capped at Rp 5.000.000 (CNBC 7-3-2022) [H]",
    ),
    Param(
        "jkp.wage_cap",
        PP_6_2025,
        5_000_000,
        f"{_PP6} Pasal 21(2)-(3): wage base capped at Rp 5.000.000 (liputankukar) [H]",
    ),
    Param(
        "jkp.schedule",
        PP_37_2021,
        CashSchedule((CashBand(3, Decimal(45)), CashBand(3, Decimal(25)))),
        f"{_PP37} Pasal 21: 45 % of wage for months 1-3, 25 % for months 4-6 [H]",
    ),
    Param(
        "jkp.schedule",
        PP_6_2025,
        CashSchedule((CashBand(6, Decimal(60)),)),
        f"{_PP6} Pasal 21(1) as amended: 60 % of wage for 6 months (okezone cites Pasal 22(1); "
        "rulebook 8 item 4) [H]",
    ),
    Param(
        "jkp.covered_separations",
        PP_37_2021,
        CoveredSeparations(("termination",)),
        f"{_PP37} Pasal 20: only termination by the employer (PHK); not resignation, retirement, "
        "death, total disability or a fixed-term contract ending on time [H]",
    ),
    Param(
        "jkp.contribution_window_months",
        PP_37_2021,
        24,
        f"{_PP37} Pasal 19: contributions counted in the 24 months before the PHK [H]",
    ),
    Param(
        "jkp.min_contribution_months",
        PP_37_2021,
        12,
        f"{_PP37} Pasal 19: at least 12 contribution months in the last 24; unchanged by {_PP6} [H]",
    ),
    Param(
        "jkp.consecutive_months",
        PP_37_2021,
        6,
        f"{_PP37} Pasal 19: 6 consecutive months paid before the PHK (BPJS FAQ) [M]",
    ),
    Param(
        "jkp.consecutive_months",
        PP_6_2025,
        0,
        f"{_PP6} Pasal 19: the 6-consecutive-month condition reportedly removed (ptgasi 8-5-2025, "
        "ragamutama) while BPJS FAQ pages still show it; rulebook 8 item 3 [M, disputed]",
        provisional=True,
    ),
    Param(
        "jkp.claim_window_months",
        PP_37_2021,
        3,
        f"{_PP37}: claim within 3 months of the PHK (lampost; lakukerja) [H]",
    ),
    Param(
        "jkp.claim_window_months",
        PP_6_2025,
        6,
        f"{_PP6} Pasal 40: claim within 6 months of the PHK (impor.wush; lampost) [H]",
    ),
    Param(
        "jkp.max_claims",
        PP_37_2021,
        3,
        f"{_PP37}: at most 3 claims during membership (star.grid citing BPJS) [M]",
    ),
    Param(
        "jkp.repeat_claim_min_months",
        PP_37_2021,
        60,
        f"{_PP37}: the 2nd and 3rd claims need 5 years (60 months) of contributions (star.grid) [M]",
    ),
    # Funding (rulebook 1.4): not billed; government pays a share and JKK/JKM contributions are recomposed.
    Param(
        "jkp.funding.rate",
        PP_37_2021,
        Decimal("0.46"),
        f"{_PP37} Pasal 11: 0,46 % of the capped wage (CNBC 7-3-2022) [H]",
    ),
    Param(
        "jkp.funding.rate",
        PP_6_2025,
        Decimal("0.36"),
        f"{_PP6} Pasal 11: 0,36 % of the capped wage (okezone 16-2-2025) [H]",
    ),
    Param(
        "jkp.funding.government",
        PP_37_2021,
        Decimal("0.22"),
        f"{_PP37} Pasal 11: 0,22 % paid by the central government [H]",
    ),
    Param(
        "jkp.funding.from_jkk",
        PP_37_2021,
        Decimal("0.14"),
        f"{_PP37} Pasal 11; PP 44/2015 Pasal 16A added by PP 49/2023: 0,14 % recomposed from JKK [H]",
    ),
    Param(
        "jkp.funding.from_jkm",
        PP_37_2021,
        Decimal("0.10"),
        f"{_PP37} Pasal 11; PP 44/2015 Pasal 18A added by PP 49/2023: 0,10 % recomposed from JKM [H]",
    ),
    Param(
        "jkp.funding.from_jkm",
        PP_6_2025,
        Decimal(0),
        f"{_PP6} Pasal 11: JKM recomposition removed, JKM keeps its full 0,30 % (okezone; lampost) [H]",
    ),
)

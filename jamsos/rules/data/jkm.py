"""JKM parameters: death benefit amounts and the scholarship schedule, each row with its source."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Literal

from jamsos.rules.params import Param

Level = Literal["TK", "SD", "SMP", "SMA", "S1"]
LEVELS: tuple[Level, ...] = ("TK", "SD", "SMP", "SMA", "S1")

# PP 44/2015 took effect on 1 July 2015; the engine holds no JKM/JKK rules before it.
PP_44_2015 = date(2015, 7, 1)
# PP 82/2019 took effect on the day it was promulgated (rulebook section 0.1).
PP_82_2019 = date(2019, 12, 2)
# Permenaker 5/2021 restated the scholarship procedure and table, effective 1 April 2021.
PERMENAKER_5_2021 = date(2021, 4, 1)

LEVEL_NAMES: dict[Level, tuple[str, str]] = {
    "TK": ("taman kanak-kanak (TK)", "kindergarten (TK)"),
    "SD": ("sekolah dasar (SD)", "primary school (SD)"),
    "SMP": ("sekolah menengah pertama (SMP)", "junior secondary school (SMP)"),
    "SMA": ("sekolah menengah atas (SMA)", "senior secondary school (SMA)"),
    "S1": ("perguruan tinggi sampai S1 / pelatihan", "higher education up to S1 / training"),
}


@dataclass(frozen=True, slots=True)
class LevelGrant:
    """What one child at one school level receives: an amount a year for at most some years."""

    per_year: int
    max_years: int

    @property
    def cap(self) -> int:
        return self.per_year * self.max_years


@dataclass(frozen=True, slots=True)
class ScholarshipSchedule:
    """The scholarship rule in force: per-level yearly grants, or one grant per participant.

    `levels` is empty under PP 44/2015, which paid one grant of `one_off` for one child.
    """

    levels: tuple[tuple[Level, LevelGrant], ...]
    one_off: int
    max_children: int
    cap_per_child: int
    cap_total: int

    def grant(self, level: Level) -> LevelGrant | None:
        for name, grant in self.levels:
            if name == level:
                return grant
        return None


_PER_LEVEL = ScholarshipSchedule(
    levels=(
        ("TK", LevelGrant(per_year=1_500_000, max_years=2)),
        ("SD", LevelGrant(per_year=1_500_000, max_years=6)),
        ("SMP", LevelGrant(per_year=2_000_000, max_years=3)),
        ("SMA", LevelGrant(per_year=3_000_000, max_years=3)),
        ("S1", LevelGrant(per_year=12_000_000, max_years=5)),
    ),
    one_off=0,
    max_children=2,
    cap_per_child=87_000_000,
    cap_total=174_000_000,
)

_PP44_SRC = "PP 44/2015 Pasal 34 (rulebook 3.3, column 'before PP 82/2019') [H]"
_PP82_SRC = "PP 44/2015 Pasal 34 as amended by PP 82/2019 (harianjogja 23-12-2019; okezone) [H]"

ROWS: tuple[Param[object], ...] = (
    Param("jkm.lump_sum", PP_44_2015, 16_200_000, _PP44_SRC),
    Param("jkm.lump_sum", PP_82_2019, 20_000_000, _PP82_SRC),
    Param("jkm.periodic_monthly", PP_44_2015, 200_000, _PP44_SRC),
    Param("jkm.periodic_monthly", PP_82_2019, 500_000, _PP82_SRC),
    Param("jkm.periodic_months", PP_44_2015, 24, _PP44_SRC),
    Param("jkm.funeral", PP_44_2015, 3_000_000, _PP44_SRC),
    Param("jkm.funeral", PP_82_2019, 10_000_000, _PP82_SRC),
    Param("jkm.scholarship_min_months", PP_44_2015, 60, _PP44_SRC),
    Param("jkm.scholarship_min_months", PP_82_2019, 36, _PP82_SRC),
    Param(
        "scholarship.schedule",
        PP_44_2015,
        ScholarshipSchedule(
            levels=(), one_off=12_000_000, max_children=1, cap_per_child=12_000_000, cap_total=12_000_000
        ),
        "PP 44/2015: one education grant of Rp 12.000.000 for one child (rulebook 3.3) [H]",
    ),
    Param(
        "scholarship.schedule",
        PP_82_2019,
        _PER_LEVEL,
        "PP 82/2019 (Pasal 34 as amended): per level and year, at most 2 children (detik 14-1-2020) [H]",
    ),
    Param(
        "scholarship.schedule",
        PERMENAKER_5_2021,
        _PER_LEVEL,
        "Permenaker 5/2021 (from 1 Apr 2021): per level and year, claimed yearly, at most 2 children [H]",
    ),
)

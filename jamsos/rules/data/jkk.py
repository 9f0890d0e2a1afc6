"""JKK parameters: cash benefits, caps, STMB bands, claim expiry and the disability table."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from jamsos.rules.data.jkm import PP_44_2015, PP_82_2019
from jamsos.rules.params import Param

TRANSPORT_MODES = ("land", "sea", "air")
# Aids whose cap the rulebook names; glasses and hearing aids have none yet (rulebook 8 item 11).
AIDS = ("dentures", "glasses", "hearing_aid")


@dataclass(frozen=True, slots=True)
class StmbBand:
    """A stretch of temporary incapacity paid at one percentage of the wage.

    `months` is None for the last band, which runs until recovery, disability or death.
    """

    months: int | None
    percent: Decimal


@dataclass(frozen=True, slots=True)
class StmbSchedule:
    bands: tuple[StmbBand, ...]


@dataclass(frozen=True, slots=True)
class DisabilityEntry:
    """One row of the disability table: a body part or function and its percentage."""

    code: str
    percent: Decimal
    label_id: str
    label_en: str


@dataclass(frozen=True, slots=True)
class DisabilityTable:
    """The percentage table of the Lampiran, with where it came from and whether it is verified."""

    entries: tuple[DisabilityEntry, ...]
    source: str
    provisional: bool

    def entry(self, code: str) -> DisabilityEntry | None:
        for item in self.entries:
            if item.code == code:
                return item
        return None

    @property
    def codes(self) -> tuple[str, ...]:
        return tuple(item.code for item in self.entries)


def _entry(code: str, percent: int, label_id: str, label_en: str) -> DisabilityEntry:
    return DisabilityEntry(code=code, percent=Decimal(percent), label_id=label_id, label_en=label_en)


_ILLUSTRATIVE_SOURCE = (
    "Illustrative excerpt of the PP 44/2015 Lampiran disability table, from memory; load the "
    "official Lampiran (PP 82/2019) with jkk.load_disability_table "
    "before production (rulebook 3.4, 8 item 11) [L]"
)

# A few well-known rows so the engine works end to end; every use is marked provisional.
ILLUSTRATIVE_DISABILITY_TABLE = DisabilityTable(
    entries=(
        _entry(
            "arm_right_shoulder", 40, "lengan kanan dari sendi bahu ke bawah", "right arm from the shoulder"
        ),
        _entry("arm_left_shoulder", 35, "lengan kiri dari sendi bahu ke bawah", "left arm from the shoulder"),
        _entry("arm_right_elbow", 35, "lengan kanan dari siku ke bawah", "right arm from the elbow"),
        _entry("arm_left_elbow", 30, "lengan kiri dari siku ke bawah", "left arm from the elbow"),
        _entry("hand_right", 32, "tangan kanan dari pergelangan ke bawah", "right hand from the wrist"),
        _entry("hand_left", 28, "tangan kiri dari pergelangan ke bawah", "left hand from the wrist"),
        _entry("legs_both_hip", 70, "kedua kaki dari pangkal paha ke bawah", "both legs from the hip"),
        _entry("leg_hip", 35, "sebelah kaki dari pangkal paha ke bawah", "one leg from the hip"),
        _entry("foot_ankle", 25, "sebelah kaki dari mata kaki ke bawah", "one foot from the ankle"),
        _entry("thumb_right", 15, "ibu jari tangan kanan", "right thumb"),
        _entry("thumb_left", 12, "ibu jari tangan kiri", "left thumb"),
        _entry("index_finger_right", 9, "jari telunjuk kanan", "right index finger"),
        _entry("eyes_both", 70, "kedua mata", "sight of both eyes"),
        _entry("eye_one", 35, "sebelah mata", "sight of one eye"),
        _entry("hearing_both", 40, "pendengaran kedua telinga", "hearing of both ears"),
        _entry("hearing_one", 20, "pendengaran sebelah telinga", "hearing of one ear"),
    ),
    source=_ILLUSTRATIVE_SOURCE,
    provisional=True,
)

_PP44_SRC = "PP 44/2015 Lampiran (JKK benefits) [H]"
_PP82_SRC = "PP 44/2015 Lampiran as amended by PP 82/2019 (e-kliping p.43; jpnn) [H]"
# Amounts the rulebook does not give for JKK before PP 82/2019: taken to mirror JKM's old amounts.
_PP44_GUESS = "PP 44/2015 Lampiran, not in the rulebook: assumed equal to JKM's pre-PP 82/2019 amount [L]"

ROWS: tuple[Param[object], ...] = (
    # Transport of the victim to care: a cap per mode, reimbursed at cost up to it.
    Param("jkk.transport_cap.land", PP_44_2015, 1_000_000, _PP44_SRC),
    Param("jkk.transport_cap.land", PP_82_2019, 5_000_000, _PP82_SRC),
    Param("jkk.transport_cap.sea", PP_44_2015, 1_500_000, _PP44_SRC),
    Param("jkk.transport_cap.sea", PP_82_2019, 2_000_000, _PP82_SRC),
    Param("jkk.transport_cap.air", PP_44_2015, 2_500_000, _PP44_SRC),
    Param("jkk.transport_cap.air", PP_82_2019, 10_000_000, _PP82_SRC),
    # Temporary incapacity (STMB).
    Param(
        "jkk.stmb",
        PP_44_2015,
        StmbSchedule((StmbBand(6, Decimal(100)), StmbBand(6, Decimal(75)), StmbBand(None, Decimal(50)))),
        "PP 44/2015 Lampiran: 6 months 100 %, 6 months 75 %, then 50 % (rulebook 3.4: pre-2019 steps) [L]",
        provisional=True,
    ),
    Param(
        "jkk.stmb",
        PP_82_2019,
        StmbSchedule((StmbBand(12, Decimal(100)), StmbBand(None, Decimal(50)))),
        "PP 82/2019: 100 % of wage for 12 months, then 50 % (e-kliping p.43; idxchannel) [H]",
    ),
    # Lump sums are a percentage of 80 months' wage.
    Param("jkk.wage_months", PP_44_2015, 80, "PP 44/2015 Lampiran: benefit base is 80 x monthly wage [H]"),
    Param(
        "jkk.total_disability_percent",
        PP_44_2015,
        Decimal(70),
        "PP 44/2015 Lampiran: total permanent disability 70 % x 80 x wage (jpnn: 56 x wage) [H]",
    ),
    Param(
        "jkk.death_percent",
        PP_44_2015,
        Decimal(60),
        "PP 44/2015 Lampiran: death 60 % x 80 x wage = 48 x wage (e-kliping p.43) [H]",
    ),
    Param(
        "jkk.functional_disability",
        PP_44_2015,
        True,
        "PP 44/2015 Lampiran: functional loss = loss of function % x table % x 80 x wage (rulebook 3.4) [M]",
    ),
    Param("jkk.death.funeral", PP_44_2015, 3_000_000, _PP44_GUESS, provisional=True),
    Param("jkk.death.funeral", PP_82_2019, 10_000_000, _PP82_SRC),
    Param("jkk.death.periodic_monthly", PP_44_2015, 200_000, _PP44_GUESS, provisional=True),
    Param("jkk.death.periodic_monthly", PP_82_2019, 500_000, _PP82_SRC),
    Param("jkk.death.periodic_months", PP_44_2015, 24, _PP44_GUESS, provisional=True),
    Param("jkk.death.periodic_months", PP_82_2019, 24, _PP82_SRC),
    Param("jkk.total_disability.periodic_monthly", PP_44_2015, 200_000, _PP44_GUESS, provisional=True),
    Param(
        "jkk.total_disability.periodic_monthly",
        PP_82_2019,
        500_000,
        "PP 82/2019: periodic 24 x Rp 500.000 paid at once for total disability (e-kliping p.43) [M]",
    ),
    Param("jkk.total_disability.periodic_months", PP_44_2015, 24, _PP44_GUESS, provisional=True),
    Param(
        "jkk.total_disability.periodic_months",
        PP_82_2019,
        24,
        "PP 82/2019: periodic 24 x Rp 500.000 paid at once for total disability (e-kliping p.43) [M]",
    ),
    # The scholarship of a JKK death or total disability has no minimum contribution period.
    Param(
        "jkk.scholarship_min_months",
        PP_44_2015,
        0,
        "PP 44/2015 as amended by PP 82/2019: JKK scholarship needs no minimum period (simulator) [M]",
    ),
    Param("jkk.claim_expiry_years", PP_44_2015, 2, "PP 44/2015: rights lapse 2 years after the accident [H]"),
    Param(
        "jkk.claim_expiry_years",
        PP_82_2019,
        5,
        "PP 82/2019 Pasal 26: rights lapse 5 years after the accident or diagnosis (harianjogja) [H]",
    ),
    Param(
        "jkk.aid_cap.dentures",
        PP_82_2019,
        5_000_000,
        "PP 82/2019 Lampiran: dentures about Rp 5.000.000 (rulebook 3.4, not verified) [L]",
        provisional=True,
    ),
    Param(
        "jkk.disability_table",
        PP_44_2015,
        ILLUSTRATIVE_DISABILITY_TABLE,
        _ILLUSTRATIVE_SOURCE,
        provisional=True,
    ),
)

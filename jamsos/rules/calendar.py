"""Due dates, working days, Indonesian public holidays, late-payment months and late fees."""

from __future__ import annotations

import functools
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

import holidays

from jamsos.rules.data import contributions as data
from jamsos.rules.errors import RuleError
from jamsos.rules.explain import Explained, Explanation
from jamsos.rules.inputs import whole_number
from jamsos.rules.money import pct_en, pct_id, percent, rp_en, rp_id
from jamsos.rules.params import Param

SEGMENTS = ("PU", "BPU")
# The `holidays` package's default category for Indonesia: the public holidays set by SKB
# Menteri. Its "government" category holds cuti bersama (joint leave); those are not public
# holidays for payments, so they do not move a due date (rulebook convention; see the docs).
HOLIDAY_CATEGORIES = ("public",)
HOLIDAY_SOURCE = (
    "public holidays of the `holidays` package's Indonesian calendar (cuti bersama not counted) "
    "(rulebook, conventions jamsos adopts)"
)
# The holiday calendar beyond this is an estimate and dates run out at 9999; a contribution
# month after it is a mistake in the input, not a month to bill.
LAST_MONTH = date(2099, 12, 1)

_MONTHS_ID = (
    "Januari",
    "Februari",
    "Maret",
    "April",
    "Mei",
    "Juni",
    "Juli",
    "Agustus",
    "September",
    "Oktober",
    "November",
    "Desember",
)
_MONTHS_EN = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
_DAYS_ID = ("Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu")
_DAYS_EN = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def date_id(day: date) -> str:
    """Senin, 17 Maret 2025."""
    return f"{_DAYS_ID[day.weekday()]}, {day.day} {_MONTHS_ID[day.month - 1]} {day.year}"


def date_en(day: date) -> str:
    """Monday 17 March 2025."""
    return f"{_DAYS_EN[day.weekday()]} {day.day} {_MONTHS_EN[day.month - 1]} {day.year}"


def month_id(month: date) -> str:
    return f"{_MONTHS_ID[month.month - 1]} {month.year}"


def month_en(month: date) -> str:
    return f"{_MONTHS_EN[month.month - 1]} {month.year}"


def month_index(day: date) -> int:
    """Months since year 0: the difference of two indexes counts calendar months."""
    return day.year * 12 + day.month - 1


def add_months(day: date, months: int, *, on_day: int | None = None) -> date:
    """The date `months` later on `on_day` (default: the same day); a day past the month's end
    means its last day (31 January + 1 month = 28 or 29 February). A RuleError, never a
    ValueError, when the date falls outside the years 1 to 9999."""
    year, month0 = divmod(month_index(day) + months, 12)
    if not 1 <= year <= 9999:
        raise _out_of_range(day, f"{months} months")
    wanted = day.day if on_day is None else on_day
    last = 31 if month0 == 11 else (date(year, month0 + 2, 1) - timedelta(days=1)).day
    return date(year, month0 + 1, min(wanted, last))


def anniversary(day: date, years: int) -> date:
    """The date `years` after `day`; someone born on 29 February has the anniversary on 1 March.
    A RuleError, never a ValueError, when it falls outside the years 1 to 9999."""
    if not 1 <= day.year + years <= 9999:
        raise _out_of_range(day, f"{years} years")
    try:
        return day.replace(year=day.year + years)
    except ValueError:
        return date(day.year + years, 3, 1)


def _out_of_range(day: date, what: str) -> RuleError:
    return RuleError(
        "invalid_input",
        en=f"{what} from {day.isoformat()} is beyond the year 9999.",
        id=f"{what} dari {day.isoformat()} melewati tahun 9999.",
    )


@functools.lru_cache(maxsize=128)
def _holidays(year: int) -> dict[date, tuple[str, str]]:
    """The public holidays of `year`: date -> (name in Indonesian, name in English)."""
    names_id = holidays.country_holidays("ID", years=year, language="id", categories=HOLIDAY_CATEGORIES)
    names_en = holidays.country_holidays("ID", years=year, language="en_US", categories=HOLIDAY_CATEGORIES)
    return {day: (str(names_id[day]), str(names_en[day])) for day in names_id}


def holiday(day: date) -> tuple[str, str] | None:
    """The public holiday on `day` as (Indonesian name, English name), or None."""
    return _holidays(day.year).get(day)


@dataclass(frozen=True, slots=True)
class SkippedDay:
    """A day a due date moved past, and why."""

    day: date
    reason_id: str
    reason_en: str


def why_not_working(day: date) -> SkippedDay | None:
    """Why `day` is not a working day (weekend or public holiday), or None when it is one."""
    names = holiday(day)
    if names is not None:
        return SkippedDay(day, f"hari libur nasional: {names[0]}", f"public holiday: {names[1]}")
    if day.weekday() >= 5:
        return SkippedDay(day, f"hari {_DAYS_ID[day.weekday()]}", _DAYS_EN[day.weekday()])
    return None


def is_working_day(day: date) -> bool:
    return why_not_working(day) is None


def next_working_day(day: date) -> tuple[date, tuple[SkippedDay, ...]]:
    """`day` itself when it is a working day, else the first working day after it, with the
    days skipped on the way."""
    skipped: list[SkippedDay] = []
    while (reason := why_not_working(day)) is not None:
        skipped.append(reason)
        day += timedelta(days=1)
    return day, tuple(skipped)


@dataclass(frozen=True, slots=True)
class DueDate:
    """When a month's contributions are due, and how that date was found."""

    month: date
    segment: str
    nominal: date
    due: date
    skipped: tuple[SkippedDay, ...]
    rule: Param[object]

    def explain(self, explanation: Explanation) -> None:
        rule = self.rule.value
        assert isinstance(rule, data.DueRule)
        if rule.months_after == 0:
            which_id, which_en = "bulan iuran itu sendiri", "the contribution month itself"
        else:
            which_id, which_en = "bulan berikutnya", "the following month"
        explanation.add(
            "due_date.nominal",
            self.nominal,
            id=f"Iuran {self.segment} bulan {month_id(self.month)} jatuh tempo tanggal {rule.day} "
            f"{which_id} (hari terakhir bulan bila bulannya lebih pendek): {date_id(self.nominal)}.",
            en=f"{self.segment} contributions for {month_en(self.month)} are due on day {rule.day} of "
            f"{which_en} (its last day when the month is shorter): {date_en(self.nominal)}.",
            cite=self.rule,
        )
        for skipped in self.skipped:
            explanation.add(
                "due_date.skipped",
                skipped.day,
                id=f"{date_id(skipped.day)} bukan hari kerja ({skipped.reason_id}): "
                "mundur ke hari berikutnya.",
                en=f"{date_en(skipped.day)} is not a working day ({skipped.reason_en}): "
                "moved to the next day.",
                cite=HOLIDAY_SOURCE,
            )
        explanation.add(
            "due_date",
            self.due,
            id=f"Batas waktu pembayaran: {date_id(self.due)} (hari kerja; Sabtu, Minggu dan hari libur "
            "nasional dilewati, cuti bersama tidak dihitung).",
            en=f"Payment due by {date_en(self.due)} (a working day; Saturdays, Sundays and public "
            "holidays are skipped, cuti bersama is not counted).",
            cite=f"{self.rule.source}; {HOLIDAY_SOURCE}",
        )


def _check_month(month: date) -> date:
    first = month.replace(day=1)
    if first > LAST_MONTH:
        raise RuleError(
            "month_out_of_range",
            en=f"The month {first:%Y-%m} is after {LAST_MONTH:%Y-%m}, beyond the holiday calendar.",
            id=f"Bulan {first:%Y-%m} sesudah {LAST_MONTH:%Y-%m}, di luar kalender hari libur.",
        )
    return first


@functools.lru_cache(maxsize=4096)
def due_date(month: date, segment: str = "PU") -> DueDate:
    """The due date of `month`'s contributions: PU the 15th of the next month (the 30th under
    PP 49/2020), BPU the 15th of the same month; moved forward past Saturdays, Sundays and
    public holidays."""
    if segment not in SEGMENTS:
        raise RuleError(
            "unknown_segment",
            en=f"The segment must be PU or BPU, not {segment!r}.",
            id=f"Segmen harus PU atau BPU, bukan {segment!r}.",
        )
    first = _check_month(month)
    rule_row = data.TABLE.at(data.PU_DUE if segment == "PU" else data.BPU_DUE, first)
    rule = rule_row.value
    assert isinstance(rule, data.DueRule)
    nominal = add_months(first, rule.months_after, on_day=rule.day)
    due, skipped = next_working_day(nominal)
    return DueDate(first, segment, nominal, due, skipped, rule_row)


def months_late(due: date, paid_on: date) -> int:
    """Whole months started after the due date (rulebook convention): paid on or before the due
    date is 0; one day late up to one month after the due date is 1; and so on."""
    if paid_on <= due:
        return 0
    # Month k (k = 1, 2, ...) has started when paid_on is after due + (k - 1) months; those
    # dates grow with k, so it is enough to look at the one in paid_on's own month.
    months_between = (paid_on.year - due.year) * 12 + paid_on.month - due.month
    return months_between + (1 if add_months(due, months_between) < paid_on else 0)


def late_fee_rate(month: date | None = None) -> Param[object]:
    """The late-fee row for a contribution month (0.5 % under PP 49/2020); without a month,
    the rate in force now: the last row."""
    if month is None:
        return data.TABLE.series(data.LATE_FEE_RATE)[-1]
    return data.TABLE.at(data.LATE_FEE_RATE, _check_month(month))


@dataclass(frozen=True)
class LateFee(Explained):
    """A late-payment fee: contribution x rate x months started late, rounded half-up."""

    contribution: int
    months_late: int
    rate: Decimal
    fee: int
    rate_row: Param[object] | None
    due: date | None = None
    paid_on: date | None = None

    @functools.cached_property
    def explanation(self) -> Explanation:
        explanation = Explanation()
        if self.due is not None and self.paid_on is not None:
            explanation.add(
                "months_late",
                self.months_late,
                id=f"Jatuh tempo {date_id(self.due)}, dibayar {date_id(self.paid_on)}: "
                f"{self.months_late} bulan keterlambatan (setiap bulan yang sudah dimulai sesudah "
                "jatuh tempo dihitung penuh).",
                en=f"Due {date_en(self.due)}, paid {date_en(self.paid_on)}: {self.months_late} months "
                "late (every month started after the due date counts in full).",
                cite="jamsos convention: whole months started after the due date; BPJS's counting "
                "rule not found (rulebook §1.6 [L])",
                provisional=True,
            )
        cite: str | Param[object] = self.rate_row if self.rate_row is not None else "rate given by the caller"
        explanation.add(
            "fee",
            self.fee,
            id=f"Denda: {pct_id(self.rate)} × {self.months_late} bulan × {rp_id(self.contribution)} = "
            f"{rp_id(self.fee)} (dibulatkan ke rupiah terdekat), ditanggung pemberi kerja.",
            en=f"Late fee: {pct_en(self.rate)} × {self.months_late} months × {rp_en(self.contribution)} = "
            f"{rp_en(self.fee)} (rounded half-up to whole rupiah), borne by the employer.",
            cite=cite,
        )
        return explanation

    def to_json(self) -> dict[str, object]:
        return self.explained(
            {
                "fee": self.fee,
                "contribution": self.contribution,
                "months_late": self.months_late,
                "rate": str(self.rate),
                "due_date": self.due.isoformat() if self.due is not None else None,
                "paid_on": self.paid_on.isoformat() if self.paid_on is not None else None,
            }
        )


def late_fee(
    contribution: int,
    months_late: int,
    rate: Decimal | None = None,
    *,
    month: date | None = None,
    due: date | None = None,
    paid_on: date | None = None,
) -> LateFee:
    """Late fee on `contribution` for `months_late` months: rate x months as one percentage of
    the contribution, rounded half-up once. `rate` defaults to the row for `month` (2 %;
    0.5 % for PP 49/2020 months)."""
    whole_number("contribution", contribution)
    whole_number("months_late", months_late)
    rate_row: Param[object] | None = None
    if rate is None:
        rate_row = late_fee_rate(month)
        value = rate_row.value
        assert isinstance(value, Decimal)
        rate = value
    elif not isinstance(rate, Decimal) or not Decimal(0) <= rate <= Decimal(100):
        raise RuleError(
            "invalid_input",
            en="rate: must be a percentage between 0 and 100.",
            id="rate: harus persentase antara 0 dan 100.",
            field="rate",
        )
    fee = percent(contribution, rate * months_late)
    return LateFee(contribution, months_late, rate, fee, rate_row, due, paid_on)

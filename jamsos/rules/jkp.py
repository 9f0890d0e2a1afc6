"""JKP (Jaminan Kehilangan Pekerjaan): job-loss cash benefit, eligibility and funding (rulebook 3.5, 1.4)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal

from jamsos.rules.calendar import add_months
from jamsos.rules.data import jkp as data
from jamsos.rules.data.jkp import SEPARATIONS, CashSchedule, CoveredSeparations
from jamsos.rules.errors import RuleError
from jamsos.rules.explain import Checked, Condition, Explained, Explanation, record
from jamsos.rules.inputs import MAX_MONEY, Inputs, check_money, invalid, whole_number
from jamsos.rules.money import pct_en, pct_id, percent, rp_en, rp_id
from jamsos.rules.params import Param, ParamTable

PARAMS = ParamTable(data.ROWS)

SEPARATION_NAMES: dict[str, tuple[str, str]] = {
    "termination": ("pemutusan hubungan kerja (PHK)", "termination by the employer (PHK)"),
    "resignation": ("mengundurkan diri", "resignation"),
    "contract_end": ("kontrak kerja waktu tertentu (PKWT) berakhir", "a fixed-term contract (PKWT) ending"),
    "retirement": ("pensiun", "retirement"),
    "death": ("meninggal dunia", "death"),
}


def require_in_force(on: date, *, field_name: str) -> None:
    """Refuses a date before PP 37/2021: JKP did not exist."""
    start = data.PP_37_2021
    if on < start:
        raise RuleError(
            "not_in_force",
            en=f"{field_name} {on.isoformat()}: JKP did not exist before {start.isoformat()} (PP 37/2021).",
            id=f"{field_name} {on.isoformat()}: JKP belum ada sebelum {start.isoformat()} (PP 37/2021).",
            field=field_name,
            first_valid=start.isoformat(),
        )


def regulation_label(on: date) -> str:
    return "PP 37/2021 jo. PP 6/2025" if on >= data.PP_6_2025 else "PP 37/2021"


@dataclass(frozen=True, slots=True)
class JkpBenefit(Checked):
    """The JKP cash benefit for one separation: eligibility, the monthly schedule and its total."""

    separation_date: date
    regulation: str
    eligible: bool
    wage_base: int
    monthly: tuple[int, ...]
    total: int
    claim_deadline: date
    conditions: tuple[Condition, ...]
    explanation: Explanation = field(compare=False)

    def to_json(self) -> dict[str, object]:
        return self.checked(
            {
                "separation_date": self.separation_date.isoformat(),
                "regulation": self.regulation,
                "eligible": self.eligible,
                "monthly": list(self.monthly),
                "total": self.total,
                "wage_base": self.wage_base,
                "claim_deadline": self.claim_deadline.isoformat(),
            }
        )


def jkp_benefit(
    separation_date: date,
    separation: str,
    wage: int,
    contribution_months_last_24: int,
    consecutive_months_before_separation: int | None = None,
    *,
    claims_so_far: int = 0,
    claim_date: date | None = None,
    contribution_months_total: int | None = None,
) -> JkpBenefit:
    """Checks the JKP conditions in force on the separation date and, when all hold, the cash schedule.

    `consecutive_months_before_separation` is needed only under PP 37/2021 (before 7 Feb 2025);
    `claims_so_far` counts earlier JKP claims; `claim_date` and `contribution_months_total`
    are checked when given and reported as not checked otherwise.
    """
    if separation not in SEPARATIONS:
        allowed = ", ".join(SEPARATIONS)
        raise RuleError(
            "unknown_separation",
            en=f"Unknown separation {separation!r}; use one of {allowed}.",
            id=f"Jenis berhenti bekerja {separation!r} tidak dikenal; gunakan salah satu dari {allowed}.",
            field="separation",
        )
    wage = check_money("wage", wage, maximum=MAX_MONEY)
    require_in_force(separation_date, field_name="separation_date")
    window_row = PARAMS.at_typed("jkp.contribution_window_months", separation_date, int)
    window = window_row.value
    last_24 = whole_number("contribution_months_last_24", contribution_months_last_24, maximum=window)
    claims = whole_number("claims_so_far", claims_so_far)
    consecutive = (
        None
        if consecutive_months_before_separation is None
        else whole_number("consecutive_months_before_separation", consecutive_months_before_separation)
    )
    if consecutive is not None and min(consecutive, window) > last_24:
        raise invalid(
            "consecutive_months_before_separation",
            f"{consecutive} consecutive months cannot exceed the "
            f"{last_24} contribution months of the last {window}.",
            f"{consecutive} bulan berturut-turut tidak mungkin melebihi "
            f"{last_24} bulan iuran dalam {window} bulan terakhir.",
            "inconsistent_input",
        )
    total_months = (
        None
        if contribution_months_total is None
        else whole_number("contribution_months_total", contribution_months_total, minimum=last_24)
    )
    if claim_date is not None and claim_date < separation_date:
        raise invalid(
            "claim_date",
            "a claim cannot precede the separation.",
            "klaim tidak mungkin sebelum berhenti bekerja.",
            "inconsistent_input",
        )

    explanation = Explanation()
    explanation.add(
        "regulation",
        regulation_label(separation_date),
        id=(
            f"Berhenti bekerja pada {separation_date.isoformat()}: "
            f"berlaku {regulation_label(separation_date)}."
        ),
        en=f"Separation on {separation_date.isoformat()}: {regulation_label(separation_date)} applies.",
        cite="PP 6/2025 took effect on 7 Feb 2025 (rulebook 0.1) [H]",
    )
    window_months_row = PARAMS.at_typed("jkp.claim_window_months", separation_date, int)
    deadline = add_months(separation_date, window_months_row.value)
    separation_condition = _separation_condition(separation, separation_date)
    months_condition = _months_condition(last_24, window_row, separation_date)
    window_condition = _window_condition(claim_date, deadline, window_months_row)
    claims_conditions = _claims_conditions(claims, total_months, separation_date)
    others = (separation_condition, months_condition, window_condition, *claims_conditions)
    consecutive_condition = _consecutive_condition(
        consecutive, separation_date, decisive=all(condition.met is not False for condition in others)
    )
    conditions = [
        record(explanation, condition)
        for condition in (
            separation_condition,
            months_condition,
            consecutive_condition,
            window_condition,
            *claims_conditions,
        )
    ]
    eligible = all(condition.met is not False for condition in conditions)

    wage_base, monthly = _schedule(separation_date, wage, explanation, eligible=eligible)
    total = sum(monthly)
    if eligible:
        explanation.add(
            "total",
            total,
            id=(
                "Jumlah manfaat uang tunai: "
                f"{' + '.join(rp_id(amount) for amount in monthly)} = {rp_id(total)}."
            ),
            en=f"Total cash benefit: {' + '.join(rp_en(amount) for amount in monthly)} = {rp_en(total)}.",
            cite=regulation_label(separation_date),
        )
    else:
        explanation.add(
            "total",
            0,
            id="Tidak memenuhi syarat: tidak ada manfaat uang tunai.",
            en="Not eligible: no cash benefit.",
            cite=regulation_label(separation_date),
        )
    return JkpBenefit(
        separation_date=separation_date,
        regulation=regulation_label(separation_date),
        eligible=eligible,
        wage_base=wage_base,
        monthly=tuple(monthly),
        total=total,
        claim_deadline=deadline,
        conditions=tuple(conditions),
        explanation=explanation,
    )


def _separation_condition(separation: str, on: date) -> Condition:
    row = PARAMS.at_typed("jkp.covered_separations", on, CoveredSeparations)
    name_id, name_en = SEPARATION_NAMES[separation]
    if separation in row.value.codes:
        return Condition(
            "separation_is_termination",
            True,
            id=f"Berhenti karena {name_id}: memberi hak JKP.",
            en=f"Separation by {name_en}: it opens a JKP claim.",
            cite=row,
        )
    return Condition(
        "separation_is_termination",
        False,
        id=f"Hanya PHK yang memberi hak JKP; berhenti karena {name_id} tidak.",
        en=f"Only termination by the employer (PHK) opens a JKP claim; {name_en} does not.",
        cite=row,
        reason="separation_not_covered",
    )


def _months_condition(last_24: int, window_row: Param[int], on: date) -> Condition:
    row = PARAMS.at_typed("jkp.min_contribution_months", on, int)
    met = last_24 >= row.value
    return Condition(
        "contribution_months_last_24",
        met,
        id=(
            f"Masa iur {last_24} bulan dalam {window_row.value} bulan terakhir; syarat paling sedikit "
            f"{row.value} bulan: {'terpenuhi' if met else 'tidak terpenuhi'}."
        ),
        en=(
            f"{last_24} contribution months in the last {window_row.value}; at least {row.value} needed: "
            f"{'met' if met else 'not met'}."
        ),
        cite=row,
        reason=None if met else "too_few_contribution_months",
        provisional=window_row.provisional,
    )


def _consecutive_condition(consecutive: int | None, on: date, *, decisive: bool) -> Condition:
    """The consecutive-months condition; `decisive` is False when another condition already failed."""
    row = PARAMS.at_typed("jkp.consecutive_months", on, int)
    if row.value == 0:
        # The removal is disputed (rulebook 8 item 3): only a verdict that depends on it is provisional.
        earlier = PARAMS.at_typed("jkp.consecutive_months", row.valid_from - timedelta(days=1), int).value
        hinges = decisive and (consecutive is None or consecutive < earlier)
        return Condition(
            "consecutive_months_before_separation",
            True,
            id=(
                f"Syarat {earlier} bulan iuran berturut-turut sebelum PHK tidak berlaku lagi sejak PP 6/2025"
                + (" (diperdebatkan; hasil ini bergantung padanya)." if hinges else ".")
            ),
            en=(
                f"The {earlier} consecutive months before the PHK are no longer required since PP 6/2025"
                + (" (disputed; this result depends on it)." if hinges else ".")
            ),
            cite=row.source,
            provisional=hinges,
        )
    if consecutive is None:
        raise RuleError(
            "missing_input",
            en=(
                "consecutive_months_before_separation is needed for "
                f"a separation before {data.PP_6_2025.isoformat()}."
            ),
            id=(
                "consecutive_months_before_separation wajib diisi "
                f"untuk PHK sebelum {data.PP_6_2025.isoformat()}."
            ),
            field="consecutive_months_before_separation",
        )
    met = consecutive >= row.value
    return Condition(
        "consecutive_months_before_separation",
        met,
        id=(
            f"Iuran {consecutive} bulan berturut-turut sebelum PHK; syarat {row.value} bulan: "
            f"{'terpenuhi' if met else 'tidak terpenuhi'}."
        ),
        en=(
            f"{consecutive} consecutive months paid before the PHK; {row.value} needed: "
            f"{'met' if met else 'not met'}."
        ),
        cite=row,
        reason=None if met else "too_few_consecutive_months",
    )


def _window_condition(claim_date: date | None, deadline: date, row: Param[int]) -> Condition:
    if claim_date is None:
        return Condition(
            "claim_within_window",
            None,
            id=f"Klaim harus diajukan paling lambat {deadline.isoformat()} ({row.value} bulan setelah PHK).",
            en=f"The claim must be made by {deadline.isoformat()} ({row.value} months after the PHK).",
            cite=row,
        )
    met = claim_date <= deadline
    return Condition(
        "claim_within_window",
        met,
        id=(
            f"Klaim {claim_date.isoformat()}, batas {deadline.isoformat()} ({row.value} bulan setelah PHK): "
            f"{'tepat waktu' if met else 'terlambat'}."
        ),
        en=(
            f"Claim on {claim_date.isoformat()}, deadline {deadline.isoformat()} ({row.value} months after "
            f"the PHK): {'in time' if met else 'too late'}."
        ),
        cite=row,
        reason=None if met else "claim_window_passed",
    )


def _claims_conditions(claims: int, total_months: int | None, on: date) -> list[Condition]:
    limit_row = PARAMS.at_typed("jkp.max_claims", on, int)
    met = claims < limit_row.value
    conditions = [
        Condition(
            "claims_below_limit",
            met,
            id=(
                f"Klaim ke-{claims + 1}; paling banyak {limit_row.value} klaim selama kepesertaan: "
                f"{'terpenuhi' if met else 'batas sudah tercapai'}."
            ),
            en=(
                f"Claim number {claims + 1}; at most {limit_row.value} claims during membership: "
                f"{'met' if met else 'limit reached'}."
            ),
            cite=limit_row,
            reason=None if met else "claim_limit_reached",
        )
    ]
    if claims == 0:
        return conditions
    repeat_row = PARAMS.at_typed("jkp.repeat_claim_min_months", on, int)
    if total_months is None:
        conditions.append(
            Condition(
                "repeat_claim_contribution_months",
                None,
                id=(
                    f"Klaim berikutnya mensyaratkan masa iur {repeat_row.value} "
                    "bulan; masa iur total tidak diberikan."
                ),
                en=f"A repeat claim needs {repeat_row.value} contribution months; the total was not given.",
                cite=repeat_row,
            )
        )
        return conditions
    repeat_met = total_months >= repeat_row.value
    conditions.append(
        Condition(
            "repeat_claim_contribution_months",
            repeat_met,
            id=(
                f"Klaim berikutnya mensyaratkan masa iur {repeat_row.value} "
                f"bulan; masa iur {total_months} bulan: "
                f"{'terpenuhi' if repeat_met else 'tidak terpenuhi'}."
            ),
            en=(
                f"A repeat claim needs {repeat_row.value} contribution months; {total_months} months: "
                f"{'met' if repeat_met else 'not met'}."
            ),
            cite=repeat_row,
            reason=None if repeat_met else "repeat_claim_too_few_months",
        )
    )
    return conditions


def _schedule(on: date, wage: int, explanation: Explanation, *, eligible: bool) -> tuple[int, list[int]]:
    cap_row = PARAMS.at_typed("jkp.wage_cap", on, int)
    wage_base = min(wage, cap_row.value)
    explanation.add(
        "wage_base",
        wage_base,
        id=(
            f"Upah dasar: min(upah terakhir {rp_id(wage)}; batas "
            f"{rp_id(cap_row.value)}) = {rp_id(wage_base)}."
        ),
        en=f"Wage base: min(last wage {rp_en(wage)}; cap {rp_en(cap_row.value)}) = {rp_en(wage_base)}.",
        cite=cap_row,
    )
    if not eligible:
        return wage_base, []
    schedule_row = PARAMS.at_typed("jkp.schedule", on, CashSchedule)
    monthly: list[int] = []
    for band in schedule_row.value.bands:
        amount = percent(wage_base, band.percent)
        first, last = len(monthly) + 1, len(monthly) + band.months
        monthly.extend([amount] * band.months)
        explanation.add(
            f"months_{first}_{last}",
            amount,
            id=(
                f"Bulan {first}-{last}: {pct_id(band.percent)} x "
                f"{rp_id(wage_base)} = {rp_id(amount)} per bulan "
                "(dibulatkan setengah ke atas)."
            ),
            en=(
                f"Months {first}-{last}: {pct_en(band.percent)} "
                f"x {rp_en(wage_base)} = {rp_en(amount)} a month "
                "(rounded half-up)."
            ),
            cite=schedule_row,
        )
    return wage_base, monthly


@dataclass(frozen=True, slots=True)
class JkpFunding(Explained):
    """How JKP is funded for one wage in one contribution month; nothing of it is billed."""

    month: date
    wage_base: int
    rate: Decimal
    government: int
    from_jkk: int
    from_jkm: int
    total: int
    explanation: Explanation = field(compare=False)

    def to_json(self) -> dict[str, object]:
        return self.explained(
            {
                "month": self.month.strftime("%Y-%m"),
                "wage_base": self.wage_base,
                "rate": str(self.rate),
                "government": self.government,
                "from_jkk": self.from_jkk,
                "from_jkm": self.from_jkm,
                "total": self.total,
            }
        )


def jkp_funding(month: date, wage: int) -> JkpFunding:
    """The government share and the JKK/JKM recomposition for a contribution month (its first day).

    Rows are looked up on the month's first day, so February 2025 still has the PP 37/2021
    composition and February 2021 has none (rulebook 1.4 gives no rule for the boundary month).
    """
    wage = check_money("wage", wage, maximum=MAX_MONEY)
    first_day = month.replace(day=1)
    require_in_force(first_day, field_name="month")
    explanation = Explanation()
    cap_row = PARAMS.at_typed("jkp.wage_cap", first_day, int)
    wage_base = min(wage, cap_row.value)
    explanation.add(
        "wage_base",
        wage_base,
        id=f"Upah dasar: min({rp_id(wage)}; {rp_id(cap_row.value)}) = {rp_id(wage_base)}.",
        en=f"Wage base: min({rp_en(wage)}; {rp_en(cap_row.value)}) = {rp_en(wage_base)}.",
        cite=cap_row,
    )
    lines: dict[str, int] = {}
    names = {
        "government": ("pemerintah pusat", "central government"),
        "from_jkk": ("rekomposisi dari iuran JKK", "recomposed from the JKK contribution"),
        "from_jkm": ("rekomposisi dari iuran JKM", "recomposed from the JKM contribution"),
    }
    for key, (name_id, name_en) in names.items():
        row = PARAMS.at_typed(f"jkp.funding.{key}", first_day, Decimal)
        lines[key] = percent(wage_base, row.value)
        explanation.add(
            key,
            lines[key],
            id=f"{name_id}: {pct_id(row.value)} x {rp_id(wage_base)} = {rp_id(lines[key])}.",
            en=f"{name_en}: {pct_en(row.value)} x {rp_en(wage_base)} = {rp_en(lines[key])}.",
            cite=row,
        )
    rate_row = PARAMS.at_typed("jkp.funding.rate", first_day, Decimal)
    total = sum(lines.values())
    explanation.add(
        "total",
        total,
        id=f"Iuran JKP {pct_id(rate_row.value)}, tidak ditagihkan kepada pemberi kerja: {rp_id(total)}.",
        en=f"JKP contribution {pct_en(rate_row.value)}, not billed to the employer: {rp_en(total)}.",
        cite=rate_row,
    )
    return JkpFunding(
        month=first_day,
        wage_base=wage_base,
        rate=rate_row.value,
        government=lines["government"],
        from_jkk=lines["from_jkk"],
        from_jkm=lines["from_jkm"],
        total=total,
        explanation=explanation,
    )


def _evaluate(inputs: Inputs) -> dict[str, object]:
    """Kind `jkp_benefit` (golden/README.md)."""
    return jkp_benefit(
        inputs.date("separation_date"),
        inputs.text("separation"),
        inputs.money("wage"),
        inputs.integer("contribution_months_last_24"),
        inputs.optional_integer("consecutive_months_before_separation"),
        claims_so_far=inputs.integer("claims_so_far") if inputs.has("claims_so_far") else 0,
        claim_date=inputs.optional_date("claim_date"),
        contribution_months_total=inputs.optional_integer("contribution_months_total"),
    ).to_json()


EVAL_KINDS: dict[str, Callable[[Inputs], dict[str, object]]] = {"jkp_benefit": _evaluate}

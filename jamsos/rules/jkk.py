"""JKK (Jaminan Kecelakaan Kerja): work-accident cash benefits, caps and claim expiry (rulebook 3.4)."""

from __future__ import annotations

import csv
import json
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from decimal import Decimal
from pathlib import Path

from jamsos.rules import jkm
from jamsos.rules.calendar import add_months
from jamsos.rules.data import jkk as data
from jamsos.rules.data.jkk import (
    AIDS,
    TRANSPORT_MODES,
    DisabilityEntry,
    DisabilityTable,
    StmbSchedule,
)
from jamsos.rules.errors import RuleError
from jamsos.rules.explain import Checked, Condition, Explanation, record
from jamsos.rules.inputs import MAX_MONEY, Inputs, check_money, invalid, parse_percent, whole_number
from jamsos.rules.money import pct_en, pct_id, percent, rp_en, rp_id
from jamsos.rules.params import Param, ParamTable

PARAMS = ParamTable(data.ROWS)

OUTCOMES = ("death", "total_disability", "partial_disability", "temporary_incapacity")
HUNDRED = Decimal(100)

_TRANSPORT_NAMES = {
    "land": ("darat/sungai/danau", "land/river/lake"),
    "sea": ("laut", "sea"),
    "air": ("udara", "air"),
}
_AID_NAMES = {
    "dentures": ("gigi tiruan", "dentures"),
    "glasses": ("kacamata", "glasses"),
    "hearing_aid": ("alat bantu dengar", "hearing aid"),
}


def load_disability_table(path: str | Path, *, source: str, provisional: bool = False) -> DisabilityTable:
    """Reads a disability percentage table from a JSON or CSV file.

    JSON: an array of {"code", "percent", "label_id", "label_en"} objects. CSV: a header row
    `code,percent,label_id,label_en` and one row per body part or function. Percentages are
    numbers or text from 0 (exclusive) to 100; codes are unique. `source` names the Lampiran
    the file was typed from; `provisional` marks every result that uses the table.
    """
    file = Path(path)
    try:
        with file.open(encoding="utf-8", newline="") as handle:
            if file.suffix.lower() == ".json":
                loaded: object = json.load(handle)
                items = loaded if isinstance(loaded, list) else None
            elif file.suffix.lower() == ".csv":
                items = list(csv.DictReader(handle))
            else:
                raise _table_error(file, "the file must end in .json or .csv", "berkas harus .json atau .csv")
    except OSError as error:
        raise _table_error(
            file, f"cannot read it ({error.strerror})", f"tidak dapat dibaca ({error.strerror})"
        ) from None
    except (json.JSONDecodeError, UnicodeDecodeError, csv.Error):
        raise _table_error(file, "it is not valid JSON or CSV", "bukan JSON atau CSV yang sah") from None
    if items is None:
        raise _table_error(
            file, "a JSON table must be an array of rows", "tabel JSON harus berupa larik baris"
        )
    entries: list[DisabilityEntry] = []
    seen: set[str] = set()
    for number, item in enumerate(items, start=1):
        entries.append(_table_entry(file, number, item, seen))
    if not entries:
        raise _table_error(file, "it has no rows", "tidak berisi baris")
    return DisabilityTable(entries=tuple(entries), source=source, provisional=provisional)


def _table_error(file: Path, en: str, id: str) -> RuleError:
    return RuleError(
        "invalid_disability_table",
        en=f"Disability table {file.name}: {en}.",
        id=f"Tabel persentase cacat {file.name}: {id}.",
        path=str(file),
    )


def _table_entry(file: Path, number: int, item: object, seen: set[str]) -> DisabilityEntry:
    if not isinstance(item, Mapping):
        raise _table_error(file, f"row {number} is not an object", f"baris {number} bukan objek")
    code, label_id, label_en = item.get("code"), item.get("label_id"), item.get("label_en")
    if not isinstance(code, str) or not code.strip():
        raise _table_error(file, f"row {number} has no code", f"baris {number} tidak memiliki kode")
    code = code.strip()
    if code in seen:
        raise _table_error(file, f"code {code} appears twice", f"kode {code} muncul dua kali")
    seen.add(code)
    try:
        value = parse_percent("percent", item.get("percent"))
    except RuleError:
        raise _table_error(
            file,
            f"row {number} ({code}) needs a percent from 0 to 100",
            f"baris {number} ({code}) perlu persen 0-100",
        ) from None
    if value == 0:
        raise _table_error(file, f"row {number} ({code}) has 0 %", f"baris {number} ({code}) bernilai 0 %")
    if not isinstance(label_id, str) or not label_id.strip():
        raise _table_error(
            file, f"row {number} ({code}) needs label_id", f"baris {number} ({code}) perlu label_id"
        )
    english = label_en.strip() if isinstance(label_en, str) and label_en.strip() else label_id.strip()
    return DisabilityEntry(code=code, percent=value, label_id=label_id.strip(), label_en=english)


@dataclass(frozen=True, slots=True)
class StmbPeriod:
    """A stretch of temporary incapacity paid at one percentage of the wage."""

    from_month: int
    to_month: int
    percent: Decimal
    monthly: int
    amount: int

    @property
    def months(self) -> int:
        return self.to_month - self.from_month + 1

    def to_json(self) -> dict[str, object]:
        return {
            "from_month": self.from_month,
            "to_month": self.to_month,
            "months": self.months,
            "percent": str(self.percent),
            "monthly": self.monthly,
            "amount": self.amount,
        }


@dataclass(frozen=True, slots=True)
class JkkBenefit(Checked):
    """The JKK cash benefits of one accident or occupational disease."""

    accident_date: date
    regulation: str
    outcome: str
    wage: int
    eligible: bool
    lump_sum: int
    funeral: int
    periodic: int
    total_cash: int
    schedule: tuple[StmbPeriod, ...]
    disability_percent: Decimal | None
    function_loss_percent: Decimal | None
    scholarship: jkm.Scholarship | None
    reimbursements: tuple[tuple[str, int], ...]
    reimbursement_total: int
    claim_deadline: date
    conditions: tuple[Condition, ...]
    explanation: Explanation = field(compare=False)

    def to_json(self) -> dict[str, object]:
        out: dict[str, object] = {
            "accident_date": self.accident_date.isoformat(),
            "regulation": self.regulation,
            "outcome": self.outcome,
            "wage": self.wage,
            "eligible": self.eligible,
            "lump_sum": self.lump_sum,
            "funeral": self.funeral,
            "periodic": self.periodic,
            "total_cash": self.total_cash,
        }
        if self.outcome == "temporary_incapacity":
            out["schedule"] = [period.to_json() for period in self.schedule]
        if self.disability_percent is not None:
            out["disability_percent"] = str(self.disability_percent)
        if self.function_loss_percent is not None:
            out["function_loss_percent"] = str(self.function_loss_percent)
        if self.scholarship is not None:
            out.update(self.scholarship.to_json())
        out["reimbursements"] = dict(self.reimbursements)
        out["reimbursement_total"] = self.reimbursement_total
        out["claim_deadline"] = self.claim_deadline.isoformat()
        return self.checked(out)


@dataclass(frozen=True, slots=True)
class _Cash:
    """The cash parts of one outcome, before the claim-expiry check."""

    lump_sum: int = 0
    funeral: int = 0
    periodic: int = 0
    schedule: tuple[StmbPeriod, ...] = ()
    disability_percent: Decimal | None = None
    function_loss_percent: Decimal | None = None


def jkk_benefit(
    accident_date: date,
    wage: int,
    outcome: str,
    *,
    disability_percent: Decimal | int | None = None,
    function_loss_percent: Decimal | int | None = None,
    months_unable_to_work: int | None = None,
    body_part: str | None = None,
    children: Sequence[str] = (),
    claim_date: date | None = None,
    transport_costs: Mapping[str, int] | None = None,
    aid_costs: Mapping[str, int] | None = None,
    disability_table: DisabilityTable | None = None,
) -> JkkBenefit:
    """The cash benefits of `outcome` under the rules in force on the accident date.

    partial_disability needs `disability_percent` (the table percentage) or `body_part` (a code
    of `disability_table`, by default the provisional illustrative one); `function_loss_percent`
    makes it a functional loss. temporary_incapacity needs `months_unable_to_work`. `children`
    (school levels) give the scholarship of a death or total disability. With `claim_date`, a
    claim after the expiry date pays nothing.
    """
    if outcome not in OUTCOMES:
        allowed = ", ".join(OUTCOMES)
        raise RuleError(
            "unknown_outcome",
            en=f"Unknown outcome {outcome!r}; use one of {allowed}.",
            id=f"Akibat kecelakaan {outcome!r} tidak dikenal; gunakan salah satu dari {allowed}.",
            field="outcome",
        )
    wage = check_money("wage", wage, maximum=MAX_MONEY)
    levels = [jkm.parse_level(child) for child in children]
    jkm.require_in_force(accident_date, field_name="accident_date", programme="JKK")
    if claim_date is not None and claim_date < accident_date:
        raise invalid(
            "claim_date",
            "a claim cannot precede the accident.",
            "klaim tidak mungkin sebelum kecelakaan.",
            "inconsistent_input",
        )
    regulation = jkm.regulation_label(accident_date)
    explanation = Explanation()
    explanation.add(
        "wage",
        wage,
        id=f"Upah sebulan terakhir yang dilaporkan: {rp_id(wage)}; berlaku {regulation}.",
        en=f"Last reported monthly wage: {rp_en(wage)}; {regulation} applies.",
        cite=f"{regulation} (rulebook 3.4: wage = last reported monthly wage) [H]",
    )
    if outcome == "death":
        cash = _death(accident_date, wage, explanation)
    elif outcome == "total_disability":
        cash = _total_disability(accident_date, wage, explanation)
    elif outcome == "partial_disability":
        cash = _partial_disability(
            accident_date,
            wage,
            explanation,
            disability_percent=disability_percent,
            function_loss_percent=function_loss_percent,
            body_part=body_part,
            table=disability_table,
        )
    else:
        if months_unable_to_work is None:
            raise RuleError(
                "missing_input",
                en="temporary_incapacity needs months_unable_to_work.",
                id="temporary_incapacity memerlukan months_unable_to_work.",
                field="months_unable_to_work",
            )
        months = whole_number("months_unable_to_work", months_unable_to_work)
        cash = _temporary_incapacity(accident_date, wage, months, explanation)

    grant: jkm.Scholarship | None = None
    if outcome in ("death", "total_disability"):
        grant = jkm.scholarship(
            accident_date,
            levels,
            contribution_months=None,
            min_months=PARAMS.at_typed("jkk.scholarship_min_months", accident_date, int),
            explanation=explanation,
        )
    reimbursements = _reimbursements(accident_date, transport_costs or {}, aid_costs or {}, explanation)

    expiry_row = PARAMS.at_typed("jkk.claim_expiry_years", accident_date, int)
    deadline = add_months(accident_date, 12 * expiry_row.value)
    condition = record(explanation, _expiry_condition(claim_date, deadline, expiry_row))
    eligible = condition.met is not False
    if not eligible:
        entitled = cash.lump_sum + cash.funeral + cash.periodic + sum(amount for _, amount in reimbursements)
        explanation.add(
            "expired",
            0,
            id=f"Hak atas manfaat gugur: tidak ada yang dibayar (semula {rp_id(entitled)}).",
            en=f"The right to benefits has lapsed: nothing is paid (it would have been {rp_en(entitled)}).",
            cite=expiry_row,
        )
        cash = _Cash(
            schedule=tuple(replace(period, monthly=0, amount=0) for period in cash.schedule),
            disability_percent=cash.disability_percent,
            function_loss_percent=cash.function_loss_percent,
        )
        reimbursements = tuple((name, 0) for name, _ in reimbursements)
        if grant is not None:
            grant = replace(
                grant,
                eligible=False,
                first_year=0,
                children=tuple(replace(child, counted=False, first_year=0) for child in grant.children),
            )
    total_cash = cash.lump_sum + cash.funeral + cash.periodic
    if eligible and outcome in ("death", "total_disability"):
        parts = [amount for amount in (cash.lump_sum, cash.funeral, cash.periodic) if amount]
        explanation.add(
            "total_cash",
            total_cash,
            id=f"Jumlah uang tunai: {' + '.join(rp_id(amount) for amount in parts)} = {rp_id(total_cash)}.",
            en=f"Total cash: {' + '.join(rp_en(amount) for amount in parts)} = {rp_en(total_cash)}.",
            cite=regulation,
        )
    return JkkBenefit(
        accident_date=accident_date,
        regulation=regulation,
        outcome=outcome,
        wage=wage,
        eligible=eligible,
        lump_sum=cash.lump_sum,
        funeral=cash.funeral,
        periodic=cash.periodic,
        total_cash=total_cash,
        schedule=cash.schedule,
        disability_percent=cash.disability_percent,
        function_loss_percent=cash.function_loss_percent,
        scholarship=grant,
        reimbursements=reimbursements,
        reimbursement_total=sum(amount for _, amount in reimbursements),
        claim_deadline=deadline,
        conditions=(condition,),
        explanation=explanation,
    )


def _base(on: date, wage: int) -> tuple[int, Param[int]]:
    months_row = PARAMS.at_typed("jkk.wage_months", on, int)
    return wage * months_row.value, months_row


def _periodic(prefix: str, on: date, explanation: Explanation) -> int:
    return jkm.periodic_benefit(
        PARAMS.at_typed(f"{prefix}.periodic_monthly", on, int),
        PARAMS.at_typed(f"{prefix}.periodic_months", on, int),
        explanation,
    )


def _wage_lump_sum(
    on: date, wage: int, rate_name: str, what: tuple[str, str], explanation: Explanation
) -> int:
    """rate x the wage months x the wage, for a death or a total disability."""
    base, months_row = _base(on, wage)
    rate_row = PARAMS.at_typed(rate_name, on, Decimal)
    lump_sum = percent(base, rate_row.value)
    factor = rate_row.value * months_row.value / HUNDRED
    explanation.add(
        "lump_sum",
        lump_sum,
        id=(
            f"{what[0]}: {pct_id(rate_row.value)} x {months_row.value} x {rp_id(wage)} "
            f"= {format(factor.normalize(), 'f').replace('.', ',')} x upah = {rp_id(lump_sum)}."
        ),
        en=(
            f"{what[1]}: {pct_en(rate_row.value)} x {months_row.value} x {rp_en(wage)} "
            f"= {format(factor.normalize(), 'f')} x wage = {rp_en(lump_sum)}."
        ),
        cite=rate_row,
        uses=(months_row,),
    )
    return lump_sum


def _death(on: date, wage: int, explanation: Explanation) -> _Cash:
    lump_sum = _wage_lump_sum(
        on, wage, "jkk.death_percent", ("Santunan kematian", "Death lump sum"), explanation
    )
    funeral = jkm.funeral_costs(PARAMS.at_typed("jkk.death.funeral", on, int), explanation)
    periodic = _periodic("jkk.death", on, explanation)
    return _Cash(lump_sum=lump_sum, funeral=funeral, periodic=periodic)


def _total_disability(on: date, wage: int, explanation: Explanation) -> _Cash:
    lump_sum = _wage_lump_sum(
        on,
        wage,
        "jkk.total_disability_percent",
        ("Cacat total tetap", "Total permanent disability"),
        explanation,
    )
    periodic = _periodic("jkk.total_disability", on, explanation)
    return _Cash(lump_sum=lump_sum, periodic=periodic)


def _partial_disability(
    on: date,
    wage: int,
    explanation: Explanation,
    *,
    disability_percent: Decimal | int | None,
    function_loss_percent: Decimal | int | None,
    body_part: str | None,
    table: DisabilityTable | None,
) -> _Cash:
    if disability_percent is not None and body_part is not None:
        raise invalid(
            "body_part",
            "give either disability_percent or body_part, not both.",
            "isi disability_percent atau body_part, tidak keduanya.",
            "inconsistent_input",
        )
    if disability_percent is None and body_part is None:
        raise RuleError(
            "missing_input",
            en="partial_disability needs disability_percent (the table percentage) or body_part.",
            id="partial_disability memerlukan disability_percent (persentase tabel) atau body_part.",
            field="disability_percent",
        )
    if disability_percent is not None:
        table_percent = parse_percent("disability_percent", disability_percent)
        explanation.add(
            "disability_percent",
            table_percent,
            id=f"Persentase cacat menurut tabel Lampiran (masukan): {pct_id(table_percent)}.",
            en=f"Disability percentage from the Lampiran table (given): {pct_en(table_percent)}.",
            cite="PP 44/2015 Lampiran, disability table (value given by the caller)",
        )
    else:
        table_row = PARAMS.at_typed("jkk.disability_table", on, DisabilityTable)
        used = table if table is not None else table_row.value
        entry = used.entry(body_part or "")
        if entry is None:
            raise RuleError(
                "unknown_body_part",
                en=f"body_part {body_part!r} is not in the disability table ({used.source}).",
                id=f"body_part {body_part!r} tidak ada di tabel persentase cacat ({used.source}).",
                field="body_part",
            )
        table_percent = entry.percent
        explanation.add(
            "disability_percent",
            table_percent,
            id=f"Persentase cacat {entry.label_id}: {pct_id(table_percent)} menurut tabel.",
            en=f"Disability percentage for {entry.label_en}: {pct_en(table_percent)} from the table.",
            cite=used.source,
            provisional=used.provisional,
        )
    base, months_row = _base(on, wage)
    if function_loss_percent is None:
        lump_sum = percent(base, table_percent)
        explanation.add(
            "lump_sum",
            lump_sum,
            id=(
                f"Cacat sebagian anatomis: {pct_id(table_percent)} x {months_row.value} x {rp_id(wage)} "
                f"= {rp_id(lump_sum)}."
            ),
            en=(
                f"Partial anatomical disability: {pct_en(table_percent)} "
                f"x {months_row.value} x {rp_en(wage)} "
                f"= {rp_en(lump_sum)}."
            ),
            cite=months_row,
        )
        return _Cash(lump_sum=lump_sum, disability_percent=table_percent)
    loss = parse_percent("function_loss_percent", function_loss_percent)
    functional_row = PARAMS.at_typed("jkk.functional_disability", on, bool)
    lump_sum = percent(base, table_percent * loss / HUNDRED)
    explanation.add(
        "lump_sum",
        lump_sum,
        id=(
            f"Cacat sebagian fungsi: {pct_id(loss)} hilangnya fungsi x {pct_id(table_percent)} x "
            f"{months_row.value} x {rp_id(wage)} = {rp_id(lump_sum)}."
        ),
        en=(
            f"Partial functional disability: {pct_en(loss)} loss of function x {pct_en(table_percent)} x "
            f"{months_row.value} x {rp_en(wage)} = {rp_en(lump_sum)}."
        ),
        cite=functional_row,
        uses=(months_row,),
    )
    return _Cash(lump_sum=lump_sum, disability_percent=table_percent, function_loss_percent=loss)


def _temporary_incapacity(on: date, wage: int, months: int, explanation: Explanation) -> _Cash:
    schedule_row = PARAMS.at_typed("jkk.stmb", on, StmbSchedule)
    periods: list[StmbPeriod] = []
    done = 0
    for band in schedule_row.value.bands:
        take = months - done if band.months is None else min(band.months, months - done)
        if take <= 0:
            break
        monthly = percent(wage, band.percent)
        period = StmbPeriod(done + 1, done + take, band.percent, monthly, monthly * take)
        periods.append(period)
        done += take
        explanation.add(
            f"stmb_months_{period.from_month}_{period.to_month}",
            period.amount,
            id=(
                f"STMB bulan {period.from_month}-{period.to_month}: {take} x {pct_id(band.percent)} x "
                f"{rp_id(wage)} = {take} x {rp_id(monthly)} = {rp_id(period.amount)}."
            ),
            en=(
                f"STMB months {period.from_month}-{period.to_month}: {take} x {pct_en(band.percent)} x "
                f"{rp_en(wage)} = {take} x {rp_en(monthly)} = {rp_en(period.amount)}."
            ),
            cite=schedule_row,
        )
    lump_sum = sum(period.amount for period in periods)
    explanation.add(
        "lump_sum",
        lump_sum,
        id=f"STMB untuk {months} bulan tidak mampu bekerja: {rp_id(lump_sum)}.",
        en=f"STMB for {months} months unable to work: {rp_en(lump_sum)}.",
        cite=schedule_row,
    )
    return _Cash(lump_sum=lump_sum, schedule=tuple(periods))


def _reimbursements(
    on: date, transport: Mapping[str, int], aids: Mapping[str, int], explanation: Explanation
) -> tuple[tuple[str, int], ...]:
    paid: list[tuple[str, int]] = []
    for mode, cost in transport.items():
        if mode not in TRANSPORT_MODES:
            raise invalid(
                "transport_costs",
                f"unknown mode {mode!r}; use {', '.join(TRANSPORT_MODES)}.",
                f"moda {mode!r} tidak dikenal; gunakan {', '.join(TRANSPORT_MODES)}.",
                "unknown_transport_mode",
            )
        cost = check_money(f"transport_costs.{mode}", cost, maximum=MAX_MONEY)
        cap_row = PARAMS.at_typed(f"jkk.transport_cap.{mode}", on, int)
        name_id, name_en = _TRANSPORT_NAMES[mode]
        label = (f"Biaya angkut {name_id}", f"Transport by {name_en}")
        paid.append(_capped(f"transport_{mode}", cost, cap_row, label, explanation))
    for aid, cost in aids.items():
        if aid not in AIDS:
            raise invalid(
                "aid_costs",
                f"unknown aid {aid!r}; use {', '.join(AIDS)}.",
                f"alat bantu {aid!r} tidak dikenal; gunakan {', '.join(AIDS)}.",
                "unknown_aid",
            )
        cost = check_money(f"aid_costs.{aid}", cost, maximum=MAX_MONEY)
        name_id, name_en = _AID_NAMES[aid]
        if not PARAMS.has(f"jkk.aid_cap.{aid}"):
            raise RuleError(
                "no_parameter",
                en=(
                    f"The engine has no cap for {name_en}: the rulebook "
                    f"does not give one (add a row jkk.aid_cap.{aid})."
                ),
                id=(
                    f"Mesin belum memiliki batas untuk {name_id}: rulebook "
                    f"tidak memuatnya (tambahkan baris jkk.aid_cap.{aid})."
                ),
                field="aid_costs",
            )
        cap_row = PARAMS.at_typed(f"jkk.aid_cap.{aid}", on, int)
        paid.append(
            _capped(aid, cost, cap_row, (f"Penggantian {name_id}", f"Reimbursed {name_en}"), explanation)
        )
    return tuple(paid)


def _capped(
    key: str, cost: int, cap_row: Param[int], label: tuple[str, str], explanation: Explanation
) -> tuple[str, int]:
    """A cost reimbursed up to its cap, as (key, amount)."""
    amount = min(cost, cap_row.value)
    explanation.add(
        key,
        amount,
        id=f"{label[0]}: min(biaya {rp_id(cost)}; batas {rp_id(cap_row.value)}) = {rp_id(amount)}.",
        en=f"{label[1]}: min(cost {rp_en(cost)}; cap {rp_en(cap_row.value)}) = {rp_en(amount)}.",
        cite=cap_row,
    )
    return key, amount


def _expiry_condition(claim_date: date | None, deadline: date, row: Param[int]) -> Condition:
    if claim_date is None:
        return Condition(
            "claim_before_expiry",
            None,
            id=(
                f"Hak atas manfaat gugur setelah {deadline.isoformat()} "
                f"({row.value} tahun setelah kecelakaan)."
            ),
            en=(
                f"The right to benefits lapses after {deadline.isoformat()} "
                f"({row.value} years after the accident)."
            ),
            cite=row,
        )
    met = claim_date <= deadline
    return Condition(
        "claim_before_expiry",
        met,
        id=(
            f"Klaim {claim_date.isoformat()}, batas {deadline.isoformat()} "
            f"({row.value} tahun setelah kecelakaan): "
            f"{'belum gugur' if met else 'sudah gugur'}."
        ),
        en=(
            f"Claim on {claim_date.isoformat()}, limit {deadline.isoformat()} ({row.value} years after the "
            f"accident): {'in time' if met else 'lapsed'}."
        ),
        cite=row,
        reason=None if met else "claim_expired",
    )


def _costs(inputs: Inputs, name: str) -> dict[str, int]:
    if not inputs.has(name):
        return {}
    nested = inputs.nested(inputs.raw(name), name)
    return {str(key): nested.money(str(key)) for key in nested.data}


def _optional_percent(inputs: Inputs, name: str) -> Decimal | None:
    return inputs.percent(name) if inputs.has(name) else None


def _evaluate(inputs: Inputs) -> dict[str, object]:
    """Kind `jkk_benefit` (golden/README.md)."""
    return jkk_benefit(
        inputs.date("accident_date"),
        inputs.money("wage"),
        inputs.text("outcome"),
        disability_percent=_optional_percent(inputs, "disability_percent"),
        function_loss_percent=_optional_percent(inputs, "function_loss_percent"),
        months_unable_to_work=inputs.optional_integer("months_unable_to_work"),
        body_part=inputs.optional_text("body_part"),
        children=jkm.read_children(inputs),
        claim_date=inputs.optional_date("claim_date"),
        transport_costs=_costs(inputs, "transport_costs"),
        aid_costs=_costs(inputs, "aid_costs"),
    ).to_json()


EVAL_KINDS: dict[str, Callable[[Inputs], dict[str, object]]] = {"jkk_benefit": _evaluate}

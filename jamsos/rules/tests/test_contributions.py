"""PU and BPU contributions, the JP wage cap, discounts and relief (rulebook sections 1, 2, 7)."""

import itertools
import json
from datetime import date
from decimal import Decimal
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from jamsos.rules import money
from jamsos.rules.contributions import (
    RISK_CLASSES,
    PuContribution,
    bpu_contribution,
    jp_wage_cap,
    next_jp_wage_cap,
    pu_contribution,
    pu_contributions,
)
from jamsos.rules.data import contributions as data
from jamsos.rules.errors import RuleError
from jamsos.rules.evaluate import evaluate_case
from jamsos.rules.params import Param
from jamsos.rules.tests.helpers import GOLDEN, golden_cases, matches

MY_KINDS = {"pu_contribution", "bpu_contribution", "jp_wage_cap", "due_date", "late_fee"}


GOLDEN_CASES = golden_cases(*MY_KINDS)


def test_the_golden_file_has_cases_of_every_contribution_kind():
    assert GOLDEN.exists(), f"{GOLDEN} is missing: the shared folder must sit beside the project"
    assert {case["kind"] for case in GOLDEN_CASES} == MY_KINDS


@pytest.mark.parametrize("case", GOLDEN_CASES, ids=[str(case["id"]) for case in GOLDEN_CASES])
def test_golden_case_is_reproduced(case):
    output = evaluate_case(case)
    assert matches(case["expected"], output), output


def pu(month: str, wage: int | list[int], risk_class: str = "low", **options: Any) -> PuContribution:
    year, number = month.split("-")
    return pu_contribution(date(int(year), int(number), 1), wage, risk_class, **options)


# --- Rulebook section 7, worked examples ------------------------------------------------------


def test_example_1_wage_7_5m_class_low_june_2025():
    result = pu("2025-06", 7_500_000, "low")
    assert result.employer == {"JKK": 40_500, "JKM": 22_500, "JHT": 277_500, "JP": 150_000}
    assert result.worker == {"JHT": 150_000, "JP": 75_000}
    assert (result.employer_total, result.worker_total, result.total) == (490_500, 225_000, 715_500)
    assert result.due_date == date(2025, 7, 15)
    jkp = result.jkp_funding
    assert jkp is not None
    assert (jkp.wage, jkp.government, jkp.from_jkk, jkp.from_jkm) == (5_000_000, 11_000, 7_000, 0)


def test_example_1_jkp_funding_under_pp_37_2021_also_took_0_10_percent_from_jkm():
    jkp = pu("2025-01", 7_500_000, "low").jkp_funding
    assert jkp is not None
    assert (jkp.rate, jkp.government, jkp.from_jkk, jkp.from_jkm, jkp.total) == (
        Decimal("0.46"),
        11_000,
        7_000,
        5_000,
        23_000,
    )


def test_jkp_funding_is_never_billed_and_absent_before_jkp_began():
    result = pu("2025-06", 7_500_000, "low")
    # The recomposition is internal: the employer still pays the full JKK class rate.
    assert (result.employer_jkk, result.total) == (40_500, 715_500)
    assert result.jkp_funding is not None
    assert result.jkp_funding.to_json()["billed"] is False
    assert pu("2020-12", 7_500_000).jkp_funding is None
    assert pu("2025-06", 7_500_000, programs=["JKK", "JKM"]).jkp_funding is None


def test_example_1_variant_class_very_low():
    result = pu("2025-06", 7_500_000, "very_low")
    assert (result.employer_jkk, result.employer_total) == (18_000, 468_000)


def test_example_2_jp_cap_across_the_march_change():
    february = pu("2025-02", 15_000_000, "very_high")
    march = pu("2025-03", 15_000_000, "very_high")
    assert (february.jp_wage, february.employer_jp, february.worker_jp) == (10_042_300, 200_846, 100_423)
    assert (march.jp_wage, march.employer_jp, march.worker_jp) == (10_547_400, 210_948, 105_474)
    assert (march.employer_jkk, march.employer_jkm, march.employer_jht, march.worker_jht) == (
        261_000,
        45_000,
        555_000,
        300_000,
    )
    assert (march.employer_total, march.worker_total) == (1_071_948, 405_474)


def test_example_3_pp_7_2025_discount_textile_class_medium():
    result = pu("2025-04", 5_000_000, "medium", industry="textile", active_workers=120)
    assert result.employer_jkk == 22_250
    [discount] = result.adjustments
    assert (discount.program, discount.kind, discount.normal, discount.billed, discount.amount) == (
        "JKK",
        "discount",
        44_500,
        22_250,
        22_250,
    )
    assert (result.employer_jkm, result.employer_jht, result.employer_jp) == (15_000, 185_000, 100_000)


def test_example_4_late_fee_for_january_2025():
    result = evaluate_case(
        {
            "kind": "late_fee",
            "input": {"contribution": 715_500, "month": "2025-01", "paid_on": "2025-04-10"},
        }
    )
    assert (result["due_date"], result["months_late"], result["fee"]) == ("2025-02-17", 2, 28_620)
    assert result["provisional"] is True  # the month-counting convention is [L]


@pytest.mark.parametrize(
    ("income", "programs", "segment", "month", "total"),
    [
        (1_000_000, ["JKK", "JKM"], None, "2025-06", 16_800),
        (1_000_000, ["JKK", "JKM", "JHT"], None, "2025-06", 36_800),
        (3_000_000, ["JKK", "JKM", "JHT"], None, "2025-06", 96_800),
        (3_000_000, ["JKK", "JKM", "JHT"], "transport", "2026-02", 78_400),
        (1_000_000, ["JKK", "JKM"], "transport", "2026-02", 8_400),
    ],
)
def test_example_10_bpu(income, programs, segment, month, total):
    year, number = month.split("-")
    assert bpu_contribution(date(int(year), int(number), 1), income, programs, segment).total == total


# --- JP wage cap ------------------------------------------------------------------------------


@pytest.mark.parametrize("row", data.PUBLISHED_JP_CAPS, ids=lambda row: f"{row.valid_from:%Y-%m}")
def test_each_published_jp_cap_applies_from_its_month_and_not_the_month_before(row):
    assert jp_wage_cap(row.valid_from).cap == row.value
    assert not jp_wage_cap(row.valid_from).explanation.provisional
    if row.valid_from > data.START:
        before = date(row.valid_from.year, 2, 1)
        assert jp_wage_cap(before).cap != row.value
        assert jp_wage_cap(date(row.valid_from.year, 12, 1)).cap == row.value


def test_the_formula_reproduces_every_published_cap_from_the_gdp_rows():
    growth = {row.valid_from.year: row.value for row in data.GDP_GROWTH_ROWS}
    for previous, current in itertools.pairwise(data.PUBLISHED_JP_CAPS):
        rate = growth[current.valid_from.year - 1]
        assert isinstance(previous.value, int)
        assert isinstance(rate, Decimal)
        assert next_jp_wage_cap(previous.value, rate) == current.value


def test_the_2026_cap_is_computed_and_flagged_provisional_in_the_explanation():
    cap = jp_wage_cap(date(2026, 3, 1))
    assert (cap.cap, cap.row.provisional) == (11_086_300, True)
    assert jp_wage_cap(date(2026, 2, 1)).cap == 10_547_400
    result = pu("2026-03", 15_000_000, "low")
    [step] = [step for step in result.explanation.steps if step.key == "jp_wage_cap"]
    assert step.provisional
    assert "computed" in step.citation
    assert result.to_json()["provisional"] is True
    assert result.employer_jp == 221_726  # 2 % x 11.086.300
    assert pu("2025-06", 15_000_000, "low").to_json()["provisional"] is False


def test_next_years_cap_is_one_gdp_row():
    extra = Param(data.GDP_GROWTH, date(2026, 1, 1), Decimal("5.00"), "test: GDP growth 2026")
    rows = data.computed_jp_caps(data.PUBLISHED_JP_CAPS, [*data.GDP_GROWTH_ROWS, extra])
    assert [(row.valid_from, row.value, row.provisional) for row in rows] == [
        (date(2026, 3, 1), 11_086_300, True),
        (date(2027, 3, 1), 11_640_600, True),  # 11.086.300 x 1,05 = 11.640.615 -> 11.640.600
    ]


def test_a_published_cap_row_replaces_the_computed_one():
    published = Param(data.JP_WAGE_CAP, date(2026, 3, 1), 10_547_000, "test: BPJS 2026")
    assert data.computed_jp_caps([*data.PUBLISHED_JP_CAPS, published], data.GDP_GROWTH_ROWS) == []


def test_next_jp_wage_cap_truncates_to_rp_100_and_follows_a_fall_in_gdp():
    assert next_jp_wage_cap(8_512_400, Decimal("5.02")) == 8_939_700  # 8.939.722 -> 8.939.700
    assert next_jp_wage_cap(8_939_700, Decimal("-2.07")) == 8_754_600
    assert next_jp_wage_cap(10_000_000, Decimal("0")) == 10_000_000


def test_a_month_past_the_last_cap_year_uses_the_last_cap_provisionally():
    cap = jp_wage_cap(date(2027, 3, 1))
    assert (cap.cap, cap.stale) == (11_086_300, True)
    assert cap.explanation.provisional
    assert not jp_wage_cap(date(2027, 2, 1)).stale


def test_jp_is_billed_only_when_the_employer_takes_jp():
    result = pu("2025-06", 7_500_000, "low", programs=["JKK", "JKM", "JHT"])
    assert (result.employer_jp, result.worker_jp) == (0, 0)
    assert (result.employer_total, result.worker_total) == (340_500, 150_000)
    assert any(step.key == "employer.JP" and step.figure == 0 for step in result.explanation.steps)


def test_programs_default_to_all_four():
    assert pu("2025-06", 7_500_000).terms.programs == ("JKK", "JKM", "JHT", "JP")


# --- The wage base ----------------------------------------------------------------------------


def test_the_minimum_wage_is_a_floor_for_the_base():
    result = pu("2025-01", 3_000_000, "low", min_wage=5_396_761)
    assert (result.reported_wage, result.base_wage, result.jp_wage) == (3_000_000, 5_396_761, 5_396_761)
    assert result.total == 514_851
    assert pu("2025-01", 6_000_000, "low", min_wage=5_396_761).base_wage == 6_000_000


def test_a_worker_exempt_from_the_floor_keeps_the_actual_wage():
    result = pu("2025-01", 3_000_000, "low", min_wage=5_396_761, min_wage_exempt=True)
    assert result.base_wage == 3_000_000
    assert result.employer_jkk == 16_200
    assert "dikecualikan" in result.explanation.steps[2].formula_id


def test_a_daily_wage_is_multiplied_by_25():
    result = pu("2025-06", 200_000, "low", wage_basis="daily")
    assert (result.reported_wage, result.base_wage) == (5_000_000, 5_000_000)
    assert "× 25" in result.explanation.steps[1].formula_en


def test_a_piece_rate_wage_is_the_average_of_the_last_three_months():
    # The oldest of four months is ignored; (4.000.000 + 5.000.000 + 5.500.001) / 3 rounds up.
    result = pu("2025-06", [9_000_000, 4_000_000, 5_000_000, 5_500_001], "low", wage_basis="piece_rate")
    assert result.reported_wage == 4_833_334
    assert result.wage == (9_000_000, 4_000_000, 5_000_000, 5_500_001)


def test_a_weather_dependent_piece_rate_wage_is_the_average_of_twelve_months():
    months = [1_000_000 * (index + 1) for index in range(12)]
    result = pu("2025-06", months, "low", wage_basis="weather_piece_rate")
    assert result.reported_wage == 6_500_000
    with pytest.raises(RuleError) as error:
        pu("2025-06", months[:11], "low", wage_basis="weather_piece_rate")
    assert error.value.code == "wage_history_short"


def test_a_non_monthly_wage_is_still_floored_by_the_minimum_wage():
    assert pu("2025-06", 100_000, "low", wage_basis="daily", min_wage=5_396_761).base_wage == 5_396_761


# --- PP 7/2025 + PP 36/2025 JKK discount --------------------------------------------------------


@pytest.mark.parametrize(
    ("month", "industry", "workers", "jkk"),
    [
        ("2025-04", "textile", 50, 22_250),  # exactly 50 workers qualifies
        ("2025-04", "textile", 49, 44_500),  # one fewer does not
        ("2025-04", "textile", None, 44_500),  # workers not given
        ("2025-04", "mining", 500, 44_500),  # not a listed industry
        ("2025-01", "furniture", 500, 44_500),  # before February 2025
        ("2025-02", "furniture", 500, 22_250),
        ("2025-08", "toys", 500, 22_250),  # PP 36/2025 extension
        ("2026-01", "footwear", 500, 22_250),
        ("2026-02", "footwear", 500, 44_500),  # ended
    ],
)
def test_pp_7_2025_discount_needs_a_listed_industry_50_workers_and_a_month_in_the_period(
    month, industry, workers, jkk
):
    result = pu(month, 5_000_000, "medium", industry=industry, active_workers=workers)
    assert result.employer_jkk == jkk
    eligibility = [step for step in result.explanation.steps if step.key == "discount.eligibility"]
    assert [step.figure for step in eligibility] == [jkk == 22_250]


@pytest.mark.parametrize("industry", sorted(data.LABOUR_INTENSIVE_INDUSTRIES))
def test_every_listed_industry_gets_the_discount(industry):
    assert pu("2025-06", 5_000_000, "medium", industry=industry, active_workers=50).employer_jkk == 22_250


@pytest.mark.parametrize(
    ("risk_class", "jkk"),
    [("very_low", 1_200), ("low", 2_700), ("medium", 4_450), ("high", 6_350), ("very_high", 8_700)],
)
def test_the_discounted_rates_are_half_of_every_class(risk_class, jkk):
    # 0,12 / 0,27 / 0,445 / 0,635 / 0,87 % of Rp 1.000.000
    assert pu("2025-06", 1_000_000, risk_class, industry="leather", active_workers=80).employer_jkk == jkk


def test_the_discount_marks_the_jkp_recomposition_provisional():
    result = pu("2025-06", 5_000_000, "medium", industry="textile", active_workers=80)
    [step] = [step for step in result.explanation.steps if step.key == "jkp_funding"]
    assert step.provisional


# --- PP 49/2020 relief ---------------------------------------------------------------------------


def test_pp_49_2020_months_bill_jkk_and_jkm_at_one_percent_and_defer_99_percent_of_jp():
    result = pu("2020-10", 9_000_000, "low")
    assert result.employer == {"JKK": 486, "JKM": 270, "JHT": 333_000, "JP": 1_788}
    assert result.worker == {"JHT": 180_000, "JP": 894}
    deferred = {
        (item.party, item.program): item.amount for item in result.adjustments if item.kind == "deferred"
    }
    assert deferred == {("employer", "JP"): 177_006, ("worker", "JP"): 88_503}  # cap 8.939.700
    assert result.due_date == date(2020, 11, 30)


@pytest.mark.parametrize(
    ("month", "relief"),
    [("2020-07", False), ("2020-08", True), ("2021-01", True), ("2021-02", False)],
)
def test_pp_49_2020_covers_august_2020_to_january_2021(month, relief):
    result = pu(month, 5_000_000, "low")
    assert (result.employer_jkm == 150) is relief
    assert (result.employer_jkm == 15_000) is not relief


# --- BPU ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("income", "band"),
    [
        (0, 1_000_000),
        (999_999, 1_000_000),
        (1_000_000, 1_000_000),
        (1_050_000, 1_000_000),
        (2_499_999, 2_400_000),
        (20_700_000, 20_700_000),
        (99_000_000, 20_700_000),
    ],
)
def test_bpu_declared_income_falls_in_its_band(income, band):
    result = bpu_contribution(date(2025, 6, 1), income, ["JKK", "JKM", "JHT"])
    assert result.band == band
    assert result.contributions == {"JKK": band // 100, "JKM": 6_800, "JHT": band // 50}


def test_bpu_top_band_gives_the_maximum_jkk_and_the_bands_are_provisional():
    result = bpu_contribution(date(2025, 6, 1), 30_000_000, ["JKK", "JKM"])
    assert result.contributions["JKK"] == 207_000
    assert result.explanation.steps[0].provisional
    assert result.to_json()["provisional"] is True


@pytest.mark.parametrize(
    ("month", "segment", "total"),
    [
        (date(2025, 12, 1), "transport", 96_800),  # before PP 50/2025
        (date(2026, 1, 1), "transport", 78_400),
        (date(2027, 3, 1), "transport", 78_400),
        (date(2027, 4, 1), "transport", 96_800),  # ended
        (date(2026, 6, 1), "fisheries", 96_800),  # another segment
        (date(2026, 6, 1), None, 96_800),
    ],
)
def test_bpu_transport_discount_halves_jkk_and_jkm_from_january_2026_to_march_2027(month, segment, total):
    result = bpu_contribution(month, 3_000_000, ["JKK", "JKM", "JHT"], segment)
    assert result.total == total
    assert result.contributions["JHT"] == 60_000  # never discounted


def test_bpu_is_due_on_the_15th_of_the_month_itself():
    assert bpu_contribution(date(2025, 7, 1), 1_000_000).due_date == date(2025, 7, 15)


@pytest.mark.parametrize("program", ["JP", "JKP"])
def test_bpu_refuses_jp_and_jkp(program):
    with pytest.raises(RuleError) as error:
        bpu_contribution(date(2025, 6, 1), 1_000_000, ["JKK", "JKM", program])
    assert error.value.code == "program_not_for_bpu"
    assert program in error.value.message_en
    assert program in error.value.message_id


# --- Bad input ---------------------------------------------------------------------------------

PU_OK = {"month": "2025-06", "wage": 7_500_000, "risk_class": "low"}


@pytest.mark.parametrize(
    ("kind", "given", "code"),
    [
        ("pu_contribution", {**PU_OK, "wage": -1}, "invalid_input"),
        ("pu_contribution", {**PU_OK, "wage": "7500000"}, "invalid_input"),
        ("pu_contribution", {**PU_OK, "wage": True}, "invalid_input"),
        ("pu_contribution", {**PU_OK, "wage": 7_500_000.5}, "invalid_input"),
        ("pu_contribution", {"month": "2025-06", "risk_class": "low"}, "missing_input"),
        ("pu_contribution", {**PU_OK, "risk_class": "extreme"}, "unknown_risk_class"),
        ("pu_contribution", {**PU_OK, "month": "2015-06"}, "not_in_force"),
        ("pu_contribution", {**PU_OK, "month": "2014-12", "programs": ["JP"]}, "not_in_force"),
        ("pu_contribution", {**PU_OK, "month": "2025-13"}, "invalid_input"),
        ("pu_contribution", {**PU_OK, "month": "June 2025"}, "invalid_input"),
        ("pu_contribution", {**PU_OK, "month": "9999-12"}, "month_out_of_range"),
        ("pu_contribution", {**PU_OK, "programs": ["JKP"]}, "program_not_billed"),
        ("pu_contribution", {**PU_OK, "programs": ["JHT", "BPJS"]}, "unknown_program"),
        ("pu_contribution", {**PU_OK, "programs": []}, "no_programs"),
        ("pu_contribution", {**PU_OK, "programs": "JKK"}, "invalid_input"),
        ("pu_contribution", {**PU_OK, "programs": [1]}, "invalid_input"),
        ("pu_contribution", {**PU_OK, "min_wage": -5}, "invalid_input"),
        ("pu_contribution", {**PU_OK, "min_wage_exempt": "yes"}, "invalid_input"),
        ("pu_contribution", {**PU_OK, "active_workers": -1}, "invalid_input"),
        ("pu_contribution", {**PU_OK, "wage_basis": "hourly"}, "unknown_wage_basis"),
        ("pu_contribution", {**PU_OK, "wage_basis": "piece_rate"}, "missing_input"),
        ("pu_contribution", {**PU_OK, "wage_basis": "piece_rate", "wages": [1, 2]}, "wage_history_short"),
        ("pu_contribution", {**PU_OK, "wage_basis": "piece_rate", "wages": [1, -2, 3]}, "invalid_input"),
        ("bpu_contribution", {"month": "2025-06", "declared_income": -1}, "invalid_input"),
        (
            "bpu_contribution",
            {"month": "2025-06", "declared_income": 1, "programs": ["JP"]},
            "program_not_for_bpu",
        ),
        ("bpu_contribution", {"month": "2015-01", "declared_income": 1_000_000}, "not_in_force"),
        ("jp_wage_cap", {"month": "2015-06"}, "not_in_force"),
        ("jp_wage_cap", {"month": 202503}, "invalid_input"),
        ("due_date", {"month": "2025-02", "segment": "PMI"}, "unknown_segment"),
        ("late_fee", {"contribution": 715_500}, "missing_input"),
        (
            "late_fee",
            {"contribution": 715_500, "due_date": "2025-02-17", "paid_on": "2025-02-30"},
            "invalid_input",
        ),
        ("late_fee", {"contribution": -1, "months_late": 1}, "invalid_input"),
    ],
)
def test_bad_input_gives_a_rule_error_with_a_code_and_both_languages(kind, given, code):
    output = evaluate_case({"kind": kind, "input": given})
    error = output.get("error")
    assert isinstance(error, dict), output
    assert error["code"] == code, output
    assert error["message"]
    assert error["message_id"]
    assert error["message"] != error["message_id"]


@pytest.mark.parametrize(
    ("call", "code"),
    [
        (lambda: pu_contribution(date(2025, 6, 1), -1, "low"), "invalid_input"),
        (lambda: pu_contribution(date(2025, 6, 1), 1, "sangat rendah"), "unknown_risk_class"),
        (lambda: pu_contribution(date(2015, 6, 1), 1, "low"), "not_in_force"),
        (lambda: pu_contribution(date(2025, 6, 1), 1, "low", programs="JKK"), "invalid_input"),
        (lambda: pu_contribution(date(2025, 6, 1), 1, "low", active_workers=True), "invalid_input"),
        (lambda: pu_contributions(date(2025, 6, 1), "low", [1, 2, -3]), "invalid_input"),
        (lambda: bpu_contribution(date(2025, 6, 1), -5), "invalid_input"),
        (lambda: bpu_contribution(date(2025, 6, 1), 5, []), "no_programs"),
        (lambda: jp_wage_cap(date(2015, 6, 30)), "not_in_force"),
    ],
)
def test_the_python_functions_raise_rule_errors_too(call, code):
    with pytest.raises(RuleError) as error:
        call()
    assert error.value.code == code


# --- Batches and laziness ------------------------------------------------------------------------


def test_a_batch_equals_one_call_per_worker_and_shares_the_terms():
    wages = [0, 1, 3_000_000, 7_500_000, 15_000_000]
    batch = pu_contributions(date(2025, 6, 1), "high", wages, min_wage=5_396_761)
    singles = [pu_contribution(date(2025, 6, 1), wage, "high", min_wage=5_396_761) for wage in wages]
    assert batch == singles
    assert len({id(result.terms) for result in batch}) == 1


def test_the_explanation_is_built_on_first_access_and_kept():
    result = pu("2025-06", 7_500_000)
    assert "explanation" not in vars(result)
    first = result.explanation
    assert result.explanation is first
    keys = [step.key for step in first.steps]
    assert keys[:5] == ["programs", "reported_wage", "base_wage", "jp_wage_cap", "jp_wage"]
    assert {"employer.JKK", "worker.JP", "employer_total", "worker_total", "total", "due_date"} <= set(keys)
    assert all(step.citation for step in first.steps)


def test_the_json_output_has_the_golden_keys_and_the_extras():
    output = pu("2025-06", 7_500_000).to_json()
    golden = {
        "base_wage",
        "jp_wage",
        "employer",
        "worker",
        "employer_total",
        "worker_total",
        "total",
        "due_date",
    }
    assert golden <= set(output)
    assert {"explanation", "provisional", "jkp_funding", "discounts"} <= set(output)
    assert "explanation" not in pu("2025-06", 7_500_000).to_json(explanation=False)


# --- Properties ---------------------------------------------------------------------------------

MONTHS = st.builds(date, st.integers(2015, 2027), st.integers(1, 12), st.just(1)).filter(
    lambda month: month >= date(2015, 7, 1)
)
WAGES = st.integers(min_value=0, max_value=200_000_000)
PROGRAM_SETS = st.sets(st.sampled_from(["JKK", "JKM", "JHT", "JP"]), min_size=1)
INDUSTRIES = st.sampled_from([None, "textile", "furniture", "mining"])
WORKERS = st.sampled_from([None, 10, 49, 50, 500])


@settings(max_examples=150, deadline=None)
@given(
    month=MONTHS,
    risk_class=st.sampled_from(RISK_CLASSES),
    wage=WAGES,
    raise_by=st.integers(min_value=0, max_value=50_000_000),
    min_wage=st.one_of(st.none(), st.integers(0, 6_000_000)),
    programs=PROGRAM_SETS,
    industry=INDUSTRIES,
    workers=WORKERS,
)
def test_pu_properties(month, risk_class, wage, raise_by, min_wage, programs, industry, workers):
    options = {"min_wage": min_wage, "programs": programs, "industry": industry, "active_workers": workers}
    low = pu_contribution(month, wage, risk_class, **options)
    high = pu_contribution(month, wage + raise_by, risk_class, **options)
    for result in (low, high):
        # Totals are the sums of their lines.
        assert result.employer_total == sum(result.employer.values())
        assert result.worker_total == sum(result.worker.values())
        assert result.total == result.employer_total + result.worker_total
        # No negative amounts; the JP wage never exceeds the cap.
        assert min(result._amounts()) >= 0
        assert 0 <= result.jp_wage <= result.terms.cap
        # Each line is money.percent of its base at its billed rate.
        for line, amount in zip(result.terms.lines, result._amounts(), strict=True):
            expected = money.percent(result._line_base(line), line.billed_rate) if line.included else 0
            assert amount == expected
    # Contributions never fall as the wage rises: no line, no total.
    assert all(a <= b for a, b in zip(low._amounts(), high._amounts(), strict=True))
    assert low.total <= high.total
    # Every output, explanation included, is JSON.
    json.dumps(high.to_json())


@settings(max_examples=60, deadline=None)
@given(
    month=st.builds(date, st.integers(2016, 2027), st.integers(1, 12), st.just(1)),
    income=st.integers(0, 50_000_000),
    raise_by=st.integers(0, 10_000_000),
    programs=st.sets(st.sampled_from(["JKK", "JKM", "JHT"]), min_size=1),
    segment=st.sampled_from([None, "transport", "fisheries"]),
)
def test_bpu_properties(month, income, raise_by, programs, segment):
    low = bpu_contribution(month, income, programs, segment)
    high = bpu_contribution(month, income + raise_by, programs, segment)
    for result in (low, high):
        assert result.total == sum(result.contributions.values())
        assert min(result.contributions.values()) >= 0
        assert set(result.contributions) == set(programs)
    assert all(low.contributions[p] <= high.contributions[p] for p in programs)
    json.dumps(high.to_json())

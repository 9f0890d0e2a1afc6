"""JKK work-accident benefits (rulebook 3.4, example 8)."""

import json
from datetime import date
from decimal import Decimal
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from jamsos.rules import jkk
from jamsos.rules.data.jkk import ILLUSTRATIVE_DISABILITY_TABLE
from jamsos.rules.errors import RuleError
from jamsos.rules.evaluate import evaluate_case
from jamsos.rules.inputs import parse_percent
from jamsos.rules.tests.helpers import error_of, golden_cases, matches

ACCIDENT = date(2025, 3, 1)
WAGE = 6_000_000


def test_the_golden_cases_are_reproduced():
    cases = golden_cases("jkk_benefit")
    assert len(cases) == 3
    for case in cases:
        output = evaluate_case(case)
        assert matches(case["expected"], output), (case["id"], output)
        assert output["provisional"] is False


def test_example_8_anatomical_loss_of_ten_percent():
    result = jkk.jkk_benefit(ACCIDENT, WAGE, "partial_disability", disability_percent=10)
    assert result.lump_sum == 48_000_000
    assert (result.funeral, result.periodic, result.total_cash) == (0, 0, 48_000_000)
    assert result.disability_percent == Decimal(10)


def test_example_8_functional_loss_of_half_the_function():
    result = jkk.jkk_benefit(
        ACCIDENT, WAGE, "partial_disability", disability_percent=10, function_loss_percent=50
    )
    assert result.lump_sum == 24_000_000
    step = next(s for s in result.explanation.steps if s.key == "lump_sum")
    assert "50 % hilangnya fungsi x 10 % x 80 x Rp 6.000.000 = Rp 24.000.000" in step.formula_id
    assert "50 % loss of function x 10 % x 80 x Rp 6,000,000 = Rp 24,000,000" in step.formula_en


def test_example_8_total_permanent_disability_is_56_wages_plus_the_periodic_benefit():
    result = jkk.jkk_benefit(ACCIDENT, WAGE, "total_disability")
    assert result.lump_sum == 336_000_000
    assert result.periodic == 12_000_000
    assert result.funeral == 0
    assert result.total_cash == 348_000_000
    assert "56 x upah" in next(s for s in result.explanation.steps if s.key == "lump_sum").formula_id


def test_example_8_death_is_48_wages_funeral_and_periodic():
    result = jkk.jkk_benefit(ACCIDENT, WAGE, "death")
    assert (result.lump_sum, result.funeral, result.periodic) == (288_000_000, 10_000_000, 12_000_000)
    assert result.total_cash == 310_000_000
    assert result.scholarship is not None
    assert result.scholarship.cap_total == 174_000_000


def test_a_work_accident_death_gives_the_scholarship_without_a_minimum_period():
    result = jkk.jkk_benefit(ACCIDENT, WAGE, "death", children=["SD", "S1"])
    assert result.scholarship is not None
    assert result.scholarship.eligible is True
    assert result.scholarship.min_months == 0
    assert result.scholarship.first_year == 13_500_000
    output = result.to_json()
    assert (output["scholarship_eligible"], output["scholarship_first_year"]) == (True, 13_500_000)


def test_partial_disability_and_stmb_carry_no_scholarship():
    assert jkk.jkk_benefit(ACCIDENT, WAGE, "partial_disability", disability_percent=5).scholarship is None
    assert (
        "scholarship_eligible"
        not in jkk.jkk_benefit(ACCIDENT, WAGE, "temporary_incapacity", months_unable_to_work=2).to_json()
    )


def test_example_8_stmb_for_15_months():
    result = jkk.jkk_benefit(ACCIDENT, WAGE, "temporary_incapacity", months_unable_to_work=15)
    assert result.lump_sum == 81_000_000
    assert [(p.from_month, p.to_month, p.percent, p.monthly, p.amount) for p in result.schedule] == [
        (1, 12, Decimal(100), 6_000_000, 72_000_000),
        (13, 15, Decimal(50), 3_000_000, 9_000_000),
    ]


@pytest.mark.parametrize(
    ("months", "amount", "periods"), [(12, 72_000_000, 1), (13, 75_000_000, 2), (0, 0, 0)]
)
def test_stmb_pays_full_wage_for_twelve_months_then_half(months, amount, periods):
    result = jkk.jkk_benefit(ACCIDENT, WAGE, "temporary_incapacity", months_unable_to_work=months)
    assert result.lump_sum == amount
    assert len(result.schedule) == periods
    assert result.to_json()["schedule"] == [period.to_json() for period in result.schedule]


def test_stmb_before_pp_82_2019_used_the_provisional_100_75_50_steps():
    result = jkk.jkk_benefit(date(2019, 12, 1), WAGE, "temporary_incapacity", months_unable_to_work=15)
    assert [(p.months, p.percent) for p in result.schedule] == [
        (6, Decimal(100)),
        (6, Decimal(75)),
        (3, Decimal(50)),
    ]
    assert result.lump_sum == 36_000_000 + 27_000_000 + 9_000_000
    assert result.provisional is True
    after = jkk.jkk_benefit(date(2019, 12, 2), WAGE, "temporary_incapacity", months_unable_to_work=15)
    assert after.lump_sum == 81_000_000
    assert after.provisional is False


def test_stmb_rounds_each_monthly_line_half_up():
    result = jkk.jkk_benefit(ACCIDENT, 3_333_333, "temporary_incapacity", months_unable_to_work=14)
    assert result.schedule[1].monthly == 1_666_667  # 1.666.666,5 rounded half-up
    assert result.lump_sum == 12 * 3_333_333 + 2 * 1_666_667


def test_before_pp_82_2019_the_death_benefit_amounts_are_provisional():
    result = jkk.jkk_benefit(date(2019, 12, 1), WAGE, "death")
    assert (result.lump_sum, result.funeral, result.periodic) == (288_000_000, 3_000_000, 4_800_000)
    assert result.provisional is True
    provisional_keys = {step.key for step in result.explanation.steps if step.provisional}
    assert provisional_keys == {"funeral", "periodic"}


@pytest.mark.parametrize(
    ("claim", "in_time"),
    [(date(2030, 3, 1), True), (date(2030, 3, 2), False), (date(2025, 3, 1), True)],
)
def test_the_right_to_benefits_lapses_five_years_after_the_accident(claim, in_time):
    result = jkk.jkk_benefit(ACCIDENT, WAGE, "death", claim_date=claim, children=["SD"])
    assert result.claim_deadline == date(2030, 3, 1)
    assert result.eligible is in_time
    if in_time:
        assert result.total_cash == 310_000_000
        assert result.failed == ()
    else:
        assert (result.lump_sum, result.funeral, result.periodic, result.total_cash) == (0, 0, 0, 0)
        assert result.scholarship is not None
        assert result.scholarship.first_year == 0
        (failed,) = result.failed
        assert failed.reason == "claim_expired"
        assert failed.id
        assert failed.en
        assert result.to_json()["failed_conditions"] == [failed.to_json()]


def test_before_pp_82_2019_the_right_lapsed_after_two_years():
    result = jkk.jkk_benefit(date(2019, 1, 10), WAGE, "total_disability", claim_date=date(2021, 1, 11))
    assert result.claim_deadline == date(2021, 1, 10)
    assert result.eligible is False
    assert result.total_cash == 0


def test_an_expired_stmb_claim_pays_no_month():
    result = jkk.jkk_benefit(
        date(2018, 1, 1), WAGE, "temporary_incapacity", months_unable_to_work=3, claim_date=date(2021, 1, 1)
    )
    assert result.lump_sum == 0
    assert all(period.amount == 0 for period in result.schedule)


def test_a_29_february_accident_lapses_on_28_february():
    assert jkk.jkk_benefit(date(2020, 2, 29), WAGE, "death").claim_deadline == date(2025, 2, 28)


def test_without_a_claim_date_the_expiry_is_reported_but_not_checked():
    result = jkk.jkk_benefit(ACCIDENT, WAGE, "death")
    (condition,) = result.conditions
    assert condition.met is None
    assert result.eligible is True


@pytest.mark.parametrize(
    ("accident", "mode", "cost", "paid"),
    [
        (ACCIDENT, "land", 6_000_000, 5_000_000),
        (ACCIDENT, "land", 750_000, 750_000),
        (ACCIDENT, "sea", 3_000_000, 2_000_000),
        (ACCIDENT, "air", 12_000_000, 10_000_000),
        (date(2019, 12, 1), "land", 6_000_000, 1_000_000),
        (date(2019, 12, 1), "sea", 6_000_000, 1_500_000),
        (date(2019, 12, 1), "air", 6_000_000, 2_500_000),
    ],
)
def test_transport_is_reimbursed_up_to_its_cap(accident, mode, cost, paid):
    result = jkk.jkk_benefit(accident, WAGE, "total_disability", transport_costs={mode: cost})
    assert result.reimbursements == ((f"transport_{mode}", paid),)
    assert result.reimbursement_total == paid
    assert result.total_cash == result.lump_sum + result.periodic  # reimbursements are separate


def test_dentures_are_capped_provisionally_and_glasses_have_no_cap_yet():
    result = jkk.jkk_benefit(
        ACCIDENT, WAGE, "partial_disability", disability_percent=5, aid_costs={"dentures": 7_000_000}
    )
    assert dict(result.reimbursements) == {"dentures": 5_000_000}
    assert result.provisional is True
    with pytest.raises(RuleError) as error:
        jkk.jkk_benefit(ACCIDENT, WAGE, "death", aid_costs={"glasses": 1_000_000})
    assert error.value.code == "no_parameter"


def test_a_body_part_is_looked_up_in_the_provisional_illustrative_table():
    result = jkk.jkk_benefit(ACCIDENT, WAGE, "partial_disability", body_part="thumb_right")
    assert result.disability_percent == Decimal(15)
    assert result.lump_sum == 72_000_000  # 15 % x 80 x 6.000.000
    assert result.provisional is True
    step = next(s for s in result.explanation.steps if s.key == "disability_percent")
    assert step.provisional is True
    assert "[L]" in step.citation


def test_a_loaded_table_replaces_the_illustrative_one(tmp_path):
    path = tmp_path / "lampiran.json"
    path.write_text(
        json.dumps(
            [
                {
                    "code": "thumb_right",
                    "percent": "15",
                    "label_id": "ibu jari kanan",
                    "label_en": "right thumb",
                },
                {
                    "code": "little_toe",
                    "percent": 2.5,
                    "label_id": "kelingking kaki",
                    "label_en": "little toe",
                },
            ]
        )
    )
    table = jkk.load_disability_table(path, source="PP 82/2019 Lampiran (typed from the official PDF)")
    assert table.provisional is False
    result = jkk.jkk_benefit(
        ACCIDENT, WAGE, "partial_disability", body_part="little_toe", disability_table=table
    )
    assert result.lump_sum == 12_000_000  # 2,5 % x 80 x 6.000.000
    assert result.provisional is False
    assert (
        "official PDF" in next(s for s in result.explanation.steps if s.key == "disability_percent").citation
    )


def test_a_table_loads_from_csv(tmp_path):
    path = tmp_path / "lampiran.csv"
    path.write_text(
        "code,percent,label_id,label_en\nhand_right,32,tangan kanan,right hand\neye_one,35,sebelah mata,\n"
    )
    table = jkk.load_disability_table(path, source="test", provisional=True)
    assert table.codes == ("hand_right", "eye_one")
    entry = table.entry("eye_one")
    assert entry is not None
    assert (entry.percent, entry.label_en) == (Decimal(35), "sebelah mata")


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("t.json", "{not json"),
        ("t.json", '{"code": "x"}'),
        ("t.json", "[]"),
        ("t.json", '[{"code": "x", "percent": 120, "label_id": "x"}]'),
        ("t.json", '[{"code": "x", "percent": 0, "label_id": "x"}]'),
        ("t.json", '[{"code": "x", "percent": 10}]'),
        (
            "t.json",
            '[{"code": "x", "percent": 10, "label_id": "a"}, {"code": "x", "percent": 5, "label_id": "b"}]',
        ),
        ("t.csv", "code,percent,label_id\n,10,x\n"),
        ("t.txt", "code,percent\n"),
    ],
)
def test_a_bad_table_file_is_refused_with_a_code(tmp_path, name, content):
    path = tmp_path / name
    path.write_text(content)
    with pytest.raises(RuleError) as error:
        jkk.load_disability_table(path, source="test")
    assert error.value.code == "invalid_disability_table"
    assert error.value.message_id != error.value.message_en


def test_a_missing_table_file_is_refused_with_a_code(tmp_path):
    with pytest.raises(RuleError) as error:
        jkk.load_disability_table(tmp_path / "absent.csv", source="test")
    assert error.value.code == "invalid_disability_table"


def test_the_illustrative_table_is_marked_provisional_and_has_unique_codes():
    assert ILLUSTRATIVE_DISABILITY_TABLE.provisional is True
    codes = ILLUSTRATIVE_DISABILITY_TABLE.codes
    assert len(codes) == len(set(codes))
    assert all(Decimal(0) < entry.percent <= Decimal(100) for entry in ILLUSTRATIVE_DISABILITY_TABLE.entries)


@pytest.mark.parametrize(
    ("value", "expected"), [("12,5", Decimal("12.5")), ("7.25", Decimal("7.25")), (2.5, Decimal("2.5"))]
)
def test_percentages_may_be_text_or_json_numbers(value, expected):
    assert parse_percent("disability_percent", value) == expected


@pytest.mark.parametrize(
    ("data", "code"),
    [
        ({"wage": -1, "outcome": "death"}, "invalid_input"),
        ({"wage": 6_000_000, "outcome": "injury"}, "unknown_outcome"),
        (
            {"wage": 6_000_000, "outcome": "partial_disability", "disability_percent": 101},
            "percent_out_of_range",
        ),
        (
            {"wage": 6_000_000, "outcome": "partial_disability", "disability_percent": -5},
            "percent_out_of_range",
        ),
        (
            {"wage": 6_000_000, "outcome": "partial_disability", "disability_percent": "NaN"},
            "percent_out_of_range",
        ),
        ({"wage": 6_000_000, "outcome": "partial_disability", "disability_percent": "ten"}, "invalid_input"),
        (
            {
                "wage": 6_000_000,
                "outcome": "partial_disability",
                "disability_percent": 10,
                "function_loss_percent": 150,
            },
            "percent_out_of_range",
        ),
        ({"wage": 6_000_000, "outcome": "partial_disability"}, "missing_input"),
        ({"wage": 6_000_000, "outcome": "partial_disability", "body_part": "tail"}, "unknown_body_part"),
        (
            {
                "wage": 6_000_000,
                "outcome": "partial_disability",
                "body_part": "thumb_right",
                "disability_percent": 15,
            },
            "inconsistent_input",
        ),
        ({"wage": 6_000_000, "outcome": "temporary_incapacity"}, "missing_input"),
        (
            {"wage": 6_000_000, "outcome": "temporary_incapacity", "months_unable_to_work": -2},
            "invalid_input",
        ),
        ({"wage": 6_000_000, "outcome": "death", "children": [{"level": "SMK"}]}, "unknown_level"),
        ({"wage": 6_000_000, "outcome": "death", "claim_date": "2025-02-28"}, "inconsistent_input"),
        ({"wage": 6_000_000, "outcome": "death", "transport_costs": {"rail": 10}}, "unknown_transport_mode"),
        ({"wage": 6_000_000, "outcome": "death", "transport_costs": {"land": -10}}, "invalid_input"),
        ({"wage": 6_000_000, "outcome": "death", "aid_costs": {"wheelchair": 10}}, "unknown_aid"),
        ({"outcome": "death"}, "missing_input"),
        ({"wage": 6_000_000}, "missing_input"),
    ],
)
def test_bad_input_gives_a_coded_bilingual_error(data, code):
    output = evaluate_case({"kind": "jkk_benefit", "input": {"accident_date": "2025-03-01", **data}})
    assert error_of(output)["code"] == code, output
    assert error_of(output)["message"] != error_of(output)["message_id"]


@pytest.mark.parametrize(
    ("accident_date", "code"),
    [
        ("2015-06-30", "not_in_force"),
        ("2025-13-01", "invalid_input"),
        ("2023-02-29", "invalid_input"),
        (20250301, "invalid_input"),
    ],
)
def test_impossible_or_too_early_accident_dates_are_refused(accident_date, code):
    output = evaluate_case(
        {"kind": "jkk_benefit", "input": {"accident_date": accident_date, "wage": WAGE, "outcome": "death"}}
    )
    assert error_of(output)["code"] == code


def test_the_function_refuses_a_negative_wage_and_an_unknown_outcome():
    with pytest.raises(RuleError) as error:
        jkk.jkk_benefit(ACCIDENT, -1, "death")
    assert error.value.code == "invalid_input"
    with pytest.raises(RuleError) as error:
        jkk.jkk_benefit(ACCIDENT, WAGE, "Death")
    assert error.value.code == "unknown_outcome"


def test_every_step_is_bilingual_with_a_citation():
    result = jkk.jkk_benefit(ACCIDENT, WAGE, "death", children=["SD"], transport_costs={"air": 1})
    for step in result.explanation.steps:
        assert step.formula_id
        assert step.formula_en
        assert step.formula_id != step.formula_en
        assert step.citation


OUTCOME_ARGS: dict[str, dict[str, Any]] = {
    "death": {},
    "total_disability": {},
    "partial_disability": {"disability_percent": Decimal("12.5"), "function_loss_percent": 40},
    "temporary_incapacity": {"months_unable_to_work": 17},
}


@given(
    accident=st.dates(min_value=date(2015, 7, 1), max_value=date(2040, 12, 31)),
    wage=st.integers(0, 10**11),
    outcome=st.sampled_from(sorted(OUTCOME_ARGS)),
    children=st.lists(st.sampled_from(["TK", "SD", "SMP", "SMA", "S1"]), max_size=3),
)
def test_amounts_are_never_negative_and_totals_are_the_sum_of_their_parts(accident, wage, outcome, children):
    result = jkk.jkk_benefit(accident, wage, outcome, children=children, **OUTCOME_ARGS[outcome])
    assert min(result.lump_sum, result.funeral, result.periodic, result.reimbursement_total) >= 0
    assert result.total_cash == result.lump_sum + result.funeral + result.periodic
    if outcome == "temporary_incapacity":
        assert result.lump_sum == sum(period.amount for period in result.schedule)
        assert sum(period.months for period in result.schedule) == 17
    if result.scholarship is not None:
        assert result.scholarship.first_year == sum(child.first_year for child in result.scholarship.children)
    json.dumps(result.to_json())


@given(
    accident=st.dates(min_value=date(2015, 7, 1), max_value=date(2040, 12, 31)),
    wages=st.tuples(st.integers(0, 10**10), st.integers(0, 10**10)).map(sorted),
    outcome=st.sampled_from(sorted(OUTCOME_ARGS)),
)
def test_lump_sums_never_fall_as_the_wage_rises(accident, wages, outcome):
    low, high = (jkk.jkk_benefit(accident, wage, outcome, **OUTCOME_ARGS[outcome]) for wage in wages)
    assert low.lump_sum <= high.lump_sum
    assert low.total_cash <= high.total_cash

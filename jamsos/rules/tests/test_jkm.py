"""JKM death benefits and scholarships (rulebook 3.3, example 7)."""

import json
from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from jamsos.rules import jkm
from jamsos.rules.data.jkm import LEVELS, ScholarshipSchedule
from jamsos.rules.errors import RuleError
from jamsos.rules.evaluate import evaluate_case
from jamsos.rules.tests.helpers import error_of, golden_cases, matches


def test_the_golden_cases_are_reproduced():
    cases = golden_cases("jkm_benefit")
    assert len(cases) == 2
    for case in cases:
        output = evaluate_case(case)
        assert matches(case["expected"], output), (case["id"], output)
        assert output["provisional"] is False


def test_example_7_pays_42_million_and_this_years_scholarship_for_both_children():
    result = jkm.jkm_benefit(date(2025, 5, 10), 48, ["SD", "SMA"])
    assert (result.lump_sum, result.periodic, result.funeral) == (20_000_000, 12_000_000, 10_000_000)
    assert result.total_cash == 42_000_000
    assert result.scholarship.eligible is True
    assert [child.first_year for child in result.scholarship.children] == [1_500_000, 3_000_000]
    assert result.scholarship.first_year == 4_500_000
    assert (result.scholarship.cap_per_child, result.scholarship.cap_total) == (87_000_000, 174_000_000)
    assert result.regulation == "PP 44/2015 jo. PP 82/2019"


def test_example_7_with_two_years_of_contributions_pays_cash_and_no_scholarship():
    result = jkm.jkm_benefit(date(2025, 5, 10), 24, ["SD", "SMA"])
    assert result.total_cash == 42_000_000
    assert result.scholarship.eligible is False
    assert result.scholarship.first_year == 0
    assert all(not child.counted for child in result.scholarship.children)


def test_pp_82_2019_applies_from_2_december_2019():
    before = jkm.jkm_benefit(date(2019, 12, 1), 100)
    after = jkm.jkm_benefit(date(2019, 12, 2), 100)
    assert (before.lump_sum, before.periodic, before.funeral, before.total_cash) == (
        16_200_000,
        4_800_000,
        3_000_000,
        24_000_000,
    )
    assert (before.periodic_monthly, before.periodic_months) == (200_000, 24)
    assert (after.lump_sum, after.periodic, after.funeral, after.total_cash) == (
        20_000_000,
        12_000_000,
        10_000_000,
        42_000_000,
    )
    assert before.regulation == "PP 44/2015"


@pytest.mark.parametrize(("months", "eligible", "first_year"), [(35, False, 0), (36, True, 1_500_000)])
def test_the_scholarship_needs_three_years_of_contributions(months, eligible, first_year):
    result = jkm.jkm_benefit(date(2025, 5, 10), months, ["TK"])
    assert result.scholarship.eligible is eligible
    assert result.scholarship.first_year == first_year
    assert result.scholarship.min_months == 36


@pytest.mark.parametrize(("months", "first_year"), [(59, 0), (60, 12_000_000)])
def test_before_pp_82_2019_one_grant_of_12_million_needed_five_years(months, first_year):
    result = jkm.jkm_benefit(date(2019, 6, 1), months, ["SD", "SMA"])
    assert result.scholarship.first_year == first_year
    assert [child.counted for child in result.scholarship.children] == [months >= 60, False]


@pytest.mark.parametrize(
    ("level", "per_year", "max_years"),
    [
        ("TK", 1_500_000, 2),
        ("SD", 1_500_000, 6),
        ("SMP", 2_000_000, 3),
        ("SMA", 3_000_000, 3),
        ("S1", 12_000_000, 5),
    ],
)
def test_each_level_pays_its_yearly_amount_for_its_years(level, per_year, max_years):
    child = jkm.jkm_benefit(date(2025, 5, 10), 48, [level]).scholarship.children[0]
    assert (child.first_year, child.per_year, child.max_years, child.cap) == (
        per_year,
        per_year,
        max_years,
        per_year * max_years,
    )


def test_only_the_first_two_children_are_counted():
    result = jkm.jkm_benefit(date(2025, 5, 10), 48, ["S1", "S1", "SD"])
    assert [child.counted for child in result.scholarship.children] == [True, True, False]
    assert result.scholarship.first_year == 24_000_000
    step = next(s for s in result.explanation.steps if s.key == "scholarship_child_3")
    assert "at most 2 children" in step.formula_en
    assert "paling banyak 2 anak" in step.formula_id


def test_the_lifetime_caps_are_the_sum_of_the_level_caps():
    schedule = jkm.PARAMS.at("scholarship.schedule", date(2025, 1, 1)).value
    assert isinstance(schedule, ScholarshipSchedule)
    assert [name for name, _ in schedule.levels] == list(LEVELS)
    assert sum(grant.cap for _, grant in schedule.levels) == schedule.cap_per_child == 87_000_000
    assert schedule.cap_per_child * schedule.max_children == schedule.cap_total == 174_000_000


def test_permenaker_5_2021_is_cited_from_april_2021():
    march = jkm.jkm_benefit(date(2021, 3, 31), 48, ["SD"]).explanation.steps
    april = jkm.jkm_benefit(date(2021, 4, 1), 48, ["SD"]).explanation.steps
    cite = {step.key: step.citation for step in march}["scholarship_child_1"]
    assert cite.startswith("PP 82/2019")
    assert {step.key: step.citation for step in april}["scholarship_child_1"].startswith("Permenaker 5/2021")


def test_every_step_is_bilingual_and_cites_a_regulation():
    result = jkm.jkm_benefit(date(2025, 5, 10), 48, ["SD", "SMA"])
    for step in result.explanation.steps:
        assert step.formula_id
        assert step.formula_en
        assert step.formula_id != step.formula_en
        assert "PP" in step.citation or "Permenaker" in step.citation
    keys = [step.key for step in result.explanation.steps]
    assert keys[:4] == ["lump_sum", "periodic", "funeral", "total_cash"]
    assert result.provisional is False


def test_the_explanation_shows_the_figures_in_both_languages():
    steps = {step.key: step for step in jkm.jkm_benefit(date(2025, 5, 10), 48).explanation.steps}
    assert "24 x Rp 500.000 = Rp 12.000.000" in steps["periodic"].formula_id
    assert "24 x Rp 500,000 = Rp 12,000,000" in steps["periodic"].formula_en
    assert steps["total_cash"].figure == 42_000_000


def test_the_output_has_the_golden_keys_and_serialises():
    output = jkm.jkm_benefit(date(2025, 5, 10), 48, ["SD"]).to_json()
    for key in (
        "lump_sum",
        "periodic",
        "funeral",
        "total_cash",
        "scholarship_eligible",
        "scholarship_first_year",
        "explanation",
        "provisional",
    ):
        assert key in output
    json.dumps(output)


def test_children_may_be_objects_or_level_strings_in_a_case():
    output = evaluate_case(
        {
            "kind": "jkm_benefit",
            "input": {
                "death_date": "2025-05-10",
                "contribution_months": 48,
                "children": ["SD", {"level": "S1"}],
            },
        }
    )
    assert output["scholarship_first_year"] == 13_500_000


@pytest.mark.parametrize(
    ("data", "code"),
    [
        (
            {"death_date": "2025-05-10", "contribution_months": 48, "children": [{"level": "SMK"}]},
            "unknown_level",
        ),
        ({"death_date": "2025-05-10", "contribution_months": 48, "children": ["sd"]}, "unknown_level"),
        ({"death_date": "2025-05-10", "contribution_months": -1}, "invalid_input"),
        ({"death_date": "2025-05-10", "contribution_months": 1.5}, "invalid_input"),
        ({"death_date": "2025-02-30", "contribution_months": 48}, "invalid_input"),
        ({"death_date": "10-05-2025", "contribution_months": 48}, "invalid_input"),
        ({"death_date": "2015-06-30", "contribution_months": 48}, "not_in_force"),
        ({"contribution_months": 48}, "missing_input"),
        ({"death_date": "2025-05-10"}, "missing_input"),
        ({"death_date": "2025-05-10", "contribution_months": 48, "children": "SD"}, "invalid_input"),
        ({"death_date": "2025-05-10", "contribution_months": 48, "children": [{}]}, "missing_input"),
    ],
)
def test_bad_input_gives_a_coded_bilingual_error(data, code):
    output = evaluate_case({"kind": "jkm_benefit", "input": data})
    assert error_of(output)["code"] == code, output
    assert error_of(output)["message"]
    assert error_of(output)["message_id"]
    assert error_of(output)["message"] != error_of(output)["message_id"]


def test_the_function_refuses_bad_arguments_with_rule_errors():
    with pytest.raises(RuleError) as error:
        jkm.jkm_benefit(date(2025, 5, 10), -3)
    assert error.value.code == "invalid_input"
    with pytest.raises(RuleError) as error:
        jkm.jkm_benefit(date(2025, 5, 10), 40, ["kuliah"])
    assert error.value.code == "unknown_level"
    with pytest.raises(RuleError) as error:
        jkm.jkm_benefit(date(2015, 6, 30), 40)
    assert error.value.code == "not_in_force"
    assert "2015-07-01" in error.value.message_en
    assert "2015-07-01" in error.value.message_id


@given(
    death_date=st.dates(min_value=date(2015, 7, 1), max_value=date(2040, 12, 31)),
    months=st.integers(0, 600),
    children=st.lists(st.sampled_from(LEVELS), max_size=4),
)
def test_amounts_are_never_negative_and_totals_are_the_sum_of_their_parts(death_date, months, children):
    result = jkm.jkm_benefit(death_date, months, children)
    parts = (result.lump_sum, result.periodic, result.funeral, result.scholarship.first_year)
    assert all(amount >= 0 for amount in parts)
    assert result.total_cash == result.lump_sum + result.periodic + result.funeral
    assert result.periodic == result.periodic_monthly * result.periodic_months
    assert result.scholarship.first_year == sum(child.first_year for child in result.scholarship.children)
    assert sum(child.counted for child in result.scholarship.children) <= 2
    assert result.scholarship.first_year <= result.scholarship.cap_total
    json.dumps(result.to_json())

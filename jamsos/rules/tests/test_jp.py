"""JP: retirement age, pension formula and bounds, lump sum, deferral, indexation, disability, survivors."""

import json
from datetime import date
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from jamsos.rules import jp
from jamsos.rules.calendar import add_months
from jamsos.rules.data import jp as data
from jamsos.rules.errors import RuleError
from jamsos.rules.evaluate import evaluate_case
from jamsos.rules.explain import Explanation
from jamsos.rules.jp import Survivors
from jamsos.rules.params import Param, ParamTable
from jamsos.rules.tests.helpers import GOLDEN, error_code, golden_cases, matches, run

# -- golden cases ------------------------------------------------------------------------------


def test_the_golden_file_has_jp_cases():
    assert GOLDEN.exists(), f"{GOLDEN} is missing: the shared folder must sit beside the project"
    assert len(golden_cases("jp_retirement_age", "jp_pension")) >= 7


@pytest.mark.parametrize("case", golden_cases("jp_retirement_age", "jp_pension"), ids=lambda case: case["id"])
def test_golden_case(case):
    output = evaluate_case(case)
    assert matches(case["expected"], output), output
    json.dumps(output)


# -- retirement age ----------------------------------------------------------------------------


def expected_age(year):
    # The rulebook's closed form of PP 45/2015 Pasal 15, checked against the data rows.
    return 56 if year < 2019 else min(65, 57 + (year - 2019) // 3)


@pytest.mark.parametrize("year", range(2015, 2071))
def test_retirement_age_every_year(year):
    assert jp.jp_retirement_age(year).age == expected_age(year)


@pytest.mark.parametrize(
    ("year", "age"),
    [
        (2015, 56),
        (2018, 56),
        (2019, 57),
        (2021, 57),
        (2022, 58),
        (2024, 58),
        (2025, 59),
        (2027, 59),
        (2028, 60),
        (2030, 60),
        (2031, 61),
        (2033, 61),
        (2034, 62),
        (2036, 62),
        (2037, 63),
        (2039, 63),
        (2040, 64),
        (2042, 64),
        (2043, 65),
        (2100, 65),
    ],
)
def test_retirement_age_at_each_step_boundary(year, age):
    output = run("jp_retirement_age", year=year)
    assert output["age"] == age
    assert output["provisional"] is False
    assert "Pasal 15" in output["explanation"][0]["citation"]


@pytest.mark.parametrize("year", [2014, 1990, 0, -5])
def test_retirement_age_before_jp_is_an_error(year):
    assert error_code("jp_retirement_age", year=year) == "before_jp_start"


@pytest.mark.parametrize(
    ("birth", "age", "reached", "first_month"),
    [
        (date(1959, 7, 1), 56, date(2015, 7, 1), date(2015, 8, 1)),
        (date(1962, 6, 1), 56, date(2018, 6, 1), date(2018, 7, 1)),
        # Nobody newly reaches the age in a step year: born 1963 is 56 in 2019, when the age is 57.
        (date(1963, 1, 15), 57, date(2020, 1, 15), date(2020, 2, 1)),
        (date(1964, 2, 29), 57, date(2021, 3, 1), date(2021, 4, 1)),
        (date(1966, 7, 10), 58, date(2024, 7, 10), date(2024, 8, 1)),
        (date(1967, 12, 31), 59, date(2026, 12, 31), date(2027, 1, 1)),
        (date(1990, 1, 1), 65, date(2055, 1, 1), date(2055, 2, 1)),
    ],
)
def test_retirement_date_from_birth_date(birth, age, reached, first_month):
    result = jp.jp_retirement_date(birth)
    assert (result.age, result.reached_on, result.first_pension_month) == (age, reached, first_month)
    assert result.latest_start_month == date(first_month.year + 3, first_month.month, 1)


def test_someone_past_56_when_jp_began_has_no_jp_retirement_date():
    assert error_code("jp_retirement_age", birth_date="1959-06-30") == "retired_before_jp"
    assert run("jp_retirement_age", birth_date="1966-07-10")["first_pension_month"] == "2024-08"


# -- old-age pension ---------------------------------------------------------------------------


def test_example_5_twenty_years_at_8_million():
    pension = jp.jp_pension(date(2025, 8, 1), 240, 8_000_000)
    assert (pension.kind, pension.monthly_benefit) == ("monthly", 1_600_000)
    assert pension.bounded is not None
    assert (pension.bounded.minimum, pension.bounded.maximum, pension.bounded.bound_applied) == (
        399_700,
        4_792_300,
        None,
    )
    assert pension.provisional  # the 2025 bounds are computed, not announced
    assert jp.jp_index_benefit(1_600_000, 2025, 2026).monthly_benefit == 1_646_720
    widow = jp.jp_survivor(date(2026, 3, 1), Survivors(spouse=True), pension_in_payment=1_600_000)
    parent = jp.jp_survivor(date(2026, 3, 1), Survivors(parent=True), pension_in_payment=1_600_000)
    assert (widow.monthly_benefit, parent.monthly_benefit) == (800_000, 320_000)


def test_example_6_minimum_floor_and_the_15_year_rule():
    floor = jp.jp_pension(date(2025, 8, 1), 180, 2_000_000)
    assert floor.bounded is not None
    assert (floor.bounded.formula, floor.monthly_benefit, floor.bounded.bound_applied) == (
        300_000,
        399_700,
        "minimum",
    )
    short = jp.jp_pension(date(2025, 8, 1), 170, 2_000_000)
    assert (short.kind, short.monthly_benefit) == ("lump_sum", None)


@pytest.mark.parametrize(
    ("months", "kind"), [(0, "lump_sum"), (179, "lump_sum"), (180, "monthly"), (181, "monthly")]
)
def test_the_180_month_boundary(months, kind):
    output = run(
        "jp_pension", retirement_month="2025-08", contribution_months=months, average_indexed_monthly_wage=8e6
    )
    assert output["kind"] == kind
    assert ("monthly_benefit" in output) is (kind == "monthly")


def test_formula_is_rounded_half_up_once():
    # 1 % x 181/12 x 3,000,001 = 452,500.15 -> 452,500; 1 % x 180/12 x 3,000,010 = 450,001.5 -> 450,002
    assert jp.jp_pension(date(2025, 8, 1), 181, 3_000_001).monthly_benefit == 452_500
    assert jp.jp_pension(date(2025, 8, 1), 180, 3_000_010).monthly_benefit == 450_002


@pytest.mark.parametrize(
    ("month", "minimum", "maximum"),
    [
        (date(2015, 7, 1), 300_000, 3_600_000),
        (date(2016, 2, 1), 300_000, 3_600_000),
        (date(2023, 3, 1), 383_400, 4_598_100),
        (date(2024, 3, 1), 393_500, 4_718_200),
        (date(2025, 2, 1), 393_500, 4_718_200),
        (date(2025, 3, 1), 399_700, 4_792_300),
        (date(2026, 3, 1), 411_400, 4_932_300),
    ],
)
def test_bounds_in_force_change_each_march(month, minimum, maximum):
    low = jp.jp_pension(month, 180, 1)
    high = jp.jp_pension(month, 480, 100_000_000)
    assert (low.monthly_benefit, low.bounded and low.bounded.bound_applied) == (minimum, "minimum")
    assert (high.monthly_benefit, high.bounded and high.bounded.bound_applied) == (maximum, "maximum")


def test_sourced_bounds_are_not_provisional_and_computed_ones_are():
    assert not jp.jp_pension(date(2023, 6, 1), 240, 8_000_000).provisional
    assert jp.jp_pension(date(2021, 6, 1), 240, 8_000_000).provisional


def test_adding_a_bound_row_for_2027():
    table = ParamTable(
        (*data.ROWS, Param("jp_min_benefit", date(2027, 3, 1), 420_000, "BPJS announcement (example)"))
    )
    assert jp.jp_pension(date(2027, 3, 1), 180, 1, table=table).monthly_benefit == 420_000
    assert jp.jp_pension(date(2027, 2, 1), 180, 1, table=table).monthly_benefit == 411_400


def test_lump_sum_from_an_amount_or_from_contributions():
    given = run(
        "jp_pension",
        retirement_month="2025-08",
        contribution_months=170,
        average_indexed_monthly_wage=8_000_000,
        lump_sum_amount=25_000_000,
    )
    assert (given["kind"], given["lump_sum"], given["lump_sum_basis"]) == ("lump_sum", 25_000_000, "input")
    # 2024: 120,000 in January x 6 % x 11/12 = 6,600; 2025 Jan-Jul: 246,600 x 6 % x 7/12 = 8,631
    computed = run(
        "jp_pension",
        retirement_month="2025-08",
        contribution_months=2,
        average_indexed_monthly_wage=4_000_000,
        contributions=[{"month": "2024-01", "amount": 120_000}, {"month": "2024-12", "amount": 120_000}],
        development_rate="6",
    )
    assert (computed["lump_sum"], computed["lump_sum_basis"]) == (
        120_000 * 2 + 6_600 + 8_631,
        "contributions",
    )
    assert computed["provisional"] is True


def test_deferral_up_to_three_years():
    born = date(1966, 7, 10)  # reaches 58 on 2024-07-10; first pension month 2024-08
    on_time = jp.jp_pension(date(2024, 8, 1), 240, 8_000_000, birth_date=born)
    latest = jp.jp_pension(date(2027, 8, 1), 276, 8_000_000, birth_date=born)
    assert (on_time.deferred_months, on_time.monthly_benefit) == (0, 1_600_000)
    assert (latest.deferred_months, latest.monthly_benefit) == (36, 1_840_000)
    assert latest.provisional
    with pytest.raises(RuleError) as late:
        jp.jp_pension(date(2027, 9, 1), 277, 8_000_000, birth_date=born)
    assert late.value.code == "deferral_too_long"
    with pytest.raises(RuleError) as early:
        jp.jp_pension(date(2024, 7, 1), 240, 8_000_000, birth_date=born)
    assert early.value.code == "before_retirement_age"


def test_wage_history_is_indexed_by_inflation_to_the_retirement_year():
    steps = Explanation()
    # 2023 wage x 1.0261 x 1.0157 = 5,211,048.85 -> 5,211,049; 2024 wage x 1.0157 = 5,078,500.
    indexed = jp.index_wages({date(2023, 1, 1): 5_000_000, date(2024, 6, 1): 5_000_000}, 2025, steps)
    assert (indexed.months, indexed.total, indexed.average) == (2, 10_289_549, 5_144_775)
    assert steps.provisional


def test_pension_kind_from_a_wage_history():
    history = [{"month": f"{2016 + i // 12}-{i % 12 + 1:02d}", "wage": 4_000_000} for i in range(180)]
    output = run("jp_pension", retirement_month="2031-01", wage_history=history, assumed_inflation="3")
    assert output["kind"] == "monthly"
    assert output["contribution_months"] == 180
    # The indexed wages are above the nominal 4,000,000, so the benefit is above 1 % x 15 x 4,000,000.
    assert output["monthly_benefit"] > 600_000
    assert error_code("jp_pension", retirement_month="2031-01", wage_history=history) == "inflation_unknown"


@pytest.mark.parametrize(
    ("fields", "code"),
    [
        (
            {"retirement_month": "2015-06", "contribution_months": 180, "average_indexed_monthly_wage": 1},
            "before_jp_start",
        ),
        (
            {"retirement_month": "2025-08", "contribution_months": -1, "average_indexed_monthly_wage": 1},
            "negative_months",
        ),
        (
            {"retirement_month": "2025-08", "contribution_months": 180, "average_indexed_monthly_wage": -1},
            "negative_amount",
        ),
        (
            {"retirement_month": "2025-13", "contribution_months": 180, "average_indexed_monthly_wage": 1},
            "invalid_input",
        ),
        ({"retirement_month": "2025-08", "contribution_months": 180}, "missing_input"),
        (
            {
                "retirement_month": "2025-08",
                "contribution_months": 10,
                "average_indexed_monthly_wage": 1,
                "lump_sum_amount": -5,
            },
            "negative_amount",
        ),
        (
            {
                "retirement_month": "2025-08",
                "contribution_months": 10,
                "average_indexed_monthly_wage": 1,
                "contributions": [{"month": "2025-01", "amount": 1}],
            },
            "missing_input",
        ),
        (
            {
                "retirement_month": "2025-08",
                "contribution_months": 10,
                "average_indexed_monthly_wage": 1,
                "contributions": [{"month": "2025-08", "amount": 1}],
                "development_rate": "5",
            },
            "invalid_period",
        ),
        (
            {
                "retirement_month": "2025-08",
                "contribution_months": 180,
                "average_indexed_monthly_wage": 1,
                "birth_date": "1966-02-30",
            },
            "invalid_input",
        ),
    ],
)
def test_pension_rejects_bad_input_with_a_code(fields, code):
    assert error_code("jp_pension", **fields) == code


# -- indexation --------------------------------------------------------------------------------


def test_indexation_uses_the_previous_years_inflation_each_year():
    result = jp.jp_index_benefit(1_000_000, 2022, 2025)
    # 2023: x 1.0551; 2024: x 1.0261; 2025: x 1.0157, each rounded half-up.
    assert [(row.year, row.inflation, row.benefit) for row in result.years] == [
        (2023, Decimal("5.51"), 1_055_100),
        (2024, Decimal("2.61"), 1_082_638),
        (2025, Decimal("1.57"), 1_099_635),
    ]
    assert not result.provisional


def test_indexation_beyond_the_table_needs_an_assumed_inflation():
    assert (
        error_code("jp_indexation", monthly_benefit=1_600_000, first_year=2025, year=2027)
        == "inflation_unknown"
    )
    output = run(
        "jp_indexation", monthly_benefit=1_600_000, first_year=2025, year=2027, assumed_inflation="2.5"
    )
    assert output["monthly_benefit"] == 1_687_888  # 1,646,720 x 1.025 = 1,687,888
    assert output["years"][1]["assumed"] is True
    assert output["provisional"] is True
    assert (
        run("jp_indexation", monthly_benefit=500_000, first_year=2025, year=2025)["monthly_benefit"]
        == 500_000
    )


@pytest.mark.parametrize(
    ("fields", "code"),
    [
        ({"monthly_benefit": 1, "first_year": 2014, "year": 2016}, "before_jp_start"),
        ({"monthly_benefit": 1, "first_year": 2020, "year": 2019}, "invalid_period"),
        ({"monthly_benefit": -1, "first_year": 2020, "year": 2021}, "negative_amount"),
        (
            {"monthly_benefit": 1, "first_year": 2020, "year": 2021, "assumed_inflation": "500"},
            "invalid_rate",
        ),
    ],
)
def test_indexation_rejects_bad_input_with_a_code(fields, code):
    assert error_code("jp_indexation", **fields) == code


# -- disability --------------------------------------------------------------------------------


def test_disability_with_a_full_contribution_period_uses_it():
    result = jp.jp_disability(date(2034, 5, 1), 200, 210, 6_000_000)
    assert result.kind == "monthly"
    assert (result.months_used.months, result.months_used.deemed) == (200, False)
    assert result.bounded is not None
    assert result.bounded.formula == 1_000_000  # 1 % x 200/12 x 6,000,000


@pytest.mark.parametrize(
    ("contribution", "membership", "kind", "months"),
    [
        (1, 1, "monthly", 180),  # one month of membership is enough for a disability
        (0, 0, "lump_sum", None),
        (80, 100, "monthly", 180),  # density exactly 80 %
        (79, 100, "lump_sum", None),
    ],
)
def test_disability_deemed_period(contribution, membership, kind, months):
    result = jp.jp_disability(date(2024, 5, 1), contribution, membership, 6_000_000)
    assert (result.kind, result.months_used.months) == (kind, months)
    assert result.provisional
    if kind == "monthly":
        assert result.bounded is not None
        assert result.bounded.formula == 900_000  # 1 % x 15 x 6,000,000


def test_disability_kind_and_its_errors():
    output = run(
        "jp_disability",
        disability_month="2024-05",
        contribution_months=50,
        membership_months=60,
        average_indexed_monthly_wage=6_000_000,
    )
    assert (output["kind"], output["monthly_benefit"], output["first_payment_month"]) == (
        "monthly",
        900_000,
        "2024-06",
    )
    assert (
        error_code(
            "jp_disability",
            disability_month="2024-05",
            contribution_months=61,
            membership_months=60,
            average_indexed_monthly_wage=1,
        )
        == "invalid_input"
    )
    assert (
        error_code(
            "jp_disability",
            disability_month="2025-01",
            contribution_months=60,
            membership_months=60,
            average_indexed_monthly_wage=1,
            birth_date="1966-07-10",
        )
        == "after_retirement_age"
    )
    assert (
        error_code(
            "jp_disability",
            disability_month="2015-01",
            contribution_months=6,
            membership_months=6,
            average_indexed_monthly_wage=1,
        )
        == "before_jp_start"
    )


# -- survivors ---------------------------------------------------------------------------------


def test_survivor_order_is_spouse_then_children_then_parent():
    everyone = Survivors(spouse=True, children=2, parent=True)
    assert jp.jp_survivor(date(2026, 3, 1), everyone, pension_in_payment=1_000_000).recipient == "spouse"
    children = jp.jp_survivor(
        date(2026, 3, 1), Survivors(children=2, parent=True), pension_in_payment=1_000_000
    )
    assert (children.recipient, children.per_child, children.monthly_benefit) == (
        "children",
        (250_000, 250_000),
        500_000,
    )
    nobody = jp.jp_survivor(date(2026, 3, 1), Survivors(), pension_in_payment=1_000_000)
    assert (nobody.kind, nobody.monthly_benefit) == ("none", None)


def test_at_most_two_children_share_the_child_pension():
    result = jp.jp_survivor(date(2026, 3, 1), Survivors(children=3), pension_in_payment=1_000_001)
    # 50 % of 1,000,001 split by two: 250,000.25 each, rounded half-up per child.
    assert result.per_child == (250_000, 250_000)
    assert result.monthly_benefit == 500_000


@pytest.mark.parametrize(
    ("contribution", "membership", "kind"),
    [(12, 12, "monthly"), (11, 11, "lump_sum"), (16, 20, "monthly"), (15, 20, "lump_sum")],
)
def test_death_before_retirement_uses_15_years_after_a_year_at_80_percent_density(
    contribution, membership, kind
):
    result = jp.jp_survivor(
        date(2026, 3, 1),
        Survivors(spouse=True),
        contribution_months=contribution,
        membership_months=membership,
        average_indexed_monthly_wage=5_000_000,
    )
    assert result.kind == kind
    if kind == "monthly":
        assert result.base is not None
        assert result.base.formula == 750_000  # 1 % x 15 x 5,000,000
        assert result.monthly_benefit == 375_000
    assert result.provisional


def test_survivor_base_is_bounded_before_the_share():
    result = jp.jp_survivor(
        date(2026, 3, 1),
        Survivors(spouse=True),
        contribution_months=24,
        membership_months=24,
        average_indexed_monthly_wage=2_000_000,
    )
    assert result.base is not None
    assert (result.base.formula, result.base.benefit, result.monthly_benefit) == (300_000, 411_400, 205_700)


def test_survivor_kind_and_its_errors():
    output = run(
        "jp_survivor", death_month="2026-03", survivors={"spouse": True}, pension_in_payment=1_600_000
    )
    assert (output["kind"], output["recipient"], output["monthly_benefit"], output["share_percent"]) == (
        "monthly",
        "spouse",
        800_000,
        "50",
    )
    assert error_code("jp_survivor", death_month="2026-03", survivors={"spouse": True}) == "missing_input"
    assert (
        error_code("jp_survivor", death_month="2026-03", survivors={"children": -1}, pension_in_payment=1)
        == "negative_amount"
    )
    assert (
        error_code("jp_survivor", death_month="2026-03", survivors={"spouse": "yes"}, pension_in_payment=1)
        == "invalid_input"
    )
    assert (
        error_code("jp_survivor", death_month="2015-06", survivors={}, pension_in_payment=1)
        == "before_jp_start"
    )


def test_every_step_is_bilingual_and_cited():
    outputs = [
        run(
            "jp_pension",
            retirement_month="2025-08",
            contribution_months=240,
            average_indexed_monthly_wage=8_000_000,
        ),
        run(
            "jp_pension",
            retirement_month="2025-08",
            contribution_months=170,
            average_indexed_monthly_wage=8_000_000,
        ),
        run("jp_retirement_age", birth_date="1970-01-01"),
        run("jp_indexation", monthly_benefit=1_000_000, first_year=2020, year=2025),
        run(
            "jp_disability",
            disability_month="2024-05",
            contribution_months=5,
            membership_months=6,
            average_indexed_monthly_wage=1,
        ),
        run("jp_survivor", death_month="2026-03", survivors={"children": 1}, pension_in_payment=1),
    ]
    for output in outputs:
        assert output["explanation"], output
        for step in output["explanation"]:
            assert step["formula"]["id"], step
            assert step["formula"]["en"], step
            assert step["formula"]["id"] != step["formula"]["en"], step
            assert step["citation"], step


# -- properties --------------------------------------------------------------------------------

RETIREMENT_MONTHS = st.dates(min_value=date(2015, 7, 1), max_value=date(2026, 12, 31)).map(
    lambda d: d.replace(day=1)
)
WAGES = st.integers(min_value=0, max_value=200_000_000)


@settings(max_examples=200, deadline=None)
@given(month=RETIREMENT_MONTHS, months=st.integers(0, 600), extra=st.integers(0, 600), wage=WAGES)
def test_a_longer_contribution_period_never_lowers_the_monthly_benefit(month, months, extra, wage):
    shorter = jp.jp_pension(month, months, wage)
    longer = jp.jp_pension(month, months + extra, wage)
    if shorter.kind == "monthly":
        assert longer.kind == "monthly"
        assert longer.monthly_benefit is not None
        assert shorter.monthly_benefit is not None
        assert longer.monthly_benefit >= shorter.monthly_benefit


@settings(max_examples=100, deadline=None)
@given(
    wages=st.lists(st.integers(0, 20_000_000), min_size=180, max_size=260),
    extra=st.lists(st.integers(0, 20_000_000), min_size=1, max_size=24),
)
def test_a_longer_wage_history_never_lowers_the_monthly_benefit(wages, extra):
    start = date(2016, 1, 1)

    def benefit(history):
        steps = Explanation()
        months = {add_months(start, i): wage for i, wage in enumerate(history)}
        indexed = jp.index_wages(months, 2040, steps, assumed_inflation=Decimal(3))
        result = jp.jp_pension(
            date(2040, 1, 1), indexed.months, indexed.average, wage_months_total=indexed.total
        )
        assert result.monthly_benefit is not None
        return result.monthly_benefit

    assert benefit(wages + extra) >= benefit(wages)


@settings(max_examples=200, deadline=None)
@given(month=RETIREMENT_MONTHS, months=st.integers(0, 1200), wage=WAGES)
def test_monthly_benefit_stays_within_the_bounds_in_force_and_serialises(month, months, wage):
    pension = jp.jp_pension(month, months, wage)
    if pension.kind == "monthly":
        assert pension.bounded is not None
        assert pension.bounded.minimum <= pension.bounded.benefit <= pension.bounded.maximum
        maximum = data.TABLE.at("jp_max_benefit", month).value
        assert isinstance(maximum, int)
        assert pension.bounded.benefit <= maximum
    json.dumps(pension.to_json())


@settings(max_examples=200, deadline=None)
@given(
    month=RETIREMENT_MONTHS,
    contribution=st.integers(0, 400),
    gap=st.integers(0, 100),
    wage=WAGES,
    pension=st.one_of(st.none(), st.integers(0, 10_000_000)),
    spouse=st.booleans(),
    children=st.integers(0, 4),
    parent=st.booleans(),
)
def test_disability_and_survivors_never_give_negative_amounts(
    month, contribution, gap, wage, pension, spouse, children, parent
):
    disability = jp.jp_disability(month, contribution, contribution + gap, wage)
    assert disability.bounded is None or disability.bounded.benefit >= 0
    json.dumps(disability.to_json())
    survivor = jp.jp_survivor(
        month,
        Survivors(spouse=spouse, children=children, parent=parent),
        pension_in_payment=pension,
        contribution_months=contribution,
        membership_months=contribution + gap,
        average_indexed_monthly_wage=wage,
    )
    assert survivor.monthly_benefit is None or survivor.monthly_benefit >= 0
    assert all(each >= 0 for each in survivor.per_child)
    json.dumps(survivor.to_json())


@settings(max_examples=100, deadline=None)
@given(
    benefit=st.integers(0, 10_000_000),
    first=st.integers(2015, 2025),
    length=st.integers(0, 30),
    inflation=st.decimals(min_value=-5, max_value=20, places=2),
)
def test_indexation_never_gives_negative_amounts_and_serialises(benefit, first, length, inflation):
    result = jp.jp_index_benefit(benefit, first, first + length, assumed_inflation=inflation)
    assert all(row.benefit >= 0 for row in result.years)
    json.dumps(result.to_json())


def test_retirement_age_is_data_not_code():
    # A row for a hypothetical later step (age 66 from 2050) changes the answer without code changes.
    table = ParamTable((*data.ROWS, Param("jp_retirement_age", date(2050, 1, 1), 66, "example amendment")))
    assert jp.jp_retirement_age(2050, table=table).age == 66
    assert jp.jp_retirement_age(2049, table=table).age == 65
    with pytest.raises(RuleError) as error:
        jp.jp_retirement_age(2015, table=ParamTable(data.ROWS[1:]))
    assert error.value.code == "not_in_force"

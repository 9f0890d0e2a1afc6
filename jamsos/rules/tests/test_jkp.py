"""JKP job-loss benefit, eligibility and funding (rulebook 3.5, 1.4, example 9)."""

import json
from datetime import date
from decimal import Decimal
from typing import cast

import pytest
from hypothesis import given
from hypothesis import strategies as st

from jamsos.rules import jkp
from jamsos.rules.calendar import add_months
from jamsos.rules.errors import RuleError
from jamsos.rules.evaluate import evaluate_case
from jamsos.rules.tests.helpers import error_of, golden_cases, matches

OLD = date(2025, 1, 20)  # PP 37/2021
NEW = date(2025, 3, 10)  # PP 6/2025


def benefit(
    separation_date=NEW, separation="termination", wage=6_000_000, last_24=20, consecutive=12, **kwargs
):
    return jkp.jkp_benefit(separation_date, separation, wage, last_24, consecutive, **kwargs)


def test_the_golden_cases_are_reproduced():
    cases = golden_cases("jkp_benefit")
    assert len(cases) == 2
    for case in cases:
        output = evaluate_case(case)
        assert matches(case["expected"], output), (case["id"], output)
        assert output["provisional"] is False


@pytest.mark.parametrize(
    ("separation_date", "wage", "monthly", "total"),
    [
        (OLD, 6_000_000, [2_250_000] * 3 + [1_250_000] * 3, 10_500_000),
        (NEW, 6_000_000, [3_000_000] * 6, 18_000_000),
        (OLD, 4_000_000, [1_800_000] * 3 + [1_000_000] * 3, 8_400_000),
        (NEW, 4_000_000, [2_400_000] * 6, 14_400_000),
    ],
)
def test_example_9_both_rules_and_both_wages(separation_date, wage, monthly, total):
    result = benefit(separation_date, wage=wage)
    assert result.eligible is True
    assert list(result.monthly) == monthly
    assert result.total == total
    assert result.wage_base == min(wage, 5_000_000)


def test_pp_6_2025_applies_from_7_february_2025():
    sixth = benefit(date(2025, 2, 6))
    seventh = benefit(date(2025, 2, 7))
    assert (sixth.total, sixth.regulation) == (10_500_000, "PP 37/2021")
    assert (seventh.total, seventh.regulation) == (18_000_000, "PP 37/2021 jo. PP 6/2025")
    assert sixth.claim_deadline == date(2025, 5, 6)
    assert seventh.claim_deadline == date(2025, 8, 7)


def test_jkp_begins_with_pp_37_2021():
    assert benefit(date(2021, 2, 2)).total == 10_500_000
    with pytest.raises(RuleError) as error:
        benefit(date(2021, 2, 1))
    assert error.value.code == "not_in_force"
    assert "PP 37/2021" in error.value.message_en
    assert "PP 37/2021" in error.value.message_id


def failed_reasons(result):
    return [condition.reason for condition in result.failed]


@pytest.mark.parametrize("separation", ["resignation", "contract_end", "retirement", "death"])
def test_only_termination_opens_a_claim(separation):
    result = benefit(separation=separation)
    assert result.eligible is False
    assert failed_reasons(result) == ["separation_not_covered"]
    assert (result.monthly, result.total) == ((), 0)


def test_eleven_of_twenty_four_months_is_not_enough_and_twelve_is():
    short = benefit(last_24=11, consecutive=11)
    assert failed_reasons(short) == ["too_few_contribution_months"]
    assert benefit(last_24=12, consecutive=12).eligible is True


def test_the_old_rule_needs_six_consecutive_months():
    assert failed_reasons(benefit(OLD, consecutive=5)) == ["too_few_consecutive_months"]
    assert benefit(OLD, consecutive=6).eligible is True


def test_the_new_rule_drops_the_consecutive_months_and_marks_that_reading_provisional():
    result = benefit(NEW, consecutive=5)
    assert result.eligible is True
    assert result.total == 18_000_000
    assert result.provisional is True  # rulebook 8 item 3: the removal is disputed
    assert benefit(NEW, consecutive=6).provisional is False
    assert benefit(NEW, consecutive=None).provisional is True


def test_the_disputed_reading_is_not_provisional_when_another_condition_fails():
    result = benefit(NEW, separation="resignation", consecutive=2)
    assert result.eligible is False
    assert result.provisional is False


def test_the_old_rule_needs_the_consecutive_months_as_input():
    with pytest.raises(RuleError) as error:
        benefit(OLD, consecutive=None)
    assert error.value.code == "missing_input"


@pytest.mark.parametrize(
    ("separation_date", "claim_date", "eligible"),
    [
        (OLD, date(2025, 4, 20), True),
        (OLD, date(2025, 4, 21), False),
        (NEW, date(2025, 9, 10), True),
        (NEW, date(2025, 9, 11), False),
        (NEW, NEW, True),
    ],
)
def test_the_claim_window_is_three_months_under_the_old_rule_and_six_under_the_new(
    separation_date, claim_date, eligible
):
    result = benefit(separation_date, claim_date=claim_date)
    assert result.eligible is eligible
    if not eligible:
        assert failed_reasons(result) == ["claim_window_passed"]


def test_without_a_claim_date_the_window_is_reported_but_not_checked():
    result = benefit()
    window = next(c for c in result.conditions if c.code == "claim_within_window")
    assert window.met is None
    assert "2025-09-10" in window.en
    assert result.eligible is True


def test_a_fourth_claim_is_refused():
    assert benefit(claims_so_far=2, contribution_months_total=60).eligible is True
    fourth = benefit(claims_so_far=3, contribution_months_total=80)
    assert failed_reasons(fourth) == ["claim_limit_reached"]


def test_a_repeat_claim_needs_five_years_of_contributions_when_the_total_is_given():
    assert failed_reasons(benefit(claims_so_far=1, contribution_months_total=59)) == [
        "repeat_claim_too_few_months"
    ]
    unchecked = benefit(claims_so_far=1)
    assert unchecked.eligible is True
    assert next(c for c in unchecked.conditions if c.code == "repeat_claim_contribution_months").met is None


def test_every_failed_condition_is_listed_with_its_reason_and_both_languages():
    result = benefit(
        NEW,
        separation="resignation",
        last_24=11,
        consecutive=3,
        claims_so_far=3,
        claim_date=date(2025, 10, 1),
    )
    assert failed_reasons(result) == [
        "separation_not_covered",
        "too_few_contribution_months",
        "claim_window_passed",
        "claim_limit_reached",
    ]
    output = result.to_json()
    assert (output["eligible"], output["monthly"], output["total"]) == (False, [], 0)
    for failed in output["failed_conditions"]:
        assert failed["met"] is False
        assert failed["reason"]
        assert failed["message"]["id"] != failed["message"]["en"]
        assert failed["citation"].startswith("PP ")
    json.dumps(output)


def test_each_month_is_rounded_half_up():
    result = benefit(wage=4_123_457)
    assert result.monthly[0] == 2_474_074  # 60 % x 4.123.457 = 2.474.074,2
    assert benefit(OLD, wage=4_123_457).monthly[0] == 1_855_556  # 45 % = 1.855.555,65


def test_every_step_is_bilingual_and_cites_a_regulation():
    for result in (benefit(OLD), benefit(NEW), benefit(separation="death")):
        for step in result.explanation.steps:
            assert step.formula_id != step.formula_en
            assert "PP " in step.citation
    steps = {step.key: step for step in benefit(OLD).explanation.steps}
    assert "45 % x Rp 5.000.000 = Rp 2.250.000" in steps["months_1_3"].formula_id
    assert "25 % x Rp 5,000,000 = Rp 1,250,000" in steps["months_4_6"].formula_en
    assert steps["months_1_3"].citation.startswith("PP 37/2021 Pasal 21")


@pytest.mark.parametrize(
    ("data", "code"),
    [
        ({"separation": "fired"}, "unknown_separation"),
        ({"wage": -1}, "invalid_input"),
        ({"contribution_months_last_24": 25}, "invalid_input"),
        ({"contribution_months_last_24": -1}, "invalid_input"),
        (
            {"consecutive_months_before_separation": 30, "contribution_months_last_24": 20},
            "inconsistent_input",
        ),
        ({"claim_date": "2025-03-09"}, "inconsistent_input"),
        ({"claim_date": "2025-02-30"}, "invalid_input"),
        ({"claims_so_far": -1}, "invalid_input"),
        ({"contribution_months_total": 10}, "invalid_input"),
        ({"separation_date": "2020-12-31"}, "not_in_force"),
        ({"separation_date": "2025-02-29"}, "invalid_input"),
        ({"separation_date": None}, "missing_input"),
        ({"separation_date": "2025-01-20", "consecutive_months_before_separation": None}, "missing_input"),
    ],
)
def test_bad_input_gives_a_coded_bilingual_error(data, code):
    base = {
        "separation_date": "2025-03-10",
        "separation": "termination",
        "wage": 6_000_000,
        "contribution_months_last_24": 20,
        "consecutive_months_before_separation": 12,
    }
    output = evaluate_case({"kind": "jkp_benefit", "input": {**base, **data}})
    assert error_of(output)["code"] == code, output
    assert error_of(output)["message"] != error_of(output)["message_id"]


def test_the_consecutive_months_may_be_left_out_under_the_new_rule():
    output = evaluate_case(
        {
            "kind": "jkp_benefit",
            "input": {
                "separation_date": "2025-03-10",
                "separation": "termination",
                "wage": 6_000_000,
                "contribution_months_last_24": 20,
                "claims_so_far": 1,
                "contribution_months_total": 72,
                "claim_date": "2025-04-01",
            },
        }
    )
    assert output["total"] == 18_000_000
    assert output["provisional"] is True


@pytest.mark.parametrize(
    ("day", "months", "expected"),
    [
        (date(2025, 1, 31), 1, date(2025, 2, 28)),
        (date(2024, 1, 31), 1, date(2024, 2, 29)),
        (date(2024, 11, 30), 3, date(2025, 2, 28)),
        (date(2025, 3, 10), 6, date(2025, 9, 10)),
        (date(2020, 2, 29), 60, date(2025, 2, 28)),
    ],
)
def test_deadlines_keep_the_day_or_take_the_last_of_the_month(day, months, expected):
    assert add_months(day, months) == expected


def test_example_1_funding_after_pp_6_2025():
    funding = jkp.jkp_funding(date(2025, 6, 1), 7_500_000)
    assert (funding.wage_base, funding.government, funding.from_jkk, funding.from_jkm) == (
        5_000_000,
        11_000,
        7_000,
        0,
    )
    assert funding.total == 18_000
    assert funding.rate == Decimal("0.36")
    json.dumps(funding.to_json())


def test_funding_before_pp_6_2025_also_took_0_10_percent_from_jkm():
    funding = jkp.jkp_funding(date(2024, 6, 1), 7_500_000)
    assert (funding.government, funding.from_jkk, funding.from_jkm, funding.total) == (
        11_000,
        7_000,
        5_000,
        23_000,
    )
    assert funding.rate == Decimal("0.46")


@pytest.mark.parametrize("day", [date(2021, 3, 1), date(2025, 1, 1), date(2025, 3, 1)])
def test_the_funding_shares_add_up_to_the_rate(day):
    shares = sum(
        (
            cast(Decimal, jkp.PARAMS.at(f"jkp.funding.{name}", day).value)
            for name in ("government", "from_jkk", "from_jkm")
        ),
        Decimal(0),
    )
    assert shares == jkp.PARAMS.at("jkp.funding.rate", day).value


def test_funding_is_refused_before_jkp_existed():
    with pytest.raises(RuleError) as error:
        jkp.jkp_funding(date(2021, 1, 1), 5_000_000)
    assert error.value.code == "not_in_force"


@given(
    separation_date=st.dates(min_value=date(2021, 2, 2), max_value=date(2040, 12, 31)),
    separation=st.sampled_from(["termination", "resignation", "contract_end", "retirement", "death"]),
    wage=st.integers(0, 10**11),
    last_24=st.integers(0, 24),
    consecutive=st.integers(0, 60),
    claims=st.integers(0, 5),
)
def test_monthly_never_exceeds_60_percent_of_5_million_and_the_total_adds_up(
    separation_date, separation, wage, last_24, consecutive, claims
):
    consecutive = min(consecutive, last_24)
    result = jkp.jkp_benefit(separation_date, separation, wage, last_24, consecutive, claims_so_far=claims)
    assert all(0 <= amount <= 3_000_000 for amount in result.monthly)
    assert result.total == sum(result.monthly)
    assert len(result.monthly) in (0, 6)
    assert result.eligible is (len(result.monthly) == 6)
    if not result.eligible:
        assert result.total == 0
        assert result.failed
    json.dumps(result.to_json())


@given(
    month=st.dates(min_value=date(2021, 3, 1), max_value=date(2040, 12, 31)),
    wage=st.integers(0, 10**11),
)
def test_funding_lines_are_never_negative_and_add_up(month, wage):
    funding = jkp.jkp_funding(month, wage)
    assert min(funding.government, funding.from_jkk, funding.from_jkm) >= 0
    assert funding.total == funding.government + funding.from_jkk + funding.from_jkm
    json.dumps(funding.to_json())

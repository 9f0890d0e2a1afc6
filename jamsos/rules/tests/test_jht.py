"""JHT: balance projection, claim eligibility, claim amount and tax (rulebook §3.1, example 11)."""

import json
from datetime import date
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from jamsos.rules import jht
from jamsos.rules.calendar import add_months
from jamsos.rules.data import jht as data
from jamsos.rules.errors import RuleError
from jamsos.rules.jht import MemberFacts
from jamsos.rules.params import Param, ParamTable
from jamsos.rules.tests.helpers import error_code, run

# -- tax (example 11) --------------------------------------------------------------------------


def test_example_11_tax_on_a_120_million_lump_sum():
    tax = jht.jht_lump_sum_tax(120_000_000, on=date(2025, 6, 2))
    assert [(line.taxable, line.tax) for line in tax.lines] == [(50_000_000, 0), (70_000_000, 3_500_000)]
    assert (tax.tax, tax.net) == (3_500_000, 116_500_000)
    assert tax.provisional  # PP 68/2009 brackets are from memory (rulebook §8 item 13)


@pytest.mark.parametrize(
    ("amount", "tax"),
    [
        (0, 0),
        (49_999_999, 0),
        (50_000_000, 0),
        (50_000_001, 0),  # 5 % of Rp 1 is 0.05
        (50_000_009, 0),  # 0.45 rounds down
        (50_000_010, 1),  # 0.5 rounds half-up
        (50_000_020, 1),
        (60_000_000, 500_000),
    ],
)
def test_tax_brackets_at_the_50_million_boundary(amount, tax):
    assert jht.jht_lump_sum_tax(amount, on=date(2025, 1, 1)).tax == tax


def test_tax_kind_gives_brackets_and_net():
    output = run("jht_tax", amount=120_000_000, payment_date="2025-06-02")
    assert (output["tax"], output["net"]) == (3_500_000, 116_500_000)
    assert output["brackets"][1] == {
        "from": 50_000_000,
        "to": None,
        "rate": "5",
        "taxable": 70_000_000,
        "tax": 3_500_000,
    }
    assert output["provisional"] is True


# -- claim amount (example 11) -----------------------------------------------------------------


def test_example_11_resignation_pays_the_whole_balance_through_a_branch():
    claim = jht.jht_claim_amount(120_000_000, "resignation", claim_date=date(2025, 6, 2))
    assert (claim.gross, claim.tax.tax, claim.net) == (120_000_000, 3_500_000, 116_500_000)
    assert claim.channel == "branch"  # above the Rp 15 jt JMO limit


@pytest.mark.parametrize(
    ("purpose", "share", "gross"), [("retirement", "10", 12_000_000), ("housing", "30", 36_000_000)]
)
def test_example_11_partial_withdrawals(purpose, share, gross):
    output = run("jht_partial", balance=120_000_000, purpose=purpose, claim_date="2025-06-02")
    assert (output["share_percent"], output["gross"], output["tax"], output["net"]) == (
        share,
        gross,
        0,
        gross,
    )


def test_jmo_limit_rose_to_15_million_in_may_2025():
    assert jht.jht_claim_amount(12_000_000, "termination", claim_date=date(2025, 4, 30)).channel == "branch"
    assert jht.jht_claim_amount(12_000_000, "termination", claim_date=date(2025, 5, 1)).channel == "JMO"
    assert jht.jht_claim_amount(15_000_000, "termination", claim_date=date(2025, 5, 1)).channel == "JMO"
    assert jht.jht_claim_amount(15_000_001, "termination", claim_date=date(2025, 5, 1)).channel == "branch"
    assert jht.jht_claim_amount(1_000, "termination", claim_date=date(2020, 1, 1)).channel is None


def test_claim_kind_reads_the_reason():
    output = run("jht_claim", balance=120_000_000, reason="partial_housing", claim_date="2025-06-02")
    assert output["gross"] == 36_000_000
    assert error_code("jht_claim", balance=1, reason="bored", claim_date="2025-06-02") == "unknown_reason"


# -- projection --------------------------------------------------------------------------------


def test_year_end_crediting_convention_by_hand():
    # 1,000,000 x 6 % = 60,000; 120,000 posted in March x 6 % x 9/12 = 5,400; December earns 0.
    projection = jht.project_jht_balance(
        opening_balance=1_000_000,
        start_month=date(2024, 1, 1),
        end_month=date(2024, 12, 1),
        contributions={date(2024, 3, 1): 120_000, date(2024, 12, 1): 50_000},
        rate_overrides={2024: Decimal("6")},
    )
    (year,) = projection.years
    assert year.weighted == 1_000_000 * 12 + 120_000 * 9
    assert (year.development_return, year.closing) == (65_400, 1_235_400)
    assert projection.closing_balance == 1_235_400
    assert projection.total_contributions == 170_000
    assert not projection.provisional  # a full year at a rate the caller gives


def test_return_is_rounded_once_per_account_year():
    # 30 x 1 % x 11/12 = 0.275 and 30 x 1 % x 10/12 = 0.25: each alone rounds to 0, together to 1.
    projection = jht.project_jht_balance(
        opening_balance=0,
        start_month=date(2024, 1, 1),
        end_month=date(2024, 12, 1),
        contributions={date(2024, 1, 1): 30, date(2024, 2, 1): 30},
        rate_overrides={2024: Decimal("1")},
    )
    assert projection.years[0].development_return == 1
    half = jht.project_jht_balance(
        opening_balance=100,
        start_month=date(2024, 1, 1),
        end_month=date(2024, 12, 1),
        rate_overrides={2024: Decimal("0.5")},
    )
    assert half.years[0].development_return == 1  # 0.5 rounds half-up


def test_part_years_are_credited_pro_rata_and_marked_provisional():
    projection = jht.project_jht_balance(
        opening_balance=1_200_000,
        start_month=date(2023, 7, 1),
        end_month=date(2024, 6, 1),
        rate_overrides={2023: Decimal("6"), 2024: Decimal("6")},
    )
    first, last = projection.years
    assert (first.first_month, first.last_month, first.development_return) == (7, 12, 36_000)
    assert (last.first_month, last.last_month, last.development_return) == (1, 6, 37_080)
    assert not first.provisional
    assert last.provisional  # the convention credits at year end; a part-year is a reading


def test_wage_path_contributions_grow_each_january():
    projection = jht.project_jht_balance(
        opening_balance=0,
        start_month=date(2024, 11, 1),
        end_month=date(2025, 1, 1),
        monthly_wage=5_000_000,
        wage_growth_percent=Decimal("10"),
        rate_overrides={2024: Decimal("0"), 2025: Decimal("0")},
    )
    # 3.7 % + 2 % of 5,000,000 = 185,000 + 100,000; in 2025 the wage is 5,500,000.
    assert [year.contributions for year in projection.years] == [2 * 285_000, 313_500]
    assert projection.closing_balance == 2 * 285_000 + 313_500


def test_credited_rates_come_from_the_table_and_unknown_years_are_assumed():
    rate_2016 = jht.credited_rate(2016)
    assert (rate_2016.rate, rate_2016.basis, rate_2016.provisional) == (Decimal("7.19"), "credited", False)
    assert jht.credited_rate(2020).rate == Decimal("5.59")
    assert jht.credited_rate(2017).provisional  # 7.83 vs 7.82 between sources
    assumed_row = jht.credited_rate(2023)
    assert (assumed_row.basis, assumed_row.provisional) == ("assumed_row", True)
    future = jht.credited_rate(2030)
    assert (future.rate, future.basis, future.provisional) == (Decimal("5.59"), "assumed_future", True)
    assert jht.credited_rate(2030, assumed_rate=Decimal("6.5")).rate == Decimal("6.5")
    with pytest.raises(RuleError) as error:
        jht.credited_rate(2015)
    assert error.value.code == "jht_rate_unknown"
    assert jht.credited_rate(2015, overrides={2015: Decimal("10.1")}).basis == "input"


def test_adding_a_credited_rate_row_replaces_the_assumption():
    table = ParamTable(
        (
            *data.ROWS,
            Param("jht_credit_rate", date(2026, 1, 1), Decimal("6.4"), "BPJS announcement (example)"),
        )
    )
    rate = jht.credited_rate(2026, table=table)
    assert (rate.rate, rate.basis, rate.provisional) == (Decimal("6.4"), "credited", False)
    assert jht.credited_rate(2026).basis == "assumed_future"


def test_projection_kind_to_a_target_age():
    output = run(
        "jht_projection",
        opening_balance=10_000_000,
        start_month="2026-01",
        birth_date="1970-03-15",
        monthly_wage=6_000_000,
        wage_growth="3",
        assumed_rate="6",
    )
    assert output["end_month"] == "2026-03"  # the month the member turns 56
    (year,) = output["years"]
    assert year["contributions"] == 3 * (222_000 + 120_000)
    # 10,000,000 x 3 + 342,000 x (2 + 1 + 0) = 31,026,000 rupiah-months x 6 % / 12 = 155,130
    assert year["weighted_balance"] == 31_026_000
    assert year["development_return"] == 155_130
    assert output["closing_balance"] == 10_000_000 + 1_026_000 + 155_130
    assert output["provisional"] is True
    json.dumps(output)


def test_projection_kind_with_explicit_contributions_and_rates():
    output = run(
        "jht_projection",
        start_month="2015-07",
        end_month="2015-12",
        contributions=[{"month": "2015-07", "amount": 100_000}],
        rates={"2015": "12"},
    )
    assert output["years"][0]["development_return"] == 5_000  # 100,000 x 12 % x 5/12
    assert output["closing_balance"] == 105_000


@pytest.mark.parametrize(
    ("fields", "code"),
    [
        ({"opening_balance": -1, "start_month": "2024-01", "end_month": "2024-12"}, "negative_amount"),
        ({"monthly_wage": -5, "start_month": "2024-01", "end_month": "2024-12"}, "negative_amount"),
        ({"start_month": "2024-05", "end_month": "2024-04"}, "invalid_period"),
        ({"start_month": "2024-13", "end_month": "2024-12"}, "invalid_input"),
        ({"start_month": "2024-01", "end_month": "2024-12", "assumed_rate": "-1"}, "invalid_rate"),
        ({"start_month": "2024-01", "end_month": "2024-12", "wage_growth": "-100"}, "invalid_rate"),
        ({"start_month": "2014-01", "end_month": "2014-12"}, "jht_rate_unknown"),
        ({"start_month": "2024-01"}, "missing_input"),
        (
            {
                "start_month": "2024-01",
                "end_month": "2024-12",
                "contributions": [{"month": "2023-12", "amount": 1}],
            },
            "invalid_period",
        ),
        (
            {
                "start_month": "2024-01",
                "end_month": "2024-12",
                "contributions": [{"month": "2024-02", "amount": -1}],
            },
            "negative_amount",
        ),
        ({"start_month": "2024-01", "end_month": "2024-12", "rates": {"24": "5"}}, "invalid_input"),
        ({"start_month": "2024-01", "end_month": "2024-12", "assumed_rate": "1e-30"}, "invalid_input"),
    ],
)
def test_projection_rejects_bad_input_with_a_code(fields, code):
    assert error_code("jht_projection", **fields) == code


# -- eligibility -------------------------------------------------------------------------------


def eligibility(reason, as_of, **facts):
    return jht.jht_claim_eligibility(reason, as_of=as_of, facts=MemberFacts(**facts))


def test_retirement_age_56_or_the_contracts_age():
    born = date(1969, 5, 10)
    before = eligibility("retirement_age", date(2025, 5, 9), birth_date=born)
    on = eligibility("retirement_age", date(2025, 5, 10), birth_date=born)
    assert (before.eligible, before.earliest_date) == (False, date(2025, 5, 10))
    assert (on.eligible, on.share_percent) == (True, Decimal(100))
    contract = eligibility("retirement_age", date(2024, 5, 10), birth_date=born, contract_retirement_age=55)
    assert (contract.eligible, contract.earliest_date) == (True, date(2024, 5, 10))


@pytest.mark.parametrize("reason", ["resignation", "termination"])
def test_one_month_wait_after_resignation_or_termination(reason):
    left = date(2025, 1, 15)
    day_before = eligibility(reason, date(2025, 2, 14), separation_date=left)
    assert day_before.eligible is False
    assert day_before.earliest_date == date(2025, 2, 15)
    assert [(c.code, c.met) for c in day_before.conditions] == [
        ("separated", True),
        ("waiting_period", False),
    ]
    assert eligibility(reason, date(2025, 2, 15), separation_date=left).eligible is True


def test_the_wait_from_the_31st_ends_on_the_last_day_of_a_shorter_month():
    result = eligibility("resignation", date(2025, 2, 27), separation_date=date(2025, 1, 31))
    assert (result.eligible, result.earliest_date) == (False, date(2025, 2, 28))


def test_a_future_resignation_is_not_met_yet():
    result = eligibility("resignation", date(2025, 1, 1), separation_date=date(2025, 3, 1))
    assert [c.met for c in result.conditions] == [False, False]
    assert result.earliest_date == date(2025, 4, 1)


@pytest.mark.parametrize("reason", ["contract_end", "bpu_stopped"])
def test_contract_end_and_bpu_stop_have_no_waiting_period(reason):
    left = date(2025, 6, 30)
    assert eligibility(reason, date(2025, 6, 29), separation_date=left).eligible is False
    on = eligibility(reason, left, separation_date=left)
    assert (on.eligible, on.earliest_date) == (True, left)


def test_leaving_indonesia_permanently():
    leaving = eligibility("leaving_indonesia", date(2025, 6, 1), leaving_permanently=True)
    staying = eligibility("leaving_indonesia", date(2025, 6, 1))
    assert (leaving.eligible, leaving.earliest_date) == (True, date(2025, 6, 1))
    assert (staying.eligible, staying.earliest_date) == (False, None)


@pytest.mark.parametrize(
    ("reason", "fact"), [("total_disability", "disability_date"), ("death", "death_date")]
)
def test_disability_and_death_are_claimable_from_the_event(reason, fact):
    event = date(2025, 3, 3)
    assert eligibility(reason, date(2025, 3, 2), **{fact: event}).eligible is False
    assert eligibility(reason, event, **{fact: event}).eligible is True


def test_partial_withdrawal_after_ten_years_of_membership():
    start = date(2015, 3, 1)
    early = eligibility("partial_retirement", date(2025, 2, 28), membership_start=start)
    assert (early.eligible, early.earliest_date, early.share_percent) == (
        False,
        date(2025, 3, 1),
        Decimal(10),
    )
    on = eligibility("partial_housing", date(2025, 3, 1), membership_start=start)
    assert (on.eligible, on.share_percent) == (True, Decimal(30))


def test_partial_withdrawal_only_while_working_and_only_once():
    start = date(2010, 1, 1)
    stopped = eligibility("partial_retirement", date(2025, 3, 1), membership_start=start, still_working=False)
    assert (stopped.eligible, stopped.earliest_date) == (False, None)
    again = eligibility("partial_housing", date(2025, 3, 1), membership_start=start, partial_withdrawals=1)
    assert (again.eligible, again.earliest_date) == (False, None)
    assert [c.code for c in again.conditions if not c.met] == ["once_only"]


def test_eligibility_kind_lists_each_condition_with_its_earliest_date():
    output = run("jht_eligibility", reason="termination", separation_date="2025-01-15", as_of="2025-02-01")
    assert output["eligible"] is False
    assert output["earliest_date"] == "2025-02-15"
    assert [(c["key"], c["met"], c["earliest_date"]) for c in output["conditions"]] == [
        ("separated", True, "2025-01-15"),
        ("waiting_period", False, "2025-02-15"),
    ]
    assert "Permenaker 4/2022" in output["conditions"][1]["citation"]
    assert output["provisional"] is False


@pytest.mark.parametrize(
    ("fields", "code"),
    [
        ({"reason": "boredom", "as_of": "2025-01-01"}, "unknown_reason"),
        ({"reason": "resignation", "as_of": "2025-01-01"}, "missing_input"),
        ({"reason": "retirement_age", "as_of": "2025-02-30", "birth_date": "1969-01-01"}, "invalid_input"),
        (
            {
                "reason": "retirement_age",
                "as_of": "2025-01-01",
                "birth_date": "1969-01-01",
                "contract_retirement_age": 5,
            },
            "invalid_input",
        ),
        (
            {
                "reason": "partial_housing",
                "as_of": "2025-01-01",
                "membership_start": "2010-01-01",
                "still_working": "y",
            },
            "invalid_input",
        ),
        (
            {
                "reason": "partial_housing",
                "as_of": "2025-01-01",
                "membership_start": "2010-01-01",
                "partial_withdrawals": -1,
            },
            "invalid_input",
        ),
        ({"reason": "resignation", "as_of": "2025-01-01", "separation_date": "9999-12-15"}, "invalid_input"),
    ],
)
def test_eligibility_rejects_bad_input_with_a_code(fields, code):
    assert error_code("jht_eligibility", **fields) == code


@pytest.mark.parametrize(
    ("kind", "fields", "code"),
    [
        ("jht_tax", {"amount": -1, "payment_date": "2025-01-01"}, "negative_amount"),
        ("jht_tax", {"amount": 1, "payment_date": "2015-06-30"}, "not_in_force"),
        ("jht_claim", {"balance": -1, "reason": "death", "claim_date": "2025-01-01"}, "negative_amount"),
        ("jht_partial", {"balance": 1, "purpose": "holiday", "claim_date": "2025-01-01"}, "invalid_input"),
    ],
)
def test_tax_and_claim_reject_bad_input_with_a_code(kind, fields, code):
    assert error_code(kind, **fields) == code


def test_every_step_is_bilingual_and_cited():
    outputs = [
        run("jht_tax", amount=120_000_000, payment_date="2025-06-02"),
        run("jht_claim", balance=9_000_000, reason="death", claim_date="2025-06-02"),
        run("jht_eligibility", reason="retirement_age", birth_date="1969-05-10", as_of="2025-06-02"),
        run("jht_projection", start_month="2024-01", end_month="2026-12", monthly_wage=4_000_000),
    ]
    for output in outputs:
        assert output["explanation"], output
        for step in output["explanation"]:
            assert step["formula"]["id"], step
            assert step["formula"]["en"], step
            assert step["formula"]["id"] != step["formula"]["en"], step
            assert step["citation"], step


# -- properties --------------------------------------------------------------------------------

MONTHS = st.dates(min_value=date(2016, 1, 1), max_value=date(2035, 12, 1)).map(lambda d: d.replace(day=1))
AMOUNTS = st.integers(min_value=0, max_value=50_000_000)
RATES = st.decimals(min_value=0, max_value=15, places=2)


@settings(max_examples=150, deadline=None)
@given(
    opening=AMOUNTS,
    start=MONTHS,
    length=st.integers(min_value=0, max_value=60),
    wage=st.integers(min_value=0, max_value=100_000_000),
    growth=st.decimals(min_value=-20, max_value=20, places=1),
    assumed=RATES,
)
def test_projection_never_gives_negative_amounts_and_serialises(
    opening, start, length, wage, growth, assumed
):
    projection = jht.project_jht_balance(
        opening_balance=opening,
        start_month=start,
        end_month=add_months(start, length),
        monthly_wage=wage,
        wage_growth_percent=growth,
        assumed_rate_percent=assumed,
    )
    for year in projection.years:
        assert min(year.opening, year.contributions, year.development_return, year.closing) >= 0
        assert year.closing == year.opening + year.contributions + year.development_return
    assert projection.closing_balance >= opening
    json.dumps(projection.to_json())


@settings(max_examples=150, deadline=None)
@given(
    opening=AMOUNTS,
    contributions=st.dictionaries(
        st.integers(min_value=0, max_value=35), st.integers(min_value=0, max_value=5_000_000), max_size=12
    ),
    extra_month=st.integers(min_value=0, max_value=35),
    extra=st.integers(min_value=1, max_value=5_000_000),
    assumed=RATES,
)
def test_projection_is_monotone_in_contributions(opening, contributions, extra_month, extra, assumed):
    start = date(2024, 1, 1)

    def closing(amounts):
        return jht.project_jht_balance(
            opening_balance=opening,
            start_month=start,
            end_month=date(2026, 12, 1),
            contributions={add_months(start, month): amount for month, amount in amounts.items()},
            assumed_rate_percent=assumed,
        ).closing_balance

    more = dict(contributions)
    more[extra_month] = more.get(extra_month, 0) + extra
    assert closing(more) >= closing(contributions) + extra


@settings(max_examples=150, deadline=None)
@given(amount=st.integers(min_value=0, max_value=10**13))
def test_tax_is_never_negative_and_never_more_than_five_percent(amount):
    tax = jht.jht_lump_sum_tax(amount, on=date(2025, 1, 1))
    assert 0 <= tax.tax <= amount * 5 // 100 + 1
    assert tax.net == amount - tax.tax >= 0
    json.dumps(tax.to_json())


@settings(max_examples=150, deadline=None)
@given(
    reason=st.sampled_from(jht.REASONS),
    as_of=st.dates(min_value=date(2016, 1, 1), max_value=date(2060, 12, 31)),
    event=st.dates(min_value=date(1950, 1, 1), max_value=date(2060, 12, 31)),
    flag=st.booleans(),
    balance=AMOUNTS,
)
def test_every_reason_answers_and_serialises(reason, as_of, event, flag, balance):
    facts = MemberFacts(
        birth_date=event,
        separation_date=event,
        membership_start=event,
        still_working=flag,
        leaving_permanently=flag,
        disability_date=event,
        death_date=event,
    )
    result = jht.jht_claim_eligibility(reason, as_of=as_of, facts=facts)
    assert result.eligible == all(condition.met for condition in result.conditions)
    if result.eligible:
        assert result.earliest_date is not None
        assert result.earliest_date <= as_of
    json.dumps(result.to_json())
    claim = jht.jht_claim_amount(balance, reason, claim_date=as_of)
    assert 0 <= claim.net <= claim.gross <= balance
    json.dumps(claim.to_json())

"""The engine's shared parts: parameter tables, exact money, explanations, reading inputs."""

from datetime import date
from decimal import ROUND_HALF_UP, Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from jamsos.rules import money
from jamsos.rules.errors import RuleError
from jamsos.rules.explain import Explanation
from jamsos.rules.inputs import Inputs
from jamsos.rules.params import Param, ParamTable

CAP_2024 = Param("cap", date(2024, 3, 1), 10_042_300, "BPJS 2024")
CAP_2025 = Param("cap", date(2025, 3, 1), 10_547_400, "BPJS 2025")
CAP_2026 = Param("cap", date(2026, 3, 1), 11_086_300, "formula", provisional=True)
TABLE = ParamTable([CAP_2025, CAP_2026, CAP_2024])


def test_a_parameter_is_the_row_in_force_on_the_date():
    assert TABLE.at("cap", date(2024, 3, 1)) is CAP_2024
    assert TABLE.at("cap", date(2025, 2, 28)) is CAP_2024
    assert TABLE.at("cap", date(2025, 3, 1)) is CAP_2025
    assert TABLE.at("cap", date(2099, 1, 1)) is CAP_2026


def test_a_date_before_the_first_row_is_a_rule_error_not_a_crash():
    with pytest.raises(RuleError) as caught:
        TABLE.at("cap", date(2024, 2, 29))
    assert caught.value.code == "not_in_force"
    assert caught.value.params == {"parameter": "cap", "first_valid": "2024-03-01"}
    assert "2024-03-01" in caught.value.message_id


def test_two_rows_valid_from_the_same_date_are_refused():
    with pytest.raises(ValueError, match="two rows"):
        ParamTable([CAP_2024, Param("cap", date(2024, 3, 1), 1, "other")])


def test_an_explanation_step_citing_a_provisional_row_is_provisional():
    explanation = Explanation()
    explanation.add("cap", CAP_2025.value, id="Batas upah", en="Wage cap", cite=CAP_2025)
    assert not explanation.provisional
    explanation.add("cap", CAP_2026.value, id="Batas upah", en="Wage cap", cite=CAP_2026)
    explanation.add("jp", 1, id="JP", en="JP", cite="PP 45/2015", uses=(CAP_2026,))
    assert [step.provisional for step in explanation.steps] == [False, True, True]
    assert explanation.to_json()[0] == {
        "key": "cap",
        "figure": 10_547_400,
        "formula": {"id": "Batas upah", "en": "Wage cap"},
        "citation": "BPJS 2025",
        "provisional": False,
    }


@given(
    amount=st.integers(min_value=0, max_value=10**13), rate=st.decimals(min_value=0, max_value=100, places=4)
)
def test_percent_is_exactly_decimal_half_up(amount, rate):
    expected = (Decimal(amount) * rate / 100).quantize(Decimal(1), rounding=ROUND_HALF_UP)
    assert money.percent(amount, rate) == int(expected)


def test_percent_rounds_each_half_up():
    assert money.percent(7_500_000, Decimal("0.54")) == 40_500
    assert money.percent(5_396_761, Decimal("0.54")) == 29_143  # 29142.5094
    assert money.percent(10_042_300, Decimal("1")) == 100_423
    assert money.percent(50, Decimal("1")) == 1  # 0.5 rounds up


def test_amounts_and_rates_are_written_the_way_each_language_writes_them():
    assert (money.rp_id(10_547_400), money.rp_en(10_547_400)) == ("Rp 10.547.400", "Rp 10,547,400")
    assert (money.pct_id(Decimal("0.540")), money.pct_en(Decimal("0.540"))) == ("0,54 %", "0.54 %")


@pytest.mark.parametrize(
    ("data", "read", "code"),
    [
        ({}, lambda i: i.money("wage"), "missing_input"),
        ({"wage": -1}, lambda i: i.money("wage"), "invalid_input"),
        ({"wage": "5000000"}, lambda i: i.money("wage"), "invalid_input"),
        ({"wage": True}, lambda i: i.money("wage"), "invalid_input"),
        ({"wage": 1.5}, lambda i: i.money("wage"), "invalid_input"),
        ({"month": "2025-13"}, lambda i: i.month("month"), "invalid_input"),
        ({"month": "2025-6"}, lambda i: i.month("month"), "invalid_input"),
        ({"day": "2025-02-30"}, lambda i: i.date("day"), "invalid_input"),
        ({"risk": "extreme"}, lambda i: i.choice("risk", ["low", "high"]), "invalid_input"),
    ],
)
def test_bad_input_is_a_rule_error_with_a_code(data, read, code):
    with pytest.raises(RuleError) as caught:
        read(Inputs(data))
    assert caught.value.code == code
    assert caught.value.message_en
    assert caught.value.message_id


def test_inputs_read_well_formed_values():
    inputs = Inputs({"wage": 5_000_000, "round": 2.0, "month": "2025-06", "day": "2025-02-28"})
    assert inputs.money("wage") == 5_000_000
    assert inputs.integer("round") == 2
    assert inputs.month("month") == date(2025, 6, 1)
    assert inputs.date("day") == date(2025, 2, 28)
    assert inputs.choice("risk", ["low"], default="low") == "low"

"""Due dates, working days, public holidays, months late and late fees (rulebook §1.5-1.6)."""

from datetime import date, timedelta
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from jamsos.rules import calendar
from jamsos.rules.errors import RuleError


@pytest.mark.parametrize(
    ("month", "due"),
    [
        (date(2025, 6, 1), date(2025, 7, 15)),  # Tuesday: no move
        (date(2025, 2, 1), date(2025, 3, 17)),  # Saturday 15 March -> Monday 17
        (date(2025, 1, 1), date(2025, 2, 17)),  # Saturday 15 February -> Monday 17 (example 4)
        (date(2025, 12, 1), date(2026, 1, 15)),  # across the year end
        (date(2026, 1, 1), date(2026, 2, 16)),  # Sunday 15 February -> Monday 16
    ],
)
def test_pu_due_date_is_the_15th_of_next_month_moved_past_weekends(month, due):
    assert calendar.due_date(month).due == due


def test_due_date_moves_past_lebaran_and_the_weekend_after_it():
    # May 2018: 15 June 2018 is Idul Fitri (Friday), then the second day (Saturday) and Sunday.
    due = calendar.due_date(date(2018, 5, 1))
    assert due.nominal == date(2018, 6, 15)
    assert due.due == date(2018, 6, 18)
    assert [skipped.day for skipped in due.skipped] == [
        date(2018, 6, 15),
        date(2018, 6, 16),
        date(2018, 6, 17),
    ]
    assert "Idul Fitri" in due.skipped[0].reason_id
    assert "Eid al-Fitr" in due.skipped[0].reason_en


def test_due_date_moves_past_a_weekend_and_then_a_monday_holiday():
    # May 2024: 15-16 June 2024 weekend, Monday 17 June Idul Adha.
    assert calendar.due_date(date(2024, 5, 1)).due == date(2024, 6, 18)
    # July 2020: 15-16 August weekend, Monday 17 August Independence Day.
    assert calendar.due_date(date(2020, 7, 1)).due == date(2020, 8, 18)


def test_cuti_bersama_does_not_move_a_due_date():
    # 15 April 2024 is an Idul Fitri joint-leave day (cuti bersama), not a public holiday.
    assert calendar.holiday(date(2024, 4, 15)) is None
    assert calendar.due_date(date(2024, 3, 1)).due == date(2024, 4, 15)


def test_bpu_due_date_is_the_15th_of_the_month_itself():
    assert calendar.due_date(date(2025, 7, 1), "BPU").due == date(2025, 7, 15)
    # 15 June 2025 is a Sunday.
    assert calendar.due_date(date(2025, 6, 1), "BPU").due == date(2025, 6, 16)


@pytest.mark.parametrize(
    ("month", "nominal", "due"),
    [
        (date(2020, 7, 1), date(2020, 8, 15), date(2020, 8, 18)),  # before PP 49/2020
        (date(2020, 8, 1), date(2020, 9, 30), date(2020, 9, 30)),
        (date(2020, 10, 1), date(2020, 11, 30), date(2020, 11, 30)),
        (date(2020, 12, 1), date(2021, 1, 30), date(2021, 2, 1)),  # Saturday 30 January
        (date(2021, 1, 1), date(2021, 2, 28), date(2021, 3, 1)),  # February is short; 28th a Sunday
        (date(2021, 2, 1), date(2021, 3, 15), date(2021, 3, 15)),  # relief over
    ],
)
def test_pp_49_2020_months_are_due_on_the_30th_of_next_month(month, nominal, due):
    result = calendar.due_date(month)
    assert (result.nominal, result.due) == (nominal, due)


def test_due_date_explanation_names_the_rule_and_the_skipped_days():
    from jamsos.rules.explain import Explanation

    explanation = Explanation()
    calendar.due_date(date(2025, 2, 1)).explain(explanation)
    steps = explanation.steps
    assert [step.key for step in steps] == [
        "due_date.nominal",
        "due_date.skipped",
        "due_date.skipped",
        "due_date",
    ]
    assert steps[1].formula_en.startswith("Saturday 15 March 2025 is not a working day")
    assert steps[1].formula_id.startswith("Sabtu, 15 Maret 2025 bukan hari kerja")
    assert "holidays" in steps[-1].citation
    assert "cuti bersama" in steps[-1].formula_en


def test_due_date_refuses_unknown_segments_and_months_out_of_range():
    with pytest.raises(RuleError) as error:
        calendar.due_date(date(2025, 1, 1), "PMI")
    assert error.value.code == "unknown_segment"
    with pytest.raises(RuleError) as error:
        calendar.due_date(date(2015, 6, 1))
    assert error.value.code == "not_in_force"
    with pytest.raises(RuleError) as error:
        calendar.due_date(date(2100, 1, 1))
    assert error.value.code == "month_out_of_range"


def test_holidays_have_indonesian_and_english_names():
    assert calendar.holiday(date(2025, 8, 17)) == ("Hari Kemerdekaan Republik Indonesia", "Independence Day")
    assert calendar.is_working_day(date(2025, 8, 18))  # cuti bersama, not a public holiday
    assert not calendar.is_working_day(date(2025, 8, 16))  # Saturday


def test_add_months_keeps_the_day_or_takes_the_last_day_of_a_short_month():
    assert calendar.add_months(date(2025, 1, 31), 1) == date(2025, 2, 28)
    assert calendar.add_months(date(2024, 1, 31), 1) == date(2024, 2, 29)
    assert calendar.add_months(date(2025, 11, 15), 2) == date(2026, 1, 15)
    assert calendar.add_months(date(2025, 1, 1), 1, on_day=30) == date(2025, 2, 28)


@pytest.mark.parametrize(
    ("paid_on", "months"),
    [
        (date(2025, 2, 10), 0),  # early
        (date(2025, 2, 17), 0),  # on the due date
        (date(2025, 2, 18), 1),  # one day late starts the first month
        (date(2025, 3, 17), 1),  # one month after the due date: still the first month
        (date(2025, 3, 18), 2),
        (date(2025, 4, 10), 2),  # example 4: paid in April
        (date(2025, 4, 18), 3),
    ],
)
def test_months_late_counts_whole_months_started_after_the_due_date(paid_on, months):
    assert calendar.months_late(date(2025, 2, 17), paid_on) == months


def test_months_late_at_a_month_end_due_date():
    assert calendar.months_late(date(2021, 1, 31), date(2021, 2, 28)) == 1
    assert calendar.months_late(date(2021, 1, 31), date(2021, 3, 1)) == 2


@given(
    due=st.dates(min_value=date(2015, 1, 1), max_value=date(2090, 12, 31)),
    days=st.integers(min_value=0, max_value=3000),
    more=st.integers(min_value=0, max_value=400),
)
def test_months_late_never_falls_as_payment_is_later_and_matches_a_day_by_day_count(due, days, more):
    paid_on = due + timedelta(days=days)
    later = paid_on + timedelta(days=more)
    assert calendar.months_late(due, later) >= calendar.months_late(due, paid_on)
    # Month k has started when paid_on is after due + (k - 1) months.
    expected = 0
    while paid_on > calendar.add_months(due, expected):
        expected += 1
    assert calendar.months_late(due, paid_on) == expected


def test_late_fee_example_4_is_two_percent_a_month():
    fee = calendar.late_fee(715_500, 2)
    assert (fee.fee, fee.rate) == (28_620, Decimal("2"))
    assert fee.explanation.steps[-1].figure == 28_620


def test_late_fee_for_a_pp_49_2020_month_is_half_a_percent():
    assert calendar.late_fee(715_500, 2, month=date(2020, 10, 1)).fee == 7_155
    assert calendar.late_fee(715_500, 2, month=date(2021, 2, 1)).fee == 28_620
    assert calendar.late_fee_rate(date(2021, 1, 1)).value == Decimal("0.5")


def test_late_fee_is_rounded_half_up_once_and_zero_when_on_time():
    assert calendar.late_fee(25, 1).fee == 1  # 0.5 rounds up
    assert calendar.late_fee(24, 1).fee == 0  # 0.48 rounds down
    assert calendar.late_fee(715_500, 0).fee == 0
    assert calendar.late_fee(1_000_000, 3, Decimal("1.5")).fee == 45_000


def test_late_fee_counted_from_dates_is_marked_provisional():
    fee = calendar.late_fee(715_500, 2, due=date(2025, 2, 17), paid_on=date(2025, 4, 10))
    assert fee.explanation.steps[0].key == "months_late"
    assert fee.explanation.provisional
    assert not calendar.late_fee(715_500, 2).explanation.provisional


@pytest.mark.parametrize(
    ("contribution", "months", "rate"),
    [(-1, 1, None), (100, -1, None), (100, 1, Decimal("101")), (True, 1, None)],
)
def test_late_fee_refuses_bad_amounts(contribution, months, rate):
    with pytest.raises(RuleError) as error:
        calendar.late_fee(contribution, months, rate)
    assert error.value.code == "invalid_input"


def test_dates_are_written_in_both_languages():
    assert calendar.date_id(date(2025, 3, 17)) == "Senin, 17 Maret 2025"
    assert calendar.date_en(date(2025, 3, 17)) == "Monday 17 March 2025"

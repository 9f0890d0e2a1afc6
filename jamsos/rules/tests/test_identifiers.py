"""NIK, KPJ, NPP, NPWP and mobile-number parsing (rulebook section 5)."""

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from jamsos.rules import identifiers
from jamsos.rules.identifiers import IdentifierError

TODAY = date(2026, 11, 22)


def test_nik_of_a_woman_has_forty_added_to_the_day():
    nik = identifiers.parse_nik("3201014507950001", today=TODAY)
    assert (nik.province_code, nik.regency_code, nik.district_code) == ("32", "3201", "320101")
    assert nik.birth_date == date(1995, 7, 5)
    assert nik.sex == "F"
    assert nik.serial == "0001"


def test_nik_of_a_man_keeps_the_day():
    nik = identifiers.parse_nik("3174052304880003", today=TODAY)
    assert (nik.birth_date, nik.sex, nik.province_code) == (date(1988, 4, 23), "M", "31")


def test_nik_two_digit_year_resolves_to_the_latest_past_century():
    assert identifiers.parse_nik("3276011203260001", today=TODAY).birth_date == date(2026, 3, 12)
    # December 2026 has not come yet on TODAY, so 26 can only be 1926.
    assert identifiers.parse_nik("3276011212260001", today=TODAY).birth_date == date(1926, 12, 12)
    assert identifiers.parse_nik("3276011203270001", today=TODAY).birth_date == date(1927, 3, 12)


def test_nik_accepts_the_spaces_and_dots_people_type():
    assert identifiers.parse_nik("3201 0145 0795 0001", today=TODAY).value == "3201014507950001"
    assert identifiers.parse_nik("3201.0145.0795.0001", today=TODAY).value == "3201014507950001"


@pytest.mark.parametrize(
    ("value", "code", "params"),
    [
        ("320101450795001", "nik_length", {"expected": 16, "found": 15}),
        ("32010145079500011", "nik_length", {"expected": 16, "found": 17}),
        ("", "nik_length", {"expected": 16, "found": 0}),
        ("32010145079500O1", "nik_not_digits", {}),
        (
            "\uff13\uff12\uff10\uff11\uff10\uff11\uff14\uff15\uff10\uff17\uff19\uff15\uff10\uff10\uff10\uff11",
            "nik_not_digits",
            {},
        ),  # full-width
        ("9901014507950001", "nik_province", {"code": "99"}),
        ("3200014507950001", "nik_regency", {}),
        ("3201004507950001", "nik_district", {}),
        ("3201013202950001", "nik_birth_date", {}),  # 32 February
        ("3201017202950001", "nik_birth_date", {}),  # woman, 32 February
        ("3201010013950001", "nik_birth_date", {}),  # day 0, month 13
        ("3201013502950001", "nik_birth_date", {}),  # day 35 is neither a man's nor a woman's
        ("3201014507950000", "nik_serial", {}),
    ],
)
def test_malformed_nik_is_refused_with_the_reason(value, code, params):
    with pytest.raises(IdentifierError) as caught:
        identifiers.parse_nik(value, today=TODAY)
    assert caught.value.code == code
    assert caught.value.params == params


@given(
    birth_date=st.dates(min_value=date(1927, 1, 1), max_value=TODAY),
    sex=st.sampled_from(["M", "F"]),
    serial=st.integers(min_value=1, max_value=9999),
)
def test_a_built_nik_parses_back_to_the_same_person(birth_date, sex, serial):
    digits = identifiers.nik_digits_for(district_code="327601", birth_date=birth_date, sex=sex, serial=serial)
    nik = identifiers.parse_nik(digits, today=TODAY)
    assert (nik.birth_date, nik.sex, int(nik.serial)) == (birth_date, sex, serial)
    assert identifiers.nik_disagreements(nik, birth_date=birth_date, sex=sex) == []


def test_nik_disagreement_names_birth_date_and_sex():
    nik = identifiers.parse_nik("3201014507950001", today=TODAY)
    assert identifiers.nik_disagreements(nik, birth_date=date(1995, 7, 6), sex="M") == ["birth_date", "sex"]
    # Only the last two digits of the year are in a NIK.
    assert identifiers.nik_disagreements(nik, birth_date=date(1895, 7, 5), sex="F") == []


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("081234567890", "+6281234567890"),
        ("0812-3456-7890", "+6281234567890"),
        ("62 812 3456 7890", "+6281234567890"),
        ("+62 812 3456 7890", "+6281234567890"),
        ("(0812) 345 678", "+62812345678"),
        ("0895123456789", "+62895123456789"),
    ],
)
def test_mobile_numbers_are_stored_in_e164(typed, stored):
    assert identifiers.normalize_mobile(typed) == stored


@pytest.mark.parametrize(
    ("typed", "code"),
    [
        ("0212345678", "phone_format"),  # a Jakarta landline
        ("0801234567", "phone_format"),  # 080 is not a mobile prefix
        ("0812345", "phone_format"),  # too short
        ("081234567890123", "phone_format"),  # too long
        ("+6581234567", "phone_format"),  # Singapore
        ("0812abc4567", "phone_not_digits"),
        ("", "phone_not_digits"),
    ],
)
def test_non_mobile_numbers_are_refused(typed, code):
    with pytest.raises(IdentifierError) as caught:
        identifiers.normalize_mobile(typed)
    assert caught.value.code == code


def test_kpj_has_eleven_digits():
    assert identifiers.parse_kpj("150 1234 5678") == "15012345678"
    with pytest.raises(IdentifierError) as caught:
        identifiers.parse_kpj("1501234567")
    assert (caught.value.code, caught.value.params) == ("kpj_length", {"expected": 11, "found": 10})
    with pytest.raises(IdentifierError) as caught:
        identifiers.parse_kpj("1501234567X")
    assert caught.value.code == "kpj_not_digits"


def test_npwp_has_fifteen_or_sixteen_digits():
    assert identifiers.parse_npwp("01.234.567.8-901.000") == "012345678901000"
    assert identifiers.parse_npwp("3201014507950001") == "3201014507950001"
    with pytest.raises(IdentifierError) as caught:
        identifiers.parse_npwp("01.234.567.8-901.00")
    assert (caught.value.code, caught.value.params) == ("npwp_length", {"found": 14})


def test_npp_has_eight_digits():
    assert identifiers.parse_npp("1234 5678") == "12345678"
    with pytest.raises(IdentifierError) as caught:
        identifiers.parse_npp("1234567")
    assert caught.value.code == "npp_length"

"""Member, employment and wage validation: one place, reused by forms, the API and imports."""

from datetime import date

import pytest
import time_machine
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from jamsos.employers.tests.factories import EmployerFactory
from jamsos.members.models import (
    EmploymentPeriod,
    LeavingReason,
    Member,
    Segment,
    Sex,
    mask_nik,
    normalize_secret_answer,
)
from jamsos.members.tests.factories import EmploymentPeriodFactory, MemberFactory

pytestmark = pytest.mark.django_db


def unsaved_member(**overrides):
    return MemberFactory.build(**overrides)


def error_codes(caught: pytest.ExceptionInfo[ValidationError]) -> dict[str, list[str | None]]:
    return {field: [error.code for error in errors] for field, errors in caught.value.error_dict.items()}


def test_a_valid_member_passes_full_clean_and_is_saved():
    member = unsaved_member()
    member.full_clean()
    member.save()
    assert Member.objects.get(kpj=member.kpj).nik == member.nik


def test_identifiers_are_normalised_before_validation():
    member = unsaved_member(kpj="200 0000 0001", nik="3276 0117 0590 0001", phone="0812-3456-7890")
    member.full_clean()
    assert (member.kpj, member.nik, member.phone) == ("20000000001", "3276011705900001", "+6281234567890")


@pytest.mark.parametrize(
    ("field", "value", "code"),
    [
        ("nik", "327601170590001", "nik_length"),
        ("nik", "32760117059000x1", "nik_not_digits"),
        ("nik", "9976011705900001", "nik_province"),
        ("kpj", "2000000001", "kpj_length"),
        ("kpj", "2000000000A", "kpj_not_digits"),
        ("phone", "0212345678", "phone_format"),
        ("phone", "0812-ABCD-7890", "phone_not_digits"),
    ],
)
def test_malformed_identifier_is_refused_and_nothing_is_saved(field, value, code):
    member = unsaved_member(**{field: value})
    with pytest.raises(ValidationError) as caught:
        member.full_clean()
    assert code in error_codes(caught)[field]
    assert Member.objects.count() == 0


def test_nik_must_agree_with_birth_date_and_sex():
    member = unsaved_member(birth_date=date(1990, 5, 18), sex=Sex.FEMALE, nik="3276011705900001")
    with pytest.raises(ValidationError) as caught:
        member.full_clean()
    assert error_codes(caught) == {"nik": ["nik_birth_date_mismatch", "nik_sex_mismatch"]}


def test_an_officer_note_accepts_a_nik_that_predates_a_corrected_birth_date():
    member = unsaved_member(
        birth_date=date(1990, 5, 18),
        nik="3276011705900001",
        nik_mismatch_note="Birth date corrected by court order",
    )
    member.full_clean()


@time_machine.travel(date(2026, 11, 22))
def test_birth_date_in_the_future_is_refused():
    member = unsaved_member(birth_date=date(2027, 1, 1), nik_mismatch_note="test")
    with pytest.raises(ValidationError) as caught:
        member.full_clean()
    assert error_codes(caught) == {"birth_date": ["birth_date_future"]}


def test_self_employed_member_needs_a_declared_income_and_a_wage_earner_none():
    with pytest.raises(ValidationError) as caught:
        unsaved_member(segment=Segment.SELF_EMPLOYED, declared_income=None).full_clean()
    assert error_codes(caught) == {"declared_income": ["declared_income_required"]}
    with pytest.raises(ValidationError) as caught:
        unsaved_member(segment=Segment.WAGE_EARNER, declared_income=3_000_000).full_clean()
    assert error_codes(caught) == {"declared_income": ["declared_income_not_for_pu"]}
    unsaved_member(segment=Segment.SELF_EMPLOYED, declared_income=3_000_000, occupation="Ojek").full_clean()


def test_the_database_refuses_what_validation_refuses():
    with pytest.raises(IntegrityError), transaction.atomic():
        MemberFactory.create(segment=Segment.SELF_EMPLOYED, declared_income=None)
    with pytest.raises(IntegrityError), transaction.atomic():
        MemberFactory.create(status="unknown")
    assert Member.objects.count() == 0


def test_one_nik_may_hold_several_kpj_numbers_but_a_kpj_is_unique():
    first = MemberFactory.create(kpj="20000000011", nik="3276011705900001")
    second = MemberFactory.create(kpj="20000000012", nik="3276011705900001")
    assert set(Member.objects.filter(nik=first.nik).values_list("kpj", flat=True)) == {first.kpj, second.kpj}
    with pytest.raises(IntegrityError), transaction.atomic():
        MemberFactory.create(kpj="20000000011")


def test_kpj_uniqueness_is_reported_by_full_clean():
    MemberFactory.create(kpj="20000000021")
    with pytest.raises(ValidationError) as caught:
        unsaved_member(kpj="20000000021").full_clean()
    assert error_codes(caught) == {"kpj": ["unique"]}


def test_mother_maiden_name_is_stored_hashed_and_compared_loosely():
    member = MemberFactory.create()
    member.set_mother_maiden_name("Siti Nurhaliza")
    member.save()
    stored = Member.objects.get(pk=member.pk)
    assert stored.mother_maiden_name_hash.startswith("argon2$argon2id$")
    assert "siti" not in stored.mother_maiden_name_hash.lower()
    assert stored.check_mother_maiden_name("  SITI   nurhaliza ")
    assert stored.check_mother_maiden_name("Sití Nurhaliza.")
    assert not stored.check_mother_maiden_name("Siti Aisyah")
    assert not MemberFactory.create().check_mother_maiden_name("")


def test_secret_answers_ignore_case_accents_punctuation_and_spacing():
    assert normalize_secret_answer("  Dewi-Sartika  ") == "dewi sartika"
    assert normalize_secret_answer("ÉLIZA") == "eliza"


def test_nik_is_masked_for_display():
    assert mask_nik("3276011705900001") == "3276********0001"
    assert MemberFactory.create(nik="3276011705900001").masked_nik == "3276********0001"
    assert "3276011705900001" not in str(MemberFactory.create(nik="3276011705900001"))


def test_employment_period_rules():
    period = EmploymentPeriodFactory.build(
        member=MemberFactory.create(),
        employer=EmployerFactory.create(),
        started_on=date(2020, 1, 1),
        ended_on=date(2019, 1, 1),
    )
    with pytest.raises(ValidationError) as caught:
        period.full_clean()
    assert error_codes(caught) == {
        "ended_on": ["ends_before_start"],
        "leaving_reason": ["leaving_reason_required"],
    }

    period.ended_on, period.leaving_reason = None, LeavingReason.RESIGNATION
    with pytest.raises(ValidationError) as caught:
        period.full_clean()
    assert error_codes(caught) == {"ended_on": ["end_date_required"]}

    period.ended_on = date(2024, 3, 31)
    period.full_clean()
    period.save()
    assert EmploymentPeriod.objects.count() == 1


def test_a_self_employed_member_has_no_employment_periods():
    member = MemberFactory.create(segment=Segment.SELF_EMPLOYED, declared_income=2_000_000)
    period = EmploymentPeriodFactory.build(member=member, employer=EmployerFactory.create())
    with pytest.raises(ValidationError) as caught:
        period.full_clean()
    assert error_codes(caught) == {"member": ["not_a_wage_earner"]}


def test_the_database_refuses_an_end_without_a_reason_or_before_the_start():
    member, employer = MemberFactory.create(), EmployerFactory.create()
    with pytest.raises(IntegrityError), transaction.atomic():
        EmploymentPeriod.objects.create(
            member=member, employer=employer, started_on=date(2020, 1, 1), ended_on=date(2021, 1, 1)
        )
    with pytest.raises(IntegrityError), transaction.atomic():
        EmploymentPeriod.objects.create(
            member=member,
            employer=employer,
            started_on=date(2020, 1, 1),
            ended_on=date(2019, 1, 1),
            leaving_reason=LeavingReason.RESIGNATION,
        )
    assert EmploymentPeriod.objects.count() == 0

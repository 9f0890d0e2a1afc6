"""Passwords (security.md PWD-01..08): 8 characters or more, long ones whole, no composition
rules, common and personal ones refused with the reason, Argon2id; changing one needs the
current password and a recent reauthentication, ends other sessions and sends a notice."""

from datetime import UTC, datetime, timedelta

import pytest
from django.contrib.auth.password_validation import validate_password
from django.core import mail
from django.core.exceptions import ValidationError

from jamsos.identity.models import EventKind, SecurityEvent, User
from jamsos.identity.tests.conftest import (
    CONFIRM_URL,
    REAUTHENTICATE_URL,
    is_signed_in,
)
from jamsos.identity.tests.factories import PASSWORD, MemberUserFactory
from jamsos.notifications.models import RecordedSms

pytestmark = pytest.mark.django_db

KPJ = "11001234567"
CHANGE_URL = "/akun/password/change/"
START = datetime(2026, 11, 23, 2, 0, tzinfo=UTC)


def problems(password: str, user: User | None = None) -> list[str]:
    try:
        validate_password(password, user)
    except ValidationError as error:
        return [str(e.code) for e in error.error_list]
    return []


def messages(password: str, user: User | None = None) -> list[str]:
    try:
        validate_password(password, user)
    except ValidationError as error:
        return list(error.messages)
    return []


def test_seven_characters_are_refused_and_eight_accepted(member):
    assert problems("ubi-rbs", member) == ["password_too_short"]
    assert problems("ubi-rbsx", member) == []


def test_characters_are_counted_not_bytes(member):
    assert problems("🌶" * 7, member) == ["password_too_short"]
    assert problems("🌶" * 8, member) == []


def test_no_composition_rules(member):
    assert problems("aaaaaaaaaaaaaaaaaaaaxyz", member) == []
    assert problems("sayur asem jakarta", member) == []
    assert problems("PISANGGORENG", member) == []


def test_a_common_password_is_refused_with_its_reason(member):
    assert problems("password123", member) == ["password_too_common"]
    assert messages("password123", member) == ["This password is too common."]


@pytest.mark.parametrize(
    ("which", "code", "message"),
    [
        ("kpj", "password_is_kpj", "The password cannot be your KPJ number."),
        ("kpj spaced", "password_is_kpj", "The password cannot be your KPJ number."),
        ("nik", "password_is_nik", "The password cannot be your NIK."),
        ("name", "password_is_name", "The password cannot be your name."),
        ("birth date", "password_is_birth_date", "The password cannot be your birth date."),
        ("birth date iso", "password_is_birth_date", "The password cannot be your birth date."),
        ("service", "password_is_context", "The password cannot be the name of this service."),
    ],
)
def test_personal_data_is_refused_with_the_reason(member, which, code, message):
    person = member.memberships.get()
    password = {
        "kpj": person.kpj,
        "kpj spaced": "1100 1234 567",
        "nik": member.nik,
        "name": member.get_full_name().upper(),
        "birth date": "17-05-1990",
        "birth date iso": "1990-05-17",
        "service": "Jamsostek",
    }[which]

    with pytest.raises(ValidationError) as error:
        validate_password(password, member)

    assert [e.code for e in error.value.error_list if str(e.code).startswith("password_is")] == [code]
    assert message in error.value.messages


def test_a_password_that_merely_contains_the_name_is_allowed(member):
    assert problems(f"{member.first_name} suka nasi uduk", member) == []


def test_passwords_are_hashed_with_argon2id_and_salted(member):
    other = MemberUserFactory.create()
    member.set_password("sama-persis-kata-sandi")
    other.set_password("sama-persis-kata-sandi")

    assert str(member.password).startswith("argon2$argon2id$v=19$m=19456,t=2,p=1$")
    assert str(other.password).startswith("argon2$argon2id$")
    assert member.password != other.password


@pytest.mark.parametrize("length", [64, 128])
def test_long_passwords_are_accepted_and_work_at_login(signon, member, length):
    password = ("gado-gado-" * 20)[:length]
    assert len(password) == length
    assert problems(password, member) == []
    member.set_password(password)
    member.save()

    assert signon.password(KPJ, password)["Location"] == CONFIRM_URL


def test_a_password_differing_in_the_73rd_byte_does_not_log_in(signon, member):
    password = "x" * 72 + "A" + "tail"
    member.set_password(password)
    member.save()

    response = signon.password(KPJ, "x" * 72 + "B" + "tail")

    assert response.status_code == 200
    assert RecordedSms.objects.count() == 0
    assert signon.password(KPJ, password)["Location"] == CONFIRM_URL


def test_no_hint_or_security_question_fields():
    names = {field.name for field in User._meta.get_fields()}
    assert not {n for n in names if "hint" in n or "question" in n}


# Changing the password ---------------------------------------------------------------------------


def reauthenticate(signon, password: str = PASSWORD) -> None:
    response = signon.post(REAUTHENTICATE_URL, {"password": password})
    assert response.status_code == 302, response.content[:2000]


def test_changing_the_password_needs_a_recent_reauthentication(signon, member, time_machine):
    time_machine.move_to(START, tick=False)
    signon.login(KPJ)
    reauthenticate(signon)
    time_machine.shift(timedelta(seconds=301))

    response = signon.post(
        CHANGE_URL, {"oldpassword": PASSWORD, "password1": "es-cendol-dawet", "password2": "es-cendol-dawet"}
    )

    assert response.status_code == 302
    assert response["Location"] == f"{REAUTHENTICATE_URL}?next=%2Fakun%2Fpassword%2Fchange%2F"
    assert User.objects.get(pk=member.pk).check_password(PASSWORD)


def test_a_fresh_reauthentication_lets_the_password_change(signon, member, time_machine):
    time_machine.move_to(START, tick=False)
    signon.login(KPJ)
    reauthenticate(signon)
    time_machine.shift(timedelta(seconds=299))

    response = signon.post(
        CHANGE_URL, {"oldpassword": PASSWORD, "password1": "es-cendol-dawet", "password2": "es-cendol-dawet"}
    )

    assert response.status_code == 302
    assert not response["Location"].startswith(REAUTHENTICATE_URL)
    assert User.objects.get(pk=member.pk).check_password("es-cendol-dawet")


def test_after_reauthenticating_the_suspended_change_goes_through(signon, member):
    signon.login(KPJ)
    data = {"oldpassword": PASSWORD, "password1": "es-cendol-dawet", "password2": "es-cendol-dawet"}
    response = signon.post(CHANGE_URL, data)
    assert response["Location"].startswith(REAUTHENTICATE_URL)
    assert User.objects.get(pk=member.pk).check_password(PASSWORD)

    signon.post(response["Location"], {"password": PASSWORD})

    assert User.objects.get(pk=member.pk).check_password("es-cendol-dawet")


def test_changing_the_password_needs_the_current_one(signon, member):
    signon.login(KPJ)
    reauthenticate(signon)

    response = signon.post(CHANGE_URL, {"password1": "es-cendol-dawet", "password2": "es-cendol-dawet"})

    assert response.status_code == 200
    assert "This field is required." in response.content.decode()
    assert User.objects.get(pk=member.pk).check_password(PASSWORD)


def test_changing_the_password_ends_other_sessions_records_and_notifies(signon, make_signon, member):
    elsewhere = make_signon()
    elsewhere.login(KPJ)
    signon.login(KPJ)
    reauthenticate(signon)
    mail.outbox.clear()
    sms_before = set(RecordedSms.objects.values_list("id", flat=True))

    response = signon.post(
        CHANGE_URL,
        {
            "oldpassword": PASSWORD,
            "password1": "es-cendol-dawet",
            "password2": "es-cendol-dawet",
            # Mass assignment: none of these may change.
            "is_staff": "on",
            "kind": "officer",
            "phone_verified": "",
            "nik": "3173015705900099",
        },
    )

    assert response.status_code == 302
    user = User.objects.get(pk=member.pk)
    assert user.check_password("es-cendol-dawet")
    assert (user.is_staff, user.kind, user.phone_verified, user.nik) == (False, "member", True, member.nik)
    assert is_signed_in(signon.client, member)
    assert not is_signed_in(elsewhere.client, member)
    assert SecurityEvent.objects.filter(user=member, kind=EventKind.PASSWORD_CHANGED).count() == 1
    assert [m.to for m in mail.outbox] == [[member.email]]
    assert "Password changed" in mail.outbox[0].body
    sms = RecordedSms.objects.exclude(id__in=sms_before)
    assert [(s.to, "Password changed" in s.body) for s in sms] == [(member.phone, True)]


def test_a_personal_new_password_is_refused_on_change(signon, member):
    signon.login(KPJ)
    reauthenticate(signon)

    response = signon.post(CHANGE_URL, {"oldpassword": PASSWORD, "password1": KPJ, "password2": KPJ})

    assert response.status_code == 200
    assert "The password cannot be your KPJ number." in response.content.decode()
    assert User.objects.get(pk=member.pk).check_password(PASSWORD)

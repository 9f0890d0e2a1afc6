"""Masuk: a member signs in by KPJ, NIK or email, and only the SMS code completes the sign-in."""

import re

import pytest
from django.conf import settings
from django.contrib.sessions.models import Session

from jamsos.identity.models import EventKind, SecurityEvent, User, UserKind
from jamsos.identity.tests.conftest import (
    ACCOUNT_URL,
    CONFIRM_URL,
    LOGIN_URL,
    is_signed_in,
    last_code,
    last_sms,
)
from jamsos.identity.tests.factories import PASSWORD
from jamsos.notifications.models import RecordedSms

pytestmark = pytest.mark.django_db

KPJ = "11001234567"


def identifiers_of(user: User) -> dict[str, str]:
    return {
        "kpj": KPJ,
        "kpj with spaces": "1100 1234 567",
        "kpj padded": " 11001234567 ",
        "kpj with dots and dashes": "1100.1234-567",
        "nik": user.nik,
        "nik with spaces": f"{user.nik[:6]} {user.nik[6:12]} {user.nik[12:]}",
        "email": user.email,
        "email in capitals": f"  {user.email.upper()} ",
    }


@pytest.mark.parametrize(
    "which",
    [
        "kpj",
        "kpj with spaces",
        "kpj padded",
        "kpj with dots and dashes",
        "nik",
        "nik with spaces",
        "email",
        "email in capitals",
    ],
)
def test_every_identifier_reaches_the_sms_code_step_and_the_code_completes_the_sign_in(signon, member, which):
    response = signon.password(identifiers_of(member)[which])

    assert response.status_code == 302
    assert response["Location"] == CONFIRM_URL
    sms = RecordedSms.objects.get()
    assert sms.to == member.phone
    assert re.fullmatch(
        r"jamsos: your sign-in code is \d{6}\. It is valid for 5 minutes\. "
        r"Never give it to anyone, including our staff\.",
        sms.body,
    )
    # MFA-01: the password alone gives no session.
    assert not is_signed_in(signon.client, member)
    assert signon.client.get(ACCOUNT_URL)["Location"] == f"{LOGIN_URL}?next={ACCOUNT_URL}"

    response = signon.code(last_code())

    assert response.status_code == 302
    assert response["Location"] == ACCOUNT_URL
    assert is_signed_in(signon.client, member)


def test_the_password_alone_leaves_the_user_anonymous_on_the_account_page(signon, member):
    signon.password(KPJ)

    response = signon.client.get(ACCOUNT_URL)

    assert response.status_code == 302
    assert response.wsgi_request.user.is_anonymous


def test_a_wrong_code_does_not_sign_in(signon, member):
    signon.password(KPJ)
    right = last_code()
    wrong = f"{(int(right) + 1) % 1_000_000:06d}"

    response = signon.code(wrong)

    assert response.status_code == 200
    assert "That code is not right or has expired." in response.content.decode()
    assert not is_signed_in(signon.client, member)


def test_a_wrong_password_sends_no_code_and_says_so_generically(signon, member):
    response = signon.password(KPJ, "not-the-password")

    assert response.status_code == 200
    assert "do not match" in response.content.decode()
    assert RecordedSms.objects.count() == 0
    assert not is_signed_in(signon.client, member)


def test_signing_in_gives_a_new_session_key_and_the_old_one_is_dead(signon, member):
    signon.password(KPJ)
    before = signon.client.cookies[settings.SESSION_COOKIE_NAME].value
    assert Session.objects.filter(session_key=before).exists()

    signon.code(last_code())

    after = signon.client.cookies[settings.SESSION_COOKIE_NAME].value
    assert after != before
    assert re.fullmatch(r"[a-z0-9]{32}", after)
    assert not Session.objects.filter(session_key=before).exists()
    signon.client.cookies[settings.SESSION_COOKIE_NAME] = before
    assert not is_signed_in(signon.client, member)


def test_a_complete_sign_in_records_the_event(signon, member):
    signon.login(KPJ)

    assert list(SecurityEvent.objects.filter(user=member).values_list("kind", flat=True)) == [EventKind.LOGIN]


def test_the_admin_sends_anonymous_visitors_to_masuk(client):
    response = client.get("/petugas/admin/")

    assert response.status_code == 302
    assert response["Location"].startswith("/petugas/admin/login/")
    followed = client.get(response["Location"])
    assert followed.status_code == 302
    assert followed["Location"].startswith(f"{LOGIN_URL}?next=")


def test_the_admin_login_page_does_not_take_a_password(client, member):
    user = User.objects.get(pk=member.pk)
    user.is_staff = True
    user.is_superuser = True
    user.save()

    response = client.post("/petugas/admin/login/", {"username": KPJ, "password": PASSWORD})

    assert response.status_code == 302
    assert response["Location"].startswith(f"{LOGIN_URL}?next=")
    assert not is_signed_in(client, member)


def test_extra_fields_posted_to_the_login_form_change_nothing(signon, member):
    before = User.objects.values().get(pk=member.pk)

    signon.password(
        KPJ,
        data={
            "is_staff": "on",
            "is_superuser": "on",
            "kind": UserKind.OFFICER,
            "phone_verified": "",
            "phone": "+6281299999999",
            "nik": "3173015705900099",
        },
    )
    signon.code(last_code())

    assert is_signed_in(signon.client, member)
    after = User.objects.values().get(pk=member.pk)
    assert {k: v for k, v in after.items() if k != "last_login"} == {
        k: v for k, v in before.items() if k != "last_login"
    }
    assert last_sms().to == member.phone

"""Changing the mobile number: reauthentication, a code to the new number, notices to both."""

import time

import pytest
import time_machine
from allauth.account.models import EmailAddress
from django.conf import settings
from django.core import mail
from django.urls import reverse

from jamsos.identity.models import EventKind, SecurityEvent, User
from jamsos.identity.tests.signup_helpers import sms_code
from jamsos.members.tests.factories import MemberFactory
from jamsos.notifications.models import RecordedSms

PASSWORD = "kucing-oren-melompat"
OLD, NEW = "+6281234567890", "+6285712345678"


@pytest.fixture
def member_user(db):
    member = MemberFactory.create()
    user = User.objects.create_user(
        username="m-phone", password=PASSWORD, nik=member.nik, phone=OLD, phone_verified=True
    )
    EmailAddress.objects.create(user=user, email="budi@example.id", verified=True, primary=True)
    member.user = user
    member.save()
    return user, member


@pytest.fixture
def signed_in(client, member_user, django_capture_on_commit_callbacks):
    user, member = member_user
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"  # the assertions read the English text
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("account_login"), {"login": member.kpj, "password": PASSWORD})
    response = client.post(reverse("account_confirm_login_code"), {"code": sms_code(OLD)})
    assert response.status_code == 302
    # Sensitive changes ask for the password again (allauth counts only an explicit
    # reauthentication, not the sign-in itself).
    response = client.post(reverse("account_reauthenticate"), {"password": PASSWORD})
    assert response.status_code == 302
    return client, user


def test_the_phone_changes_only_with_the_code_sent_to_the_new_number(
    signed_in, django_capture_on_commit_callbacks
):
    client, user = signed_in
    url = reverse("portal:change_phone")
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, {"phone": "0857 1234 5678"})
    assert response.status_code == 302, response.content.decode()[-3000:]
    assert response["Location"] == url
    code = sms_code(NEW)
    wrong = "000000" if code != "000000" else "111111"
    response = client.post(url, {"code": wrong})
    assert "That code is not right" in response.content.decode()
    user.refresh_from_db()
    assert user.phone == OLD

    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, {"code": code})
    assert response.status_code == 302
    user.refresh_from_db()
    assert (user.phone, user.phone_verified) == (NEW, True)
    assert SecurityEvent.objects.filter(user=user, kind=EventKind.PHONE_CHANGED).count() == 1
    # The old number and the new one are both told, and the verified email too.
    notices = RecordedSms.objects.filter(body__contains=str(EventKind.PHONE_CHANGED.label))
    assert sorted(notices.values_list("to", flat=True)) == sorted([OLD, NEW])
    assert [m.to for m in mail.outbox] == [["budi@example.id"]]


def test_the_phone_change_needs_a_recent_reauthentication(signed_in):
    client, _ = signed_in
    with time_machine.travel(time.time() + 301, tick=False):
        response = client.post(reverse("portal:change_phone"), {"phone": "0857 1234 5678"})
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_reauthenticate"))
    assert not RecordedSms.objects.filter(to=NEW).exists()


@pytest.mark.parametrize(("age", "changed"), [(299, True), (301, False)])
def test_the_code_is_valid_for_five_minutes(signed_in, django_capture_on_commit_callbacks, age, changed):
    client, user = signed_in
    url = reverse("portal:change_phone")
    start = time.time()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(url, {"phone": "0857 1234 5678"})
    code = sms_code(NEW)
    with time_machine.travel(start + 250, tick=False):
        # A fresh reauthentication, so only the code's own age decides.
        client.post(reverse("account_reauthenticate"), {"password": PASSWORD})
    with time_machine.travel(start + age, tick=False):
        response = client.post(url, {"code": code})
    user.refresh_from_db()
    assert (user.phone == NEW) is changed
    if not changed:
        assert "The code has expired" in response.content.decode()


def test_the_phone_form_takes_no_field_it_does_not_show(signed_in, django_capture_on_commit_callbacks):
    client, user = signed_in
    url = reverse("portal:change_phone")
    extra = {"phone_verified": "False", "kind": "officer", "is_staff": "on", "nik": "3201010101900001"}
    with django_capture_on_commit_callbacks(execute=True):
        client.post(url, {"phone": "0857 1234 5678", **extra})
    client.post(url, {"code": sms_code(NEW), **extra})
    user.refresh_from_db()
    assert (user.phone, user.phone_verified, user.kind, user.is_staff) == (NEW, True, "member", False)
    assert user.nik != "3201010101900001"

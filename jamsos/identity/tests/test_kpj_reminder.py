"""Lupa nomor KPJ: one answer for everyone, the numbers only to the verified email, limits."""

import re
from datetime import timedelta
from typing import Any

import pytest
import time_machine
from allauth.account.models import EmailAddress
from captcha.models import CaptchaStore
from django.core import mail
from django.test import Client

from jamsos.core import clock
from jamsos.identity import kpj_reminder
from jamsos.identity.models import EventKind, SecurityEvent, User
from jamsos.identity.tests.factories import MemberUserFactory
from jamsos.members.tests.factories import MemberFactory

pytestmark = pytest.mark.django_db

URL = "/lupa-nomor-kpj/"
SENT_URL = "/lupa-nomor-kpj/terkirim/"
KPJ = "11001234567"


@pytest.fixture
def member() -> User:
    user = MemberUserFactory.create(member__kpj=KPJ)
    # A second membership number of the same person (another job, another KPJ).
    MemberFactory.create(user=user, nik=user.nik, kpj="11007654321")
    return user


def ask(client: Client, identifier: str, capture: Any, **extra: Any) -> Any:
    """Posts the form as a browser would, solving the CAPTCHA when the page shows one."""
    page = client.get(URL, **extra).content.decode()
    data = {"identifier": identifier}
    if 'name="captcha_0"' in page:
        key = page.split('name="captcha_0" value="', 1)[1].split('"', 1)[0]
        data.update({"captcha_0": key, "captcha_1": CaptchaStore.objects.get(hashkey=key).response})
    with capture(execute=True):
        response = client.post(URL, data, **extra)
    return response


def without_csrf(content: bytes) -> str:
    return re.sub(r'name="csrfmiddlewaretoken" value="\w+"', "", content.decode())


def test_a_known_nik_sends_every_kpj_number_to_the_verified_email(
    client, member, django_capture_on_commit_callbacks
):
    client.cookies["django_language"] = "en"  # the email is written in the page's language

    response = ask(client, member.nik, django_capture_on_commit_callbacks)

    assert response.status_code == 302
    assert response["Location"] == SENT_URL
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == [member.email]
    assert message.subject == "jamsos: your KPJ membership number"
    assert message.body.startswith(
        f"Hello {member.get_full_name()},\n\n"
        "Someone asked for the membership numbers (KPJ) of your jamsos account. They are:\n\n"
        "  11001234567\n  11007654321\n\n"
        "You can sign in with any of them, or with your NIK or this email, at http://127.0.0.1:8000/masuk/\n"
    )
    assert member.nik not in message.body
    event = SecurityEvent.objects.get(user=member, kind=EventKind.KPJ_REMINDER)
    assert event.detail == "2"


def test_a_verified_email_gets_the_reminder_at_that_address(
    client, member, django_capture_on_commit_callbacks
):
    second = "kerja@contoh.id"
    EmailAddress.objects.create(user=member, email=second, verified=True, primary=False)

    ask(client, second.upper(), django_capture_on_commit_callbacks)

    assert [m.to for m in mail.outbox] == [[second]]


def test_an_unverified_email_or_an_account_without_one_gets_nothing(
    client, member, django_capture_on_commit_callbacks
):
    EmailAddress.objects.create(user=member, email="belum@contoh.id", verified=False, primary=False)
    no_email = MemberUserFactory.create(email="")

    first = ask(client, "belum@contoh.id", django_capture_on_commit_callbacks)
    second = ask(client, no_email.nik, django_capture_on_commit_callbacks)

    assert first["Location"] == second["Location"] == SENT_URL
    assert mail.outbox == []
    assert not SecurityEvent.objects.filter(kind=EventKind.KPJ_REMINDER).exists()


def test_known_and_unknown_details_get_the_identical_answer(member, django_capture_on_commit_callbacks):
    known, unknown = Client(), Client()

    known_response = ask(known, member.nik, django_capture_on_commit_callbacks)
    unknown_response = ask(unknown, "3173016505900099", django_capture_on_commit_callbacks)

    assert known_response.status_code == unknown_response.status_code == 302
    assert known_response["Location"] == unknown_response["Location"] == SENT_URL
    assert known_response.content == unknown_response.content
    assert without_csrf(known.get(SENT_URL).content) == without_csrf(unknown.get(SENT_URL).content)
    assert len(mail.outbox) == 1  # only the known one was sent anything


def test_a_kpj_number_or_junk_is_refused_with_a_clear_error_and_nothing_sent(
    client, member, django_capture_on_commit_callbacks
):
    client.cookies["django_language"] = "en"
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(URL, {"identifier": KPJ})

    assert response.status_code == 200
    assert '<p class="error" id="id_identifier_error">Type your 16-digit NIK or your email address.</p>' in (
        response.content.decode()
    )
    assert mail.outbox == []


def test_the_second_request_from_an_address_needs_the_captcha(
    client, member, django_capture_on_commit_callbacks
):
    ask(client, member.nik, django_capture_on_commit_callbacks)

    page = client.get(URL).content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        unsolved = client.post(URL, {"identifier": member.email})

    assert 'name="captcha_1"' in page
    assert unsolved.status_code == 200
    assert len(mail.outbox) == 1


def test_one_identifier_gets_at_most_three_reminders_a_day_from_any_address(
    member, django_capture_on_commit_callbacks
):
    limit = kpj_reminder.PER_IDENTIFIER[0]
    for n in range(limit):
        response = ask(Client(REMOTE_ADDR=f"10.0.0.{n + 1}"), member.nik, django_capture_on_commit_callbacks)
        assert response.status_code == 302

    refused = ask(Client(REMOTE_ADDR="10.0.0.99"), member.nik, django_capture_on_commit_callbacks)

    assert refused.status_code == 429
    assert len(mail.outbox) == limit
    assert SecurityEvent.objects.filter(kind=EventKind.KPJ_REMINDER).count() == limit
    with time_machine.travel(clock.now() + kpj_reminder.PER_IDENTIFIER[1] + timedelta(seconds=1)):
        again = ask(Client(REMOTE_ADDR="10.0.0.99"), member.nik, django_capture_on_commit_callbacks)
    assert again.status_code == 302
    assert len(mail.outbox) == limit + 1


def test_one_address_is_limited_whatever_identifiers_it_tries(client, django_capture_on_commit_callbacks):
    limit = kpj_reminder.PER_ADDRESS[0]
    for n in range(limit):
        assert ask(client, f"orang{n}@contoh.id", django_capture_on_commit_callbacks).status_code == 302

    client.cookies["django_language"] = "en"
    refused = ask(client, "lagi@contoh.id", django_capture_on_commit_callbacks)

    assert refused.status_code == 429
    assert (
        '<div class="form-errors" role="alert"><p>Too many requests. Wait a while and try again, or visit '
        "a branch office with your KTP.</p></div>"
    ) in refused.content.decode()


def test_the_unknown_identifier_limit_is_the_same_as_for_a_known_one(django_capture_on_commit_callbacks):
    unknown = "3173016505900099"
    answers = [
        ask(Client(REMOTE_ADDR=f"10.1.0.{n}"), unknown, django_capture_on_commit_callbacks).status_code
        for n in range(kpj_reminder.PER_IDENTIFIER[0] + 1)
    ]

    assert answers == [302, 302, 302, 429]

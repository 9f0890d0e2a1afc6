"""Lupa Kata Sandi (security.md REC-01..06, LOCK-02): a single-use link valid one hour, built
from SITE_URL, that neither signs in nor bypasses the second factor, and ends other sessions."""

from datetime import UTC, datetime, timedelta

import pytest
from allauth.account.utils import user_pk_to_url_str
from django.conf import settings
from django.core import mail
from django.test import override_settings

from jamsos.identity.models import AccountLock, EventKind, SecurityEvent, User
from jamsos.identity.tests.conftest import (
    ACCOUNT_URL,
    CONFIRM_URL,
    MFA_AUTHENTICATE_URL,
    RESET_URL,
    give_totp,
    is_signed_in,
    reset_link,
    reset_password,
    site_path,
)
from jamsos.identity.tests.factories import PASSWORD
from jamsos.notifications.models import RecordedSms

pytestmark = pytest.mark.django_db

KPJ = "11001234567"
NEW = "teh-manis-sore-hari"
START = datetime(2026, 11, 23, 2, 0, tzinfo=UTC)
BAD_TOKEN = "The password reset link was invalid"


def request_reset(signon, typed: str = KPJ, **extra) -> str:
    mail.outbox.clear()
    response = signon.post(RESET_URL, {"email": typed}, **extra)
    assert response.status_code == 302
    assert len(mail.outbox) == 1
    return reset_link(mail.outbox[0])


@pytest.mark.parametrize("typed", [KPJ, "1100 1234 567", "nik", "email"])
def test_the_link_goes_to_the_verified_email_whichever_identifier_is_typed(signon, member, typed):
    typed = {"nik": member.nik, "email": member.email.upper()}.get(typed, typed)

    link = request_reset(signon, typed)

    assert mail.outbox[0].to == [member.email]
    assert link.startswith(f"{settings.SITE_URL}/lupa-kata-sandi/")
    assert SecurityEvent.objects.filter(user=member, kind=EventKind.PASSWORD_RESET_REQUESTED).count() == 1


@override_settings(ALLOWED_HOSTS=["testserver", "evil.example"])
def test_the_link_is_built_from_site_url_not_the_host_header(signon, member):
    link = request_reset(signon, HTTP_HOST="evil.example")

    assert link.startswith(f"{settings.SITE_URL}/lupa-kata-sandi/")
    assert "evil.example" not in mail.outbox[0].body


def test_a_host_not_allowed_is_refused(signon, member):
    response = signon.post(RESET_URL, {"email": KPJ}, HTTP_HOST="evil.example")

    assert response.status_code == 400
    assert mail.outbox == []


def test_the_link_is_valid_at_59_minutes(signon, member, now):
    link = request_reset(signon)
    now.shift(timedelta(minutes=59))

    response = reset_password(signon, link, NEW)

    assert response.status_code == 302
    assert User.objects.get(pk=member.pk).check_password(NEW)


def test_the_link_is_refused_at_61_minutes(signon, member, now):
    link = request_reset(signon)
    now.shift(timedelta(minutes=61))

    response = signon.get(site_path(link))

    assert response.status_code == 200
    assert BAD_TOKEN in response.content.decode()
    assert User.objects.get(pk=member.pk).check_password(PASSWORD)


def test_the_link_works_once(signon, make_signon, member):
    link = request_reset(signon)
    reset_password(signon, link, NEW)

    other = make_signon()
    response = other.get(site_path(link))

    assert response.status_code == 200
    assert BAD_TOKEN in response.content.decode()
    assert User.objects.get(pk=member.pk).check_password(NEW)


def test_a_link_issued_before_a_later_password_change_is_invalid(signon, member):
    link = request_reset(signon)
    user = User.objects.get(pk=member.pk)
    user.set_password("kata-sandi-lain-sekali")
    user.save()

    response = signon.get(site_path(link))

    assert BAD_TOKEN in response.content.decode()


def test_the_pages_whose_address_holds_the_key_send_no_referrer(signon, member, now):
    link = request_reset(signon)

    opened = signon.get(site_path(link))
    form = signon.get(opened["Location"])

    assert opened["Referrer-Policy"] == "no-referrer"
    # The key moves into the session: the form's own address holds no secret.
    assert opened["Location"] == f"/lupa-kata-sandi/{user_pk_to_url_str(member)}-set-password/"
    assert form.status_code == 200
    assert form["Referrer-Policy"] == "same-origin"
    now.shift(timedelta(minutes=61))
    expired = signon.get(site_path(link))
    assert BAD_TOKEN in expired.content.decode()
    assert expired["Referrer-Policy"] == "no-referrer"


def test_the_reset_does_not_sign_in_ends_other_sessions_and_sends_a_notice(signon, make_signon, member):
    elsewhere = make_signon()
    elsewhere.login(KPJ)
    assert is_signed_in(elsewhere.client, member)
    link = request_reset(signon)
    mail.outbox.clear()
    sms_before = set(RecordedSms.objects.values_list("id", flat=True))

    response = reset_password(signon, link, NEW)

    assert response.status_code == 302
    assert response["Location"] == "/akun/password/reset/key/done/"
    assert not is_signed_in(signon.client, member)
    assert not is_signed_in(elsewhere.client, member)
    assert [m.to for m in mail.outbox] == [[member.email]]
    assert "Password reset" in mail.outbox[0].body
    notices = RecordedSms.objects.exclude(id__in=sms_before)
    assert [(s.to, "Password reset" in s.body) for s in notices] == [(member.phone, True)]
    assert SecurityEvent.objects.filter(user=member, kind=EventKind.PASSWORD_RESET).count() == 1


def test_after_a_reset_the_login_still_asks_for_the_sms_code(signon, member):
    reset_password(signon, request_reset(signon), NEW)

    response = signon.password(KPJ, NEW)

    assert response["Location"] == CONFIRM_URL
    assert not is_signed_in(signon.client, member)


def test_after_a_reset_the_login_still_asks_for_the_authenticator_app(signon, member):
    give_totp(member)
    reset_password(signon, request_reset(signon), NEW)

    response = signon.password(KPJ, NEW)

    assert response["Location"] == MFA_AUTHENTICATE_URL
    assert not is_signed_in(signon.client, member)


def test_a_locked_member_resets_the_password_and_signs_in(signon, member, now):
    AccountLock.objects.create(user=member, failures=12, locked_until=START + timedelta(minutes=15))

    reset_password(signon, request_reset(signon), NEW)
    response = signon.login(KPJ, NEW)

    assert response["Location"] == ACCOUNT_URL
    assert is_signed_in(signon.client, member)
    assert AccountLock.objects.get(user=member).failures == 0


def test_an_unknown_identifier_sends_nothing_and_changes_nothing(signon, member):
    response = signon.post(RESET_URL, {"email": "11009999999"})

    assert response.status_code == 302
    assert mail.outbox == []
    assert SecurityEvent.objects.count() == 0


def test_extra_fields_posted_to_the_reset_forms_change_nothing(signon, member):
    extra = {"is_staff": "on", "kind": "officer", "phone_verified": "", "nik": "3173015705900099"}
    before = dict(User.objects.values().get(pk=member.pk))
    mail.outbox.clear()
    signon.post(RESET_URL, {"email": KPJ, **extra, "to": "attacker@contoh.id"})
    assert [m.to for m in mail.outbox] == [[member.email]]
    opened = signon.get(site_path(reset_link(mail.outbox[0])))

    signon.post(opened["Location"], {"password1": NEW, "password2": NEW, **extra})

    after = dict(User.objects.values().get(pk=member.pk))
    assert after.pop("password") != before.pop("password")
    assert after == before
    assert User.objects.get(pk=member.pk).check_password(NEW)


def test_lupa_kata_sandi_is_open_to_anonymous_visitors(client):
    response = client.get(RESET_URL)

    assert response.status_code == 200
    assert response.wsgi_request.user.is_anonymous

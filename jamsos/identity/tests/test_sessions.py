"""Sessions (security.md SES-01..05): 15 minutes idle and 8 hours in all, enforced on the
server; logout, ending a session elsewhere and deactivation end it on the server."""

import re
from datetime import UTC, datetime, timedelta

import pytest
from allauth.usersessions.models import UserSession
from django.conf import settings
from django.contrib.sessions.models import Session

from jamsos.identity.models import User
from jamsos.identity.tests.conftest import ACCOUNT_URL, LOGIN_URL, is_signed_in

pytestmark = pytest.mark.django_db

KPJ = "11001234567"
START = datetime(2026, 11, 23, 1, 0, tzinfo=UTC)
IDLE = "You were signed out after 15 minutes without activity. Sign in again."
ABSOLUTE = "You were signed out because you signed in more than 8 hours ago. Sign in again."


def signed_out_with(signon, message: str) -> bool:
    response = signon.client.get(ACCOUNT_URL)
    if response.status_code != 302 or response["Location"] != f"{LOGIN_URL}?next=%2Fakun%2Fsaya%2F":
        return False
    page = signon.client.get(response["Location"]).content.decode()
    return message in page and signon.client.get(ACCOUNT_URL).status_code == 302


def test_a_request_at_14_59_passes_and_resets_the_idle_clock(signon, member, now):
    signon.login(KPJ)

    now.shift(timedelta(minutes=14, seconds=59))
    assert is_signed_in(signon.client, member)
    now.shift(timedelta(minutes=14, seconds=59))  # 29:58 after signing in, 14:59 after the last request
    assert is_signed_in(signon.client, member)


def test_a_request_at_15_01_is_signed_out_with_the_message(signon, member, now):
    signon.login(KPJ)
    key = signon.client.cookies[settings.SESSION_COOKIE_NAME].value

    now.shift(timedelta(minutes=15, seconds=1))

    assert signed_out_with(signon, IDLE)
    assert not Session.objects.filter(session_key=key).exists()
    assert not is_signed_in(signon.client, member)


def test_a_session_ends_after_eight_hours_even_when_active(signon, member, now):
    signon.login(KPJ)
    for _ in range(34):  # a request every 14 minutes: 7 h 56 min
        now.shift(timedelta(minutes=14))
        assert is_signed_in(signon.client, member)
    now.shift(timedelta(minutes=4, seconds=1))  # 8 h 0 min 1 s

    assert signed_out_with(signon, ABSOLUTE)


def test_the_session_lives_at_most_eight_hours_on_the_server_and_ends_with_the_browser(signon, member, now):
    signon.login(KPJ)

    cookie = signon.client.cookies[settings.SESSION_COOKIE_NAME]

    assert cookie["max-age"] == ""  # a browser-session cookie: never "remember me"
    assert cookie["httponly"] is True
    assert cookie["samesite"] == "Lax"
    assert re.fullmatch(r"[a-z0-9]{32}", cookie.value)
    assert Session.objects.get(session_key=cookie.value).expire_date == START + timedelta(hours=8)


def test_logout_ends_the_session_on_the_server(signon, member):
    signon.login(KPJ)
    old = signon.client.cookies[settings.SESSION_COOKIE_NAME].value

    response = signon.post("/keluar/")

    assert response.status_code == 302
    assert not Session.objects.filter(session_key=old).exists()
    signon.client.cookies[settings.SESSION_COOKIE_NAME] = old
    assert not is_signed_in(signon.client, member)


def test_logout_needs_a_post(signon, member):
    signon.login(KPJ)

    signon.client.get("/keluar/")

    assert is_signed_in(signon.client, member)


def test_ending_the_other_sessions_from_the_session_list_signs_them_out(signon, make_signon, member):
    elsewhere = make_signon()
    elsewhere.login(KPJ)
    signon.login(KPJ)
    assert UserSession.objects.filter(user=member).count() == 2

    page = signon.client.get("/akun/sessions/")
    assert page.status_code == 200
    response = signon.post("/akun/sessions/")

    assert response.status_code == 302
    assert not is_signed_in(elsewhere.client, member)
    assert is_signed_in(signon.client, member)
    assert list(UserSession.objects.filter(user=member).values_list("session_key", flat=True)) == [
        signon.client.cookies[settings.SESSION_COOKIE_NAME].value
    ]


def test_ending_one_session_by_its_id_signs_that_client_out(signon, make_signon, member, rf):
    from allauth.core import context
    from allauth.usersessions.internal.flows.sessions import end_sessions

    elsewhere = make_signon()
    elsewhere.login(KPJ)
    signon.login(KPJ)
    target = UserSession.objects.get(session_key=elsewhere.client.cookies[settings.SESSION_COOKIE_NAME].value)

    request = signon.client.get(ACCOUNT_URL).wsgi_request
    with context.request_context(request):
        end_sessions(request, list(UserSession.objects.filter(user=member, id=target.id)))

    assert not is_signed_in(elsewhere.client, member)
    assert is_signed_in(signon.client, member)


def test_a_deactivated_user_is_signed_out_everywhere(signon, member):
    signon.login(KPJ)

    User.objects.filter(pk=member.pk).update(is_active=False)

    assert not is_signed_in(signon.client, member)


def test_the_session_list_needs_a_signed_in_user(client):
    response = client.get("/akun/sessions/")

    assert response.status_code == 302
    assert response["Location"].startswith(LOGIN_URL)

"""/dev/outbox: the demo's recorded SMS and emails and the demo accounts' TOTP codes; 404 elsewhere."""

import re
import time
from datetime import timedelta

import pytest
from allauth.mfa.totp.internal.auth import TOTP, format_hotp_value, hotp_value
from django.test import override_settings

from jamsos.core import clock
from jamsos.identity import demo
from jamsos.identity.tests.factories import OfficerFactory
from jamsos.notifications.models import RecordedEmail, RecordedSms

pytestmark = pytest.mark.django_db

OUTBOX = "/dev/outbox"
SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"  # a fixed secret so the expected code can be computed


def english(client):
    client.cookies["django_language"] = "en"
    return client


def code_now(secret: str) -> str:
    return format_hotp_value(hotp_value(secret, int(time.time()) // 30))


@override_settings(DEV_OUTBOX=False)
def test_the_outbox_does_not_exist_when_it_is_off(client):
    RecordedSms.objects.create(to="+6281234567890", body="jamsos: your sign-in code is 123456.")

    response = client.get(OUTBOX)

    assert response.status_code == 404
    assert b"123456" not in response.content


@override_settings(DEV_OUTBOX=True)
def test_the_outbox_shows_a_recorded_sms_and_email_newest_first_and_is_never_indexed_or_cached(client):
    now = clock.now()
    RecordedSms.objects.create(
        to="+6281234567890",
        body="jamsos: your sign-in code is 111111.",
        created_at=now - timedelta(minutes=2),
    )
    RecordedSms.objects.create(
        to="+6281234567890", body="jamsos: your sign-in code is 222222.", created_at=now
    )
    RecordedEmail.objects.create(
        to="siti@example.com",
        subject="Reset your password",
        body="Open http://127.0.0.1:8000/lupa-kata-sandi/1-abc/ to choose a new password.",
    )

    response = english(client).get(OUTBOX)

    html = response.content.decode()
    assert response.status_code == 200
    assert response["X-Robots-Tag"] == "noindex, nofollow"
    assert "no-store" in response["Cache-Control"]
    assert "<h1>Demo outbox</h1>" in html
    assert html.index("222222") < html.index("111111")
    assert 'data-to="+6281234567890"' in html
    assert "Reset your password" in html
    assert (
        '<a href="http://127.0.0.1:8000/lupa-kata-sandi/1-abc/" rel="nofollow">'
        "http://127.0.0.1:8000/lupa-kata-sandi/1-abc/</a>" in html
    )


@override_settings(DEV_OUTBOX=True)
def test_the_outbox_shows_the_latest_fifty_sms_only(client):
    RecordedSms.objects.bulk_create(
        RecordedSms(to="+6281234567890", body=f"pesan nomor {n:03d}.") for n in range(60)
    )

    html = client.get(OUTBOX).content.decode()

    shown = re.findall(r"pesan nomor (\d{3})\.", html)
    assert shown == [f"{n:03d}" for n in range(59, 9, -1)]


@override_settings(DEV_OUTBOX=True)
def test_the_outbox_shows_the_code_of_a_demo_account_and_never_of_another_officer(client):
    petugas = OfficerFactory.create(username=demo.DEMO_OFFICER_USERNAME)
    TOTP.activate(petugas, SECRET)
    other = OfficerFactory.create(username="budi")
    TOTP.activate(other, "KRSXG5CTMVRXEZLUKN2XAZLSKNSWG4TF")

    html = english(client).get(OUTBOX).content.decode()

    rows = re.findall(
        r'<tr data-username="([^"]+)"><td>[^<]+</td><td><code class="totp-code">(\d{6})</code>', html
    )
    # A code changes every 30 s: either the one before or after the request is fine.
    assert len(rows) == 1
    assert rows[0][0] == "petugas"
    assert rows[0][1] in {code_now(SECRET), format_hotp_value(hotp_value(SECRET, int(time.time()) // 30 - 1))}
    assert "budi" not in html


@override_settings(DEV_OUTBOX=True)
def test_the_outbox_says_when_nothing_was_recorded(client):
    html = english(client).get(OUTBOX).content.decode()

    assert "No SMS recorded yet." in html
    assert "No email recorded yet." in html
    assert "No demo account has an authenticator app." in html


@override_settings(DEV_OUTBOX=True)
def test_the_outbox_refuses_a_post(client):
    assert client.post(OUTBOX).status_code == 405

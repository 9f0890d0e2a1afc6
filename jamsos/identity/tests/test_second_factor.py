"""The second factor: SMS codes (MFA-03, MFA-04, LOCK-07), authenticator apps (MFA-05..07),
recovery codes (MFA-08), officers (AZ-04) and no "trust this browser" (MFA-10)."""

import re
import time
from datetime import UTC, datetime, timedelta

import pytest
from allauth.mfa.models import Authenticator
from allauth.mfa.recovery_codes.internal.auth import RecoveryCodes
from django.conf import settings
from django.core import mail
from django.db import connection

from jamsos.identity import lockout
from jamsos.identity.models import EventKind, SecurityEvent, User
from jamsos.identity.tests.conftest import (
    ACCOUNT_URL,
    ACTIVATE_TOTP_URL,
    CONFIRM_URL,
    LOGIN_URL,
    MFA_AUTHENTICATE_URL,
    activate_totp,
    give_totp,
    is_signed_in,
    last_code,
    totp_code,
)
from jamsos.identity.tests.factories import PASSWORD, MemberUserFactory, OfficerFactory
from jamsos.notifications.models import RecordedSms

pytestmark = pytest.mark.django_db

KPJ = "11001234567"
START = datetime(2026, 11, 23, 2, 0, 5, tzinfo=UTC)  # 5 s into a 30 s TOTP step
INCORRECT = "That code is not right or has expired."
MFA_INCORRECT = "Incorrect code."
RATE_LIMITED = "Too many requests. Wait a few minutes and try again."


def found(pattern: str, text: str) -> str:
    match = re.search(pattern, text)
    assert match, text
    return match.group(1)


def other_than(code: str) -> str:
    return f"{(int(code) + 1) % 1_000_000:06d}"


def refused(response) -> bool:
    """The code page said no: the form again with the error, or back to Masuk."""
    if response.status_code == 200:
        return INCORRECT in response.content.decode()
    return response.status_code == 302 and response["Location"] == LOGIN_URL


# SMS codes -------------------------------------------------------------------------------------


def test_the_sms_code_is_valid_at_4_59(signon, member, now):
    signon.password(KPJ)
    now.shift(timedelta(minutes=4, seconds=59))

    response = signon.code(last_code())

    assert response["Location"] == ACCOUNT_URL
    assert is_signed_in(signon.client, member)


def test_the_sms_code_is_refused_at_5_01(signon, member, now):
    signon.password(KPJ)
    now.shift(timedelta(minutes=5, seconds=1))

    response = signon.code(last_code())

    assert response.status_code == 302
    assert response["Location"] == LOGIN_URL
    assert not is_signed_in(signon.client, member)


def test_the_sms_code_works_once(signon, make_signon, member, now):
    signon.password(KPJ)
    used = last_code()
    signon.code(used)
    assert is_signed_in(signon.client, member)

    # The same code again: on the same client, and on another after its own password step.
    assert signon.code(used)["Location"] == ACCOUNT_URL  # already signed in: nothing to confirm
    other = make_signon()
    other.password(KPJ)
    if last_code() == used:  # one chance in a million: ask for another
        other.resend()
    response = other.code(used)

    assert refused(response)
    assert not is_signed_in(other.client, member)


def test_the_sms_code_is_bound_to_its_login_attempt(signon, make_signon, member, now):
    browser_a, browser_b = signon, make_signon()
    browser_a.password(KPJ)
    code_a = last_code()
    browser_b.password(KPJ)
    if last_code() == code_a:
        browser_b.resend()

    response = browser_b.code(code_a)

    assert refused(response)
    assert not is_signed_in(browser_b.client, member)
    # A browser with no login attempt cannot use it either.
    stranger = make_signon()
    response = stranger.code(code_a)
    assert response.status_code == 302
    assert response["Location"] == LOGIN_URL
    assert not is_signed_in(stranger.client, member)
    # ...and browser A still can.
    assert browser_a.code(code_a)["Location"] == ACCOUNT_URL


def test_three_wrong_codes_end_the_attempt(signon, member, now):
    signon.password(KPJ)
    right = last_code()

    first, second = signon.code(other_than(right)), signon.code(other_than(right))
    third = signon.code(other_than(right))

    assert first.status_code == second.status_code == 200
    assert third.status_code == 302
    assert third["Location"] == LOGIN_URL
    assert refused(signon.code(right))
    assert not is_signed_in(signon.client, member)
    assert lockout.failures_of(member, "") == 3


def test_a_resent_code_replaces_the_old_one_has_its_own_five_minutes_and_keeps_the_failures(
    signon, member, now
):
    signon.password(KPJ)
    old = last_code()
    assert signon.code(other_than(old)).status_code == 200  # failure 1 of 3

    now.shift(timedelta(minutes=4))
    response = signon.resend()
    assert response.status_code == 302
    assert response["Location"] == CONFIRM_URL
    assert RecordedSms.objects.count() == 2
    new = last_code()
    if new == old:
        signon.resend()
        new = last_code()

    assert refused(signon.code(old))  # failure 2 of 3: the old code is dead
    now.shift(timedelta(minutes=4, seconds=59))  # 8:59 after the first code, 4:59 after this one
    response = signon.code(new)

    assert response["Location"] == ACCOUNT_URL
    assert is_signed_in(signon.client, member)


def test_a_resent_code_does_not_give_three_more_guesses(signon, member, now):
    signon.password(KPJ)
    signon.code(other_than(last_code()))
    signon.code(other_than(last_code()))
    signon.resend()

    response = signon.code(other_than(last_code()))

    assert response.status_code == 302
    assert response["Location"] == LOGIN_URL
    assert refused(signon.code(last_code()))
    assert lockout.failures_of(member, "") == 3


def test_a_resent_code_expires_five_minutes_after_it_was_sent(signon, member, now):
    signon.password(KPJ)
    now.shift(timedelta(minutes=3))
    signon.resend()
    now.shift(timedelta(minutes=5, seconds=1))

    assert refused(signon.code(last_code()))
    assert not is_signed_in(signon.client, member)


def test_at_most_three_sms_in_ten_minutes(signon, make_signon, member, now):
    signon.password(KPJ)
    signon.resend()
    signon.resend()

    response = signon.resend()

    assert response.status_code == 302
    assert response["Location"] == CONFIRM_URL
    page = signon.client.get(response["Location"])
    assert RATE_LIMITED in page.content.decode()
    assert RecordedSms.objects.count() == 3
    # A new sign-in, from another browser, within the ten minutes gets no code either.
    other = make_signon()
    response = other.password(KPJ)
    assert response["Location"] == LOGIN_URL
    assert "Too many codes were sent to this number." in other.client.get(LOGIN_URL).content.decode()
    assert RecordedSms.objects.count() == 3
    # The third code still works, and after the ten minutes codes are sent again.
    assert signon.code(last_code())["Location"] == ACCOUNT_URL
    now.shift(timedelta(minutes=10, seconds=1))
    assert make_signon().password(KPJ)["Location"] == CONFIRM_URL
    assert RecordedSms.objects.count() == 4


def test_at_most_ten_sms_a_day(make_signon, member, now):
    for n in range(10):
        response = make_signon().password(KPJ)
        assert response["Location"] == CONFIRM_URL, n
        now.shift(timedelta(minutes=4))
    assert RecordedSms.objects.count() == 10

    response = make_signon().password(KPJ)

    assert response["Location"] == LOGIN_URL
    assert RecordedSms.objects.count() == 10
    now.shift(timedelta(hours=24) - timedelta(minutes=4 * 10) + timedelta(seconds=1))
    assert make_signon().password(KPJ)["Location"] == CONFIRM_URL
    assert RecordedSms.objects.count() == 11


def test_a_second_password_while_a_code_is_pending_sends_no_new_code(signon, member, now):
    signon.password(KPJ)

    response = signon.password(KPJ)

    assert response["Location"] == CONFIRM_URL
    assert RecordedSms.objects.count() == 1


# Authenticator app (TOTP) ----------------------------------------------------------------------


def test_after_activating_an_authenticator_app_the_login_asks_for_it_instead_of_sms(
    signon, make_signon, member, now
):
    signon.login(KPJ)
    secret = activate_totp(signon)
    assert Authenticator.objects.filter(user=member, type=Authenticator.Type.TOTP).count() == 1
    sent = RecordedSms.objects.count()

    other = make_signon()
    response = other.password(KPJ)

    assert response["Location"] == MFA_AUTHENTICATE_URL
    assert RecordedSms.objects.count() == sent
    assert not is_signed_in(other.client, member)
    now.shift(timedelta(seconds=30))  # the code used to activate it is not reused here
    response = other.post(MFA_AUTHENTICATE_URL, {"code": totp_code(secret)})
    assert response["Location"] == ACCOUNT_URL
    assert is_signed_in(other.client, member)


def test_activating_an_authenticator_app_needs_a_password_within_five_minutes(signon, member, now):
    signon.login(KPJ)
    response = signon.get(ACTIVATE_TOTP_URL)
    assert response["Location"] == "/akun/reauthenticate/?next=%2Fakun%2F2fa%2Ftotp%2Factivate%2F"
    signon.post(response["Location"], {"password": PASSWORD})

    now.shift(timedelta(seconds=299))
    assert signon.get(ACTIVATE_TOTP_URL).status_code == 200
    now.shift(timedelta(seconds=2))
    response = signon.get(ACTIVATE_TOTP_URL)

    assert response.status_code == 302
    assert response["Location"] == "/akun/reauthenticate/?next=%2Fakun%2F2fa%2Ftotp%2Factivate%2F"
    assert not Authenticator.objects.filter(user=member).exists()


def test_activating_an_authenticator_app_records_it_and_notifies_by_email_and_sms(signon, member, now):
    signon.login(KPJ)
    mail.outbox.clear()
    last_sms = max(RecordedSms.objects.values_list("id", flat=True), default=0)

    activate_totp(signon)

    assert SecurityEvent.objects.filter(user=member, kind=EventKind.FACTOR_ADDED).count() == 1
    assert [m.to for m in mail.outbox] == [[member.email]]
    assert "Sign-in method added" in mail.outbox[0].body
    assert list(RecordedSms.objects.filter(id__gt=last_sms).values_list("to", flat=True)) == [member.phone]


def test_the_same_authenticator_code_is_refused_the_second_time(signon, make_signon, member, now):
    secret = give_totp(member)
    code = totp_code(secret)
    signon.password(KPJ)
    assert signon.post(MFA_AUTHENTICATE_URL, {"code": code})["Location"] == ACCOUNT_URL

    replay = make_signon()
    replay.password(KPJ)
    now.shift(timedelta(seconds=10))  # still the same 30 s step
    response = replay.post(MFA_AUTHENTICATE_URL, {"code": code})

    assert response.status_code == 200
    assert MFA_INCORRECT in response.content.decode()
    assert not is_signed_in(replay.client, member)


def test_a_code_of_the_previous_step_is_refused(signon, member, now):
    secret = give_totp(member)
    signon.password(KPJ)

    response = signon.post(MFA_AUTHENTICATE_URL, {"code": totp_code(secret, steps=-1)})

    assert response.status_code == 200
    assert MFA_INCORRECT in response.content.decode()
    assert not is_signed_in(signon.client, member)
    assert signon.post(MFA_AUTHENTICATE_URL, {"code": totp_code(secret)})["Location"] == ACCOUNT_URL


def test_a_code_of_the_next_step_is_refused(signon, member, now):
    secret = give_totp(member)
    signon.password(KPJ)

    response = signon.post(MFA_AUTHENTICATE_URL, {"code": totp_code(secret, steps=1)})

    assert MFA_INCORRECT in response.content.decode()
    assert not is_signed_in(signon.client, member)


def test_the_authenticator_secret_is_not_stored_in_the_clear(signon, member, now):
    signon.login(KPJ)
    secret = activate_totp(signon)

    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT data FROM mfa_authenticator WHERE user_id = %s AND type = %s",
            [member.pk, Authenticator.Type.TOTP],
        )
        (raw,) = cursor.fetchone()
        cursor.execute(
            "SELECT data FROM mfa_authenticator WHERE user_id = %s AND type = %s",
            [member.pk, Authenticator.Type.RECOVERY_CODES],
        )
        (raw_codes,) = cursor.fetchone()

    assert secret not in raw
    assert secret.lower() not in raw.lower()
    stored = found(r'"secret": "([^"]+)"', raw)
    assert not re.fullmatch(r"[A-Z2-7]+=*", stored)
    assert stored.startswith("gAAAA")  # a Fernet token
    seed = found(r'"seed": "([^"]+)"', raw_codes)
    assert not re.fullmatch(r"[0-9a-f]{80}", seed)


def test_a_recovery_code_works_once_and_sends_a_notice(signon, make_signon, member, now):
    give_totp(member)
    codes = RecoveryCodes(Authenticator.objects.get(user=member, type="recovery_codes")).generate_codes()
    signon.password(KPJ)
    mail.outbox.clear()
    last_sms = max(RecordedSms.objects.values_list("id", flat=True), default=0)

    response = signon.post(MFA_AUTHENTICATE_URL, {"code": codes[0]})

    assert response["Location"] == ACCOUNT_URL
    assert SecurityEvent.objects.filter(user=member, kind=EventKind.RECOVERY_CODE_USED).count() == 1
    assert [m.to for m in mail.outbox] == [[member.email]]
    assert "Recovery code used" in mail.outbox[0].body
    assert list(RecordedSms.objects.filter(id__gt=last_sms).values_list("to", flat=True)) == [member.phone]
    again = make_signon()
    again.password(KPJ)
    response = again.post(MFA_AUTHENTICATE_URL, {"code": codes[0]})
    assert MFA_INCORRECT in response.content.decode()
    assert not is_signed_in(again.client, member)
    assert again.post(MFA_AUTHENTICATE_URL, {"code": codes[1]})["Location"] == ACCOUNT_URL


# Officers and settings -------------------------------------------------------------------------


def test_an_officer_without_an_authenticator_cannot_finish_signing_in(signon):
    officer = OfficerFactory.create()

    response = signon.password(officer.username)

    assert response.status_code == 302
    assert response["Location"] == LOGIN_URL
    page = signon.client.get(LOGIN_URL).content.decode()
    assert "Officers sign in with an authenticator app or a passkey." in page
    assert RecordedSms.objects.count() == 0
    assert not is_signed_in(signon.client, officer)
    assert signon.client.get("/petugas/admin/").status_code == 302


def test_an_officer_with_an_authenticator_signs_in_with_it(signon, now):
    officer = OfficerFactory.create()
    secret = give_totp(officer)

    response = signon.password(officer.username)
    assert response["Location"] == MFA_AUTHENTICATE_URL
    signon.post(MFA_AUTHENTICATE_URL, {"code": totp_code(secret)})

    assert is_signed_in(signon.client, officer)
    assert RecordedSms.objects.count() == 0


def test_a_member_without_a_verified_phone_cannot_sign_in_with_the_password_alone(signon):
    user = MemberUserFactory.create(phone_verified=False)

    response = signon.password(user.nik)

    assert response["Location"] == LOGIN_URL
    assert RecordedSms.objects.count() == 0
    assert not is_signed_in(signon.client, user)


def test_no_trust_this_browser_shortcut():
    assert settings.MFA_TRUST_ENABLED is False
    assert settings.ACCOUNT_LOGIN_BY_CODE_TRUST_ENABLED is False
    assert settings.MFA_TOTP_TOLERANCE == 0
    assert settings.ACCOUNT_LOGIN_BY_CODE_TIMEOUT == 300
    assert settings.ACCOUNT_LOGIN_BY_CODE_ENABLED is False


def test_the_login_code_comes_from_the_system_random_source(monkeypatch):
    from jamsos.identity import adapter

    calls = []

    def fake_randbelow(n: int) -> int:
        calls.append(n)
        return 42

    monkeypatch.setattr(adapter.secrets, "randbelow", fake_randbelow)

    code = adapter.AccountAdapter().generate_phone_verification_code(user=User(), phone="+6281200000000")

    assert (code, calls) == ("000042", [1_000_000])


def test_time_time_is_the_clock_of_code_expiry(now):
    # allauth times codes with time.time(); the frozen clock above moves it too.
    assert time.time() == START.timestamp()

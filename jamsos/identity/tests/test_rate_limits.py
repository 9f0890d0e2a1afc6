"""Rate limits (issue item 11, security.md LOCK-05, LOCK-07) and the sign-on settings: counted
in one shared cache, which the settings refuse to run without when DEBUG is off."""

from datetime import UTC, datetime, timedelta

import pytest
from django.conf import settings
from django.core import mail

from jamsos.core.tests.test_settings import PRODUCTION, run, settings_value
from jamsos.identity import sms_quota
from jamsos.identity.tests.conftest import RESET_URL
from jamsos.identity.tests.factories import MemberUserFactory

START = datetime(2026, 11, 23, 2, 0, tzinfo=UTC)
TOO_MANY_LOGINS = "Too many failed login attempts. Try again later."


# Settings ---------------------------------------------------------------------------------------


def test_the_demo_refuses_a_per_process_cache_when_debug_is_off(tmp_path):
    result = run("import django; django.setup()", JAMSOS_ENV="demo", DEBUG="0", JAMSOS_VAR_DIR=str(tmp_path))

    assert result.returncode != 0
    assert "REDIS_URL must be set when DEBUG is off." in result.stderr


def test_the_demo_with_debug_on_may_use_local_memory(tmp_path):
    backend = settings_value(
        "settings.CACHES['default']['BACKEND']", JAMSOS_ENV="demo", DEBUG="1", JAMSOS_VAR_DIR=str(tmp_path)
    )

    assert backend == "django.core.cache.backends.locmem.LocMemCache"


def test_production_uses_redis_and_allows_no_insecure_webauthn_origin():
    values = settings_value(
        "settings.CACHES['default']['BACKEND'], settings.MFA_WEBAUTHN_ALLOW_INSECURE_ORIGIN, "
        "settings.PASSWORD_RESET_TIMEOUT, settings.MFA_TRUST_ENABLED, "
        "settings.ACCOUNT_LOGIN_BY_CODE_TRUST_ENABLED, settings.MFA_TOTP_TOLERANCE",
        **PRODUCTION,
    )

    assert values == "django.core.cache.backends.redis.RedisCache False 3600 False False 0"


def test_production_refuses_to_start_without_an_mfa_encryption_key():
    result = run("import django; django.setup()", **{**PRODUCTION, "MFA_ENCRYPTION_KEY": ""})

    assert result.returncode != 0
    assert "MFA_ENCRYPTION_KEY must be set" in result.stderr


def test_sign_on_settings():
    assert settings.PASSWORD_RESET_TIMEOUT == 3600
    assert settings.ACCOUNT_REAUTHENTICATION_TIMEOUT == 300
    assert settings.ACCOUNT_REAUTHENTICATION_REQUIRED is True
    assert settings.ACCOUNT_LOGIN_ON_PASSWORD_RESET is False
    assert settings.ACCOUNT_SESSION_REMEMBER is False
    assert settings.ACCOUNT_PREVENT_ENUMERATION is True
    assert settings.ACCOUNT_EMAIL_NOTIFICATIONS is True
    assert settings.ACCOUNT_LOGIN_BY_CODE_SUPPORTS_RESEND == 3
    assert settings.CACHES["default"]["BACKEND"] in {
        "django.core.cache.backends.locmem.LocMemCache",
        "django.core.cache.backends.redis.RedisCache",
    }
    assert settings.PASSWORD_HASHERS[0] == "jamsos.identity.hashers.Argon2idHasher"


# Limits -----------------------------------------------------------------------------------------


@pytest.mark.django_db
def test_one_address_gets_twenty_failed_logins_a_minute(signon, now, captcha_test_mode):
    solved = {"captcha_0": "x", "captcha_1": "PASSED"}
    for n in range(20):
        response = signon.password(f"1100555{n:04d}", "salah-lagi", data=solved, REMOTE_ADDR="192.0.2.9")
        assert TOO_MANY_LOGINS not in response.content.decode(), n

    response = signon.password("11005559999", "salah-lagi", data=solved, REMOTE_ADDR="192.0.2.9")

    assert response.status_code == 200
    assert TOO_MANY_LOGINS in response.content.decode()
    other = signon.password("11005559999", "salah-lagi", data=solved, REMOTE_ADDR="192.0.2.10")
    assert TOO_MANY_LOGINS not in other.content.decode()
    now.shift(timedelta(minutes=1, seconds=1))
    later = signon.password("11005559998", "salah-lagi", data=solved, REMOTE_ADDR="192.0.2.9")
    assert TOO_MANY_LOGINS not in later.content.decode()


@pytest.mark.django_db
def test_reset_emails_are_limited_per_account_whatever_way_the_number_is_written(signon, now):
    member = MemberUserFactory.create(member__kpj="11001234567")
    variants = [
        "11001234567",
        "1100 1234 567",
        " 11001234567",
        "1100-1234-567",
        "1100.1234.567",
        "110 0123 4567",
    ]

    statuses = [
        signon.post(RESET_URL, {"email": typed}, REMOTE_ADDR=f"192.0.2.{n}").status_code
        for n, typed in enumerate(variants)
    ]

    assert statuses == [302] * 5 + [429]
    assert [m.to for m in mail.outbox] == [[member.email]] * 5
    now.shift(timedelta(minutes=1, seconds=1))
    assert signon.post(RESET_URL, {"email": variants[-1]}).status_code == 302


@pytest.mark.django_db
def test_reset_requests_for_unknown_numbers_are_limited_the_same_way(signon, now):
    variants = [
        "11009999999",
        "1100 9999 999",
        " 11009999999",
        "1100-9999-999",
        "1100.9999.999",
        "110 0999 9999",
    ]

    statuses = [
        signon.post(RESET_URL, {"email": typed}, REMOTE_ADDR=f"192.0.2.{n}").status_code
        for n, typed in enumerate(variants)
    ]

    assert statuses == [302] * 5 + [429]


def test_the_sms_quota_is_three_in_ten_minutes_and_ten_a_day(now):
    sent = 0
    for _ in range(3):
        assert sms_quota.allows(7)
        sms_quota.count(7)
        sent += 1
    assert not sms_quota.allows(7)
    assert sms_quota.allows(8)  # another account has its own quota

    for _ in range(3):
        now.shift(timedelta(minutes=10, seconds=1))
        for _ in range(3):
            if sms_quota.allows(7):
                sms_quota.count(7)
                sent += 1
    assert sent == 10
    now.shift(timedelta(minutes=10, seconds=1))
    assert not sms_quota.allows(7)
    now.shift(timedelta(hours=24))
    assert sms_quota.allows(7)

"""Fixtures for the sign-on tests: a CAPTCHA that "PASSED" solves, and a
`signon` helper that drives the pages the way a browser does and reads the SMS it was sent."""

import re
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager
from typing import Any

import pytest
from django.conf import settings
from django.http import HttpResponse
from django.test import Client
from django.urls import reverse
from django.utils import translation

from jamsos.identity.tests.factories import PASSWORD
from jamsos.notifications.models import RecordedSms

LOGIN_URL = "/masuk/"
CONFIRM_URL = "/akun/login/code/confirm/"
ACCOUNT_URL = "/akun/saya/"
MFA_AUTHENTICATE_URL = "/akun/2fa/authenticate/"
CODE_RE = re.compile(r"\b(\d{6})\b")
KPJ = "11001234567"  # the membership number of the `member` fixture


@pytest.fixture
def member() -> Any:
    """A member who can sign in: linked KPJ, verified phone and email, the factory's password."""
    from jamsos.identity.tests.factories import MemberUserFactory

    return MemberUserFactory.create(member__kpj=KPJ)


@pytest.fixture
def now(request: pytest.FixtureRequest, time_machine: Any) -> Any:
    """The clock frozen at the test module's START."""
    time_machine.move_to(request.module.START, tick=False)
    return time_machine


@pytest.fixture(autouse=True)
def english() -> Iterator[None]:
    # The assertions read the English msgids, whatever the catalogs hold.
    with translation.override("en"):
        yield


@pytest.fixture
def captcha_test_mode(monkeypatch: pytest.MonkeyPatch) -> None:
    """django-simple-captcha reads its settings once at import: "PASSED" solves it here."""
    from captcha.conf import settings as captcha_settings

    monkeypatch.setattr(captcha_settings, "CAPTCHA_TEST_MODE", True)


def user_id_on(client: Client) -> str | None:
    """The signed-in user's id as the session says on a fresh request, or None if anonymous."""
    response = client.get(ACCOUNT_URL)
    if response.status_code != 200:
        return None
    return str(response.wsgi_request.user.pk)


def is_signed_in(client: Client, user: Any) -> bool:
    response = client.get(ACCOUNT_URL)
    return response.status_code == 200 and response.wsgi_request.user.pk == user.pk


class SignOn:
    """Drives /masuk/ and the code page with one client; messages are sent as on commit."""

    def __init__(self, client: Client, capture: Callable[..., AbstractContextManager[Any]]) -> None:
        self.client = client
        # English: the assertions read the msgids, whatever the catalogs hold.
        client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
        self._capture = capture

    def post(self, url: str, data: dict[str, Any] | None = None, **extra: Any) -> Any:
        with self._capture(execute=True):
            return self.client.post(url, data or {}, **extra)

    def get(self, url: str, **extra: Any) -> Any:
        with self._capture(execute=True):
            return self.client.get(url, **extra)

    def password(self, login: str, password: str = PASSWORD, **extra: Any) -> HttpResponse:
        data = {"login": login, "password": password}
        data.update(extra.pop("data", {}))
        return self.post(LOGIN_URL, data, **extra)

    def code(self, code: str, **extra: Any) -> HttpResponse:
        return self.post(CONFIRM_URL, {"code": code}, **extra)

    def resend(self, **extra: Any) -> HttpResponse:
        return self.post(CONFIRM_URL, {"action": "resend"}, **extra)

    def login(self, login: str, password: str = PASSWORD, **extra: Any) -> HttpResponse:
        """Password, then the code the SMS carried: a complete sign-in."""
        response = self.password(login, password, **extra)
        assert response.status_code == 302, response.content[:2000]
        assert response["Location"] == CONFIRM_URL
        extra.pop("data", None)
        return self.code(last_code(), **extra)


def last_sms() -> RecordedSms:
    sms = RecordedSms.objects.order_by("-id").first()
    assert sms is not None, "no SMS was sent"
    return sms


def last_code() -> str:
    match = CODE_RE.search(last_sms().body)
    assert match, last_sms().body
    return match.group(1)


@pytest.fixture
def signon(client: Client, django_capture_on_commit_callbacks: Any) -> SignOn:
    return SignOn(client, django_capture_on_commit_callbacks)


@pytest.fixture
def make_signon(django_capture_on_commit_callbacks: Any) -> Callable[[], SignOn]:
    """Another browser: a second client with its own cookies."""

    def make() -> SignOn:
        return SignOn(Client(), django_capture_on_commit_callbacks)

    return make


def url(name: str, **kwargs: Any) -> str:
    return reverse(name, kwargs=kwargs or None)


def give_totp(user: Any) -> str:
    """Enrols an authenticator app for the user (as allauth's activation does); its secret."""
    from allauth.mfa.recovery_codes.internal.auth import RecoveryCodes
    from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret

    secret = generate_totp_secret()
    TOTP.activate(user, secret)
    RecoveryCodes.activate(user)
    return secret


def totp_code(secret: str, steps: int = 0) -> str:
    """The authenticator app's code now, or `steps` periods away (time.time(), as allauth)."""
    import time

    from allauth.mfa.totp.internal.auth import format_hotp_value, hotp_value

    return format_hotp_value(hotp_value(secret, int(time.time()) // 30 + steps))


REAUTHENTICATE_URL = "/akun/reauthenticate/"
ACTIVATE_TOTP_URL = "/akun/2fa/totp/activate/"


def activate_totp(signon: SignOn, password: str = PASSWORD) -> str:
    """Enrols an authenticator app through allauth's pages (reauthenticating first); its secret."""
    from allauth.mfa.totp.internal.auth import SECRET_SESSION_KEY

    response = signon.get(ACTIVATE_TOTP_URL)
    if response.status_code == 302 and response["Location"].startswith(REAUTHENTICATE_URL):
        reauthenticated = signon.post(response["Location"], {"password": password})
        assert reauthenticated.status_code == 302, reauthenticated.content[:3000]
        response = signon.get(ACTIVATE_TOTP_URL)
    assert response.status_code == 200, response
    secret = signon.client.session[SECRET_SESSION_KEY]
    activated = signon.post(ACTIVATE_TOTP_URL, {"code": totp_code(secret)})
    assert activated.status_code == 302, activated.content[:3000]
    assert activated["Location"] == "/akun/2fa/recovery-codes/"
    return str(secret)


RESET_URL = "/lupa-kata-sandi/"
RESET_LINK_RE = re.compile(r"(\S+/lupa-kata-sandi/[0-9a-z]+-[0-9a-z]+-[0-9a-f]+/)")


def reset_link(message: Any) -> str:
    """The reset link in an email, as written (absolute)."""
    match = RESET_LINK_RE.search(message.body)
    assert match, message.body
    return match.group(1)


def site_path(link: str) -> str:
    """The path of a link on the configured site (SITE_URL)."""
    assert link.startswith(settings.SITE_URL.rstrip("/") + "/"), link
    return link[len(settings.SITE_URL.rstrip("/")) :]


def reset_password(signon: SignOn, link: str, new_password: str) -> HttpResponse:
    """Opens the emailed link and sets a new password; the final response."""
    opened = signon.get(site_path(link))
    assert opened.status_code == 302, opened.content[:3000]
    return signon.post(opened["Location"], {"password1": new_password, "password2": new_password})

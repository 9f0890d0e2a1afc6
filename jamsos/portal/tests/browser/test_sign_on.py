"""Signing on in Chromium: the SMS code from the outbox, lockout and Lupa Kata Sandi, ending
another device's session, and a passkey added and then used instead of the password.

Elements are found by their names, types and link targets, never by their text, so a change
of wording or styling does not break these walks; messages are compared with the translated
message itself.
"""

import re
from collections.abc import Callable, Iterator
from typing import Any
from urllib.parse import urlsplit

import pytest
from allauth.mfa.models import Authenticator
from allauth.mfa.webauthn.internal.auth import WebAuthn
from allauth.usersessions.models import UserSession
from django.core import mail
from django.core.cache import cache
from django.urls import reverse
from django.utils import translation
from playwright.sync_api import Browser, BrowserContext, Page, expect

from jamsos.identity.adapter import AccountAdapter
from jamsos.identity.models import AccountLock, User
from jamsos.identity.tests.factories import PASSWORD, MemberUserFactory
from jamsos.identity.tests.signup_helpers import CODE_RE, sms_code
from jamsos.notifications.models import RecordedSms
from jamsos.portal.tests.browser.conftest import DESKTOP

pytestmark = pytest.mark.browser

KPJ = "11001234567"
NEW_PASSWORD = "nasi-uduk-betawi-77"
LOGIN = "/masuk/"
CONFIRM = "/akun/login/code/confirm/"
ACCOUNT = "/akun/saya/"


@pytest.fixture(autouse=True)
def fresh_limits(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Each walk starts with no failure counts, SMS quotas or rate limits (they live in the cache,
    which outlives the database flush between tests), and "PASSED" solves a CAPTCHA."""
    from captcha.conf import settings as captcha_settings

    monkeypatch.setattr(captcha_settings, "CAPTCHA_TEST_MODE", True)
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def member(transactional_db: None) -> User:
    return MemberUserFactory.create(member__kpj=KPJ)


@pytest.fixture
def new_context(browser: Browser, live_server: Any) -> Iterator[Callable[[], BrowserContext]]:
    """Another device: a browser context of its own (cookies, storage), closed after the test."""
    contexts: list[BrowserContext] = []

    def make() -> BrowserContext:
        context = browser.new_context(base_url=live_server.url, locale="id-ID", viewport=DESKTOP)
        context.set_default_timeout(10_000)
        contexts.append(context)
        return context

    yield make
    for context in contexts:
        context.close()


def path_of(page: Page) -> str:
    return urlsplit(page.url).path


def error_message(key: str) -> str:
    """The message the page shows, in the page's language (Indonesian)."""
    with translation.override("id"):
        return str(AccountAdapter.error_messages[key])


def submit_password(page: Page, login: str, password: str) -> None:
    page.goto(LOGIN)
    page.locator("input[name=login]").fill(login)
    page.locator("input[name=password]").fill(password)
    captcha = page.locator("input[name=captcha_1]")
    if captcha.count():  # shown after three failures; the test mode accepts "PASSED"
        captcha.fill("PASSED")
    with page.expect_navigation():
        page.locator("input[name=password]").press("Enter")


def enter_code(page: Page, code: str) -> None:
    page.locator("input[name=code]").fill(code)
    with page.expect_navigation():
        page.locator("input[name=code]").press("Enter")


def sign_in(page: Page, user: User, login: str = KPJ, password: str = PASSWORD) -> None:
    """Password, then the SMS code (read from the recorded SMS), ending on the account page."""
    submit_password(page, login, password)
    assert path_of(page) == CONFIRM
    enter_code(page, sms_code(user.phone))
    assert path_of(page) == ACCOUNT


def sign_out(page: Page) -> None:
    page.goto(ACCOUNT)
    with page.expect_navigation():
        page.locator(f"form[action='{reverse('account_logout')}'] button[type=submit]").first.click()


def test_a_member_signs_in_with_the_code_the_outbox_shows(page: Page, new_context, member, settings):
    settings.DEV_OUTBOX = True

    submit_password(page, KPJ, PASSWORD)

    assert path_of(page) == CONFIRM
    # The phone: another device reads the SMS at /dev/outbox (the demo's stand-in for a phone).
    phone = new_context().new_page()
    phone.goto(reverse("portal:dev_outbox"))
    sms = phone.locator(f".outbox-sms-item[data-to='{member.phone}'] .sms-body").first
    match = CODE_RE.search(sms.inner_text())
    assert match
    enter_code(page, match.group(1))
    assert path_of(page) == ACCOUNT
    expect(page.locator(f"form[action='{reverse('account_logout')}']").first).to_be_attached()


def test_five_wrong_passwords_lock_the_account_and_lupa_kata_sandi_opens_it_again(page: Page, member):
    mismatch = error_message("username_password_mismatch")
    for attempt in range(5):
        submit_password(page, KPJ, f"salah-sekali-{attempt}")
        assert path_of(page) == LOGIN
        expect(page.get_by_text(mismatch)).to_be_visible()
    assert AccountLock.objects.get(user=member).failures == 5
    sms_before = RecordedSms.objects.count()

    # Locked: the right password gets the same answer as a wrong one, and no code is sent.
    submit_password(page, KPJ, PASSWORD)

    assert path_of(page) == LOGIN
    expect(page.get_by_text(mismatch)).to_be_visible()
    assert RecordedSms.objects.count() == sms_before

    # Lupa Kata Sandi by KPJ: the link arrives by email, at the account's verified address.
    page.goto(reverse("account_reset_password"))
    page.locator("input[name=email]").fill(KPJ)
    with page.expect_navigation():
        page.locator("input[name=email]").press("Enter")
    [email] = mail.outbox
    assert email.to == [member.email]
    link = re.search(r"https?://\S+/lupa-kata-sandi/\S+/", str(email.body))
    assert link, email.body
    page.goto(urlsplit(link.group(0)).path)  # the site's address in the email; the live server here
    page.locator("input[name=password1]").fill(NEW_PASSWORD)
    page.locator("input[name=password2]").fill(NEW_PASSWORD)
    with page.expect_navigation() as navigation:
        page.locator("input[name=password2]").press("Enter")
    saved = navigation.value
    # The set-password page must not carry "Referrer-Policy: no-referrer": Chromium would then
    # send "Origin: null" with the form and the CSRF check would refuse it.
    assert saved is not None
    assert saved.status < 400, saved.status

    sign_in(page, member, password=NEW_PASSWORD)

    assert not AccountLock.objects.filter(user=member, failures__gt=0).exists()


def test_ending_another_session_from_the_device_list_signs_that_device_out(page: Page, new_context, member):
    other = new_context().new_page()
    sign_in(other, member)
    sign_in(page, member)
    other_session = UserSession.objects.filter(user=member).order_by("created_at").first()
    assert other_session is not None
    assert UserSession.objects.filter(user=member).count() == 2

    page.goto(reverse("portal:security"))
    end = page.locator(f"form:has(input[name=session][value='{other_session.pk}']) button[type=submit]")
    with page.expect_navigation():
        end.click()

    assert list(UserSession.objects.filter(user=member).values_list("pk", flat=True)) != [other_session.pk]
    assert not UserSession.objects.filter(pk=other_session.pk).exists()
    other.goto(ACCOUNT)
    assert path_of(other) == LOGIN
    page.goto(ACCOUNT)
    assert path_of(page) == ACCOUNT  # this device is still signed in


def test_a_passkey_added_after_signing_in_then_signs_in_alone(page: Page, member):
    # Chromium's virtual authenticator: a platform authenticator (like a phone's fingerprint
    # reader) that keeps resident keys and verifies the user.
    cdp = page.context.new_cdp_session(page)
    cdp.send("WebAuthn.enable")
    added = cdp.send(
        "WebAuthn.addVirtualAuthenticator",
        {
            "options": {
                "protocol": "ctap2",
                "transport": "internal",
                "hasResidentKey": True,
                "hasUserVerification": True,
                "isUserVerified": True,
            }
        },
    )
    sign_in(page, member)

    page.goto(reverse("mfa_add_webauthn"))
    if path_of(page) == reverse("account_reauthenticate"):  # asked again for the password
        page.locator("input[name=password]").fill(PASSWORD)
        with page.expect_navigation():
            page.locator("input[name=password]").press("Enter")
    assert path_of(page) == reverse("mfa_add_webauthn")
    page.locator("input[name=name]").fill("Laptop")
    page.locator("input[name=passwordless]").check()
    with page.expect_navigation():
        page.locator("#mfa_webauthn_add").click()

    passkey = Authenticator.objects.get(user=member, type=Authenticator.Type.WEBAUTHN)
    assert WebAuthn(passkey).is_passwordless is True
    stored = cdp.send("WebAuthn.getCredentials", {"authenticatorId": added["authenticatorId"]})
    assert [credential["isResidentCredential"] for credential in stored["credentials"]] == [True]

    sign_out(page)
    assert path_of(page) != ACCOUNT
    page.goto(ACCOUNT)
    assert path_of(page) == LOGIN
    sms_before = RecordedSms.objects.count()

    page.goto(LOGIN)
    with page.expect_navigation(url=re.compile(re.escape(ACCOUNT) + "$")):
        page.locator("button[form=mfa_login]").click()

    assert path_of(page) == ACCOUNT
    assert RecordedSms.objects.count() == sms_before  # no password and no SMS code

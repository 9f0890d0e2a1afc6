"""The sign-on pages: Masuk, the code pages, Lupa Kata Sandi, Lupa nomor KPJ, Keamanan Akun and
Aktivitas Akun, in both languages, and what each may show to whom."""

import re
from typing import Any

import pytest
from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret
from allauth.usersessions.models import UserSession
from django.conf import settings
from django.test import Client

from jamsos.identity import lockout, unlocking
from jamsos.identity.models import EventKind, SecurityEvent, User
from jamsos.identity.tests.factories import PASSWORD, MemberUserFactory, OfficerFactory
from jamsos.notifications.models import RecordedSms

pytestmark = pytest.mark.django_db

KPJ = "11001234567"
PHONE = "+6281234567890"
LOGIN_URL = "/masuk/"
CONFIRM_URL = "/akun/login/code/confirm/"
MFA_URL = "/akun/2fa/authenticate/"
ACCOUNT_URL = "/akun/saya/"
SECURITY_URL = "/akun/keamanan/"
ACTIVITY_URL = "/akun/aktivitas/"
END_SESSION_URL = "/akun/keamanan/akhiri-sesi/"
CHROME_ANDROID = (
    "Mozilla/5.0 (Linux; Android 14; SM-A546E) AppleWebKit/537.36 (KHTML, like Gecko) "
    "Chrome/131.0.0.0 Mobile Safari/537.36"
)
FIREFOX_WINDOWS = "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0"


@pytest.fixture
def member() -> User:
    return MemberUserFactory.create(member__kpj=KPJ, phone=PHONE)


def english(client: Client) -> Client:
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    return client


def html_of(response: Any) -> str:
    return str(response.content.decode())


def last_code() -> str:
    sms = RecordedSms.objects.order_by("-id").first()
    assert sms is not None
    match = re.search(r"\b(\d{6})\b", sms.body)
    assert match, sms.body
    return match.group(1)


def sign_in(client: Client, capture: Any, login: str = KPJ, **extra: Any) -> Any:
    """Masuk as a browser does: password on /masuk/, then the code the SMS carried."""
    with capture(execute=True):
        response = client.post(LOGIN_URL, {"login": login, "password": PASSWORD}, **extra)
    assert response.status_code == 302
    assert response["Location"] == CONFIRM_URL
    with capture(execute=True):
        return client.post(CONFIRM_URL, {"code": last_code()}, **extra)


# Every page renders in Bahasa Indonesia by default and in English with the language cookie.

PUBLIC_PAGES = [
    ("/masuk/", "<h1>Masuk</h1>", "<h1>Sign in</h1>"),
    ("/lupa-kata-sandi/", "<h1>Lupa kata sandi?</h1>", "<h1>Forgot your password?</h1>"),
    ("/lupa-nomor-kpj/", "<h1>Lupa nomor KPJ?</h1>", "<h1>Forgot your KPJ number?</h1>"),
    ("/lupa-nomor-kpj/terkirim/", "<h1>Periksa email Anda</h1>", "<h1>Check your email</h1>"),
]
SIGNED_IN_PAGES = [
    (ACCOUNT_URL, "<h1>Akun Saya</h1>", "<h1>My account</h1>"),
    (SECURITY_URL, "<h1>Keamanan Akun</h1>", "<h1>Account security</h1>"),
    (ACTIVITY_URL, "<h1>Aktivitas Akun</h1>", "<h1>Account activity</h1>"),
]


@pytest.mark.parametrize(("url", "indonesian", "english_h1"), PUBLIC_PAGES)
def test_public_sign_on_pages_render_in_indonesian_by_default_and_in_english_by_cookie(
    client, url, indonesian, english_h1
):
    default = client.get(url)
    switched = english(Client()).get(url)

    assert default.status_code == 200
    assert '<html lang="id">' in html_of(default)
    assert indonesian in html_of(default)
    assert english_h1 not in html_of(default)
    assert switched.status_code == 200
    assert '<html lang="en">' in html_of(switched)
    assert english_h1 in html_of(switched)
    assert indonesian not in html_of(switched)


@pytest.mark.parametrize(("url", "indonesian", "english_h1"), SIGNED_IN_PAGES)
def test_signed_in_pages_render_in_indonesian_by_default_and_in_english_by_cookie(
    client, member, url, indonesian, english_h1
):
    client.force_login(member)
    default = html_of(client.get(url))
    english(client)
    switched = html_of(client.get(url))

    assert indonesian in default
    assert english_h1 not in default
    assert english_h1 in switched
    assert indonesian not in switched


def test_the_code_page_renders_in_both_languages(client, member, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        client.post(LOGIN_URL, {"login": KPJ, "password": PASSWORD})

    default = html_of(client.get(CONFIRM_URL))
    switched = html_of(english(client).get(CONFIRM_URL))

    assert "<h1>Masukkan kode yang kami kirim</h1>" in default
    assert "<h1>Enter the code we sent you</h1>" in switched


# Masuk


def test_masuk_has_the_identifier_and_password_fields_and_nothing_that_blocks_password_managers(client):
    html = html_of(client.get(LOGIN_URL))

    assert re.search(r'<input type="text" name="login" autocomplete="username"[^>]*id="id_login"', html)
    assert re.search(
        r'<input type="password" name="password"[^>]*autocomplete="current-password"[^>]*id="id_password"',
        html,
    )
    assert '<label for="id_login">' in html
    assert '<label for="id_password">' in html
    assert 'autocomplete="off"' not in html
    assert "onpaste" not in html.lower()
    assert "captcha" not in html  # only after repeated failures


def test_every_password_input_on_the_password_pages_is_type_password(
    client, member, django_capture_on_commit_callbacks
):
    pages = [html_of(Client().get(LOGIN_URL))]
    sign_in(client, django_capture_on_commit_callbacks)
    pages.append(html_of(client.get("/akun/reauthenticate/")))
    # Changing the password asks for the password again first (allauth's reauthentication).
    assert client.post("/akun/reauthenticate/", {"password": PASSWORD}).status_code == 302
    pages.append(html_of(client.get("/akun/password/change/")))

    names = set()
    for html in pages:
        for tag in re.findall(r"<input[^>]*>", html):
            if re.search(r'name="\w*password\w*"', tag):
                assert 'type="password"' in tag, tag
                names.add(re.search(r'name="(\w+)"', tag).group(1))  # type: ignore[union-attr]
        assert 'autocomplete="off"' not in html
        assert "onpaste" not in html.lower()
    assert names == {"password", "oldpassword", "password1", "password2"}


def test_masuk_offers_the_show_password_toggle_as_a_self_hosted_script(client):
    html = html_of(client.get(LOGIN_URL))

    assert (
        '<button type="button" class="button button-secondary show-password" '
        'aria-controls="id_password" aria-pressed="false" hidden>Tampilkan kata sandi</button>'
    ) in html
    assert '<script src="/static/portal/sign-on.js" defer></script>' in html


def test_masuk_has_no_inline_script_only_files_and_json_data(client):
    html = html_of(client.get(LOGIN_URL))

    for tag in re.findall(r"<script[^>]*>", html):
        assert "src=" in tag or 'type="application/json"' in tag, tag
    assert "onclick" not in html.lower()


def test_masuk_links_to_the_recovery_pages_registration_and_warns_to_check_the_address(client):
    html = html_of(english(client).get(LOGIN_URL))

    assert '<a href="/lupa-kata-sandi/">Forgot your password?</a>' in html
    assert '<a href="/lupa-nomor-kpj/">Forgot your KPJ number?</a>' in html
    assert '<a href="/daftar/">Register (Daftar)</a>' in html
    assert (
        "Before you type your password, check that the address bar shows "
        '<strong class="host">127.0.0.1:8000</strong>.'
    ) in html


def test_masuk_offers_passkey_sign_in_with_allauths_static_script(client):
    html = html_of(english(client).get(LOGIN_URL))

    assert 'id="passkey_login"' in html
    assert 'form="mfa_login"' in html
    assert '<form id="mfa_login" action="/akun/2fa/webauthn/login/" method="post">' in html
    assert '<script src="/static/mfa/js/webauthn.js"></script>' in html
    assert '<script data-allauth-onload="allauth.webauthn.forms.loginForm" type="application/json">' in html


def test_masuk_shows_the_captcha_with_a_reload_link_after_three_failures_from_the_address(client):
    for _ in range(lockout.CAPTCHA_AFTER):
        client.post(LOGIN_URL, {"login": "99999999999", "password": "wrong password"})

    html = html_of(english(client).get(LOGIN_URL))

    assert re.search(r'<img src="/captcha/image/\w+/"', html)
    assert re.search(r'<input type="text" name="captcha_1"[^>]*id="id_captcha_1"', html)
    assert '<label for="id_captcha_1">Type the characters in the picture</label>' in html
    assert '<a href="/masuk/">Show another picture (reloads the page)</a>' in html
    # The password field itself stays open to password managers.
    password = re.search(r'<input type="password" name="password"[^>]*>', html)
    assert password is not None
    assert 'autocomplete="off"' not in password.group(0)


def test_a_wrong_password_is_announced_at_the_top_of_the_form(client, member):
    response = english(client).post(LOGIN_URL, {"login": KPJ, "password": "not the password"})

    html = html_of(response)
    assert response.status_code == 200
    assert (
        '<div class="form-errors" role="alert"><p>The membership number, NIK or email and the password '
        "do not match." in html
    )


def test_a_missing_identifier_is_tied_to_its_field(client):
    html = html_of(english(client).post(LOGIN_URL, {"login": "", "password": "x"}))

    assert '<p class="error" id="id_login_error">This field is required.</p>' in html
    assert re.search(
        r'<input[^>]*aria-invalid="true"[^>]*aria-describedby="id_login_helptext id_login_error"', html
    )


# The SMS code and the second-factor pages


def test_the_code_page_says_where_the_code_went_with_the_number_masked(
    client, member, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        client.post(LOGIN_URL, {"login": KPJ, "password": PASSWORD})

    html = html_of(english(client).get(CONFIRM_URL))

    assert 'We sent a 6-digit code by SMS to <strong class="nowrap">+62 8** **** 7890</strong>.' in html
    assert "81234567890" not in html  # neither in the page nor in the "code sent" message
    assert re.search(
        r'<input type="text" name="code" id="id_code" required inputmode="numeric" '
        r'autocomplete="one-time-code"',
        html,
    )
    assert '<input type="hidden" name="action" value="resend">' in html
    assert "Resend the code</button>" in html


def test_resend_sends_a_new_sms_and_returns_to_the_code_page(
    client, member, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        client.post(LOGIN_URL, {"login": KPJ, "password": PASSWORD})
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(CONFIRM_URL, {"action": "resend"})

    assert response.status_code == 302
    assert response["Location"] == CONFIRM_URL
    assert RecordedSms.objects.filter(to=PHONE).count() == 2


def test_a_full_sign_in_lands_on_my_account_which_links_the_security_pages(
    client, member, django_capture_on_commit_callbacks
):
    response = sign_in(english(client), django_capture_on_commit_callbacks)

    assert response.status_code == 302
    assert response["Location"] == ACCOUNT_URL
    html = html_of(client.get(ACCOUNT_URL))
    assert '<a href="/akun/keamanan/">Account security</a>' in html
    assert '<a href="/akun/aktivitas/">Account activity</a>' in html


def test_the_authenticator_page_offers_an_app_code_a_recovery_code_and_a_passkey(
    client, member, django_capture_on_commit_callbacks
):
    TOTP.activate(member, generate_totp_secret())
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(LOGIN_URL, {"login": KPJ, "password": PASSWORD})
    assert response["Location"] == MFA_URL

    default = html_of(client.get(MFA_URL))
    html = html_of(english(client).get(MFA_URL))

    assert "<h1>Pastikan ini Anda</h1>" in default
    assert '<label for="id_code">Code from your authenticator app, or a recovery code</label>' in html
    assert re.search(
        r'name="code" id="id_code" required inputmode="numeric" autocomplete="one-time-code"', html
    )
    assert 'id="mfa_webauthn_authenticate">Use a passkey</button>' in html
    assert '<script src="/static/mfa/js/webauthn.js"></script>' in html
    assert RecordedSms.objects.count() == 0  # no SMS for a member with an authenticator app


# Header


def test_the_header_shows_masuk_to_visitors_and_the_account_and_sign_out_to_members(client, member):
    anonymous = html_of(client.get("/"))
    client.force_login(member)
    signed_in = html_of(client.get("/"))

    assert '<a href="/masuk/">Masuk</a>' in anonymous
    assert "/keluar/" not in anonymous
    assert '<a href="/akun/saya/">Akun Saya</a>' in signed_in
    assert re.search(
        r'<form method="post" action="/keluar/">.*?<button type="submit">Keluar</button></form>', signed_in
    )


# Keamanan Akun and Aktivitas Akun


@pytest.mark.parametrize("url", [SECURITY_URL, ACTIVITY_URL])
def test_security_pages_need_a_signed_in_user(client, url):
    response = client.get(url)

    assert response.status_code == 302
    assert response["Location"] == f"{LOGIN_URL}?next={url}"


def test_security_page_lists_the_methods_and_recommends_a_passkey_or_app_over_sms(client, member):
    client.force_login(member)

    html = html_of(english(client).get(SECURITY_URL))

    assert 'To your verified number <strong class="nowrap">+62 8** **** 7890</strong>.' in html
    assert "Recommended: add a passkey or an authenticator app" in html
    assert "NIST SP 800-63B" in html
    assert '<a class="button" href="/akun/2fa/webauthn/add/">Add a passkey</a>' in html
    assert 'href="/akun/2fa/totp/activate/"' in html
    assert '<a href="/akun/password/change/">Change password</a>' in html
    assert response_has_no_cache(english(client).get(SECURITY_URL))


def response_has_no_cache(response: Any) -> bool:
    return "no-store" in response.get("Cache-Control", "")


def test_security_page_drops_the_recommendation_once_an_authenticator_app_is_active(client, member):
    TOTP.activate(member, generate_totp_secret())
    client.force_login(member)

    html = html_of(english(client).get(SECURITY_URL))

    assert "Recommended: add a passkey or an authenticator app" not in html
    assert "Not used while you have a passkey or an authenticator app." in html
    assert '<a href="/akun/2fa/totp/deactivate/">Turn off the authenticator app</a>' in html


def test_security_page_lists_signed_in_devices_and_marks_this_one(member, django_capture_on_commit_callbacks):
    phone = english(Client(HTTP_USER_AGENT=CHROME_ANDROID))
    laptop = english(Client(HTTP_USER_AGENT=FIREFOX_WINDOWS, REMOTE_ADDR="10.1.2.3"))
    sign_in(phone, django_capture_on_commit_callbacks)
    sign_in(laptop, django_capture_on_commit_callbacks)

    html = html_of(phone.get(SECURITY_URL))

    assert '<p><strong>Chrome on Android</strong> <span class="badge">this device</span></p>' in html
    assert "<p><strong>Firefox on Windows</strong></p>" in html
    assert "Address 10.1.2.3 · last active" in html
    assert "Sign out all other devices" in html


def test_ending_another_session_signs_that_device_out_and_is_recorded(
    member, django_capture_on_commit_callbacks
):
    phone = Client(HTTP_USER_AGENT=CHROME_ANDROID)
    laptop = Client(HTTP_USER_AGENT=FIREFOX_WINDOWS)
    sign_in(phone, django_capture_on_commit_callbacks)
    sign_in(laptop, django_capture_on_commit_callbacks)
    laptop_session = UserSession.objects.get(user=member, user_agent=FIREFOX_WINDOWS)

    response = phone.post(END_SESSION_URL, {"session": str(laptop_session.pk)})

    assert response.status_code == 302
    assert response["Location"] == SECURITY_URL
    assert laptop.get(ACCOUNT_URL).status_code == 302  # signed out
    assert phone.get(ACCOUNT_URL).status_code == 200  # still signed in
    assert not UserSession.objects.filter(pk=laptop_session.pk).exists()
    assert SecurityEvent.objects.filter(user=member, kind=EventKind.SESSION_ENDED).count() == 1


def test_a_member_cannot_end_someone_elses_session(member, django_capture_on_commit_callbacks):
    other = MemberUserFactory.create()
    stranger = Client()
    stranger.force_login(other)
    stranger.get(ACCOUNT_URL)  # creates the stranger's UserSession
    their_session = UserSession.objects.get(user=other)
    mine = Client()
    sign_in(mine, django_capture_on_commit_callbacks)

    response = english(mine).post(END_SESSION_URL, {"session": str(their_session.pk)})

    assert response.status_code == 302
    assert UserSession.objects.filter(pk=their_session.pk).exists()
    assert stranger.get(ACCOUNT_URL).status_code == 200
    assert not SecurityEvent.objects.filter(kind=EventKind.SESSION_ENDED).exists()
    assert "That session had already ended." in html_of(mine.get(SECURITY_URL))


def test_ending_sessions_needs_post(client, member):
    client.force_login(member)

    assert client.get(END_SESSION_URL).status_code == 405


def test_activity_shows_only_the_signed_in_users_events_newest_first(client, member):
    other = MemberUserFactory.create()
    SecurityEvent.objects.create(user=member, kind=EventKind.LOGIN_FAILED, user_agent=CHROME_ANDROID)
    SecurityEvent.objects.create(user=member, kind=EventKind.PASSWORD_CHANGED, user_agent=FIREFOX_WINDOWS)
    SecurityEvent.objects.create(user=other, kind=EventKind.RECOVERY_CODE_USED, ip_address="10.9.9.9")
    client.force_login(member)

    html = html_of(english(client).get(ACTIVITY_URL))

    assert html.index("Password changed") < html.index("Failed sign-in attempt")
    assert "Firefox on Windows" in html
    assert "Chrome on Android" in html
    assert "Recovery code used" not in html
    assert "10.9.9.9" not in html


def test_activity_is_paginated_twenty_to_a_page(client, member):
    for _ in range(24):
        SecurityEvent.objects.create(user=member, kind=EventKind.LOGIN)
    client.force_login(member)  # records the 25th

    first = html_of(english(client).get(ACTIVITY_URL))
    second = html_of(client.get(ACTIVITY_URL + "?page=2"))

    assert first.count("<strong>Signed in</strong>") == 20
    assert second.count("<strong>Signed in</strong>") == 5
    assert "Page 1 of 2" in first
    assert '<a href="?page=2">Older</a>' in first


def test_activity_shows_how_the_officer_verified_an_unlock_but_not_the_officers_note(client, member):
    officer = OfficerFactory.create()
    unlocking.unlock_account(
        member, officer=officer, method=unlocking.UnlockMethod.KTP_AT_BRANCH, note="Cabang Depok, loket 3"
    )
    client.force_login(member)

    html = html_of(english(client).get(ACTIVITY_URL))

    assert "<strong>Account unlocked by an officer</strong>" in html
    assert "By an officer, who verified you by: KTP seen at a branch office" in html
    assert "Cabang Depok" not in html

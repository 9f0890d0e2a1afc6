"""Daftar in Chromium: an existing participant activates online access, and a self-employed
worker registers, is approved by the automatic rule and sets a password from the emailed link;
both then sign in at /masuk/ with the password and the SMS code.

The codes are read where a person would read them: the SMS from RecordedSms (the SMS gateway
of the test profile), the emails from Django's locmem outbox (the live server runs in a thread
of this process, so it fills the same `mail.outbox`). The live server commits for real, so
the messages sent on commit have gone out by the time the next page has loaded.

Elements are found by their names, types and link targets, never by their text, so a change
of wording or translation does not break these walks.
"""

import re
from collections.abc import Iterator
from datetime import date
from urllib.parse import urlsplit

import pytest
from django.core import mail
from django.core.cache import cache
from django.urls import reverse
from playwright.sync_api import Page, expect

from jamsos.identity.models import User, UserKind
from jamsos.identity.tests.signup_helpers import CODE_RE, sms_code
from jamsos.members.models import ApplicationStatus, BpuApplication, Member, Segment, Sex
from jamsos.members.tests.factories import MemberFactory
from jamsos.rules.identifiers import nik_digits_for

pytestmark = pytest.mark.browser

LOGIN = "/masuk/"
CONFIRM = "/akun/login/code/confirm/"
ACCOUNT = "/akun/saya/"

# The participant who activates online access.
KPJ = "11009876543"
BIRTH = date(1979, 12, 1)
MAIDEN = "Ratna Handayani"
PHONE = "+6281311112222"
EMAIL = "agus@contoh.id"
PASSWORD = "sambal-matah-pedas-sekali"

# The self-employed worker who registers.
BPU_BIRTH = date(1988, 8, 21)
BPU_NIK = nik_digits_for(district_code="337401", birth_date=BPU_BIRTH, sex="F", serial=12)
BPU_PHONE = "+6285712340000"
BPU_EMAIL = "sri@contoh.id"
BPU_PASSWORD = "rendang-padang-enak-sekali"


@pytest.fixture(autouse=True)
def fresh_limits() -> Iterator[None]:
    """Rate limits and SMS quotas live in the cache, which outlives the database flush."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def participant(transactional_db: None) -> Member:
    """A participant with a phone on record and a mother's maiden name, but no online account."""
    member = MemberFactory.create(
        kpj=KPJ,
        full_name="Agus Salim",
        nik=nik_digits_for(district_code="350701", birth_date=BIRTH, sex="M", serial=9),
        birth_date=BIRTH,
        sex=Sex.MALE,
        phone=PHONE,
    )
    member.set_mother_maiden_name(MAIDEN)
    member.save()
    assert member.user is None
    return member


def path_of(page: Page) -> str:
    return urlsplit(page.url).path


def submit(page: Page, field: str) -> None:
    """Clicks the submit button of the form holding `field` and waits for the next page.

    `:not([form])` leaves out buttons that sit in the form but submit another one (Cancel on
    the code page submits the sign-out form).
    """
    with page.expect_navigation():
        page.locator(f"main form:has([name={field}]) button[type=submit]:not([form])").click()


def follow(page: Page, href: str) -> None:
    with page.expect_navigation():
        page.locator(f"main a[href='{href}']").click()


def latest_email_to(address: str) -> str:
    sent = [message for message in mail.outbox if message.to == [address]]
    assert sent, f"no email to {address}"
    return str(sent[-1].body)


def email_code(address: str) -> str:
    body = latest_email_to(address)
    match = CODE_RE.search(body)
    assert match, body
    return match.group(1)


def enter_code(page: Page, code: str) -> None:
    page.locator("input[name=code]").fill(code)
    submit(page, "code")


def choose_password(page: Page, password: str) -> None:
    page.locator("input[name=password1]").fill(password)
    page.locator("input[name=password2]").fill(password)
    submit(page, "password1")


def sign_in(page: Page, login: str, password: str, phone: str) -> None:
    """From the "online access is active" page: its sign-in link, the password, the SMS code."""
    follow(page, reverse("account_login"))
    assert path_of(page) == LOGIN
    page.locator("input[name=login]").fill(login)
    page.locator("input[name=password]").fill(password)
    submit(page, "password")
    assert path_of(page) == CONFIRM
    enter_code(page, sms_code(phone))
    assert path_of(page) == ACCOUNT
    expect(page.locator(f"form[action='{reverse('account_logout')}']").first).to_be_attached()


def test_a_participant_activates_online_access_and_signs_in(page: Page, participant: Member):
    page.goto(reverse("portal:signup"))
    follow(page, reverse("portal:activation_details"))

    page.locator("input[name=kpj]").fill("1100 9876 543")
    page.locator("input[name=nik]").fill(participant.nik)
    page.locator("input[name=birth_date]").fill(BIRTH.isoformat())
    page.locator("input[name=mother_maiden_name]").fill(MAIDEN.lower())
    submit(page, "kpj")
    assert path_of(page) == reverse("portal:activation_code")

    enter_code(page, sms_code(PHONE))
    assert path_of(page) == reverse("portal:activation_email")

    page.locator("input[name=email]").fill(EMAIL)
    submit(page, "email")
    assert path_of(page) == reverse("portal:activation_email_code")

    enter_code(page, email_code(EMAIL))
    assert path_of(page) == reverse("portal:activation_password")

    choose_password(page, PASSWORD)
    assert path_of(page) == reverse("portal:activation_done")
    user = User.objects.get(nik=participant.nik)
    assert (user.kind, user.phone, user.phone_verified, user.email) == (UserKind.MEMBER, PHONE, True, EMAIL)
    participant.refresh_from_db()
    assert participant.user == user
    page.goto(ACCOUNT)
    assert path_of(page) == LOGIN  # activation does not sign anyone in
    page.goto(reverse("portal:activation_done"))  # back to the page, its sign-in link

    sign_in(page, KPJ, PASSWORD, PHONE)


def test_a_self_employed_worker_registers_sets_a_password_and_signs_in(page: Page, transactional_db: None):
    page.goto(reverse("portal:signup"))
    follow(page, reverse("portal:bpu_details"))

    page.locator("input[name=nik]").fill(BPU_NIK)
    page.locator("input[name=kk_number]").fill("3374 0121 0888 0001")
    page.locator("input[name=full_name]").fill("Sri Wahyuni")
    page.locator("input[name=birth_date]").fill(BPU_BIRTH.isoformat())
    page.locator(f"input[name=sex][value={Sex.FEMALE}]").check()
    page.locator("textarea[name=address]").fill("Jl. Pandanaran No. 5, Semarang")
    page.locator("input[name=phone]").fill("0857 1234 0000")
    page.locator("input[name=email]").fill(BPU_EMAIL)
    page.locator("input[name=occupation]").fill("Pedagang pasar")
    page.locator("input[name=declared_income]").fill("Rp 3.000.000")
    page.locator("input[name=includes_jht]").check()
    submit(page, "nik")
    assert path_of(page) == reverse("portal:bpu_phone")

    enter_code(page, sms_code(BPU_PHONE))
    assert path_of(page) == reverse("portal:bpu_email")

    enter_code(page, email_code(BPU_EMAIL))
    assert path_of(page) == reverse("portal:bpu_review")

    submit(page, "csrfmiddlewaretoken")
    assert path_of(page) == reverse("portal:bpu_submitted")
    application = BpuApplication.objects.get()
    assert (application.status, application.review_reasons, application.decided_by) == (
        ApplicationStatus.APPROVED,
        [],
        None,
    )
    member = application.member
    assert member is not None
    assert re.fullmatch(r"[1-9]\d{10}", member.kpj)
    assert (member.nik, member.segment, member.phone) == (BPU_NIK, Segment.SELF_EMPLOYED, BPU_PHONE)
    assert member.user is not None
    assert not member.user.has_usable_password()  # set through the emailed link only

    approved = latest_email_to(BPU_EMAIL)
    assert member.kpj in approved
    link = re.search(r"https?://[^/\s]+(/daftar/bpu/aktifkan/\S+/)", approved)
    assert link, approved
    # The email carries the site's official address; the path is opened on the live server.
    page.goto(link.group(1))
    assert path_of(page) == reverse("portal:bpu_set_password")  # the token left the address bar

    choose_password(page, BPU_PASSWORD)
    assert path_of(page) == reverse("portal:bpu_activated")
    member.user.refresh_from_db()
    assert member.user.has_usable_password()

    sign_in(page, member.kpj, BPU_PASSWORD, BPU_PHONE)

"""Security events and notices (issue item 9, security.md REC-06): a new device, a password
change and a contact change are recorded and announced on every address, old and new."""

import re

import pytest
from allauth.account.models import EmailAddress
from django.core import mail

from jamsos.identity.models import EventKind, KnownDevice, SecurityEvent, User
from jamsos.identity.sessions import DEVICE_COOKIE
from jamsos.identity.tests.conftest import REAUTHENTICATE_URL
from jamsos.identity.tests.factories import PASSWORD
from jamsos.notifications.models import RecordedSms

pytestmark = pytest.mark.django_db

KPJ = "11001234567"
NOT_YOU = "If it was not you, reset your password now at"


class Sent:
    """Messages sent from now on: (kind, recipient, text)."""

    def __init__(self) -> None:
        mail.outbox.clear()
        self.sms_from = (RecordedSms.objects.order_by("-id").values_list("id", flat=True).first() or 0) + 1

    def emails(self) -> list[tuple[str, str]]:
        return [(m.to[0], str(m.body)) for m in mail.outbox]

    def sms(self) -> list[tuple[str, str]]:
        return list(
            RecordedSms.objects.filter(id__gte=self.sms_from).order_by("id").values_list("to", "body")
        )


def kinds(user: User) -> list[str]:
    return list(SecurityEvent.objects.filter(user=user).order_by("id").values_list("kind", flat=True))


def test_the_first_login_is_recorded_without_a_notice(signon, member):
    signon.password(KPJ)
    sent = Sent()

    signon.code(_code())

    assert kinds(member) == [EventKind.LOGIN]
    assert sent.emails() == []
    assert sent.sms() == []
    assert KnownDevice.objects.filter(user=member).count() == 1
    assert signon.client.cookies[DEVICE_COOKIE].value


def test_a_login_from_a_new_device_records_it_and_sends_a_notice_by_email_and_sms(
    signon, make_signon, member
):
    signon.login(KPJ, HTTP_USER_AGENT="Chrome di laptop kantor")
    phone = make_signon()
    phone.password(KPJ, HTTP_USER_AGENT="Firefox di ponsel")
    sent = Sent()

    phone.code(_code(), HTTP_USER_AGENT="Firefox di ponsel")

    assert kinds(member) == [EventKind.LOGIN, EventKind.NEW_DEVICE]
    event = SecurityEvent.objects.get(user=member, kind=EventKind.NEW_DEVICE)
    assert event.user_agent == "Firefox di ponsel"
    [(to, body)] = sent.emails()
    assert to == member.email
    assert "Signed in from a new device" in body
    assert "Device: Firefox di ponsel" in body
    assert NOT_YOU in body
    [(to, text)] = sent.sms()
    assert to == member.phone
    assert "Signed in from a new device" in text
    assert KnownDevice.objects.filter(user=member).count() == 2


def test_the_same_device_again_sends_no_notice(signon, make_signon, member):
    make_signon().login(KPJ)  # the first device ever
    signon.login(KPJ)  # a new one: noticed
    signon.post("/keluar/")
    signon.password(KPJ)
    sent = Sent()

    signon.code(_code())

    assert kinds(member)[-2:] == [EventKind.LOGOUT, EventKind.LOGIN]
    assert sent.emails() == []
    assert sent.sms() == []


def test_a_forged_device_cookie_counts_as_a_new_device(signon, make_signon, member):
    make_signon().login(KPJ)
    signon.client.cookies[DEVICE_COOKIE] = "tebakan-acak"
    signon.password(KPJ)
    sent = Sent()

    signon.code(_code())

    assert kinds(member)[-1] == EventKind.NEW_DEVICE
    assert len(sent.emails()) == 1


def test_an_email_change_notifies_the_old_and_the_new_address(signon, member):
    old = member.email
    signon.login(KPJ)
    assert signon.post(REAUTHENTICATE_URL, {"password": PASSWORD}).status_code == 302
    mail.outbox.clear()
    response = signon.post("/akun/email/", {"action_add": "", "email": "alamat.baru@contoh.id"})
    assert response["Location"] == "/akun/confirm-email/"
    [verification] = mail.outbox
    assert verification.to == ["alamat.baru@contoh.id"]
    match = re.search(r"^([A-Z0-9]{4}-[A-Z0-9]{4})$", str(verification.body), re.M)
    assert match, verification.body
    code = match.group(1)
    sent = Sent()

    response = signon.post("/akun/confirm-email/", {"code": code})

    assert response.status_code == 302
    assert list(EmailAddress.objects.filter(user=member).values_list("email", "primary", "verified")) == [
        ("alamat.baru@contoh.id", True, True)
    ]
    recipients = sorted(to for to, _body in sent.emails())
    assert recipients == sorted([old, "alamat.baru@contoh.id"])
    assert all("Email address changed" in body and NOT_YOU in body for _to, body in sent.emails())
    assert [to for to, _text in sent.sms()] == [member.phone]
    assert kinds(member).count(EventKind.EMAIL_CHANGED) == 1


def test_adding_an_email_needs_a_recent_reauthentication(signon, member):
    signon.login(KPJ)
    mail.outbox.clear()

    response = signon.post("/akun/email/", {"action_add": "", "email": "alamat.baru@contoh.id"})

    assert response.status_code == 302
    assert response["Location"].startswith(REAUTHENTICATE_URL)
    assert mail.outbox == []
    assert EmailAddress.objects.filter(user=member).count() == 1


def test_a_notice_goes_to_every_verified_address_and_not_to_unverified_ones(
    member, django_capture_on_commit_callbacks
):
    from jamsos.identity import notices

    EmailAddress.objects.create(user=member, email="kedua@contoh.id", verified=True)
    EmailAddress.objects.create(user=member, email="belum@contoh.id", verified=False)
    sent = Sent()

    with django_capture_on_commit_callbacks(execute=True):
        notices.notify(member, EventKind.PASSWORD_CHANGED)

    assert sorted(to for to, _ in sent.emails()) == sorted([member.email, "kedua@contoh.id"])
    assert [to for to, _ in sent.sms()] == [member.phone]


def test_lockout_and_unlock_are_recorded(signon, member, captcha_test_mode):
    from jamsos.identity import lockout
    from jamsos.identity.tests.factories import OfficerFactory

    for _ in range(5):
        signon.password(KPJ, "salah-terus-menerus", data={"captcha_0": "x", "captcha_1": "PASSED"})
    lockout.unlock(member, officer=OfficerFactory.create(), verified_by="video call")

    assert kinds(member) == [EventKind.LOGIN_FAILED] * 5 + [EventKind.LOCKED, EventKind.UNLOCKED]


def _code() -> str:
    from jamsos.identity.tests.conftest import last_code

    return last_code()

"""Daftar in the browser's terms: the choice page, BPU registration and activation walked page by
page through to the first sign-in at /masuk/ with an SMS code."""

import re
from datetime import timedelta
from html.parser import HTMLParser
from typing import Any

import pytest
import time_machine
from django.core import mail
from django.test import Client

from jamsos.core import clock
from jamsos.identity.models import User
from jamsos.identity.tests.signup_helpers import (
    bpu_activation_path,
    email_code,
    english,
    other_code,
    sender,
    sms_code,
)
from jamsos.members.models import ApplicationStatus, BpuApplication, Member, Segment, Sex
from jamsos.members.tests.factories import MemberFactory
from jamsos.notifications.models import RecordedSms
from jamsos.rules.identifiers import nik_digits_for

pytestmark = pytest.mark.django_db

BPU = "/daftar/bpu/"
BPU_PHONE = "/daftar/bpu/kode-telepon/"
BPU_EMAIL = "/daftar/bpu/kode-email/"
BPU_REVIEW = "/daftar/bpu/periksa/"
BPU_SUBMITTED = "/daftar/bpu/terkirim/"
BPU_EXISTING = "/daftar/bpu/sudah-terdaftar/"
BPU_SET_PASSWORD = "/daftar/bpu/kata-sandi/"
BPU_DONE = "/daftar/bpu/selesai/"
LOGIN = "/masuk/"
CONFIRM = "/akun/login/code/confirm/"
ACCOUNT = "/akun/saya/"
PHONE = "+6285712340000"
PASSWORD = "rendang-padang-enak-sekali"
NIK = "3374016108880012"  # a woman born 21 August 1988


@pytest.fixture
def client() -> Client:
    return english(Client())


@pytest.fixture
def send(django_capture_on_commit_callbacks: Any) -> Any:
    return sender(django_capture_on_commit_callbacks)


def bpu_details(**changes: Any) -> dict[str, Any]:
    return {
        "nik": "3374 0161 0888 0012",
        "kk_number": "3374-0121-0888-0001",
        "full_name": "Sri Wahyuni",
        "birth_date": "1988-08-21",
        "sex": "F",
        "address": "Jl. Pandanaran No. 5, Semarang",
        "phone": "0857 1234 0000",
        "email": "sri@contoh.id",
        "occupation": "Pedagang pasar",
        "declared_income": "Rp 3.000.000",
        "includes_jht": "on",
        **changes,
    }


def register(client: Client, send: Any, **changes: Any) -> Any:
    """The BPU pages up to the submission; returns the submission's response."""
    assert send(client, BPU, bpu_details(**changes))["Location"] == BPU_PHONE
    assert send(client, BPU_PHONE, {"code": sms_code(PHONE)})["Location"] == BPU_EMAIL
    assert send(client, BPU_EMAIL, {"code": email_code()})["Location"] == BPU_REVIEW
    review = client.get(BPU_REVIEW).content.decode()
    assert "3374********0012" in review
    assert NIK not in review
    return send(client, BPU_REVIEW, {})


def sign_in(client: Client, send: Any, login: str, password: str, phone: str) -> None:
    response = send(client, LOGIN, {"login": login, "password": password})
    assert response.status_code == 302, response.content.decode()[:3000]
    assert response["Location"] == CONFIRM
    response = send(client, CONFIRM, {"code": sms_code(phone)})
    assert response.status_code == 302
    assert client.get(ACCOUNT).status_code == 200


class Labels(HTMLParser):
    """Collects the inputs of a page and the ids that labels point to."""

    def __init__(self) -> None:
        super().__init__()
        self.inputs: list[dict[str, str | None]] = []
        self.labelled: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = dict(attrs)
        if tag == "label" and attributes.get("for"):
            self.labelled.add(str(attributes["for"]))
        if tag in ("input", "textarea", "select") and attributes.get("type") not in ("hidden", "submit"):
            self.inputs.append(attributes)


# Pages --------------------------------------------------------------------------------------


def test_daftar_offers_activation_and_bpu_registration(client):
    page = client.get("/daftar/").content.decode()
    assert 'href="/daftar/aktivasi/"' in page
    assert 'href="/daftar/bpu/"' in page
    assert "I am already a participant" in page
    assert "I am self-employed and want to register (BPU)" in page


@pytest.mark.parametrize("url", ["/daftar/aktivasi/", BPU])
def test_every_input_on_the_first_steps_has_a_label(client, url):
    parser = Labels()
    parser.feed(client.get(url).content.decode())
    assert parser.inputs
    for attributes in parser.inputs:
        assert attributes["id"] in parser.labelled, attributes


# BPU registration ---------------------------------------------------------------------------


def test_a_bpu_worker_registers_sets_a_password_and_signs_in(client, send):
    response = register(client, send)
    assert response["Location"] == BPU_SUBMITTED
    assert "You are registered" in client.get(BPU_SUBMITTED).content.decode()
    app = BpuApplication.objects.get()
    assert app.status == ApplicationStatus.APPROVED
    assert (app.nik, app.kk_number, app.phone, app.declared_income, app.includes_jht) == (
        NIK,
        "3374012108880001",
        PHONE,
        3_000_000,
        True,
    )
    member = Member.objects.get(nik=NIK)
    assert member.segment == Segment.SELF_EMPLOYED
    link = bpu_activation_path()
    assert member.kpj in mail.outbox[-1].body
    opened = client.get(link)
    assert opened.status_code == 302
    assert opened["Location"] == BPU_SET_PASSWORD
    assert opened["Referrer-Policy"] == "no-referrer"
    form = client.get(BPU_SET_PASSWORD).content.decode()
    assert 'type="password"' in form
    assert "show-password" in form
    response = send(client, BPU_SET_PASSWORD, {"password1": PASSWORD, "password2": PASSWORD})
    assert response["Location"] == BPU_DONE
    assert 'href="/masuk/"' in client.get(BPU_DONE).content.decode()
    assert client.get(ACCOUNT).status_code == 302  # not signed in by the activation
    assert client.get(link).status_code == 400  # the link worked once
    sign_in(client, send, member.kpj, PASSWORD, PHONE)


def test_the_activation_link_expires_after_24_hours(client, send):
    with time_machine.travel(clock.now(), tick=False) as traveller:
        register(client, send)
        link = bpu_activation_path()
        traveller.shift(timedelta(hours=24, minutes=1))
        response = client.get(link)
    assert response.status_code == 400
    assert "Lupa Kata Sandi" in response.content.decode()


def test_a_nik_that_disagrees_with_birth_date_and_sex_is_refused_and_nothing_is_sent(client, send):
    response = send(client, BPU, bpu_details(sex="M", birth_date="1988-08-22"))
    assert response.status_code == 200
    page = response.content.decode()
    assert "Digits 7 to 12 of the NIK do not match the birth date." in page
    assert "The NIK does not match the sex" in page
    assert 'id="id_nik_error"' in page
    assert 'aria-describedby="id_nik_helptext id_nik_error"' in page
    assert 'aria-invalid="true"' in page
    assert not RecordedSms.objects.exists()
    assert client.post(BPU_PHONE, {"code": "123456"})["Location"] == BPU


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        (
            {"kk_number": "3374 0121 0888 000"},
            "kk_number",
            "The KK number must have 16 digits; you entered 15.",
        ),
        ({"birth_date": "2015-08-21", "nik": "3374016108150012"}, "birth_date", "aged 18 or older"),
        ({"declared_income": "0"}, "declared_income", "Ensure this value is greater than or equal to 1."),
        ({"declared_income": "3.000.000,50"}, "declared_income", "Enter whole rupiah, without cents."),
        ({"phone": "021 555 1234"}, "phone", "Enter an Indonesian mobile number"),
        ({"nik": "3374016108880000"}, "nik", "The last four digits of the NIK cannot be 0000."),
    ],
)
def test_bad_details_are_refused_with_the_reason_by_the_field(client, send, changes, field, message):
    response = send(client, BPU, bpu_details(**changes))
    page = response.content.decode()
    assert response.status_code == 200
    error = re.search(rf'<p class="error" id="id_{field}_error">(.*?)</p>', page, re.S)
    assert error, page
    assert message in error.group(1)
    assert not RecordedSms.objects.exists()


def test_a_nik_that_already_has_a_member_is_routed_to_activation(client, send):
    MemberFactory.create(nik=NIK, birth_date="1988-08-21", sex=Sex.FEMALE)
    assert send(client, BPU, bpu_details())["Location"] == BPU_PHONE
    response = send(client, BPU_PHONE, {"code": sms_code(PHONE)})
    assert response["Location"] == BPU_EXISTING
    page = client.get(BPU_EXISTING).content.decode()
    assert 'href="/daftar/aktivasi/"' in page
    assert "Activate your existing account" in page
    assert not BpuApplication.objects.exists()
    assert Member.objects.count() == 1
    assert client.post(BPU_REVIEW, {})["Location"] == BPU


def test_bpu_steps_cannot_be_skipped(client, send):
    assert client.post(BPU_REVIEW, {})["Location"] == BPU
    assert client.post(BPU_EMAIL, {"code": "123456"})["Location"] == BPU
    send(client, BPU, bpu_details())
    assert client.post(BPU_REVIEW, {})["Location"] == BPU_PHONE
    assert client.post(BPU_EMAIL, {"code": "123456"})["Location"] == BPU_PHONE
    assert not BpuApplication.objects.exists()
    assert len(mail.outbox) == 0


def test_a_submitted_registration_cannot_be_submitted_again(client, send):
    register(client, send, declared_income="50000000")
    assert client.post(BPU_REVIEW, {})["Location"] == BPU
    assert BpuApplication.objects.count() == 1


def test_extra_fields_posted_to_the_bpu_pages_change_nothing(client, send):
    officer = User.objects.create_user("petugas-x", password="kata-sandi-yang-panjang", is_staff=True)
    extra = {
        "status": ApplicationStatus.APPROVED,
        "decided_by": str(officer.pk),
        "decision_reason": "ok",
        "member": "1",
        "review_reasons": "[]",
        "is_staff": "on",
        "kind": "officer",
        "user": str(officer.pk),
        "phone_verified_at": "2000-01-01T00:00:00Z",
    }
    assert send(client, BPU, bpu_details(declared_income="50000000", **extra))["Location"] == BPU_PHONE
    send(client, BPU_PHONE, {"code": sms_code(PHONE), **extra})
    send(client, BPU_EMAIL, {"code": email_code(), **extra})
    send(client, BPU_REVIEW, extra)
    app = BpuApplication.objects.get()
    assert (app.status, app.decided_by, app.member, app.decision_reason) == (
        ApplicationStatus.PENDING,
        None,
        None,
        "",
    )
    assert app.review_reasons == ["income"]
    assert app.phone_verified_at.year == clock.now().year
    assert "An officer will check your registration" in client.get(BPU_SUBMITTED).content.decode()
    assert not Member.objects.exists()
    assert User.objects.count() == 1


def test_three_wrong_phone_codes_send_the_worker_back_to_the_start(client, send):
    send(client, BPU, bpu_details())
    code = sms_code(PHONE)
    wrong = other_code(code)
    for _ in range(2):
        assert "That code is not right" in client.post(BPU_PHONE, {"code": wrong}).content.decode()
    assert client.post(BPU_PHONE, {"code": wrong})["Location"] == BPU
    assert client.post(BPU_PHONE, {"code": code})["Location"] == BPU
    assert not BpuApplication.objects.exists()


# Activation, end to end ---------------------------------------------------------------------


def test_a_participant_activates_online_access_and_signs_in(client, send):
    birth = "1979-12-01"
    member = MemberFactory.create(
        kpj="11009876543",
        full_name="Agus Salim",
        nik=nik_digits_for(
            district_code="350701", birth_date=clock.today().replace(1979, 12, 1), sex="M", serial=9
        ),
        birth_date=birth,
        phone="+6281311112222",
    )
    member.set_mother_maiden_name("Ratna Handayani")
    member.save()
    response = send(
        client,
        "/daftar/aktivasi/",
        {
            "kpj": "1100 9876 543",
            "nik": member.nik,
            "birth_date": birth,
            "mother_maiden_name": "ratna handayani",
        },
    )
    assert response["Location"] == "/daftar/aktivasi/kode/"
    assert send(client, "/daftar/aktivasi/kode/", {"code": sms_code(member.phone)})["Location"] == (
        "/daftar/aktivasi/email/"
    )
    assert send(client, "/daftar/aktivasi/email/", {"email": "agus@contoh.id"})["Location"] == (
        "/daftar/aktivasi/email/kode/"
    )
    assert send(client, "/daftar/aktivasi/email/kode/", {"code": email_code()})["Location"] == (
        "/daftar/aktivasi/kata-sandi/"
    )
    response = send(client, "/daftar/aktivasi/kata-sandi/", {"password1": PASSWORD, "password2": PASSWORD})
    assert response["Location"] == "/daftar/aktivasi/selesai/"
    done = client.get("/daftar/aktivasi/selesai/").content.decode()
    assert "Online access is active" in done
    assert 'href="/masuk/"' in done
    assert client.get(ACCOUNT).status_code == 302
    sign_in(client, send, member.kpj, PASSWORD, member.phone)
    assert client.get(ACCOUNT).wsgi_request.user.nik == member.nik

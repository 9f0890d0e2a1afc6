"""Activation of online access by an existing participant (/daftar/aktivasi/): the same answer
whether or not the details match, codes that expire and are spent, steps in order only, and
one transaction that creates the account."""

import re
from datetime import date, timedelta
from typing import Any

import pytest
import time_machine
from allauth.account.models import EmailAddress
from django.core import mail
from django.test import Client

from jamsos.core import clock
from jamsos.identity import activation
from jamsos.identity.hashers import Argon2idHasher
from jamsos.identity.models import EventKind, SecurityEvent, User, UserKind
from jamsos.identity.tests.factories import MemberUserFactory
from jamsos.identity.tests.signup_helpers import CODE_RE, email_code, english, other_code, sender, sms_code
from jamsos.members.models import Member, Sex
from jamsos.members.tests.factories import MemberFactory
from jamsos.notifications.models import RecordedSms
from jamsos.rules.identifiers import nik_digits_for

pytestmark = pytest.mark.django_db

START = "/daftar/aktivasi/"
CODE = "/daftar/aktivasi/kode/"
EMAIL = "/daftar/aktivasi/email/"
EMAIL_CODE = "/daftar/aktivasi/email/kode/"
PASSWORD = "/daftar/aktivasi/kata-sandi/"
DONE = "/daftar/aktivasi/selesai/"
MAIDEN = "Siti Aminah"
PHONE = "+6281298765432"
NEW_PASSWORD = "sambal-matah-pedas-sekali"
CSRF = re.compile(rb'name="csrfmiddlewaretoken" value="[^"]+"')


@pytest.fixture
def member() -> Member:
    member = MemberFactory.create(kpj="11001234567", full_name="Budi Santoso", phone=PHONE)
    member.set_mother_maiden_name(MAIDEN)
    member.save()
    return member


def details(member: Member, **changes: Any) -> dict[str, Any]:
    return {
        "kpj": member.kpj,
        "nik": member.nik,
        "birth_date": member.birth_date.isoformat(),
        "mother_maiden_name": MAIDEN,
        **changes,
    }


@pytest.fixture
def send(django_capture_on_commit_callbacks: Any) -> Any:
    return sender(django_capture_on_commit_callbacks)


def through_phone(client: Client, member: Member, send: Any) -> None:
    assert send(client, START, details(member))["Location"] == CODE
    assert send(client, CODE, {"code": sms_code(PHONE)})["Location"] == EMAIL


def through_email(client: Client, send: Any, email: str = "budi@contoh.id") -> None:
    assert send(client, EMAIL, {"email": email})["Location"] == EMAIL_CODE
    assert send(client, EMAIL_CODE, {"code": email_code()})["Location"] == PASSWORD


# The same answer whether or not anything matched (ENUM-02) ------------------------------------


def test_matching_unknown_and_already_active_details_get_identical_answers(member, send):
    active = MemberUserFactory.create()
    active_member = active.memberships.get()
    active_member.set_mother_maiden_name(MAIDEN)
    active_member.save()
    cases = {
        "match": details(member),
        "wrong maiden name": details(member, mother_maiden_name="Sri Rahayu"),
        "wrong birth date": details(member, birth_date="1990-05-18"),
        "unknown KPJ": details(member, kpj="19999999999"),
        "already active": details(active_member),
    }
    answers = {}
    for name, data in cases.items():
        client = english(Client())
        posted = send(client, START, data)
        page = client.get(CODE)
        answers[name] = (
            posted.status_code,
            posted.get("Location"),
            posted.content,
            page.status_code,
            CSRF.sub(b"", page.content),
        )
    assert len(set(answers.values())) == 1, answers.keys()
    assert answers["match"][0] == 302
    assert b"If the details you gave match a participant" in answers["match"][4]
    # Only the real member got a code; the active one got a pointer to Lupa Kata Sandi.
    assert CODE_RE.search(RecordedSms.objects.get(to=PHONE).body)
    already = RecordedSms.objects.get(to=active.phone).body
    assert "already active" in already
    assert "/lupa-kata-sandi/" in already
    assert not CODE_RE.search(already)
    assert RecordedSms.objects.count() == 2


def test_the_details_step_verifies_one_argon2_hash_whether_or_not_a_member_matched(member, monkeypatch):
    calls: list[str] = []
    original = Argon2idHasher.verify

    def counting(self: Argon2idHasher, password: str, encoded: str) -> bool:
        calls.append(encoded)
        return original(self, password, encoded)

    monkeypatch.setattr(Argon2idHasher, "verify", counting)
    for data in (
        details(member),
        details(member, kpj="19999999999"),
        details(member, nik="3276011705900099"),
    ):
        calls.clear()
        Client().post(START, data)
        assert len(calls) == 1, data
        assert calls[0].startswith("argon2$argon2id$")


def test_without_a_match_no_code_is_ever_accepted(member, send):
    client = english(Client())
    send(client, START, details(member, mother_maiden_name="Sri Rahayu"))
    response = client.post(CODE, {"code": "123456"})
    assert "That code is not right" in response.content.decode()
    state = client.session[activation.SESSION_KEY]
    assert state["member"] is None
    assert state["phone_code"]["mac"] == ""


# The SMS code: 5 minutes, once, 3 tries ---------------------------------------------------------


@pytest.mark.parametrize(
    ("elapsed", "accepted"),
    [(timedelta(minutes=4, seconds=59), True), (timedelta(minutes=5, seconds=1), False)],
)
def test_the_sms_code_is_valid_for_five_minutes(member, send, elapsed, accepted):
    client = english(Client())
    with time_machine.travel(clock.now(), tick=False) as traveller:
        send(client, START, details(member))
        traveller.shift(elapsed)
        response = client.post(CODE, {"code": sms_code(PHONE)})
    if accepted:
        assert response.status_code == 302
        assert response["Location"] == EMAIL
    else:
        assert response.status_code == 200
        assert "That code has expired" in response.content.decode()
        assert client.session[activation.SESSION_KEY]["step"] == "phone_code"


def test_the_sms_code_works_once(member, send):
    client = english(Client())
    send(client, START, details(member))
    code = sms_code(PHONE)
    assert client.post(CODE, {"code": code})["Location"] == EMAIL
    replay = client.post(CODE, {"code": code})
    assert replay.status_code == 302
    assert replay["Location"] == EMAIL  # the flow is past that step; nothing was accepted twice
    assert client.session[activation.SESSION_KEY]["phone_code"]["mac"] == ""


def test_three_wrong_codes_end_the_flow_and_the_right_one_is_then_refused(member, send):
    client = english(Client())
    send(client, START, details(member))
    code = sms_code(PHONE)
    for _ in range(2):
        response = client.post(CODE, {"code": other_code(code)})
        assert "That code is not right" in response.content.decode()
    third = client.post(CODE, {"code": other_code(code)})
    assert third.status_code == 302
    assert third["Location"] == START
    assert activation.SESSION_KEY not in client.session
    assert client.post(CODE, {"code": code})["Location"] == START
    page = client.get(START)
    assert "That was the third wrong code" in page.content.decode()


def test_a_new_code_keeps_the_failure_count_and_resends_are_limited(member, send):
    client = english(Client())
    send(client, START, details(member))
    client.post(CODE, {"code": other_code(sms_code(PHONE))})
    client.post(CODE, {"code": other_code(sms_code(PHONE))})
    send(client, CODE, {"action": "resend"})
    assert client.session[activation.SESSION_KEY]["phone_code"]["tries"] == 2
    # The third wrong code ends the flow even though it was a fresh code.
    assert client.post(CODE, {"code": other_code(sms_code(PHONE))})["Location"] == START


def test_resending_is_limited_to_three_new_codes(member, send):
    client = english(Client())
    send(client, START, details(member))
    for _ in range(activation.MAX_RESENDS):
        assert send(client, CODE, {"action": "resend"})["Location"] == CODE
        assert "we have sent a new code" in client.get(CODE).content.decode()
    response = send(client, CODE, {"action": "resend"})
    assert response.status_code == 302
    assert "the most new codes allowed" in client.get(CODE).content.decode()
    assert RecordedSms.objects.filter(to=PHONE).count() == 1 + activation.MAX_RESENDS


# Steps in order only (VAL-02) -------------------------------------------------------------------


def test_posting_the_password_step_first_is_refused_and_creates_nothing(member):
    client = Client()
    response = client.post(PASSWORD, {"password1": NEW_PASSWORD, "password2": NEW_PASSWORD})
    assert response.status_code == 302
    assert response["Location"] == START
    assert not User.objects.exists()


def test_the_email_step_cannot_be_reached_before_the_sms_code(member, send):
    client = Client()
    send(client, START, details(member))
    response = send(client, EMAIL, {"email": "budi@contoh.id"})
    assert response["Location"] == CODE
    assert len(mail.outbox) == 0
    response = client.post(PASSWORD, {"password1": NEW_PASSWORD, "password2": NEW_PASSWORD})
    assert response["Location"] == CODE
    assert not User.objects.exists()


def test_the_finished_flow_cannot_be_replayed(member, send):
    client = Client()
    through_phone(client, member, send)
    through_email(client, send)
    send(client, PASSWORD, {"password1": NEW_PASSWORD, "password2": NEW_PASSWORD})
    assert User.objects.count() == 1
    replay = client.post(PASSWORD, {"password1": "another-long-phrase", "password2": "another-long-phrase"})
    assert replay.status_code == 302
    assert replay["Location"] == START
    assert User.objects.count() == 1
    assert User.objects.get().check_password(NEW_PASSWORD)


# Email ------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("elapsed", "accepted"),
    [(timedelta(minutes=29, seconds=59), True), (timedelta(minutes=30, seconds=1), False)],
)
def test_the_email_code_is_valid_for_thirty_minutes(member, send, elapsed, accepted):
    client = english(Client())
    with time_machine.travel(clock.now(), tick=False) as traveller:
        through_phone(client, member, send)
        send(client, EMAIL, {"email": "budi@contoh.id"})
        traveller.shift(elapsed)
        response = client.post(EMAIL_CODE, {"code": email_code()})
    assert (response.status_code == 302) is accepted
    if not accepted:
        assert "That code has expired" in response.content.decode()


def test_an_email_another_account_signs_in_with_is_refused_after_it_is_verified(member, send):
    other = MemberUserFactory.create(email="dipakai@contoh.id")
    client = english(Client())
    through_phone(client, member, send)
    send(client, EMAIL, {"email": other.email})
    response = client.post(EMAIL_CODE, {"code": email_code()})
    assert response["Location"] == EMAIL
    assert "already used by another jamsos account" in client.get(EMAIL).content.decode()
    assert User.objects.count() == 1


# Password ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("password", "reason"),
    [
        ("11001234567", "The password cannot be your KPJ number."),
        ("NIK", "The password cannot be your NIK."),
        ("budi santoso", "The password cannot be your name."),
        ("17051990", "The password cannot be your birth date."),
        ("1990-05-17", "The password cannot be your birth date."),
    ],
)
def test_a_password_equal_to_personal_data_is_refused_with_the_reason(member, send, password, reason):
    password = member.nik if password == "NIK" else password
    client = english(Client())
    through_phone(client, member, send)
    through_email(client, send)
    response = client.post(PASSWORD, {"password1": password, "password2": password})
    assert response.status_code == 200
    page = response.content.decode()
    assert reason in page
    assert 'id="id_password1_error"' in page
    assert 'aria-describedby="id_password1_helptext id_password1_error"' in page
    assert not User.objects.exists()


# Completion -------------------------------------------------------------------------------------


def test_activation_creates_one_account_for_every_kpj_of_the_person_and_does_not_sign_in(member, send):
    second = MemberFactory.create(kpj="11007654321", nik=member.nik, full_name=member.full_name, phone="")
    stranger = MemberFactory.create()
    client = english(Client())
    through_phone(client, member, send)
    through_email(client, send)
    mail.outbox.clear()
    response = send(client, PASSWORD, {"password1": NEW_PASSWORD, "password2": NEW_PASSWORD})
    assert response["Location"] == DONE
    user = User.objects.get()
    assert user.kind == UserKind.MEMBER
    assert user.nik == member.nik
    assert user.username not in (member.nik, "")
    assert (user.first_name, user.last_name) == ("Budi", "Santoso")
    assert (user.phone, user.phone_verified) == (PHONE, True)
    assert not user.is_staff
    assert user.check_password(NEW_PASSWORD)
    address = EmailAddress.objects.get(user=user)
    assert (address.email, address.verified, address.primary) == ("budi@contoh.id", True, True)
    assert set(Member.objects.filter(user=user)) == {member, second}
    stranger.refresh_from_db()
    assert stranger.user is None
    assert SecurityEvent.objects.filter(user=user, kind=EventKind.ACTIVATED).count() == 1
    assert [m.to for m in mail.outbox] == [["budi@contoh.id"]]
    assert "Online access activated" in mail.outbox[0].body
    page = client.get(DONE)
    assert "now sign in" in page.content.decode().lower() or "Sign in" in page.content.decode()
    assert 'href="/masuk/"' in page.content.decode()
    assert not page.wsgi_request.user.is_authenticated


def test_a_second_browser_finishing_later_creates_nothing(member, send):
    first, second = Client(), Client()
    for client in (first, second):
        through_phone(client, member, send)
    for client in (first, second):
        through_email(client, send, email=f"budi{id(client)}@contoh.id")
    send(first, PASSWORD, {"password1": NEW_PASSWORD, "password2": NEW_PASSWORD})
    response = send(second, PASSWORD, {"password1": NEW_PASSWORD, "password2": NEW_PASSWORD})
    assert response["Location"] == DONE
    assert "already active" in english(second).get(DONE).content.decode()
    assert User.objects.count() == 1


# Limits -----------------------------------------------------------------------------------------


def test_failures_for_one_kpj_block_it_whether_or_not_it_exists(member, send):
    limit = activation.FAILURES_PER_KPJ[0]
    for kpj in (member.kpj, "19999999999"):
        client = english(Client())
        for _ in range(limit):
            send(client, START, details(member, kpj=kpj, mother_maiden_name="Salah"))
        response = send(client, START, details(member, kpj=kpj))
        assert response.status_code == 200
        assert "Too many attempts" in response.content.decode()
    # The right details after the block sent nothing.
    assert not RecordedSms.objects.exists()


def test_attempts_from_one_address_are_limited(member, send):
    limit = activation.ATTEMPTS_PER_ADDRESS[0]
    client = english(Client())
    for n in range(limit):
        send(client, START, details(member, kpj=f"1{n:010d}"))
    response = send(client, START, details(member))
    assert "Too many attempts" in response.content.decode()
    assert not RecordedSms.objects.exists()


# Mass assignment (AZ-02) ------------------------------------------------------------------------


def test_extra_fields_posted_at_any_step_change_nothing(member, send):
    extra = {
        "is_staff": "on",
        "is_superuser": "on",
        "kind": UserKind.OFFICER,
        "user": "1",
        "status": "approved",
        "username": member.nik,
        "phone": "+6285700000000",
        "nik": member.nik,
    }
    client = Client()
    assert send(client, START, {**extra, **details(member)})["Location"] == CODE
    assert send(client, CODE, {**extra, "code": sms_code(PHONE)})["Location"] == EMAIL
    send(client, EMAIL, {**extra, "email": "budi@contoh.id"})
    send(client, EMAIL_CODE, {**extra, "code": email_code()})
    send(client, PASSWORD, {**extra, "password1": NEW_PASSWORD, "password2": NEW_PASSWORD})
    user = User.objects.get()
    assert (user.is_staff, user.is_superuser, user.kind) == (False, False, UserKind.MEMBER)
    assert user.username != member.nik
    assert user.phone == PHONE


def test_a_female_member_with_a_single_name_activates(send):
    birth = date(1985, 2, 3)
    member = MemberFactory.create(
        full_name="Suharti",
        sex=Sex.FEMALE,
        birth_date=birth,
        nik=nik_digits_for(district_code="317301", birth_date=birth, sex="F", serial=7),
        phone=PHONE,
    )
    member.set_mother_maiden_name("Dewi Lestari")
    member.save()
    client = Client()
    data = {
        "kpj": member.kpj,
        "nik": member.nik,
        "birth_date": "1985-02-03",
        "mother_maiden_name": " dewi  LESTARI ",
    }
    send(client, START, data)
    assert send(client, CODE, {"code": sms_code(PHONE)})["Location"] == EMAIL
    through_email(client, send, email="suharti@contoh.id")
    send(client, PASSWORD, {"password1": NEW_PASSWORD, "password2": NEW_PASSWORD})
    user = User.objects.get()
    assert (user.first_name, user.last_name) == ("Suharti", "")

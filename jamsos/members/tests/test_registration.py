"""Registration of self-employed workers (BPU): the automatic rule, the officer's decision in the
admin, the new KPJ and the single-use activation link."""

import re
from datetime import date, timedelta
from typing import Any

import pytest
import time_machine
from allauth.account.models import EmailAddress
from django.core import mail
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.test import Client
from django.urls import reverse
from django.utils import translation

from jamsos.core import clock
from jamsos.identity.models import EventKind, SecurityEvent, User, UserKind
from jamsos.identity.tests.factories import MemberUserFactory, OfficerFactory
from jamsos.identity.tests.signup_helpers import bpu_activation_path, english
from jamsos.members import registration
from jamsos.members.models import ApplicationStatus, BpuApplication, Member, Segment, Sex
from jamsos.members.registration import RegistrationError
from jamsos.members.tests.factories import MemberFactory
from jamsos.rules.identifiers import nik_digits_for

pytestmark = pytest.mark.django_db

BIRTH = date(1988, 8, 21)
NIK = nik_digits_for(district_code="337401", birth_date=BIRTH, sex="F", serial=12)
PASSWORD = "gado-gado-bumbu-kacang"


def application(**changes: Any) -> BpuApplication:
    values: dict[str, Any] = {
        "nik": NIK,
        "kk_number": "3374012108880001",
        "full_name": "Sri Wahyuni",
        "birth_date": BIRTH,
        "sex": Sex.FEMALE,
        "address": "Jl. Pandanaran No. 5, Semarang",
        "phone": "+6285712340000",
        "email": "sri@contoh.id",
        "occupation": "Pedagang pasar",
        "declared_income": 3_000_000,
        "includes_jht": True,
        "phone_verified_at": clock.now(),
        "email_verified_at": clock.now(),
    }
    values.update(changes)
    return BpuApplication(**values)


def submit(captured: Any, **changes: Any) -> BpuApplication:
    with captured(execute=True), translation.override("en"):
        return registration.submit_application(application(**changes))


def link_in(body: str) -> str:
    """The token of the activation link in the email."""
    return bpu_activation_path(body).split("/")[-2]


@pytest.fixture
def captured(django_capture_on_commit_callbacks: Any) -> Any:
    return django_capture_on_commit_callbacks


@pytest.fixture
def officer_client() -> tuple[Client, User]:
    officer = OfficerFactory.create(is_superuser=True)
    client = english(Client())
    client.force_login(officer)
    return client, officer


# The automatic rule ---------------------------------------------------------------------------


def test_every_check_passing_approves_at_once_with_a_new_kpj_and_an_activation_email(captured):
    app = submit(captured)
    assert app.status == ApplicationStatus.APPROVED
    assert app.decided_by is None
    assert app.decided_at is not None
    assert app.review_reasons == []
    member = app.member
    assert member is not None
    assert re.fullmatch(r"[1-9]\d{10}", member.kpj)
    assert (member.segment, member.declared_income, member.registered_on) == (
        Segment.SELF_EMPLOYED,
        3_000_000,
        clock.today(),
    )
    assert (member.nik, member.full_name, member.occupation) == (NIK, "Sri Wahyuni", "Pedagang pasar")
    user = member.user
    assert user is not None
    assert (user.kind, user.nik, user.phone, user.phone_verified) == (UserKind.MEMBER, NIK, app.phone, True)
    assert user.username not in (NIK, member.kpj)
    assert not user.has_usable_password()
    address = EmailAddress.objects.get(user=user)
    assert (address.email, address.verified, address.primary) == ("sri@contoh.id", True, True)
    [email] = mail.outbox
    assert email.to == ["sri@contoh.id"]
    assert member.kpj in email.body
    assert "24 hours" in email.body
    assert registration.user_for_token(link_in(str(email.body))) == user


@pytest.mark.parametrize(
    ("changes", "reason"),
    [
        (
            {
                "birth_date": date(1950, 8, 21),
                "nik": nik_digits_for(
                    district_code="337401", birth_date=date(1950, 8, 21), sex="F", serial=3
                ),
            },
            "age",
        ),
        ({"declared_income": 25_000_000}, "income"),
        ({"kk_number": NIK}, "kk_valid"),
        ({"kk_number": "0074012108880001"}, "kk_valid"),
        ({"sex": Sex.MALE}, "nik_valid"),
    ],
)
def test_a_failed_check_leaves_the_application_to_an_officer(captured, changes, reason):
    app = application(**changes)
    # These cannot come through the online form (its own checks refuse them); the rule still
    # holds for an application stored by other means.
    with captured(execute=True):
        app.save()
        reasons = registration.review_reasons(app)
    assert reason in reasons


def test_an_email_or_phone_of_another_account_and_a_second_application_wait_for_an_officer(captured):
    other = MemberUserFactory.create(email="sri@contoh.id", phone="+6285712340000")
    first = submit(captured)
    assert first.status == ApplicationStatus.PENDING
    assert {"email_free", "phone_free"} <= set(first.review_reasons)
    other.delete()
    second = submit(captured)
    assert second.status == ApplicationStatus.PENDING
    assert second.review_reasons == ["single_application"]
    assert not Member.objects.filter(nik=NIK).exists()
    assert mail.outbox[-1].to == ["sri@contoh.id"]
    assert mail.outbox[-1].subject == "jamsos: we received your registration"


def test_a_pending_application_is_not_approved_when_the_nik_became_a_member_meanwhile(captured):
    app = submit(captured, declared_income=50_000_000)
    assert app.status == ApplicationStatus.PENDING
    MemberFactory.create(nik=NIK, birth_date=BIRTH, sex=Sex.FEMALE)
    with pytest.raises(RegistrationError) as refused:
        registration.approve(app, by=None)
    assert refused.value.code == "existing_member"
    app.refresh_from_db()
    assert app.status == ApplicationStatus.PENDING
    assert Member.objects.filter(nik=NIK).count() == 1


def test_the_nik_must_agree_with_birth_date_and_sex():
    app = application(sex=Sex.MALE, birth_date=date(1988, 8, 22))
    with pytest.raises(ValidationError) as refused:
        app.full_clean()
    codes = [error.code for error in refused.value.error_dict["nik"]]
    assert codes == ["nik_birth_date_mismatch", "nik_sex_mismatch"]


def test_a_kpj_already_taken_is_never_issued_again(captured, monkeypatch):
    taken = MemberFactory.create(kpj="12345678901")
    draws = iter([int(taken.kpj) - 10**10, 42])
    monkeypatch.setattr(registration.secrets, "randbelow", lambda _n: next(draws))
    assert registration.issue_kpj() == str(10**10 + 42)


# The state table ------------------------------------------------------------------------------


def test_a_decision_is_final(captured, officer_client):
    _client, officer = officer_client
    app = submit(captured, declared_income=50_000_000)
    with captured(execute=True):
        registration.reject(app, by=officer, reason="Penghasilan tidak wajar; datang ke kantor cabang.")
    with pytest.raises(RegistrationError) as refused:
        registration.approve(app, by=officer)
    assert refused.value.code == "already_decided"
    app.refresh_from_db()
    assert (app.status, app.member) == (ApplicationStatus.REJECTED, None)
    assert not Member.objects.filter(nik=NIK).exists()


def test_the_database_refuses_a_status_without_its_decision(captured):
    app = submit(captured, declared_income=50_000_000)
    for changes in (
        {"status": ApplicationStatus.APPROVED, "decided_at": clock.now()},  # approved without a member
        {"status": ApplicationStatus.REJECTED, "decided_at": clock.now()},  # rejected without a reason
        {"status": "lost"},
    ):
        with pytest.raises(IntegrityError), transaction.atomic():
            BpuApplication.objects.filter(pk=app.pk).update(**changes)
    app.refresh_from_db()
    assert app.status == ApplicationStatus.PENDING


# The officer, in the admin --------------------------------------------------------------------


def change_url(app: BpuApplication) -> str:
    return reverse("admin:members_bpuapplication_change", args=[app.pk])


def test_an_officer_approves_a_pending_application_in_the_admin(captured, officer_client):
    client, officer = officer_client
    app = submit(
        captured,
        birth_date=date(1955, 8, 21),
        nik=nik_digits_for(district_code="337401", birth_date=date(1955, 8, 21), sex="F", serial=4),
    )
    assert app.review_reasons == ["age"]
    page = client.get(change_url(app))
    assert page.status_code == 200
    assert "The applicant is at least 18 and under 65." in page.content.decode()
    assert app.nik not in page.content.decode()  # masked
    mail.outbox.clear()
    with captured(execute=True):
        response = client.post(change_url(app), {"decision": "approve", "reason": ""})
    assert response.status_code == 302
    app.refresh_from_db()
    assert (app.status, app.decided_by) == (ApplicationStatus.APPROVED, officer)
    assert app.member is not None
    assert app.member.kpj in mail.outbox[-1].body
    decided = client.get(change_url(app)).content.decode()
    assert 'name="decision"' not in decided  # a decision is final
    assert "Approved" in decided


def test_an_officer_rejects_with_a_reason_that_is_emailed(captured, officer_client):
    client, officer = officer_client
    app = submit(captured, declared_income=50_000_000)
    mail.outbox.clear()
    refused = client.post(change_url(app), {"decision": "reject", "reason": "  "})
    assert refused.status_code == 200
    assert "Give the reason for the rejection." in refused.content.decode()
    app.refresh_from_db()
    assert app.status == ApplicationStatus.PENDING
    with captured(execute=True):
        client.post(
            change_url(app),
            {"decision": "reject", "reason": "Penghasilan perlu dibuktikan di kantor cabang."},
        )
    app.refresh_from_db()
    assert (app.status, app.decided_by) == (ApplicationStatus.REJECTED, officer)
    assert app.decision_reason == "Penghasilan perlu dibuktikan di kantor cabang."
    [email] = mail.outbox
    assert "Penghasilan perlu dibuktikan di kantor cabang." in email.body
    assert not Member.objects.filter(nik=NIK).exists()


def test_the_admin_action_approves_the_selected_pending_applications(captured, officer_client):
    client, officer = officer_client
    app = submit(captured, declared_income=50_000_000)
    with captured(execute=True):
        response = client.post(
            reverse("admin:members_bpuapplication_changelist"),
            {"action": "approve_selected", "_selected_action": [app.pk]},
        )
    assert response.status_code == 302
    app.refresh_from_db()
    assert (app.status, app.decided_by) == (ApplicationStatus.APPROVED, officer)


def test_the_admin_cannot_add_edit_or_delete_applications(captured, officer_client):
    client, _officer = officer_client
    app = submit(captured, declared_income=50_000_000)
    assert client.get(reverse("admin:members_bpuapplication_add")).status_code == 403
    assert (
        client.post(
            reverse("admin:members_bpuapplication_delete", args=[app.pk]), {"post": "yes"}
        ).status_code
        == 403
    )
    client.post(
        change_url(app),
        {"full_name": "Orang Lain", "declared_income": "1", "status": "approved", "decision": ""},
    )
    app.refresh_from_db()
    assert (app.full_name, app.declared_income, app.status) == (
        "Sri Wahyuni",
        50_000_000,
        ApplicationStatus.PENDING,
    )


# The activation link --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("elapsed", "valid"), [(timedelta(hours=23, minutes=59), True), (timedelta(hours=24, minutes=1), False)]
)
def test_the_activation_link_is_valid_for_24_hours(captured, elapsed, valid):
    with time_machine.travel(clock.now(), tick=False) as traveller:
        submit(captured)
        token = link_in(str(mail.outbox[-1].body))
        traveller.shift(elapsed)
        assert (registration.user_for_token(token) is not None) is valid


def test_the_activation_link_works_once(captured):
    app = submit(captured)
    token = link_in(str(mail.outbox[-1].body))
    assert app.member is not None
    user = app.member.user
    assert user is not None
    with captured(execute=True):
        registration.set_first_password(user, token, PASSWORD)
    user.refresh_from_db()
    assert user.check_password(PASSWORD)
    assert SecurityEvent.objects.filter(user=user, kind=EventKind.ACTIVATED).count() == 1
    assert registration.user_for_token(token) is None
    with pytest.raises(RegistrationError):
        registration.set_first_password(user, token, "another-long-phrase")
    user.refresh_from_db()
    assert user.check_password(PASSWORD)


@pytest.mark.parametrize("token", ["", "zz", "abc-def", "1-2-3", "!!-x"])
def test_a_malformed_token_names_nobody(token):
    assert registration.user_for_token(token) is None

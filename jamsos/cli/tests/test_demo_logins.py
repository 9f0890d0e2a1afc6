"""The three demo logins `jamsos demo-data` prints (member, employer staff, officer), and
`jamsos enrol-authenticator`, which gives an officer the authenticator app they must sign in with."""

import io
import re
import time
from typing import Any

import pytest
from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import TOTP, format_hotp_value, hotp_value
from django.conf import settings
from django.core import mail
from django.core.management import call_command
from django.core.management.base import CommandError
from django.test import Client

from jamsos.cli import demodata
from jamsos.identity import demo
from jamsos.identity.models import EventKind, SecurityEvent, User, UserKind
from jamsos.identity.tests.factories import PASSWORD, OfficerFactory, UserFactory
from jamsos.members.models import Member, MemberStatus
from jamsos.notifications.models import RecordedSms

pytestmark = pytest.mark.django_db

MEMBERS = 60
SEED = 3
CONFIRM_URL = "/akun/login/code/confirm/"
MFA_AUTHENTICATE_URL = "/akun/2fa/authenticate/"
ACCOUNT_URL = "/akun/saya/"
BASE32 = re.compile(r"[A-Z2-7]{32}")


def load(**options: object) -> str:
    out = io.StringIO()
    options.setdefault("members", MEMBERS)
    options.setdefault("seed", SEED)
    call_command("demo_data", stdout=out, **options)
    return out.getvalue()


def demo_users() -> dict[str, User]:
    return {user.username: user for user in User.objects.filter(username__in=demo.DEMO_USERNAMES)}


def state() -> tuple[list[Any], list[Any], list[Any]]:
    """Every row the demo logins consist of, to compare before and after a re-run."""
    users = list(
        User.objects.order_by("username").values_list(
            "username", "password", "kind", "nik", "phone", "phone_verified", "is_staff", "is_superuser"
        )
    )
    emails = list(EmailAddress.objects.order_by("email").values_list("user__username", "email", "verified"))
    authenticators = list(Authenticator.objects.order_by("pk").values_list("pk", "user__username", "data"))
    return users, emails, authenticators


def printed_member_kpj(out: str) -> str:
    match = re.search(r"member: KPJ (\d{11})  password jamsos-demo-2026", out)
    assert match, out
    return match.group(1)


def sign_in(client: Client, login: str, capture: Any) -> Any:
    with capture(execute=True):
        return client.post("/masuk/", {"login": login, "password": demodata.DEMO_PASSWORD})


def test_demo_data_creates_three_logins_that_are_ready_to_sign_in():
    out = load()

    users = demo_users()
    member, employer, officer = (
        users[demo.DEMO_MEMBER_USERNAME],
        users[demo.DEMO_EMPLOYER_USERNAME],
        users[demo.DEMO_OFFICER_USERNAME],
    )
    assert User.objects.count() == 3
    assert all(user.check_password("jamsos-demo-2026") for user in users.values())
    # The member: one login for every KPJ of one person, with a verified phone and email.
    kpj = printed_member_kpj(out)
    assert member.kind == UserKind.MEMBER
    assert Member.objects.get(kpj=kpj).user == member
    assert Member.objects.get(kpj=kpj).status == MemberStatus.ACTIVE
    assert member.nik == Member.objects.get(kpj=kpj).nik
    assert set(Member.objects.filter(nik=member.nik).values_list("user", flat=True)) == {member.pk}
    assert Member.objects.filter(user=member).count() >= 2  # the person with several KPJ numbers
    assert member.phone.startswith("+628")
    assert member.phone_verified
    assert not member.is_staff
    # Employer staff: a username, a verified phone.
    assert employer.kind == UserKind.EMPLOYER
    assert employer.nik == ""
    assert employer.phone == demodata.DEMO_EMPLOYER_PHONE
    assert employer.phone_verified
    assert not employer.is_staff
    # The officer: staff and superuser, no SMS but an authenticator app, its secret encrypted.
    assert officer.kind == UserKind.OFFICER
    assert officer.is_staff
    assert officer.is_superuser
    totp = Authenticator.objects.get(user=officer)
    assert totp.type == Authenticator.Type.TOTP
    assert not BASE32.search(totp.data["secret"])
    assert Authenticator.objects.count() == 1
    # Every one has exactly one verified primary email (email verification is mandatory).
    for user in users.values():
        address = EmailAddress.objects.get(user=user)
        assert (address.email, address.verified, address.primary) == (user.email, True, True)
    assert "Demo logins" in out
    assert f"member: KPJ {kpj}  password jamsos-demo-2026  (then the SMS code, one login for " in out
    assert "employer staff: user pemberi-kerja-demo  password jamsos-demo-2026  (then the SMS code" in out
    assert "officer: user petugas  password jamsos-demo-2026  (then the authenticator code shown at" in out
    assert "http://127.0.0.1:8000/masuk/" in out
    assert "http://127.0.0.1:8000/dev/outbox" in out
    assert "http://127.0.0.1:8000/petugas/admin/" in out
    assert "to try passkeys, open http://localhost:8000/ instead" in out
    assert f"member KPJ {kpj} " not in out  # not offered again as a KPJ without an account
    assert not any(nik in out for nik in Member.objects.values_list("nik", flat=True))


def test_the_employer_staff_printout_names_an_existing_employer():
    out = load()

    match = re.search(r"employer NPP (\d{8})", out)
    assert match
    from jamsos.employers.models import Employer

    assert Employer.objects.filter(npp=match.group(1)).exists()


def test_a_second_run_with_if_empty_changes_nothing_and_prints_the_logins_again():
    first = load()
    before = state()

    second = load(if_empty=True, seed=SEED + 1, members=10)

    assert state() == before
    assert second.startswith(f"The database already has {MEMBERS} members: demo data not loaded.\n")
    assert printed_member_kpj(second) == printed_member_kpj(first)
    assert "employer staff: user pemberi-kerja-demo  password jamsos-demo-2026" in second
    assert "officer: user petugas  password jamsos-demo-2026" in second


def test_if_empty_on_a_filled_database_without_the_logins_creates_them():
    load()
    User.objects.all().delete()  # a database filled before the logins existed

    out = load(if_empty=True)

    assert set(demo_users()) == set(demo.DEMO_USERNAMES)
    assert Authenticator.objects.filter(user__username="petugas", type=Authenticator.Type.TOTP).count() == 1
    linked = Member.objects.get(kpj=printed_member_kpj(out)).user
    assert linked is not None
    assert linked.username == demo.DEMO_MEMBER_USERNAME


def test_a_changed_password_is_left_alone_and_not_printed_and_a_removed_factor_comes_back():
    load()
    officer = User.objects.get(username="petugas")
    officer.set_password("diganti-oleh-penguji")
    officer.save()
    Authenticator.objects.filter(user=officer).delete()
    EmailAddress.objects.filter(user=officer).update(verified=False)

    out = load(if_empty=True)

    officer.refresh_from_db()
    assert officer.check_password("diganti-oleh-penguji")
    assert "officer: user petugas  (its password was changed since and is left alone)" in out
    assert Authenticator.objects.filter(user=officer, type=Authenticator.Type.TOTP).count() == 1
    assert EmailAddress.objects.filter(user=officer, verified=True).count() == 1
    assert "member: KPJ" in out


def test_the_same_seed_links_the_same_person_after_a_reset():
    first = printed_member_kpj(load())
    member_user = User.objects.get(username=demo.DEMO_MEMBER_USERNAME)

    again = printed_member_kpj(load(reset=True))

    assert again == first
    assert User.objects.get(username=demo.DEMO_MEMBER_USERNAME).pk == member_user.pk
    assert Member.objects.get(kpj=again).user_id == member_user.pk
    assert User.objects.count() == 3


def test_the_demo_officer_predating_user_kinds_becomes_an_officer():
    User.objects.create_superuser("petugas", "petugas@example.com", "jamsos-demo-2026")

    load()

    officer = User.objects.get(username="petugas")
    assert officer.kind == UserKind.OFFICER
    assert EmailAddress.objects.filter(user=officer, verified=True, primary=True).count() == 1


@pytest.mark.parametrize("username", [demo.DEMO_MEMBER_USERNAME, demo.DEMO_EMPLOYER_USERNAME])
def test_the_member_and_the_employer_staff_sign_in_with_the_password_and_the_sms_code(
    client, django_capture_on_commit_callbacks, username
):
    out = load()
    user = User.objects.get(username=username)
    login = printed_member_kpj(out) if user.kind == UserKind.MEMBER else username

    response = sign_in(client, login, django_capture_on_commit_callbacks)

    assert response.status_code == 302
    assert response["Location"] == CONFIRM_URL
    sms = RecordedSms.objects.get()
    assert sms.to == user.phone
    code = re.search(r"\b(\d{6})\b", sms.body)
    assert code
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(CONFIRM_URL, {"code": code.group(1)})
    assert response.status_code == 302
    assert response["Location"] == ACCOUNT_URL
    assert client.get(ACCOUNT_URL).wsgi_request.user.pk == user.pk


def test_the_officer_signs_in_with_the_code_the_outbox_shows_and_gets_no_sms(
    client, django_capture_on_commit_callbacks
):
    load()
    officer = User.objects.get(username="petugas")

    response = sign_in(client, "petugas", django_capture_on_commit_callbacks)

    assert response.status_code == 302
    assert response["Location"] == MFA_AUTHENTICATE_URL
    assert not RecordedSms.objects.exists()
    [shown] = demo.current_totp_codes()
    if shown.seconds_left < 3:  # MFA_TOTP_TOLERANCE is 0: do not race the end of the period
        time.sleep(shown.seconds_left)
        [shown] = demo.current_totp_codes()
    assert shown.username == "petugas"
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(MFA_AUTHENTICATE_URL, {"code": shown.code})
    assert response.status_code == 302
    assert response["Location"] == ACCOUNT_URL
    assert client.get(ACCOUNT_URL).wsgi_request.user.pk == officer.pk


# jamsos enrol-authenticator -----------------------------------------------------------------


def enrol(*args: str) -> str:
    out = io.StringIO()
    call_command("enrol_authenticator", *args, stdout=out)
    return out.getvalue()


def secret_in(out: str) -> str:
    match = re.search(r"secret \(to type into the app instead\): ([A-Z2-7]{32})\n", out)
    assert match, out
    return match.group(1)


def code_now(secret: str) -> str:
    period = settings.MFA_TOTP_PERIOD
    if period - time.time() % period < 3:  # MFA_TOTP_TOLERANCE is 0: do not race the period's end
        time.sleep(period - time.time() % period)
    return format_hotp_value(hotp_value(secret, int(time.time()) // period))


def test_enrol_authenticator_gives_an_officer_an_app_and_prints_its_secret_once(
    django_capture_on_commit_callbacks,
):
    officer = OfficerFactory.create(username="budi")

    with django_capture_on_commit_callbacks(execute=True):
        out = enrol("budi")

    secret = secret_in(out)
    assert f"otpauth://totp/{officer.email.replace('@', '%40')}?secret={secret}&issuer=jamsos" in out
    totp = Authenticator.objects.get(user=officer)
    assert totp.type == Authenticator.Type.TOTP
    # Stored encrypted: neither the secret nor anything base32 is in the database.
    assert secret not in str(totp.data)
    assert not BASE32.search(totp.data["secret"])
    assert TOTP(totp).validate_code(code_now(secret))
    event = SecurityEvent.objects.get(user=officer)
    assert (event.kind, event.detail) == (EventKind.FACTOR_ADDED, "totp, by an administrator")
    assert [message.to for message in mail.outbox] == [[officer.email]]
    assert secret not in mail.outbox[0].body
    assert [sms.to for sms in RecordedSms.objects.all()] == [officer.phone]
    assert secret not in RecordedSms.objects.get().body


def test_enrol_authenticator_is_refused_when_the_officer_has_one_and_changes_nothing():
    officer = OfficerFactory.create(username="budi")
    enrol("budi")
    before = list(Authenticator.objects.values_list("pk", "data"))
    events = SecurityEvent.objects.count()

    with pytest.raises(CommandError, match=r"budi already has an authenticator app\. Use --replace"):
        enrol("budi")

    assert list(Authenticator.objects.values_list("pk", "data")) == before
    assert SecurityEvent.objects.count() == events
    assert Authenticator.objects.filter(user=officer).count() == 1


def test_enrol_authenticator_with_replace_swaps_the_app_and_the_old_secret_stops_working():
    officer = OfficerFactory.create(username="budi")
    old_secret = secret_in(enrol("budi"))
    old = Authenticator.objects.get(user=officer)

    out = enrol("budi", "--replace")

    new_secret = secret_in(out)
    assert "The previous authenticator app of budi was removed." in out
    assert new_secret != old_secret
    [new] = Authenticator.objects.filter(user=officer)
    assert new.pk != old.pk
    assert TOTP(new).validate_code(code_now(new_secret))
    assert code_now(old_secret) == code_now(new_secret) or not TOTP(new).validate_code(code_now(old_secret))
    kinds = list(SecurityEvent.objects.filter(user=officer).order_by("pk").values_list("kind", flat=True))
    assert kinds == [EventKind.FACTOR_ADDED, EventKind.FACTOR_REMOVED, EventKind.FACTOR_ADDED]


def test_enrol_authenticator_refuses_an_unknown_user():
    with pytest.raises(CommandError, match=r"No user named 'nobody': nothing was changed\."):
        enrol("nobody")

    assert not Authenticator.objects.exists()


def test_enrol_authenticator_refuses_a_member_who_adds_one_themselves():
    member = UserFactory.create(username="siti")

    with pytest.raises(
        CommandError, match=r"siti is not an officer: .* under /akun/2fa/\. Nothing was changed\."
    ):
        enrol("siti")

    assert not Authenticator.objects.filter(user=member).exists()
    assert not SecurityEvent.objects.exists()


def test_the_enrolled_officer_signs_in_with_the_app(client, django_capture_on_commit_callbacks):
    officer = OfficerFactory.create(username="budi")
    secret = secret_in(enrol("budi"))

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/masuk/", {"login": "budi", "password": PASSWORD})
    assert response["Location"] == MFA_AUTHENTICATE_URL
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(MFA_AUTHENTICATE_URL, {"code": code_now(secret)})

    assert response["Location"] == ACCOUNT_URL
    assert client.get(ACCOUNT_URL).wsgi_request.user.pk == officer.pk

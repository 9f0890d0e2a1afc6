"""Per-account lockout, ported from Keycloak's BruteForceTest (security.md LOCK-01..04).

5 consecutive failures make the account wait 1 minute after each further failure, 10 make it
wait 15 minutes, 20 one hour; at 100 it stays locked until an officer unlocks it or the member
resets the password. Every factor counts on one counter per account, whatever the address.
"""

from datetime import UTC, datetime, timedelta

import pytest
from django.core import mail

from jamsos.identity import lockout
from jamsos.identity.accounts import parse_identifier
from jamsos.identity.models import AccountLock, EventKind, SecurityEvent, User
from jamsos.identity.tests.conftest import (
    CONFIRM_URL,
    LOGIN_URL,
    MFA_AUTHENTICATE_URL,
    give_totp,
    is_signed_in,
    last_code,
    reset_link,
    reset_password,
)
from jamsos.identity.tests.factories import PASSWORD, MemberUserFactory, OfficerFactory
from jamsos.notifications.models import RecordedSms

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("captcha_test_mode")]

KPJ = "11001234567"
WRONG = "bukan-kata-sandinya"
MISMATCH = "The membership number, NIK or email and the password do not match."
START = datetime(2026, 11, 23, 2, 0, tzinfo=UTC)
SOLVED = {"captcha_0": "x", "captcha_1": "PASSED"}


def attempt(signon, login=KPJ, password=WRONG, ip="192.0.2.10", captcha=SOLVED):
    return signon.password(login, password, data=dict(captcha), REMOTE_ADDR=ip)


def fail(signon, login=KPJ, ip="192.0.2.10"):
    response = attempt(signon, login, WRONG, ip)
    assert response.status_code == 200
    assert MISMATCH in response.content.decode()
    return response


def password_accepted(signon, login=KPJ, ip="192.0.2.10") -> bool:
    """The right password: True when it reaches the code step, False when refused as wrong."""
    response = attempt(signon, login, PASSWORD, ip)
    if response.status_code == 302:
        assert response["Location"] == CONFIRM_URL
        return True
    assert response.status_code == 200
    assert MISMATCH in response.content.decode()
    return False


def failures(user: User) -> int:
    return lockout.failures_of(user, "")


def fail_until(signon, now, count: int) -> None:
    """Fails `count` times in a row, waiting out each lock on the way (as a patient attacker)."""
    for _ in range(count):
        wait = lockout.wait_after(failures_of_member())
        if wait:
            now.shift(wait + timedelta(seconds=1))
        fail(signon)


def failures_of_member() -> int:
    lock = AccountLock.objects.first()
    return lock.failures if lock else 0


@pytest.mark.parametrize(
    ("count", "wait"),
    [(5, timedelta(minutes=1)), (10, timedelta(minutes=15)), (20, timedelta(hours=1))],
)
def test_the_wait_grows_with_the_failures_and_the_right_password_works_after_it(
    signon, member, now, count, wait
):
    fail_until(signon, now, count)
    assert failures(member) == count

    now.shift(wait - timedelta(seconds=1))
    assert not password_accepted(signon)
    assert RecordedSms.objects.count() == 0

    now.shift(timedelta(seconds=2))
    assert password_accepted(signon)
    signon.code(last_code())

    assert is_signed_in(signon.client, member)
    assert failures(member) == 0
    assert AccountLock.objects.get(user=member).locked_until is None


def test_four_failures_do_not_lock(signon, member, now):
    fail_until(signon, now, 4)

    assert password_accepted(signon)
    assert AccountLock.objects.get(user=member).locked_until is None


def test_a_complete_sign_in_resets_the_count(signon, member, make_signon, now):
    fail_until(signon, now, 4)
    signon.login(KPJ, data=SOLVED)
    assert failures(member) == 0

    other = make_signon()
    fail_until(other, now, 4)

    # Without the reset these would be failures 5 to 8, and the account would be locked.
    assert failures(member) == 4
    assert password_accepted(other)


def test_the_password_alone_does_not_reset_the_count(signon, member, now):
    fail_until(signon, now, 4)

    assert password_accepted(signon)

    assert failures(member) == 4


@pytest.mark.parametrize("login", ["kpj", "nik", "email"])
def test_every_way_of_writing_the_account_counts_on_one_counter(signon, member, now, login):
    variants = [KPJ, "1100 1234 567", f" {member.nik} ", member.email.upper(), " 11001234567 "]
    for variant in variants:
        fail(signon, variant)

    assert failures(member) == 5
    right = {"kpj": "1100-1234-567", "nik": member.nik, "email": member.email}[login]
    assert not password_accepted(signon, right)


def test_failures_from_ever_new_addresses_still_count_on_the_account(signon, member, now):
    for n in range(5):
        fail(signon, ip=f"198.51.100.{n + 1}")

    assert failures(member) == 5
    assert not password_accepted(signon, ip="203.0.113.99")
    assert SecurityEvent.objects.filter(user=member, kind=EventKind.LOGIN_FAILED).count() == 5
    assert SecurityEvent.objects.filter(user=member, kind=EventKind.LOCKED).count() == 1


def test_failures_made_while_locked_do_not_count(signon, member, now):
    fail_until(signon, now, 5)
    for _ in range(10):
        fail(signon)
    assert not password_accepted(signon)

    assert failures(member) == 5
    now.shift(timedelta(minutes=1, seconds=1))
    fail(signon)
    # The sixth failure: one more minute, not the fifteen of the tenth.
    assert failures(member) == 6
    assert AccountLock.objects.get(user=member).locked_until == START + timedelta(minutes=2, seconds=1)


def test_wrong_sms_codes_count_on_the_account(signon, member, now):
    signon.password(KPJ)
    for _ in range(3):
        signon.code("000000" if last_code() != "000000" else "111111")
    assert failures(member) == 3
    assert SecurityEvent.objects.filter(user=member, kind=EventKind.SECOND_FACTOR_FAILED).count() == 3

    assert password_accepted(signon)
    wrong = "000000" if last_code() != "000000" else "111111"
    signon.code(wrong)
    signon.code(wrong)
    assert failures(member) == 5

    # Locked now: even the right code of this attempt is refused (the third refusal of this
    # attempt, which ends it), and the refusal is not counted.
    response = signon.code(last_code())
    assert response.status_code == 302
    assert response["Location"] == LOGIN_URL
    assert not is_signed_in(signon.client, member)
    assert failures(member) == 5


def test_wrong_authenticator_codes_count_on_the_account(signon, member, now):
    give_totp(member)
    response = attempt(signon, KPJ, PASSWORD)
    assert response["Location"] == MFA_AUTHENTICATE_URL

    for _ in range(5):
        response = signon.post(MFA_AUTHENTICATE_URL, {"code": "000000"})
        assert response.status_code == 200

    assert failures(member) == 5
    assert AccountLock.objects.get(user=member).locked_until == START + timedelta(minutes=1)
    assert not is_signed_in(signon.client, member)


def test_wrong_passwords_at_reauthentication_count_on_the_account(signon, member, now):
    signon.login(KPJ)
    for _ in range(5):
        response = signon.post("/akun/reauthenticate/", {"password": WRONG})
        assert response.status_code == 200

    assert failures(member) == 5
    # Locked: the right password does not reauthenticate either.
    assert signon.post("/akun/reauthenticate/", {"password": PASSWORD}).status_code == 200


def test_a_hundred_failures_lock_until_an_officer_unlocks(signon, member, now):
    AccountLock.objects.create(user=member, failures=99)
    fail(signon)
    assert failures(member) == 100
    assert [a.user for a in lockout.locked_accounts()] == [member]

    now.shift(timedelta(days=365))
    assert not password_accepted(signon)

    officer = OfficerFactory.create()
    lockout.unlock(member, officer=officer, verified_by="KTP checked at branch")

    assert failures(member) == 0
    event = SecurityEvent.objects.get(user=member, kind=EventKind.UNLOCKED)
    assert (event.actor, event.detail) == (officer, "KTP checked at branch")
    assert lockout.locked_accounts() == []
    assert password_accepted(signon)


def test_a_hundred_failures_lock_until_the_member_resets_the_password(signon, member, now):
    AccountLock.objects.create(user=member, failures=99)
    fail(signon)
    signon.post("/lupa-kata-sandi/", {"email": KPJ})
    new = "teh-manis-sore-hari"

    reset_password(signon, reset_link(mail.outbox[-1]), new)

    assert failures(member) == 0
    assert password_accepted(signon, ip="192.0.2.11") is False  # the old password is gone
    response = attempt(signon, KPJ, new)
    assert response["Location"] == CONFIRM_URL


def test_an_unknown_identifier_is_locked_the_same_way(signon, member, now):
    unknown = "99999999999"
    key = parse_identifier(unknown).key
    for _ in range(5):
        fail(signon, unknown)

    assert lockout.failures_of(None, key) == 5
    assert lockout.is_locked(None, key)
    for _ in range(3):
        fail(signon, unknown)
    assert lockout.failures_of(None, key) == 5  # not counted while "locked"
    now.shift(timedelta(minutes=1, seconds=1))
    assert not lockout.is_locked(None, key)
    assert failures(member) == 0


def test_failures_on_an_unknown_number_do_not_block_the_member_who_later_holds_it(signon, now):
    for _ in range(5):
        fail(signon, "1100 7654 321")

    late = MemberUserFactory.create(member__kpj="11007654321")

    assert password_accepted(signon, "11007654321")
    assert failures(late) == 0


def test_the_captcha_appears_after_three_failures_of_one_account(signon, member, now):
    for n in range(3):
        response = attempt(signon, ip=f"198.51.100.{n + 1}", captcha={})
        assert 'name="captcha_1"' not in response.content.decode()
    assert failures(member) == 3

    # The fourth try, from yet another address, must solve the picture first; unsolved, the
    # password is not even checked and nothing is counted.
    response = attempt(signon, password=PASSWORD, ip="198.51.100.9", captcha={})
    assert response.status_code == 200
    assert 'name="captcha_1"' in response.content.decode()
    assert failures(member) == 3

    response = attempt(
        signon, password=PASSWORD, ip="198.51.100.9", captcha={"captcha_0": "x", "captcha_1": "WRONG"}
    )
    assert response.status_code == 200
    assert "The characters do not match the picture." in response.content.decode()
    assert RecordedSms.objects.count() == 0
    assert failures(member) == 3

    assert password_accepted(signon, ip="198.51.100.9")


def test_the_captcha_appears_after_three_failures_from_one_address(signon, member, now):
    for n in range(3):
        fail(signon, f"1100000000{n}", ip="192.0.2.77")

    page = signon.client.get(LOGIN_URL, REMOTE_ADDR="192.0.2.77")
    assert 'name="captcha_1"' in page.content.decode()
    other = signon.client.get(LOGIN_URL, REMOTE_ADDR="192.0.2.78")
    assert 'name="captcha_1"' not in other.content.decode()

    response = attempt(signon, password=PASSWORD, ip="192.0.2.77", captcha={})
    assert response.status_code == 200
    assert RecordedSms.objects.count() == 0
    assert password_accepted(signon, ip="192.0.2.77")


def test_officers_are_locked_like_members(signon, now):
    officer = OfficerFactory.create()
    for _ in range(5):
        fail(signon, officer.username)

    assert failures(officer) == 5
    assert not password_accepted(signon, officer.username.upper())

"""Officers: the list of locked accounts, the unlock that records how the person was verified,
and the security events that nobody can edit."""

from datetime import timedelta

import pytest
from django.contrib.auth.models import Permission
from django.test import Client

from jamsos.core import clock
from jamsos.identity import lockout
from jamsos.identity.models import AccountLock, EventKind, SecurityEvent, User
from jamsos.identity.tests.factories import MemberUserFactory, OfficerFactory

pytestmark = pytest.mark.django_db

LIST_URL = "/petugas/admin/identity/accountlock/"
EVENTS_URL = "/petugas/admin/identity/securityevent/"


def unlock_url(lock: AccountLock) -> str:
    return f"{LIST_URL}{lock.pk}/unlock/"


def lock(user: User, *, failures: int, for_: timedelta | None) -> AccountLock:
    return AccountLock.objects.create(
        user=user,
        failures=failures,
        locked_until=clock.now() + for_ if for_ is not None else None,
        last_failure_at=clock.now(),
    )


@pytest.fixture
def officer() -> User:
    user = OfficerFactory.create()
    user.user_permissions.add(
        *Permission.objects.filter(
            content_type__app_label="identity", codename__in=["view_accountlock", "change_accountlock"]
        )
    )
    return user


@pytest.fixture
def officer_client(officer: User) -> Client:
    client = Client()
    client.cookies["django_language"] = "en"
    client.force_login(officer)
    return client


def test_the_list_shows_exactly_the_accounts_locked_now_or_for_good(officer_client):
    waiting = lock(
        MemberUserFactory.create(first_name="Waiting", last_name="Member"),
        failures=10,
        for_=timedelta(minutes=15),
    )
    permanent = lock(
        MemberUserFactory.create(first_name="Permanent", last_name="Member"), failures=100, for_=None
    )
    lapsed = lock(
        MemberUserFactory.create(first_name="Lapsed", last_name="Member"),
        failures=5,
        for_=timedelta(minutes=-1),
    )
    counting = lock(
        MemberUserFactory.create(first_name="Counting", last_name="Member"), failures=2, for_=None
    )

    html = officer_client.get(LIST_URL).content.decode()

    assert {lock.pk for lock in lockout.locked_accounts()} == {waiting.pk, permanent.pk}
    assert "Waiting Member" in html
    assert "Permanent Member" in html
    assert "Lapsed Member" not in html
    assert "Counting Member" not in html
    assert f'href="{unlock_url(waiting)}"' in html
    assert f'href="{unlock_url(lapsed)}"' not in html
    assert f'href="{unlock_url(counting)}"' not in html


def test_the_list_shows_the_nik_only_by_its_last_digits(officer_client):
    member = MemberUserFactory.create()
    lock(member, failures=100, for_=None)

    html = officer_client.get(LIST_URL).content.decode()

    assert member.nik not in html
    assert "*" * 12 + member.nik[-4:] in html


def test_unlocking_requires_the_method_and_a_note_and_changes_nothing_without_them(officer_client):
    member = MemberUserFactory.create()
    locked = lock(member, failures=20, for_=timedelta(hours=1))

    missing_both = officer_client.post(unlock_url(locked), {})
    blank_note = officer_client.post(unlock_url(locked), {"method": "ktp_branch", "note": "   "})
    unknown_method = officer_client.post(unlock_url(locked), {"method": "trust_me", "note": "said so"})

    for response in (missing_both, blank_note, unknown_method):
        assert response.status_code == 200
    assert "This field is required." in missing_both.content.decode()
    assert "This field is required." in blank_note.content.decode()  # spaces are no note
    assert "Select a valid choice." in unknown_method.content.decode()
    locked.refresh_from_db()
    assert (locked.failures, lockout.is_locked(member, "")) == (20, True)
    assert not SecurityEvent.objects.filter(kind=EventKind.UNLOCKED).exists()


def test_unlocking_ends_the_lock_and_records_the_officer_and_the_method(officer, officer_client):
    member = MemberUserFactory.create()
    locked = lock(member, failures=100, for_=None)

    response = officer_client.post(
        unlock_url(locked), {"method": "video_call", "note": "Video call, KTP shown, photo matched"}
    )

    assert response.status_code == 302
    assert response["Location"] == LIST_URL
    locked.refresh_from_db()
    assert (locked.failures, locked.locked_until) == (0, None)
    assert not lockout.is_locked(member, "")
    event = SecurityEvent.objects.get(user=member, kind=EventKind.UNLOCKED)
    assert event.actor == officer
    assert event.detail == "video_call: Video call, KTP shown, photo matched"
    assert "The account is unlocked" in officer_client.get(LIST_URL).content.decode()


def test_the_unlock_page_shows_the_choices_and_the_account(officer_client):
    member = MemberUserFactory.create(first_name="Siti", last_name="Locked")
    locked = lock(member, failures=100, for_=None)

    html = officer_client.get(unlock_url(locked)).content.decode()

    assert "Siti Locked" in html
    assert "KTP seen at a branch office" in html
    assert "Video call with the KTP shown" in html
    assert "Other (described in the note)" in html
    assert member.nik not in html


def test_an_account_that_is_not_locked_is_not_unlocked_again(officer_client):
    member = MemberUserFactory.create()
    lapsed = lock(member, failures=5, for_=timedelta(minutes=-1))

    response = officer_client.post(unlock_url(lapsed), {"method": "ktp_branch", "note": "seen"})

    assert response.status_code == 302
    lapsed.refresh_from_db()
    assert lapsed.failures == 5
    assert not SecurityEvent.objects.filter(kind=EventKind.UNLOCKED).exists()


def test_an_officer_without_the_change_permission_cannot_unlock():
    viewer = OfficerFactory.create()
    viewer.user_permissions.add(Permission.objects.get(codename="view_accountlock"))
    client = Client()
    client.force_login(viewer)
    locked = lock(MemberUserFactory.create(), failures=100, for_=None)

    response = client.post(unlock_url(locked), {"method": "ktp_branch", "note": "seen"})

    assert response.status_code == 403
    locked.refresh_from_db()
    assert locked.failures == 100


def test_a_member_cannot_reach_the_unlock_page(client):
    member = MemberUserFactory.create()
    locked = lock(MemberUserFactory.create(), failures=100, for_=None)
    client.force_login(member)

    response = client.post(unlock_url(locked), {"method": "ktp_branch", "note": "seen"})

    assert response.status_code == 302  # to the admin login, which sends people to /masuk/
    locked.refresh_from_db()
    assert locked.failures == 100


def test_security_events_can_be_read_but_not_added_changed_or_deleted(officer_client):
    superuser = OfficerFactory.create(is_superuser=True)
    client = Client()
    client.force_login(superuser)
    event = SecurityEvent.objects.create(user=MemberUserFactory.create(), kind=EventKind.LOGIN_FAILED)

    listing = client.get(EVENTS_URL)
    detail = client.get(f"{EVENTS_URL}{event.pk}/change/")
    change = client.post(f"{EVENTS_URL}{event.pk}/change/", {"kind": "login", "detail": "edited"})
    delete = client.post(f"{EVENTS_URL}{event.pk}/delete/", {"post": "yes"})
    add = client.get(f"{EVENTS_URL}add/")

    assert listing.status_code == 200
    assert detail.status_code == 200
    assert 'name="_save"' not in detail.content.decode()
    assert change.status_code == 403
    assert delete.status_code == 403
    assert add.status_code == 403
    event.refresh_from_db()
    assert (event.kind, event.detail) == (EventKind.LOGIN_FAILED, "")


@pytest.mark.parametrize(("method", "note"), [("trust_me", "seen"), ("ktp_branch", "  \n ")])
def test_the_unlock_function_refuses_an_unknown_method_or_an_empty_note(officer, method, note):
    from jamsos.identity import unlocking

    member = MemberUserFactory.create()
    locked = lock(member, failures=100, for_=None)

    with pytest.raises(ValueError):
        unlocking.unlock_account(member, officer=officer, method=method, note=note)

    locked.refresh_from_db()
    assert locked.failures == 100
    assert not SecurityEvent.objects.filter(kind=EventKind.UNLOCKED).exists()

"""Nobody learns from Masuk or Lupa Kata Sandi whether an account exists or is locked
(security.md ENUM-01, LOCK-02, REC-01): same status, same page, about the same time."""

import re
import statistics
import time
from collections.abc import Callable
from datetime import timedelta

import pytest
from django.core import mail
from django.http import HttpResponse

from jamsos.identity.models import AccountLock, User
from jamsos.identity.tests.factories import PASSWORD, MemberUserFactory

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("captcha_test_mode")]

WRONG = "bukan-kata-sandinya"
SOLVED = {"captcha_0": "x", "captcha_1": "PASSED"}
UNKNOWN_KPJ = "11009999999"
RUNS = 30
MAX_MEDIAN_GAP = 0.020  # seconds


def normalised(response: HttpResponse, typed: str) -> str:
    """The page with what legitimately differs removed: tokens, the CAPTCHA key, the identifier."""
    body = response.content.decode()
    body = re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', 'name="csrfmiddlewaretoken"', body)
    body = re.sub(r"[0-9a-f]{40}", "CAPTCHA-KEY", body)
    return body.replace(typed, "IDENTIFIER")


@pytest.fixture
def known() -> User:
    return MemberUserFactory.create(member__kpj="11001234567")


@pytest.fixture
def locked() -> User:
    user = MemberUserFactory.create(member__kpj="11002222222")
    AccountLock.objects.create(user=user, failures=100)
    return user


def masuk(signon, login: str, password: str, ip: str) -> HttpResponse:
    return signon.password(login, password, data=SOLVED, REMOTE_ADDR=ip)


def test_wrong_password_unknown_account_and_locked_account_get_the_same_page(signon, known, locked):
    # Three failures from this address first, so every answer below carries the CAPTCHA.
    for n in range(3):
        masuk(signon, f"1100000000{n}", WRONG, "192.0.2.50")

    answers = {
        "wrong password": masuk(signon, "11001234567", WRONG, "192.0.2.50"),
        "unknown account": masuk(signon, UNKNOWN_KPJ, PASSWORD, "192.0.2.50"),
        "locked, wrong password": masuk(signon, "11002222222", WRONG, "192.0.2.50"),
        "locked, right password": masuk(signon, "11002222222", PASSWORD, "192.0.2.50"),
    }

    typed = {
        "wrong password": "11001234567",
        "unknown account": UNKNOWN_KPJ,
        "locked, wrong password": "11002222222",
        "locked, right password": "11002222222",
    }
    assert {name: r.status_code for name, r in answers.items()} == dict.fromkeys(answers, 200)
    pages = {normalised(r, typed[name]) for name, r in answers.items()}
    assert len(pages) == 1
    page = pages.pop()
    assert "The membership number, NIK or email and the password do not match." in page
    assert 'name="captcha_1"' in page


def test_a_first_try_at_a_known_and_an_unknown_account_get_the_same_page(signon, known):
    wrong = masuk(signon, "11001234567", WRONG, "192.0.2.60")
    unknown = masuk(signon, UNKNOWN_KPJ, WRONG, "192.0.2.61")

    assert wrong.status_code == unknown.status_code == 200
    assert normalised(wrong, "11001234567") == normalised(unknown, UNKNOWN_KPJ)
    assert 'name="captcha_1"' not in normalised(wrong, "11001234567")


def test_an_empty_password_gets_the_same_page_for_known_unknown_and_locked_accounts(signon, known, locked):
    for n in range(3):
        masuk(signon, f"1100000000{n}", WRONG, "192.0.2.70")

    answers = {
        typed: masuk(signon, typed, "", "192.0.2.70") for typed in ["11001234567", UNKNOWN_KPJ, "11002222222"]
    }

    assert {r.status_code for r in answers.values()} == {200}
    pages = {normalised(r, typed) for typed, r in answers.items()}
    assert len(pages) == 1
    assert "This field is required." in pages.pop()
    # An empty password is not an attempt: nothing is counted.
    assert AccountLock.objects.filter(user=known).first() is None
    assert AccountLock.objects.get(user=locked).failures == 100


def interleaved_medians(cases: dict[str, Callable[[int], object]], runs: int = RUNS) -> dict[str, float]:
    """Runs the cases in turn (so drift in machine load falls on all alike); their medians."""
    spent: dict[str, list[float]] = {name: [] for name in cases}
    for n in range(runs):
        for name, case in cases.items():
            started = time.perf_counter()
            case(n)
            spent[name].append(time.perf_counter() - started)
    return {name: statistics.median(values) for name, values in spent.items()}


def test_masuk_takes_the_same_time_for_wrong_unknown_and_locked(signon, known, locked):
    def wrong_password(n: int) -> None:
        AccountLock.objects.filter(user=known).delete()  # stays a first failure, never a lock
        response = masuk(signon, "11001234567", WRONG, f"10.1.{n}.1")
        assert response.status_code == 200

    def unknown_account(n: int) -> None:
        response = masuk(signon, f"1100888{n:04d}", WRONG, f"10.2.{n}.1")
        assert response.status_code == 200

    def locked_account(n: int) -> None:
        response = masuk(signon, "11002222222", PASSWORD, f"10.3.{n}.1")
        assert response.status_code == 200

    medians = interleaved_medians(
        {"wrong": wrong_password, "unknown": unknown_account, "locked": locked_account}
    )

    assert max(medians.values()) - min(medians.values()) < MAX_MEDIAN_GAP, medians


def lupa(signon, typed: str, ip: str) -> HttpResponse:
    return signon.post("/lupa-kata-sandi/", {"email": typed}, REMOTE_ADDR=ip)


def test_lupa_kata_sandi_answers_the_same_for_known_unknown_and_locked(signon, known, locked):
    answers = [
        lupa(signon, "11001234567", "192.0.2.80"),
        lupa(signon, UNKNOWN_KPJ, "192.0.2.81"),
        lupa(signon, "11002222222", "192.0.2.82"),
        lupa(signon, "nobody@contoh.id", "192.0.2.83"),
    ]

    assert {(r.status_code, r["Location"], r.content) for r in answers} == {
        (302, "/akun/password/reset/done/", b"")
    }
    # The known and the locked account get their link; nothing goes to a typed address.
    assert sorted(m.to[0] for m in mail.outbox) == sorted([known.email, locked.email])
    done = signon.client.get("/akun/password/reset/done/")
    assert done.status_code == 200


def test_lupa_kata_sandi_takes_the_same_time_for_known_unknown_and_locked(
    signon, known, locked, time_machine
):
    time_machine.move_to(time.time(), tick=False)

    def case(typed: str) -> Callable[[int], None]:
        def run(n: int) -> None:
            response = lupa(signon, typed, f"10.4.{n}.{len(typed)}")
            assert response.status_code == 302

        return run

    def next_round(n: int) -> None:
        # allauth allows 5 requests a minute per identifier: each round is a minute later.
        time_machine.shift(timedelta(minutes=1))

    medians = interleaved_medians(
        {
            "known": case("11001234567"),
            "unknown": case(UNKNOWN_KPJ),
            "locked": case("11002222222"),
            "tick": next_round,
        }
    )
    medians.pop("tick")

    assert max(medians.values()) - min(medians.values()) < MAX_MEDIAN_GAP, medians
    assert len(mail.outbox) == 2 * RUNS

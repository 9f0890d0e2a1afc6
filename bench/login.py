"""The login benchmark: one POST of the password step of /masuk/ against one Argon2id verify.

The request runs the whole password step as a browser's would, through the WSGI application
(every middleware, the form, the identifier lookup, the lockout check, one Argon2id hash and,
for the right password, the SMS stage: a code drawn, stored in the session and recorded by the
SMS gateway). The floor is the one thing it cannot avoid: one `Argon2idHasher.verify` with the
same parameters, timed in the same loop, alternating with the requests so machine noise falls
on both alike. Three cases: the right password, a wrong one, and an account that does not exist
(which must hash too: its ratio to the wrong password is the timing-parity guard, 0.8 to 1.25).

It runs on the configured database engine (DATABASE_URL, else SQLite in a temporary file, as
the demo's), in a throwaway test database created and dropped here, so no real account is
touched. BENCH_RUNS sets the timed runs per case (default 50), after BENCH_WARMUP (default 5).
Between runs the cache and the account's failure count are cleared (untimed): otherwise the
lockout, the SMS quota and the address limit would turn later runs into a different path.
"""

import io
import os
import re
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from http.cookies import SimpleCookie
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

from bench import Measurement, machine

TARGET_RATIO = 1.3
PARITY = (0.8, 1.25)
KPJ = "11001234567"
PASSWORD = "kopi-tubruk-pagi-hari"  # noqa: S105 - a throwaway account in a throwaway database
WRONG_PASSWORD = "teh-manis-sore-hari"  # noqa: S105
UNKNOWN_KPJ = "11007654321"


def _setup_django() -> None:
    # The test profile: a fixed secret and a local cache, and no demo data touched.
    os.environ.setdefault("JAMSOS_ENV", "test")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    import django

    django.setup()


def _percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


def _member() -> Any:
    """A member who can sign in: linked KPJ, verified phone and email (as activation leaves one)."""
    from allauth.account.models import EmailAddress

    from jamsos.identity.models import User, UserKind
    from jamsos.members.tests.factories import MemberFactory

    user = User(
        username="bench-anggota",
        kind=UserKind.MEMBER,
        email="bench@example.com",
        phone="+6281234567890",
        phone_verified=True,
        nik="3173015705900001",
    )
    user.set_password(PASSWORD)
    user.save()
    EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
    MemberFactory.create(kpj=KPJ, nik=user.nik, user=user)
    return user


class Browser:
    """A minimal browser over the WSGI application: cookies, and the CSRF token of the form.

    A plain WSGI call, as the production server makes one, rather than Django's test client,
    which copies every template context for its assertions and would inflate the figure.
    """

    def __init__(self, app: Any) -> None:
        self.app = app
        self.cookies: dict[str, str] = {}

    def request(self, method: str, path: str, data: dict[str, str] | None = None) -> tuple[int, bytes]:
        body = urlencode(data or {}).encode()
        environ = {
            "REQUEST_METHOD": method,
            "PATH_INFO": path,
            "QUERY_STRING": "",
            "SERVER_NAME": "localhost",
            "SERVER_PORT": "80",
            "SERVER_PROTOCOL": "HTTP/1.1",
            "HTTP_HOST": "localhost",
            "HTTP_USER_AGENT": "Mozilla/5.0 (X11; Linux x86_64) jamsos-bench",
            "HTTP_ACCEPT_LANGUAGE": "id-ID,id;q=0.9",
            "HTTP_COOKIE": "; ".join(f"{name}={value}" for name, value in self.cookies.items()),
            "REMOTE_ADDR": "127.0.0.1",
            "CONTENT_TYPE": "application/x-www-form-urlencoded",
            "CONTENT_LENGTH": str(len(body)),
            "wsgi.input": io.BytesIO(body),
            "wsgi.errors": sys.stderr,
            "wsgi.url_scheme": "http",
            "wsgi.version": (1, 0),
            "wsgi.multithread": False,
            "wsgi.multiprocess": False,
            "wsgi.run_once": False,
        }
        answer: dict[str, Any] = {}

        def start_response(status: str, headers: list[tuple[str, str]], exc_info: Any = None) -> None:
            answer["status"], answer["headers"] = int(status.split()[0]), headers

        result = self.app(environ, start_response)
        try:
            content = b"".join(result)
        finally:
            close = getattr(result, "close", None)
            if close is not None:
                close()  # request_finished: what the server does after every response
        for name, value in answer["headers"]:
            if name.lower() == "set-cookie":
                cookie = SimpleCookie(value)
                for key, morsel in cookie.items():
                    self.cookies[key] = morsel.value
        return answer["status"], content

    def csrf_token(self, html: bytes) -> str:
        match = re.search(rb'name="csrfmiddlewaretoken" value="([^"]+)"', html)
        if match is None:
            raise RuntimeError("no CSRF token on /masuk/")
        return match.group(1).decode()


def _measure(runs: int, warmup: int) -> dict[str, Any]:
    from django.core.cache import cache
    from django.core.wsgi import get_wsgi_application

    from jamsos.identity.hashers import Argon2idHasher
    from jamsos.identity.models import AccountLock, User
    from jamsos.notifications.models import RecordedSms

    app = get_wsgi_application()
    user = _member()
    encoded = user.password
    hasher = Argon2idHasher()
    cases: dict[str, tuple[str, str, int]] = {
        "login": (KPJ, PASSWORD, 302),  # to the SMS code page
        "login_wrong_password": (KPJ, WRONG_PASSWORD, 200),  # the form again, with the error
        "login_unknown_account": (UNKNOWN_KPJ, PASSWORD, 200),
    }

    def post(login: str, password: str, expected: int) -> float:
        cache.clear()
        AccountLock.objects.filter(user=user).delete()
        browser = Browser(app)  # a fresh browser: no session, no device cookie
        status, html = browser.request("GET", "/masuk/")  # untimed: the page the form is on
        data = {"csrfmiddlewaretoken": browser.csrf_token(html), "login": login, "password": password}
        started = time.perf_counter()
        status, _ = browser.request("POST", "/masuk/", data)
        elapsed = time.perf_counter() - started
        if status != expected:
            raise RuntimeError(f"POST /masuk/ answered {status}, expected {expected}")
        return elapsed

    def verify() -> float:
        started = time.perf_counter()
        ok = hasher.verify(PASSWORD, encoded)
        elapsed = time.perf_counter() - started
        assert ok
        return elapsed

    timings: dict[str, list[float]] = {name: [] for name in cases}
    floors: dict[str, list[float]] = {name: [] for name in cases}
    for round_number in range(warmup + runs):
        for name, (login, password, expected) in cases.items():
            login_time = post(login, password, expected)
            floor_time = verify()
            if round_number >= warmup:
                timings[name].append(login_time)
                floors[name].append(floor_time)
    sms_sent = RecordedSms.objects.count()
    rehashed = User.objects.get(pk=user.pk).password != encoded
    return {
        "timings": timings,
        "floors": floors,
        "sms_sent": sms_sent,
        "expected_sms": warmup + runs,
        "rehashed": rehashed,
    }


def _with_test_database(work: Callable[[], dict[str, Any]]) -> tuple[dict[str, Any], str]:
    from django.db import connection

    temporary = None
    if connection.vendor == "sqlite":
        # A file with the demo's WAL settings, not SQLite's in-memory test database: the
        # demo's figures are the ones worth quoting for SQLite.
        temporary = tempfile.TemporaryDirectory(prefix="jamsos-bench-")
        connection.settings_dict["TEST"]["NAME"] = str(Path(temporary.name) / "bench.sqlite3")
    old_name = connection.creation.create_test_db(verbosity=0, autoclobber=True, serialize=False)
    with connection.cursor() as cursor:
        cursor.execute(
            "SHOW server_version" if connection.vendor == "postgresql" else "SELECT sqlite_version()"
        )
        engine = f"{connection.vendor} {cursor.fetchone()[0]}"
    try:
        return work(), engine
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)
        if temporary is not None:
            temporary.cleanup()


def run() -> list[Measurement]:
    runs = int(os.environ.get("BENCH_RUNS", "50"))
    warmup = int(os.environ.get("BENCH_WARMUP", "5"))
    _setup_django()
    from jamsos.identity.hashers import Argon2idHasher

    result, engine = _with_test_database(lambda: _measure(runs, warmup))
    if result["sms_sent"] != result["expected_sms"]:
        raise RuntimeError(f"{result['sms_sent']} SMS recorded, expected one per right-password login")
    host = machine()
    parameters = (
        f"argon2id m={Argon2idHasher.memory_cost // 1024} MiB, "
        f"t={Argon2idHasher.time_cost}, p={Argon2idHasher.parallelism}"
    )
    medians = {name: statistics.median(values) for name, values in result["timings"].items()}
    measurements: list[Measurement] = []
    for name, values in result["timings"].items():
        floor = statistics.median(result["floors"][name])
        measurement: Measurement = {
            "name": name,
            "unit": "s",
            "value": round(medians[name], 5),
            "floor_name": "argon2id verify",
            "floor": round(floor, 5),
            "ratio": round(medians[name] / floor, 3),
            "target_ratio": TARGET_RATIO,
            "runs": runs,
            "machine": host,
            "p95": round(_percentile(values, 0.95), 5),
            "floor_p95": round(_percentile(result["floors"][name], 0.95), 5),
            "database": engine,
            "hasher": parameters,
        }
        if name == "login":
            measurement["rehashes"] = int(result["rehashed"])  # target 0
        if name == "login_unknown_account":
            parity = medians[name] / medians["login_wrong_password"]
            measurement["vs_wrong_password"] = round(parity, 3)  # target 0.8 to 1.25
            measurement["parity_target"] = f"{PARITY[0]} to {PARITY[1]}"
        measurements.append(measurement)
    for m in measurements:
        print(
            f"   {m['name']}: median {m['value'] * 1000:.1f} ms (p95 {m['p95'] * 1000:.1f} ms), "
            f"argon2id verify {m['floor'] * 1000:.1f} ms (p95 {m['floor_p95'] * 1000:.1f} ms), "
            f"ratio {m['ratio']:.2f} (target <= {TARGET_RATIO}), {engine}",
            flush=True,
        )
    return measurements

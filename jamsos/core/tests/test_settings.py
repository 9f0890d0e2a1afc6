"""Settings read from the environment: production is safe by default, the demo runs as is."""

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[3]
PRODUCTION = {
    "JAMSOS_ENV": "production",
    "SECRET_KEY": "k3y-" + "Zq8xV2mN7pL4wR9tY6uI1oP3aS5dF0gH" * 2,
    "REDIS_URL": "redis://127.0.0.1:6379/15",
    "SITE_URL": "https://portal.jamsos.example.id",
    "MFA_ENCRYPTION_KEY": "mfa-" + "Lq2Wv8Zr4Tn6Yp1Ks3Hd5Jf7Gb9Mc0Xa" * 2,
    "SMS_GATEWAY": "jamsos.notifications.sms.RecordingSmsGateway",
    "EMAIL_HOST": "smtp.jamsos.example.id",
}


def python(*args: str, **env: str) -> subprocess.CompletedProcess[str]:
    """Runs the interpreter in the project root with none of jamsos's variables but `env`."""
    unset = {
        "JAMSOS_ENV",
        "DATABASE_URL",
        "REDIS_URL",
        "DEBUG",
        "SECRET_KEY",
        "DJANGO_SETTINGS_MODULE",
        "MFA_ENCRYPTION_KEY",
        "SMS_GATEWAY",
        "EMAIL_HOST",
    }
    clean = {k: v for k, v in os.environ.items() if k not in unset}
    return subprocess.run(  # noqa: S603 - fixed interpreter and arguments
        [sys.executable, *args], cwd=ROOT, env={**clean, **env}, capture_output=True, text=True, timeout=120
    )


def run(code: str, **env: str) -> subprocess.CompletedProcess[str]:
    return python("-c", code, DJANGO_SETTINGS_MODULE="config.settings", **env)


def settings_value(expression: str, **env: str) -> str:
    result = run(
        f"import django; django.setup(); from django.conf import settings; print({expression})", **env
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.strip()


def test_production_settings_pass_the_deploy_checks(tmp_path):
    result = run(
        "import sys; from django.core.management import execute_from_command_line; "
        "execute_from_command_line(['manage.py', 'check', '--deploy', '--fail-level', 'WARNING'])",
        SQLITE_PATH=str(tmp_path / "db.sqlite3"),
        **PRODUCTION,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues (0 silenced)." in result.stdout


def test_production_refuses_to_start_without_a_secret_key():
    env = {**PRODUCTION, "SECRET_KEY": ""}
    result = run("import django; django.setup()", **env)
    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr


def test_production_refuses_to_start_without_a_shared_cache():
    env = {**PRODUCTION, "REDIS_URL": ""}
    result = run("import django; django.setup()", **env)
    assert result.returncode != 0
    assert "REDIS_URL must be set" in result.stderr


def test_debug_is_off_unless_the_demo_turns_it_on(tmp_path):
    assert settings_value("settings.DEBUG", **PRODUCTION) == "False"
    assert settings_value("settings.DEBUG", JAMSOS_ENV="test") == "False"
    assert settings_value("settings.DEBUG", JAMSOS_ENV="demo", JAMSOS_VAR_DIR=str(tmp_path)) == "True"


def test_production_cookies_are_host_only_and_secure():
    values = settings_value(
        "settings.SESSION_COOKIE_NAME, settings.SESSION_COOKIE_SECURE, settings.CSRF_COOKIE_SECURE, "
        "settings.SESSION_COOKIE_HTTPONLY, settings.SECURE_HSTS_SECONDS",
        **PRODUCTION,
    )
    assert values == "__Host-sessionid True True True 63072000"


def test_the_demo_secret_key_is_generated_once_and_kept(tmp_path):
    first = settings_value("settings.SECRET_KEY", JAMSOS_ENV="demo", JAMSOS_VAR_DIR=str(tmp_path))
    second = settings_value("settings.SECRET_KEY", JAMSOS_ENV="demo", JAMSOS_VAR_DIR=str(tmp_path))
    assert first == second
    assert len(first) >= 50
    assert (tmp_path / "secret_key").stat().st_mode & 0o777 == 0o600
    other = tmp_path / "other"
    assert settings_value("settings.SECRET_KEY", JAMSOS_ENV="demo", JAMSOS_VAR_DIR=str(other)) != first


def test_the_default_database_is_a_sqlite_file_in_wal_mode(tmp_path):
    path = tmp_path / "demo.sqlite3"
    result = run(
        "import django; django.setup(); from django.db import connection; "
        "cursor = connection.cursor(); cursor.execute('PRAGMA journal_mode'); print(cursor.fetchone()[0])",
        JAMSOS_ENV="test",
        SQLITE_PATH=str(path),
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "wal"
    with sqlite3.connect(path) as connection:
        assert connection.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_database_url_and_redis_url_select_postgresql_and_redis():
    values = settings_value(
        "settings.DATABASES['default']['ENGINE'], settings.DATABASES['default']['NAME'], "
        "settings.CACHES['default']['BACKEND']",
        JAMSOS_ENV="test",
        DATABASE_URL="postgres://u:p@127.0.0.1:5432/jamsos",
        REDIS_URL="redis://127.0.0.1:6379/1",
    )
    assert values == "django.db.backends.postgresql jamsos django.core.cache.backends.redis.RedisCache"


def test_an_unknown_environment_name_is_refused():
    result = run("import django; django.setup()", JAMSOS_ENV="staging")
    assert result.returncode != 0
    assert "JAMSOS_ENV must be production, demo or test" in result.stderr


@pytest.mark.skipif(not os.environ.get("REDIS_URL"), reason="REDIS_URL is not set: the cache is local memory")
def test_the_cache_round_trips_through_redis():
    from django.core.cache import cache, caches
    from django.core.cache.backends.redis import RedisCache

    assert isinstance(caches["default"], RedisCache)
    cache.set("jamsos-test-key", "nilai", 10)
    assert cache.get("jamsos-test-key") == "nilai"
    cache.delete("jamsos-test-key")


def test_a_checkout_runs_manage_py_with_nothing_set(tmp_path):
    result = python(
        "manage.py",
        "makemigrations",
        "--check",
        "--dry-run",
        JAMSOS_VAR_DIR=str(tmp_path),
        SQLITE_PATH=":memory:",
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "No changes detected" in result.stdout


def test_the_web_server_defaults_to_production_and_needs_its_secrets():
    result = python("-c", "import config.wsgi")
    assert result.returncode != 0
    assert "SECRET_KEY must be set (JAMSOS_ENV=production)" in result.stderr

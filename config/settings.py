"""Settings for every environment, read from the process environment.

JAMSOS_ENV selects the profile: "production" (the default: every secret must be given),
"demo" (DEBUG on, a generated secret kept in var/) or "test". manage.py and the jamsos
command default to "demo" so a checkout works with nothing set; the web server does not.
"""

import os
import secrets
from pathlib import Path

import dj_database_url
from csp.constants import NONE, SELF
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = Path(os.environ.get("JAMSOS_VAR_DIR", BASE_DIR / "var"))

JAMSOS_ENV = os.environ.get("JAMSOS_ENV", "production")
if JAMSOS_ENV not in {"production", "demo", "test"}:
    raise ImproperlyConfigured(f"JAMSOS_ENV must be production, demo or test, not {JAMSOS_ENV!r}")
IS_PRODUCTION = JAMSOS_ENV == "production"


def env_bool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


def _demo_secret_key() -> str:
    """A secret generated once per checkout and kept, so demo sessions survive a restart."""
    path = VAR_DIR / "secret_key"
    if not path.exists():
        VAR_DIR.mkdir(parents=True, exist_ok=True)
        path.write_text(secrets.token_urlsafe(50))
        path.chmod(0o600)
    return path.read_text().strip()


DEBUG = env_bool("DEBUG", default=JAMSOS_ENV == "demo")

SECRET_KEY = os.environ.get("SECRET_KEY", "")
if not SECRET_KEY:
    if JAMSOS_ENV == "demo":
        SECRET_KEY = _demo_secret_key()
    elif JAMSOS_ENV == "test":
        SECRET_KEY = "test-only-" + "x" * 50  # never used outside the test suite
    else:
        raise ImproperlyConfigured("SECRET_KEY must be set (JAMSOS_ENV=production).")

# The address members are told is the only official one; links in emails are built from it,
# never from the Host header.
SITE_URL = os.environ.get(
    "SITE_URL", "https://jamsos.example.id" if IS_PRODUCTION else "http://127.0.0.1:8000"
)

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "" if IS_PRODUCTION else "127.0.0.1,localhost,testserver")
if IS_PRODUCTION and not ALLOWED_HOSTS:
    ALLOWED_HOSTS = [SITE_URL.split("://", 1)[-1].split("/", 1)[0].split(":", 1)[0]]
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", SITE_URL)

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "csp",
    "jamsos.core",
    "jamsos.identity",
    "jamsos.reference",
    "jamsos.employers",
    "jamsos.members",
    "jamsos.portal",
    "jamsos.cli",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "jamsos.core.middleware.LanguageMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "jamsos.portal.context_processors.site",
            ],
        },
    },
]

# Databases: DATABASE_URL, else an embedded SQLite file in WAL mode.
DATABASE_URL = os.environ.get("DATABASE_URL", "")
if DATABASE_URL:
    DATABASES = {"default": dj_database_url.parse(DATABASE_URL, conn_max_age=60, conn_health_checks=True)}
else:
    DATABASES = {
        "default": {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": os.environ.get("SQLITE_PATH", str(VAR_DIR / "jamsos.sqlite3")),
            "OPTIONS": {
                # WAL lets readers run while one writer writes; IMMEDIATE takes the write lock
                # at BEGIN so two writers queue instead of failing half-way.
                "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
                "transaction_mode": "IMMEDIATE",
                "timeout": 20,
            },
        }
    }
    if not os.environ.get("SQLITE_PATH"):
        VAR_DIR.mkdir(parents=True, exist_ok=True)
DATABASES["default"]["ATOMIC_REQUESTS"] = False

# Cache and rate limits: Redis when REDIS_URL is set (production must set it: rate limits and
# one-time-code replay checks need one cache shared by every process).
REDIS_URL = os.environ.get("REDIS_URL", "")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": os.environ.get("CACHE_KEY_PREFIX", "jamsos"),
        }
    }
else:
    if IS_PRODUCTION:
        raise ImproperlyConfigured("REDIS_URL must be set (JAMSOS_ENV=production).")
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

AUTH_USER_MODEL = "identity.User"
PASSWORD_HASHERS = [
    "jamsos.identity.hashers.Argon2idHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 8}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
]

LANGUAGE_CODE = "id"
# Each language is named in itself on the switch, so these names are not translated.
LANGUAGES = [("id", "Bahasa Indonesia"), ("en", "English")]
LOCALE_PATHS = [BASE_DIR / "jamsos" / "locale"]
TIME_ZONE = "Asia/Jakarta"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "staticfiles"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "whitenoise.storage.CompressedManifestStaticFilesStorage"
            if IS_PRODUCTION
            else "django.contrib.staticfiles.storage.StaticFilesStorage"
        )
    },
}

# Outside production WhiteNoise serves straight from the apps' static folders (no collectstatic).
WHITENOISE_USE_FINDERS = not IS_PRODUCTION
WHITENOISE_AUTOREFRESH = not IS_PRODUCTION

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Security headers and cookies. Production is served over HTTPS only.
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"
LANGUAGE_COOKIE_SAMESITE = "Lax"
if IS_PRODUCTION:
    SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_HSTS_SECONDS = 63072000
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    LANGUAGE_COOKIE_SECURE = True
    # __Host- pins the cookie to this exact host, HTTPS and path "/".
    SESSION_COOKIE_NAME = "__Host-sessionid"
    CSRF_COOKIE_NAME = "__Host-csrftoken"

# Content Security Policy (security.md VAL-05): pages load nothing but their own files, no
# inline script, no plugins, and cannot be framed.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "img-src": [SELF, "data:"],
        "object-src": [NONE],
        "base-uri": [NONE],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    }
}

# The admin lives away from the guessable default address.
ADMIN_URL = os.environ.get("ADMIN_URL", "petugas/admin/")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {
        "plain": {
            "()": "jamsos.core.logging.RedactingFormatter",
            "format": "%(asctime)s %(levelname)s %(name)s %(message)s",
        }
    },
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    "loggers": {
        # Request errors are logged without the request body or headers: they may carry a NIK.
        "django.request": {"handlers": ["console"], "level": "ERROR", "propagate": False},
    },
}

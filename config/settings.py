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
    "django.contrib.humanize",  # allauth's session list template loads it
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "csp",
    # jamsos's apps come before allauth and captcha so their templates override those apps' own.
    "jamsos.core",
    "jamsos.identity",
    "jamsos.notifications",
    "jamsos.reference",
    "jamsos.employers",
    "jamsos.members",
    "jamsos.ledger",
    "jamsos.portal",
    "jamsos.cli",
    "django_tasks",
    "django_tasks_db",
    "allauth",
    "allauth.account",
    "allauth.mfa",
    "allauth.usersessions",
    "captcha",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "jamsos.core.middleware.LanguageMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "allauth.usersessions.middleware.UserSessionsMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    # After MessageMiddleware: an expired session is ended with a message saying why.
    "jamsos.identity.sessions.SessionPolicyMiddleware",
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
            # Reopening the file and replaying the PRAGMAs costs ~3 ms a request (bench/login.py).
            "CONN_MAX_AGE": 600,
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
    if not DEBUG and JAMSOS_ENV != "test":
        # Lockout counters, SMS quotas, rate limits and TOTP replay checks must be shared by
        # every process; a per-process cache would let each worker count on its own.
        raise ImproperlyConfigured("REDIS_URL must be set when DEBUG is off.")
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

AUTH_USER_MODEL = "identity.User"
PASSWORD_HASHERS = [
    "jamsos.identity.hashers.Argon2idHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
# security.md PWD-01..04: 8 characters is enough because a second factor is always required;
# no upper limit below 64 and no composition rules; common and personal passwords refused.
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 8}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "jamsos.identity.password_validation.PersonalDataValidator"},
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

# Sign-on (django-allauth), configured to security.md; docs/sign-on.md explains each choice.
AUTHENTICATION_BACKENDS = ["jamsos.identity.backends.IdentifierBackend"]
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "portal:account"
ACCOUNT_ADAPTER = "jamsos.identity.adapter.AccountAdapter"
MFA_ADAPTER = "jamsos.identity.adapter.MFAAdapter"
ACCOUNT_FORMS = {
    "login": "jamsos.identity.forms.MasukForm",
    "reset_password": "jamsos.identity.forms.LupaKataSandiForm",
    "confirm_login_code": "jamsos.identity.forms.SmsCodeForm",
    "change_password": "jamsos.identity.forms.GantiKataSandiForm",
}
MFA_FORMS = {"authenticate": "jamsos.identity.forms.AuthenticatorCodeForm"}
ACCOUNT_LOGIN_METHODS = {"username"}  # the backend reads it as a KPJ, NIK, email or username
ACCOUNT_SIGNUP_FIELDS = ["email*", "username*", "password1*"]  # allauth's open signup is closed (adapter)
ACCOUNT_EMAIL_VERIFICATION = "mandatory"  # every account has a verified email
ACCOUNT_EMAIL_VERIFICATION_BY_CODE_ENABLED = True
ACCOUNT_CHANGE_EMAIL = True
ACCOUNT_PREVENT_ENUMERATION = True
ACCOUNT_EMAIL_NOTIFICATIONS = True
ACCOUNT_SESSION_REMEMBER = False
ACCOUNT_LOGOUT_ON_GET = False
ACCOUNT_LOGIN_ON_PASSWORD_RESET = False
ACCOUNT_REAUTHENTICATION_TIMEOUT = 300
# Changing an email (and the password, see GantiKataSandiForm) needs a recent reauthentication;
# allauth asks for it only when this is on (MFA changes always ask).
ACCOUNT_REAUTHENTICATION_REQUIRED = True
ACCOUNT_PASSWORD_RESET_BY_CODE_ENABLED = False
PASSWORD_RESET_TIMEOUT = 3600
# The SMS code after the password: 6 digits, 5 minutes, 3 tries per code, 3 resends.
ACCOUNT_LOGIN_BY_CODE_ENABLED = False  # never a code instead of the password
ACCOUNT_LOGIN_BY_CODE_REQUIRED = True
ACCOUNT_LOGIN_BY_CODE_TIMEOUT = 300
ACCOUNT_LOGIN_BY_CODE_MAX_ATTEMPTS = 3
# allauth reads the number of resends from SUPPORTS_RESEND (True would mean 2); the SMS quota
# (jamsos.identity.sms_quota: 3 in 10 minutes, 10 a day) refuses a resend beyond it.
ACCOUNT_LOGIN_BY_CODE_SUPPORTS_RESEND = 3
ACCOUNT_LOGIN_BY_CODE_TRUST_ENABLED = False
# allauth's per-key login limit would answer a locked account differently from a wrong
# password; jamsos.identity.lockout counts per account instead, so only the address is limited.
ACCOUNT_RATE_LIMITS = {"login_failed": "20/m/ip"}
ALLAUTH_TRUSTED_PROXY_COUNT = int(os.environ.get("TRUSTED_PROXY_COUNT", "0"))
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes", "webauthn"]
MFA_TOTP_TOLERANCE = 0
MFA_TOTP_PERIOD = 30
MFA_TOTP_DIGITS = 6
MFA_RECOVERY_CODES_SHOW_ONCE = True
MFA_TRUST_ENABLED = False
MFA_PASSKEY_LOGIN_ENABLED = True
MFA_PASSKEY_SIGNUP_ENABLED = False
MFA_WEBAUTHN_ALLOW_INSECURE_ORIGIN = not IS_PRODUCTION  # the demo runs on http://127.0.0.1
MFA_ENCRYPTION_KEY = os.environ.get("MFA_ENCRYPTION_KEY", "")
if not MFA_ENCRYPTION_KEY:
    if IS_PRODUCTION:
        raise ImproperlyConfigured("MFA_ENCRYPTION_KEY must be set (JAMSOS_ENV=production).")
    MFA_ENCRYPTION_KEY = "mfa:" + SECRET_KEY
USERSESSIONS_TRACK_ACTIVITY = True
CAPTCHA_LENGTH = 5
CAPTCHA_TIMEOUT = 5  # minutes
CAPTCHA_FONT_SIZE = 30
CAPTCHA_IMAGE_SIZE = (160, 50)
CAPTCHA_2X_IMAGE = False

# Sessions end after 15 minutes idle and 8 hours in all, enforced on the server (SES-01).
SESSION_IDLE_TIMEOUT = 15 * 60
SESSION_ABSOLUTE_TIMEOUT = 8 * 3600
SESSION_COOKIE_AGE = SESSION_ABSOLUTE_TIMEOUT

# Messages. Email goes through Django's backends: SMTP in production (EMAIL_HOST...), kept in
# the database for /dev/outbox in the demo. SMS goes through one gateway interface.
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "jamsos <no-reply@jamsos.example.id>")
if IS_PRODUCTION or os.environ.get("EMAIL_HOST"):
    EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
    EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "587"))
    EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
    EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
    EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", True)
    EMAIL_TIMEOUT = 10
else:
    EMAIL_BACKEND = "jamsos.notifications.backends.RecordingEmailBackend"
SMS_GATEWAY = os.environ.get("SMS_GATEWAY", "")
if not SMS_GATEWAY:
    if IS_PRODUCTION:
        raise ImproperlyConfigured(
            "SMS_GATEWAY must name the operator's gateway class (JAMSOS_ENV=production)."
        )
    SMS_GATEWAY = "jamsos.notifications.sms.RecordingSmsGateway"
# Messages are delivered by background tasks (ADR 0005): in production a worker process
# (`manage.py db_worker`) runs them from the database; the demo and the tests run each task at
# once in the same process, so nothing else has to be started.
_DEFAULT_TASKS_BACKEND = (
    "django_tasks_db.DatabaseBackend" if IS_PRODUCTION else "django_tasks.backends.immediate.ImmediateBackend"
)
TASKS = {
    "default": {
        "BACKEND": os.environ.get("TASKS_BACKEND", _DEFAULT_TASKS_BACKEND),
        "QUEUES": ["default"],
    }
}
# /dev/outbox shows the recorded SMS and email, only with DEBUG on (the demo).
DEV_OUTBOX = DEBUG

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

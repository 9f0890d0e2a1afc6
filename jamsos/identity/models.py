"""Sign-on records: users, per-account lockout, security events and known devices."""

from django.conf import settings
from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils.translation import gettext_lazy as _

from jamsos.core import clock
from jamsos.core.fields import MobilePhoneField, NikField


class UserKind(models.TextChoices):
    MEMBER = "member", _("Member")
    EMPLOYER = "employer", _("Employer staff")
    OFFICER = "officer", _("Officer")


class User(AbstractUser):
    """A person who can sign in: a member (by KPJ, NIK or email), employer staff or an officer."""

    kind = models.CharField(_("kind"), max_length=10, choices=UserKind.choices, default=UserKind.MEMBER)
    # A member's NIK: one login per person, whichever of their KPJ numbers they type.
    nik = NikField(_("NIK"), blank=True)
    phone = MobilePhoneField(_("mobile number"), blank=True)
    phone_verified = models.BooleanField(_("mobile number verified"), default=False)

    class Meta:
        db_table = "identity_user"
        constraints = [
            models.CheckConstraint(condition=models.Q(kind__in=UserKind.values), name="user_kind_known"),
            models.UniqueConstraint(fields=["nik"], condition=~models.Q(nik=""), name="user_nik_unique"),
        ]


class AccountLock(models.Model):
    """Consecutive failed sign-in attempts of one account and the wait they impose."""

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="lock")
    failures = models.PositiveIntegerField(_("consecutive failures"), default=0)
    locked_until = models.DateTimeField(_("locked until"), null=True, blank=True)
    last_failure_at = models.DateTimeField(_("last failure"), null=True, blank=True)

    class Meta:
        verbose_name = _("account lock")
        verbose_name_plural = _("account locks")

    def __str__(self) -> str:
        return f"{self.user_id}: {self.failures}"

    @property
    def is_locked(self) -> bool:
        return self.locked_until is not None and self.locked_until > clock.now()


class EventKind(models.TextChoices):
    LOGIN = "login", _("Signed in")
    NEW_DEVICE = "new_device", _("Signed in from a new device")
    LOGIN_FAILED = "login_failed", _("Failed sign-in attempt")
    SECOND_FACTOR_FAILED = "factor_failed", _("Wrong verification code")
    LOCKED = "locked", _("Account locked for a while")
    UNLOCKED = "unlocked", _("Account unlocked by an officer")
    LOGOUT = "logout", _("Signed out")
    SESSION_ENDED = "session_ended", _("A signed-in device was signed out")
    PASSWORD_CHANGED = "password_changed", _("Password changed")
    PASSWORD_RESET = "password_reset", _("Password reset")
    PASSWORD_RESET_REQUESTED = "reset_requested", _("Password reset requested")
    FACTOR_ADDED = "factor_added", _("Sign-in method added")
    FACTOR_REMOVED = "factor_removed", _("Sign-in method removed")
    RECOVERY_CODE_USED = "recovery_code_used", _("Recovery code used")
    EMAIL_CHANGED = "email_changed", _("Email address changed")
    PHONE_CHANGED = "phone_changed", _("Mobile number changed")
    ACTIVATED = "activated", _("Online access activated")
    KPJ_REMINDER = "kpj_reminder", _("KPJ number sent by email")


class SecurityEvent(models.Model):
    """One entry of a user's account activity ("Aktivitas Akun"). Never edited."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="security_events"
    )
    kind = models.CharField(_("event"), max_length=20, choices=EventKind.choices)
    created_at = models.DateTimeField(_("time"), default=clock.now)
    ip_address = models.GenericIPAddressField(_("IP address"), null=True, blank=True)
    user_agent = models.CharField(_("device"), max_length=200, blank=True)
    # Who acted when it was not the user (an officer's unlock), and how they verified the person.
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    # Never personal data: a method name, a factor type, a count.
    detail = models.CharField(_("detail"), max_length=200, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["user", "-created_at"], name="securityevent_user_time")]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(kind__in=EventKind.values), name="securityevent_kind_known"
            )
        ]
        verbose_name = _("security event")
        verbose_name_plural = _("security events")

    def __str__(self) -> str:
        return f"{self.user_id} {self.kind} {self.created_at:%Y-%m-%d %H:%M}"


class KnownDevice(models.Model):
    """A browser a user has signed in from, known by a random cookie's hash (new-device notice)."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="devices")
    token_hash = models.CharField(max_length=64)
    user_agent = models.CharField(max_length=200, blank=True)
    first_seen = models.DateTimeField(default=clock.now)
    last_seen = models.DateTimeField(default=clock.now)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["user", "token_hash"], name="knowndevice_unique")]

    def __str__(self) -> str:
        return f"{self.user_id} device {self.pk}"

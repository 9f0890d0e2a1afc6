"""allauth adapters: how jamsos sends codes, builds links, records events and guards secrets."""

import base64
import hashlib
import secrets
import time
from typing import Any

from allauth.account.adapter import DefaultAccountAdapter
from allauth.core.exceptions import RateLimited
from allauth.mfa.adapter import DefaultMFAAdapter
from cryptography.fernet import Fernet, InvalidToken
from django.conf import settings
from django.contrib.auth.base_user import AbstractBaseUser
from django.http import HttpRequest
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from jamsos.identity import events, notices, sms_quota
from jamsos.identity.models import EventKind, User
from jamsos.notifications.send import send_email, send_sms

# allauth's notification templates, mapped to the account-activity event they record.
NOTIFICATION_EVENTS = {
    "account/email/password_changed": EventKind.PASSWORD_CHANGED,
    "account/email/password_set": EventKind.PASSWORD_CHANGED,
    "account/email/password_reset": EventKind.PASSWORD_RESET,
    "account/email/email_changed": EventKind.EMAIL_CHANGED,
    "account/email/email_confirm": EventKind.EMAIL_CHANGED,
    "account/email/email_deleted": EventKind.EMAIL_CHANGED,
    "mfa/email/totp_activated": EventKind.FACTOR_ADDED,
    "mfa/email/totp_deactivated": EventKind.FACTOR_REMOVED,
    "mfa/email/webauthn_added": EventKind.FACTOR_ADDED,
    "mfa/email/webauthn_removed": EventKind.FACTOR_REMOVED,
    "mfa/email/recovery_codes_generated": EventKind.FACTOR_ADDED,
}

OTP_DIGITS = 6


def site_url(path: str) -> str:
    """An absolute address on the configured site, never built from the Host header (REC-03)."""
    return settings.SITE_URL.rstrip("/") + path


class AccountAdapter(DefaultAccountAdapter):
    error_messages = {
        **DefaultAccountAdapter.error_messages,
        # One answer for a wrong password, an unknown account and a locked one (ENUM-01).
        "username_password_mismatch": _(
            "The membership number, NIK or email and the password do not match. Check both and "
            "try again, or use Lupa Kata Sandi."
        ),
        "incorrect_code": _("That code is not right or has expired. Check the latest message and try again."),
        "rate_limited": _("Too many requests. Wait a few minutes and try again."),
    }

    def is_open_for_signup(self, request: HttpRequest) -> bool:
        # Accounts are made by activation (existing participants) or by registration of a
        # self-employed worker, both of which check identity; never by allauth's open signup.
        return False

    def get_login_stages(self) -> list[str]:
        stages = super().get_login_stages()
        return [
            "jamsos.identity.stages.SmsCodeStage"
            if path == "allauth.account.stages.LoginByCodeStage"
            else path
            for path in stages
        ]

    # Codes by SMS ---------------------------------------------------------------------------

    def generate_phone_verification_code(self, *, user: AbstractBaseUser, phone: str) -> str:
        return f"{secrets.randbelow(10**OTP_DIGITS):0{OTP_DIGITS}d}"

    def send_verification_code_sms(
        self, user: AbstractBaseUser, phone: str, code: str, **kwargs: Any
    ) -> None:
        if not sms_quota.allows(user.pk):
            raise RateLimited
        sms_quota.count(user.pk)
        # A new code is valid for its own five minutes (allauth times the whole process from
        # the first code); the failure count of the attempt is kept (security.md MFA-04).
        stage = getattr(self.request, "_login_stage", None)
        if stage is not None and "at" in stage.state:
            stage.state["at"] = time.time()
        send_sms(phone, "identity/sms/login_code.txt", {"code": code})

    def get_phone(self, user: AbstractBaseUser) -> tuple[str, bool] | None:
        assert isinstance(user, User)
        return (user.phone, user.phone_verified) if user.phone else None

    def set_phone(self, user: AbstractBaseUser, phone: str, verified: bool) -> None:
        assert isinstance(user, User)
        user.phone, user.phone_verified = phone, verified
        user.save(update_fields=["phone", "phone_verified"])

    def set_phone_verified(self, user: AbstractBaseUser, phone: str) -> None:
        assert isinstance(user, User)
        if user.phone == phone and not user.phone_verified:
            user.phone_verified = True
            user.save(update_fields=["phone_verified"])

    def get_user_by_phone(self, phone: str) -> AbstractBaseUser | None:
        return User.objects.filter(phone=phone, phone_verified=True).first()

    # Links and mail ---------------------------------------------------------------------------

    def get_reset_password_from_key_url(self, key: str) -> str:
        return site_url(
            reverse("account_reset_password_from_key", kwargs={"uidb36": "UID", "key": "KEY"})
        ).replace("UID-KEY", key)

    def get_email_confirmation_url(self, request: HttpRequest, emailconfirmation: Any) -> str:
        return site_url(reverse("account_confirm_email", args=[emailconfirmation.key]))

    def send_mail(self, template_prefix: str, email: str, context: dict[str, Any]) -> None:
        host = settings.SITE_URL.split("://", 1)[-1].rstrip("/")
        context = {
            **context,
            "SITE_URL": settings.SITE_URL,
            "current_site": {"name": "jamsos", "domain": host},
        }
        context.pop("request", None)
        send_email(email, f"{template_prefix}_subject.txt", f"{template_prefix}_message.txt", context)

    def send_notification_mail(
        self,
        template_prefix: str,
        user: AbstractBaseUser,
        context: dict[str, Any] | None = None,
        email: str | None = None,
    ) -> None:
        # Every credential change is recorded and announced on every verified address, by SMS
        # too: the notice must reach the member even if the email account was taken over.
        assert isinstance(user, User)
        kind = NOTIFICATION_EVENTS.get(template_prefix)
        if kind is None:
            super().send_notification_mail(template_prefix, user, context, email)
            return
        events.record(user, kind, request=self.request, detail=template_prefix.rsplit("/", 1)[-1])
        extra = [email] if email else []
        notices.notify(user, kind, request=self.request, extra_emails=extra)

    def send_password_reset_mail(self, user: AbstractBaseUser, email: str, context: dict[str, Any]) -> None:
        assert isinstance(user, User)
        events.record(user, EventKind.PASSWORD_RESET_REQUESTED, request=self.request)
        super().send_password_reset_mail(user, email, context)

    def send_sms_text(self, phone: str, template: str, context: dict[str, Any]) -> None:
        send_sms(phone, template, context)


def _fernet() -> Fernet:
    key = settings.MFA_ENCRYPTION_KEY
    digest = hashlib.sha256(key.encode()).digest()
    return Fernet(base64.urlsafe_b64encode(digest))


class MFAAdapter(DefaultMFAAdapter):
    """Keeps TOTP secrets and recovery-code seeds encrypted at rest (security.md MFA-07)."""

    def encrypt(self, text: str) -> str:
        return _fernet().encrypt(text.encode()).decode()

    def decrypt(self, encrypted_text: str) -> str:
        try:
            return _fernet().decrypt(encrypted_text.encode()).decode()
        except InvalidToken as error:
            raise ValueError("An MFA secret could not be decrypted: check MFA_ENCRYPTION_KEY.") from error

    def get_totp_issuer(self) -> str:
        return "jamsos"

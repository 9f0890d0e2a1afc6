"""Reactions to sign-in events from Django and allauth: lockout counts, activity, notices."""

from typing import Any

from allauth.account import signals as account_signals
from allauth.account.internal.flows.login_by_code import LoginCodeVerificationProcess
from allauth.mfa import signals as mfa_signals
from allauth.mfa.models import Authenticator
from django.contrib.auth import signals as auth_signals
from django.dispatch import receiver

from jamsos.identity import events, lockout, notices, sessions
from jamsos.identity.models import EventKind, User


@receiver(auth_signals.user_logged_in)
def logged_in(sender: Any, request: Any, user: User, **kwargs: Any) -> None:
    lockout.record_success(user)
    if request is not None:
        sessions.on_login(request, user)


@receiver(auth_signals.user_logged_out)
def logged_out(sender: Any, request: Any, user: User | None, **kwargs: Any) -> None:
    if user is not None:
        events.record(user, EventKind.LOGOUT, request=request)


@receiver(account_signals.login_code_rejected, sender=LoginCodeVerificationProcess)
def sms_code_rejected(sender: Any, request: Any, user: User, **kwargs: Any) -> None:
    lockout.record_failure(user, "", ip=events.client_ip(request) or "", factor="sms", request=request)


@receiver(mfa_signals.authentication_failed)
def authenticator_failed(
    sender: Any, request: Any, user: User, authenticator: Authenticator, **kwargs: Any
) -> None:
    lockout.record_failure(
        user, "", ip=events.client_ip(request) or "", factor=authenticator.type, request=request
    )


@receiver(mfa_signals.authenticator_used)
def authenticator_used(
    sender: Any, request: Any, user: User, authenticator: Authenticator, **kwargs: Any
) -> None:
    if authenticator.type == Authenticator.Type.RECOVERY_CODES:
        events.record(user, EventKind.RECOVERY_CODE_USED, request=request)
        notices.notify(user, EventKind.RECOVERY_CODE_USED, request=request)


@receiver(account_signals.password_reset)
def password_was_reset(sender: Any, request: Any, user: User, **kwargs: Any) -> None:
    # A locked member gets back in by resetting the password (security.md LOCK-02).
    lockout.record_success(user)

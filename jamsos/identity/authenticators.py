"""Enrolling an authenticator app for an officer, done by an administrator.

Officers never get SMS codes (stages.SmsCodeStage), so a new officer cannot finish signing in
until someone gives them a second factor: an administrator runs `jamsos enrol-authenticator`,
which draws a TOTP secret, stores it encrypted (MFAAdapter) and shows it once, for the officer
to scan into their app. The officer can then add a passkey themselves.
"""

from dataclasses import dataclass

from allauth.mfa.adapter import get_adapter
from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret
from django.db import transaction

from jamsos.identity import events, notices
from jamsos.identity.models import EventKind, User, UserKind


class EnrolmentRefusedError(Exception):
    """The enrolment was not made; the message says why (in English: it is an operator's tool)."""


@dataclass(frozen=True)
class Enrolment:
    secret: str  # base32, shown once and never stored in the clear
    uri: str  # otpauth://totp/...: what the officer's app scans
    replaced: int  # authenticator apps removed first (with --replace)


def enrol_totp(user: User, *, replace: bool = False) -> Enrolment:
    """Gives `user` (an officer) a new TOTP authenticator; refuses if they have one unless `replace`.

    One transaction: the old app is removed only if the new one is stored. The officer is told on
    every verified address (a factor added without them would be the sign of a takeover).
    """
    if user.kind != UserKind.OFFICER:
        raise EnrolmentRefusedError(
            f"{user.username} is not an officer: members and employer staff add an authenticator "
            "themselves, signed in, under /akun/2fa/."
        )
    with transaction.atomic():
        # Locks the user's row, so two administrators enrolling at once cannot both pass the check.
        User.objects.select_for_update().filter(pk=user.pk).first()
        existing = Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP)
        if existing.exists() and not replace:
            raise EnrolmentRefusedError(
                f"{user.username} already has an authenticator app. Use --replace to give them a new one "
                "(the old one stops working)."
            )
        replaced, _ = existing.delete()
        if replaced:
            events.record(user, EventKind.FACTOR_REMOVED, detail="totp, by an administrator")
        secret = generate_totp_secret()
        TOTP.activate(user, secret)
        events.record(user, EventKind.FACTOR_ADDED, detail="totp, by an administrator")
        notices.notify(user, EventKind.FACTOR_ADDED)
    return Enrolment(secret=secret, uri=get_adapter().build_totp_url(user, secret), replaced=replaced)

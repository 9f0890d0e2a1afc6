"""Changing the verified mobile number: a code to the new number, notices to old and new.

A new number is a new authenticator (NIST 800-63B §3.1.3.3), so the change needs a recent
reauthentication (the view's decorator), proof of control of the new number, and a notice to
the old number and every verified email so a SIM-swap or takeover is seen at once.
"""

import hashlib
import secrets
from dataclasses import dataclass

from django.contrib.sessions.backends.base import SessionBase
from django.db import transaction

from jamsos.core import clock
from jamsos.identity import events, notices, sms_quota
from jamsos.identity.models import EventKind, User
from jamsos.notifications.send import send_sms

SESSION_KEY = "jamsos_phone_change"
CODE_LIFETIME_SECONDS = 300
MAX_TRIES = 3


class PhoneChangeError(Exception):
    def __init__(self, code: str) -> None:
        super().__init__(code)
        self.code = code


@dataclass(frozen=True)
class PendingChange:
    phone: str


def _digest(code: str) -> str:
    return hashlib.sha256(code.encode()).hexdigest()


def pending(session: SessionBase) -> PendingChange | None:
    state = session.get(SESSION_KEY)
    return PendingChange(state["phone"]) if state else None


def start_phone_change(session: SessionBase, user: User, new_phone: str) -> None:
    """Sends a code to the new number; raises PhoneChangeError("same"|"taken"|"quota")."""
    if new_phone == user.phone:
        raise PhoneChangeError("same")
    if User.objects.filter(phone=new_phone, phone_verified=True).exclude(pk=user.pk).exists():
        raise PhoneChangeError("taken")
    if not sms_quota.allows(user.pk):
        raise PhoneChangeError("quota")
    sms_quota.count(user.pk)
    code = f"{secrets.randbelow(10**6):06d}"
    session[SESSION_KEY] = {
        "phone": new_phone,
        "code": _digest(code),
        "at": clock.now().timestamp(),
        "tries": 0,
    }
    send_sms(new_phone, "identity/sms/phone_change_code.txt", {"code": code})


def confirm_phone_change(session: SessionBase, user: User, code: str, *, request: object = None) -> None:
    """Applies the change when the code is right; raises PhoneChangeError("none"|"expired"|"wrong")."""
    state = session.get(SESSION_KEY)
    if not state:
        raise PhoneChangeError("none")
    if clock.now().timestamp() - state["at"] > CODE_LIFETIME_SECONDS or state["tries"] >= MAX_TRIES:
        del session[SESSION_KEY]
        raise PhoneChangeError("expired")
    if not secrets.compare_digest(_digest(code.strip()), state["code"]):
        state["tries"] += 1
        session[SESSION_KEY] = state
        raise PhoneChangeError("wrong")
    del session[SESSION_KEY]
    with transaction.atomic():
        old_phone = user.phone if user.phone_verified else ""
        user.phone, user.phone_verified = state["phone"], True
        user.save(update_fields=["phone", "phone_verified"])
        events.record(user, EventKind.PHONE_CHANGED, request=request)
        notices.notify(
            user, EventKind.PHONE_CHANGED, request=request, extra_phones=[old_phone] if old_phone else []
        )

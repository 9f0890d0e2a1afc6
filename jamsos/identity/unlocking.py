"""An officer unlocks an account after verifying the person, and records how.

The method is one of a few fixed choices (what the member sees in Aktivitas Akun); the note is
free text for the audit trail and is not shown to the member.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

from jamsos.identity import lockout
from jamsos.identity.models import User

NOTE_MAX_LENGTH = 150


class UnlockMethod(models.TextChoices):
    KTP_AT_BRANCH = "ktp_branch", _("KTP seen at a branch office")
    VIDEO_CALL = "video_call", _("Video call with the KTP shown")
    OTHER = "other", _("Other (described in the note)")


SEPARATOR = ": "


def unlock_account(user: User, *, officer: User, method: str, note: str, request: object = None) -> None:
    """Ends the lock of `user`; refuses an unknown method or an empty note, changing nothing."""
    note = " ".join(note.split())
    if method not in UnlockMethod.values:
        raise ValueError(f"Unknown verification method {method!r}.")
    if not note:
        raise ValueError("The officer must describe how the person was verified.")
    lockout.unlock(
        user, officer=officer, verified_by=f"{method}{SEPARATOR}{note[:NOTE_MAX_LENGTH]}", request=request
    )


def method_label(detail: str) -> str:
    """The member-facing label of the method recorded in an unlock event's detail ("" if none)."""
    method = detail.split(SEPARATOR, 1)[0]
    return str(UnlockMethod(method).label) if method in UnlockMethod.values else ""

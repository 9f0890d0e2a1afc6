"""Security notices: one message per event to every verified address (security.md REC-06).

Each notice names the event, the time and the device, and says what to do if it was not the
member. When a contact changes, the old address is told as well as the new one.
"""

from typing import Any

from allauth.account.models import EmailAddress
from django.utils import timezone

from jamsos.identity.events import user_agent
from jamsos.identity.models import EventKind, User
from jamsos.notifications.send import send_email, send_sms


def addresses(user: User) -> tuple[list[str], list[str]]:
    emails = list(EmailAddress.objects.filter(user=user, verified=True).values_list("email", flat=True))
    phones = [user.phone] if user.phone and user.phone_verified else []
    return emails, phones


def notify(
    user: User,
    kind: EventKind,
    *,
    request: Any = None,
    extra_emails: list[str] | None = None,
    extra_phones: list[str] | None = None,
) -> None:
    emails, phones = addresses(user)
    context = {
        "event": kind.label,
        "time": timezone.localtime(),
        "device": user_agent(request),
        "name": user.get_full_name() or user.username,
    }
    for email in dict.fromkeys([*emails, *(extra_emails or [])]):
        send_email(email, "identity/notices/notice_subject.txt", "identity/notices/notice.txt", context)
    for phone in dict.fromkeys([*phones, *(extra_phones or [])]):
        send_sms(phone, "identity/notices/notice_sms.txt", context)

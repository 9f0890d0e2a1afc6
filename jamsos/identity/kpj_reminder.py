"""Lupa nomor KPJ: a person who forgot their membership number asks for it by NIK or email.

The numbers go only to the account's verified email, never to the page, and the page answers
the same whether or not the details match an account (security.md REC-01, ENUM-02). Requests
are limited per address and per identifier, whether or not it names an account, so the limit
itself tells nobody anything and nobody can flood a member's inbox (LOCK-07).
"""

import hashlib
from datetime import timedelta

from allauth.account.models import EmailAddress
from django.core.cache import cache
from django.db import transaction

from jamsos.core import clock
from jamsos.identity import events
from jamsos.identity.accounts import Identifier, find_user, parse_identifier
from jamsos.identity.models import EventKind, User
from jamsos.notifications.send import send_email

# (most requests, window): a reminder is rarely needed twice, a script needs thousands.
PER_IDENTIFIER = (3, timedelta(days=1))
PER_ADDRESS = (10, timedelta(hours=1))
# The first request from an address needs no CAPTCHA; every further one in the hour does.
CAPTCHA_AFTER = 1
ACCEPTED_KINDS = ("nik", "email")


class TooManyRequestsError(Exception):
    """The address or the identifier asked too often; nothing was looked up or sent."""


def _key(kind: str, value: str) -> str:
    return f"kpj-reminder:{kind}:" + hashlib.sha256(value.encode()).hexdigest()


def _recent(key: str, window: timedelta) -> list[float]:
    horizon = clock.now().timestamp() - window.total_seconds()
    return [t for t in cache.get(key, []) if t > horizon]


def _take(key: str, limit: int, window: timedelta) -> bool:
    recent = _recent(key, window)
    if len(recent) >= limit:
        return False
    cache.set(key, [*recent, clock.now().timestamp()], timeout=int(window.total_seconds()))
    return True


def needs_captcha(ip: str) -> bool:
    return len(_recent(_key("address", ip), PER_ADDRESS[1])) >= CAPTCHA_AFTER


def accepts(raw: str) -> bool:
    """Whether the text is written as a NIK or an email (the only identifiers this page takes)."""
    return parse_identifier(raw).kind in ACCEPTED_KINDS


def _recipient(user: User, identifier: Identifier) -> str | None:
    verified = EmailAddress.objects.filter(user=user, verified=True)
    if identifier.kind == "email":
        # find_user matched this address among the account's verified ones.
        return verified.filter(email__iexact=identifier.value).values_list("email", flat=True).first()
    primary = verified.filter(primary=True).values_list("email", flat=True).first()
    return primary or verified.values_list("email", flat=True).first()


def request_reminder(raw: str, *, ip: str, request: object = None) -> None:
    """Emails the account's KPJ numbers to its verified email, if the identifier names one.

    Raises TooManyRequestsError when the address or the identifier is over its limit; otherwise
    returns the same way whether or not anything was sent.
    """
    identifier = parse_identifier(raw)
    if identifier.kind not in ACCEPTED_KINDS:
        raise ValueError("A KPJ reminder is asked for by NIK or email.")
    # The address is counted first, so a script trying many identifiers is stopped by it.
    if not _take(_key("address", ip), *PER_ADDRESS):
        raise TooManyRequestsError
    if not _take(_key("identifier", identifier.key), *PER_IDENTIFIER):
        raise TooManyRequestsError
    user = find_user(identifier)
    if user is None:
        return
    numbers = list(user.memberships.order_by("kpj").values_list("kpj", flat=True))
    email = _recipient(user, identifier)
    if not numbers or not email:
        return
    with transaction.atomic():
        events.record(user, EventKind.KPJ_REMINDER, request=request, detail=str(len(numbers)))
        send_email(
            email,
            "identity/email/kpj_reminder_subject.txt",
            "identity/email/kpj_reminder_message.txt",
            {"name": user.get_full_name() or user.username, "numbers": numbers},
        )

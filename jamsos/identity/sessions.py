"""Session rules enforced on the server (security.md SES-01..05) and known devices.

A signed-in session ends after 15 minutes without a request and 8 hours after sign-in,
whatever the cookie says. Each browser carries a random device cookie; a sign-in from a
browser the account has not used before sends the member a notice.
"""

import hashlib
import secrets
from collections.abc import Callable
from datetime import timedelta

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _

from jamsos.core import clock
from jamsos.identity import events, notices
from jamsos.identity.models import EventKind, KnownDevice, User

AUTH_AT = "jamsos_auth_at"
SEEN_AT = "jamsos_seen_at"
DEVICE_COOKIE = "jamsos_device"
DEVICE_COOKIE_AGE = 400 * 24 * 3600


def idle_limit() -> timedelta:
    return timedelta(seconds=settings.SESSION_IDLE_TIMEOUT)


def absolute_limit() -> timedelta:
    return timedelta(seconds=settings.SESSION_ABSOLUTE_TIMEOUT)


def start(request: HttpRequest) -> None:
    now = clock.now().timestamp()
    request.session[AUTH_AT] = now
    request.session[SEEN_AT] = now


def _hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def note_device(request: HttpRequest, user: User) -> bool:
    """Remembers this browser for the user; True when it is one they have not used before."""
    token = request.COOKIES.get(DEVICE_COOKIE, "")
    if not token or len(token) > 100:
        token = secrets.token_urlsafe(32)
        request._jamsos_device_token = token  # type: ignore[attr-defined]  # set by the middleware
    agent = events.user_agent(request)
    updated = KnownDevice.objects.filter(user=user, token_hash=_hash(token)).update(
        last_seen=clock.now(), user_agent=agent
    )
    if updated:
        return False
    first_ever = not KnownDevice.objects.filter(user=user).exists()
    KnownDevice.objects.create(user=user, token_hash=_hash(token), user_agent=agent)
    return not first_ever


def on_login(request: HttpRequest, user: User) -> None:
    start(request)
    if note_device(request, user):
        events.record(user, EventKind.NEW_DEVICE, request=request)
        notices.notify(user, EventKind.NEW_DEVICE, request=request)
    else:
        events.record(user, EventKind.LOGIN, request=request)


class SessionPolicyMiddleware:
    """Ends sessions that were idle or lived too long; hands out the device cookie."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        expired = self._expired(request)
        if expired:
            logout(request)
            messages.info(request, expired)
            target = reverse("account_login")
            if request.method == "GET":
                target += "?" + urlencode({"next": request.get_full_path()})
            return HttpResponseRedirect(target)
        response = self.get_response(request)
        token = getattr(request, "_jamsos_device_token", None)
        if token:
            response.set_cookie(
                DEVICE_COOKIE,
                token,
                max_age=DEVICE_COOKIE_AGE,
                secure=settings.SESSION_COOKIE_SECURE,
                httponly=True,
                samesite="Lax",
            )
        return response

    def _expired(self, request: HttpRequest) -> str:
        if not request.user.is_authenticated:
            return ""
        now = clock.now().timestamp()
        auth_at = request.session.get(AUTH_AT)
        seen_at = request.session.get(SEEN_AT)
        if auth_at is None or seen_at is None:
            # A session from before these rules: treat it as starting now.
            start(request)
            return ""
        if now - auth_at > absolute_limit().total_seconds():
            return _("You were signed out because you signed in more than 8 hours ago. Sign in again.")
        if now - seen_at > idle_limit().total_seconds():
            return _("You were signed out after 15 minutes without activity. Sign in again.")
        request.session[SEEN_AT] = now
        return ""

"""Recording security events (Aktivitas Akun) and sending the notices that go with them."""

from typing import Any

from django.http import HttpRequest

from jamsos.identity.models import EventKind, SecurityEvent, User

USER_AGENT_LENGTH = 200


def client_ip(request: Any) -> str | None:
    if not isinstance(request, HttpRequest):
        return None
    # The deployment's proxy count decides whether X-Forwarded-For is trusted (allauth's
    # ALLAUTH_TRUSTED_PROXY_COUNT); this project trusts none by default.
    from allauth.account.adapter import get_adapter
    from django.core.exceptions import PermissionDenied

    try:
        return str(get_adapter(request).get_client_ip(request)) or None
    except PermissionDenied:  # a request built in code (force_login) has no address
        return None


def user_agent(request: Any) -> str:
    if not isinstance(request, HttpRequest):
        return ""
    return str(request.META.get("HTTP_USER_AGENT", ""))[:USER_AGENT_LENGTH]


def record(
    user: User,
    kind: EventKind,
    *,
    request: Any = None,
    actor: User | None = None,
    detail: str = "",
) -> SecurityEvent:
    return SecurityEvent.objects.create(
        user=user,
        kind=kind,
        ip_address=client_ip(request),
        user_agent=user_agent(request),
        actor=actor,
        detail=detail,
    )

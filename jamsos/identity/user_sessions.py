"""Members end their own signed-in sessions ("end this session", "sign out other devices").

allauth's usersessions ends sessions but records nothing; here each ending is also written to
Aktivitas Akun, so a member who ends a stranger's session can see it was done (SES-05).
"""

from allauth.usersessions.internal.flows.sessions import end_sessions
from allauth.usersessions.models import UserSession
from django.db import transaction
from django.http import HttpRequest

from jamsos.identity import events
from jamsos.identity.models import EventKind, User


def sessions_of(user: User) -> list[UserSession]:
    """The user's live sessions, most recently used first (expired ones are purged)."""
    return sorted(
        UserSession.objects.purge_and_list(user),
        key=lambda session: session.last_seen_at or session.created_at,
        reverse=True,
    )


def end_session(request: HttpRequest, user: User, session_id: int) -> bool:
    """Ends one of `user`'s sessions; False (nothing changed) if it is not theirs or is gone."""
    session = UserSession.objects.filter(user=user, pk=session_id).first()
    if session is None:
        return False
    with transaction.atomic():
        events.record(user, EventKind.SESSION_ENDED, request=request, detail="1")
        # Ending the current session signs this browser out too (allauth's flow).
        end_sessions(request, [session])
    return True


def end_other_sessions(request: HttpRequest, user: User) -> int:
    """Ends every session of `user` but the current one; returns how many were ended."""
    others = [session for session in UserSession.objects.filter(user=user) if not session.is_current()]
    if not others:
        return 0
    with transaction.atomic():
        events.record(user, EventKind.SESSION_ENDED, request=request, detail=str(len(others)))
        end_sessions(request, others)
    return len(others)

"""Authenticates by KPJ, NIK, email or username, with the per-account lockout applied.

The password is hashed whatever the identifier names (no account, a locked account, a wrong
password), so the three cases take the same time and give the same answer (ENUM-01, LOCK-02).
"""

from typing import Any

from django.contrib.auth.backends import ModelBackend
from django.http import HttpRequest

from jamsos.identity import lockout
from jamsos.identity.accounts import find_user, parse_identifier
from jamsos.identity.events import client_ip
from jamsos.identity.models import User


class IdentifierBackend(ModelBackend):
    def authenticate(
        self,
        request: HttpRequest | None,
        username: str | None = None,
        password: str | None = None,
        **kwargs: Any,
    ) -> User | None:
        if username is None or password is None:
            return None
        identifier = parse_identifier(username)
        user = find_user(identifier, request)
        if user is None:
            User().set_password(password)  # spend the same time as a real check
            matched = False
        else:
            matched = user.check_password(password) and self.user_can_authenticate(user)
        if lockout.is_locked(user, identifier.key):
            return None
        if not matched:
            lockout.record_failure(
                user, identifier.key, ip=client_ip(request) or "", factor="password", request=request
            )
            return None
        return user

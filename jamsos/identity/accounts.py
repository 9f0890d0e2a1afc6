"""Finding the account a sign-in identifier names: a KPJ, a NIK, an email or a username.

Every way of writing one identifier ("1100 1234 567", "11001234567", " 11001234567 ") gives
the same key, so formatting variants share one failure counter (security.md LOCK-04).
"""

from dataclasses import dataclass

from django.db.models import Q

from jamsos.identity import lockout
from jamsos.identity.models import AccountLock, User
from jamsos.rules import identifiers


@dataclass(frozen=True)
class Identifier:
    kind: str  # "kpj", "nik", "email" or "username"
    value: str

    @property
    def key(self) -> str:
        return f"{self.kind}:{self.value}"


def parse_identifier(raw: str) -> Identifier:
    text = (raw or "").strip()
    if "@" in text:
        return Identifier("email", text.casefold())
    digits = identifiers.strip_separators(text)
    if digits.isdigit() and len(digits) == identifiers.KPJ_LENGTH:
        return Identifier("kpj", digits)
    if digits.isdigit() and len(digits) == identifiers.NIK_LENGTH:
        return Identifier("nik", digits)
    return Identifier("username", text.casefold())


def find_user(identifier: Identifier, request: object = None) -> User | None:
    """The account the identifier names, or None. Officers and employer staff use a username.

    Given the request, the answer is remembered for it: the Masuk form (for its CAPTCHA) and the
    authentication backend ask the same question in one request.
    """
    memo: dict[str, User | None] | None = getattr(request, "_jamsos_accounts", None)
    if memo is not None and identifier.key in memo:
        return memo[identifier.key]
    user = _lookup(identifier)
    if request is not None:
        if memo is None:
            memo = {}
            request._jamsos_accounts = memo  # type: ignore[attr-defined]
        memo[identifier.key] = user
    return user


def _lookup(identifier: Identifier) -> User | None:
    # The lock comes in the same query: every sign-in checks it.
    users = User.objects.filter(is_active=True).select_related("lock")
    if identifier.kind == "kpj":
        user = users.filter(memberships__kpj=identifier.value).first()
    elif identifier.kind == "nik":
        user = users.filter(nik=identifier.value).first()
    elif identifier.kind == "email":
        verified = Q(emailaddress__email__iexact=identifier.value, emailaddress__verified=True)
        user = users.filter(verified).first()
    else:
        user = users.filter(username__iexact=identifier.value).first()
    if user is not None:
        try:
            lock: AccountLock | None = user.lock
        except AccountLock.DoesNotExist:
            lock = None
        lockout.remember_lock(user, lock)
        user._state.fields_cache.pop("lock", None)  # later reads of user.lock ask the database
    return user

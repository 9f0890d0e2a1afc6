"""Finding the account a sign-in identifier names: a KPJ, a NIK, an email or a username.

Every way of writing one identifier ("1100 1234 567", "11001234567", " 11001234567 ") gives
the same key, so formatting variants share one failure counter (security.md LOCK-04).
"""

from dataclasses import dataclass

from django.db.models import Q

from jamsos.identity.models import User
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


def find_user(identifier: Identifier) -> User | None:
    """The account the identifier names, or None. Officers and employer staff use a username."""
    users = User.objects.filter(is_active=True)
    if identifier.kind == "kpj":
        return users.filter(memberships__kpj=identifier.value).first()
    if identifier.kind == "nik":
        return users.filter(nik=identifier.value).first()
    if identifier.kind == "email":
        verified = Q(emailaddress__email__iexact=identifier.value, emailaddress__verified=True)
        return users.filter(verified).first()
    return users.filter(username__iexact=identifier.value).first()

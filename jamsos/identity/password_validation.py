"""Refuses a password equal to the member's own KPJ, NIK, name or birth date (security.md PWD-04).

The whole password is compared, ignoring case, spaces and punctuation; a password that merely
contains a name is allowed (NIST compares whole passwords, not substrings).
"""

import re
from collections.abc import Iterable
from datetime import date
from typing import Any

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

CONTEXT_WORDS = ["jamsos", "jamsostek", "bpjs", "bpjstk", "bpjsketenagakerjaan", "ketenagakerjaan"]


def _squash(value: str) -> str:
    return re.sub(r"[\W_]+", "", value.casefold())


def date_forms(value: date) -> list[str]:
    d, m, y = f"{value.day:02d}", f"{value.month:02d}", f"{value.year:04d}"
    return [d + m + y, y + m + d, d + m + y[2:], m + d + y, y[2:] + m + d]


def personal_values(user: Any) -> dict[str, list[str]]:
    """What the password may not equal, by the reason given when it does."""
    if user is None:
        return {}
    values: dict[str, list[str]] = {"kpj": [], "nik": [], "name": [], "birth_date": [], "username": []}
    extra = getattr(user, "password_context", None)
    if isinstance(extra, dict):
        for key, items in extra.items():
            values.setdefault(key, []).extend(items)
    if getattr(user, "nik", ""):
        values["nik"].append(user.nik)
    if getattr(user, "username", ""):
        values["username"].append(user.username)
    names = [getattr(user, "first_name", ""), getattr(user, "last_name", "")]
    values["name"].extend([n for n in names if n] + [" ".join(n for n in names if n)])
    if getattr(user, "pk", None):
        for member in user.memberships.all():
            values["kpj"].append(member.kpj)
            values["nik"].append(member.nik)
            values["name"].append(member.full_name)
            values["birth_date"].extend(date_forms(member.birth_date))
    return values


class PersonalDataValidator:
    messages = {
        "kpj": lambda: _("The password cannot be your KPJ number."),
        "nik": lambda: _("The password cannot be your NIK."),
        "name": lambda: _("The password cannot be your name."),
        "birth_date": lambda: _("The password cannot be your birth date."),
        "username": lambda: _("The password cannot be your user name."),
        "context": lambda: _("The password cannot be the name of this service."),
    }

    def validate(self, password: str, user: Any = None) -> None:
        squashed = _squash(password)
        checks: dict[str, Iterable[str]] = {**personal_values(user), "context": CONTEXT_WORDS}
        for reason, items in checks.items():
            if any(item and squashed == _squash(item) for item in items):
                raise ValidationError(self.messages[reason](), code=f"password_is_{reason}")

    def get_help_text(self) -> str:
        return _("Your password cannot be your KPJ number, NIK, name or birth date.")

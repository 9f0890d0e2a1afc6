"""Factories for sign-on users: a member with a linked Member, a verified phone and email.

Every user gets the same known password, hashed once per test run: Argon2id costs tens of
milliseconds per hash and most tests only need *a* password that works.
"""

from datetime import date
from functools import cache
from typing import Any

import factory
from allauth.account.models import EmailAddress
from django.contrib.auth.hashers import make_password

from jamsos.identity.models import User, UserKind
from jamsos.members.models import Sex
from jamsos.members.tests.factories import MemberFactory
from jamsos.rules.identifiers import nik_digits_for

PASSWORD = "kopi-tubruk-pagi-hari"
BIRTH_DATE = date(1990, 5, 17)


@cache
def _hash_of(password: str) -> str:
    return make_password(password)


class UserFactory(factory.django.DjangoModelFactory):
    """A member person who can sign in: verified phone, verified primary email, known password."""

    class Meta:
        model = User
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"pengguna{n}")
    first_name = "Siti"
    last_name = factory.Sequence(lambda n: f"Rahayu{n}")
    email = factory.Sequence(lambda n: f"pengguna{n}@contoh.id")
    kind = UserKind.MEMBER
    phone = factory.Sequence(lambda n: f"+62812{3000000 + n:07d}")
    phone_verified = True
    password = factory.LazyFunction(lambda: _hash_of(PASSWORD))

    @factory.post_generation
    def raw_password(obj: User, create: bool, extracted: str | None, **kwargs: Any) -> None:  # noqa: N805
        # `raw_password="..."` sets another password (hashed for real, once per value).
        if extracted is not None:
            obj.password = _hash_of(extracted)
            if create:
                obj.save(update_fields=["password"])

    @factory.post_generation
    def email_address(obj: User, create: bool, extracted: Any, **kwargs: Any) -> None:  # noqa: N805
        if create and obj.email:
            EmailAddress.objects.create(user=obj, email=obj.email, primary=True, verified=True)


class MemberUserFactory(UserFactory):
    """A member whose account is linked to one Member (KPJ) with the same NIK."""

    nik = factory.Sequence(
        lambda n: nik_digits_for(district_code="317301", birth_date=BIRTH_DATE, sex="F", serial=n % 9999 + 1)
    )

    @factory.post_generation
    def member(obj: User, create: bool, extracted: Any, **kwargs: Any) -> None:  # noqa: N805
        # `member__kpj="11001234567"` picks the membership number.
        if not create:
            return
        MemberFactory.create(
            user=obj,
            nik=obj.nik,
            full_name=obj.get_full_name(),
            birth_date=BIRTH_DATE,
            sex=Sex.FEMALE,
            phone=obj.phone,
            email=obj.email,
            **kwargs,
        )

    @classmethod
    def kpj_of(cls, user: User) -> str:
        return str(user.memberships.get().kpj)


class OfficerFactory(UserFactory):
    """A back-office officer: signs in by username, never gets SMS codes."""

    kind = UserKind.OFFICER
    is_staff = True
    username = factory.Sequence(lambda n: f"petugas{n}")

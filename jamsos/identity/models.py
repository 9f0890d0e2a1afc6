"""The user model: one login for members, employer staff and officers."""

from django.contrib.auth.models import AbstractUser


class User(AbstractUser):
    """A person who can sign in. Custom from the first migration so sign-on can grow here."""

    class Meta:
        db_table = "identity_user"

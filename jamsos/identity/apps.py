"""Sign-on: users, allauth adapters, lockout, sessions and security events."""

from django.apps import AppConfig


class IdentityConfig(AppConfig):
    name = "jamsos.identity"
    label = "identity"

    def ready(self) -> None:
        from jamsos.identity import receivers  # noqa: F401  (connects the signal receivers)

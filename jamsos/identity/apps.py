"""App configuration for identity."""

from django.apps import AppConfig


class IdentityConfig(AppConfig):
    name = "jamsos.identity"
    label = "identity"

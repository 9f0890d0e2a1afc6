"""App configuration for the web portal."""

from django.apps import AppConfig


class PortalConfig(AppConfig):
    name = "jamsos.portal"
    label = "portal"

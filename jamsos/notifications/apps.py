"""Outgoing messages: email through Django's backends, SMS through one gateway interface."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NotificationsConfig(AppConfig):
    name = "jamsos.notifications"
    verbose_name = _("Notifications")

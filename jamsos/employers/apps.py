"""App configuration for employers."""

from django.apps import AppConfig


class EmployersConfig(AppConfig):
    name = "jamsos.employers"
    label = "employers"

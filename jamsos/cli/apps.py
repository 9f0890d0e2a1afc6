"""App configuration for the command line; it carries the management commands."""

from django.apps import AppConfig


class CliConfig(AppConfig):
    name = "jamsos.cli"
    label = "cli"

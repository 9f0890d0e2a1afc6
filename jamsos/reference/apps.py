"""App configuration for reference data."""

from django.apps import AppConfig


class ReferenceConfig(AppConfig):
    name = "jamsos.reference"
    label = "reference"

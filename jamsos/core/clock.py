"""The one clock: every "now" and "today" in jamsos comes from here so tests can freeze it."""

from datetime import date, datetime

from django.utils import timezone


def now() -> datetime:
    return timezone.now()


def today() -> date:
    """Today's date in Jakarta time (the scheme's working calendar)."""
    return timezone.localdate()

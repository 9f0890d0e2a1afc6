"""Template context shared by every page."""

from typing import Any

from django.conf import settings
from django.http import HttpRequest


def site(request: HttpRequest) -> dict[str, Any]:
    """The official address, shown on every page so members can recognise a fake one."""
    return {"SITE_URL": settings.SITE_URL, "SITE_HOST": settings.SITE_URL.split("://", 1)[-1].rstrip("/")}

"""Small view helpers for the sign-on pages mounted from allauth."""

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.http import HttpRequest, HttpResponse


def no_referrer(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """The reset page carries a secret in its address: no other site may see it (REC-03)."""

    @wraps(view)
    def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        response = view(request, *args, **kwargs)
        # allauth moves the key into the session and redirects to ".../set-password/", whose
        # address holds no secret. That page keeps the site-wide policy: under "no-referrer"
        # Chromium sends "Origin: null" with the form, which the CSRF check rightly refuses.
        if kwargs.get("key") != "set-password":
            response["Referrer-Policy"] = "no-referrer"
        return response

    return wrapped

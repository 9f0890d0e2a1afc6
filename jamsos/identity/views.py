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
        response["Referrer-Policy"] = "no-referrer"
        return response

    return wrapped

"""A URL configuration whose only view fails, to test what a server error shows."""

from django.http import HttpRequest, HttpResponse
from django.urls import path


def failing_view(request: HttpRequest) -> HttpResponse:
    raise RuntimeError("database said: Key (nik)=(3276011705900001) already exists")


urlpatterns = [path("boom", failing_view)]

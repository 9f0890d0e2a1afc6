"""The health check: JSON, 200 when the database and the cache answer, 503 otherwise."""

import pytest
from django.db import OperationalError
from django.urls import reverse

from jamsos.portal import views

pytestmark = pytest.mark.django_db


def test_healthz_answers_200_with_each_check(client):
    response = client.get(reverse("portal:healthz"))

    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    assert response.json() == {"status": "ok", "checks": {"database": "ok", "cache": "ok"}}
    assert "no-store" in response["Cache-Control"]


class UnreachableDatabase:
    def cursor(self):
        raise OperationalError("could not connect to server")


def test_healthz_answers_503_when_the_database_fails(client, monkeypatch):
    monkeypatch.setattr(views, "connection", UnreachableDatabase())

    response = client.get(reverse("portal:healthz"))

    assert response.status_code == 503
    assert response.json() == {"status": "error", "checks": {"database": "error", "cache": "ok"}}


def test_healthz_answers_503_when_the_cache_loses_what_it_was_given(client, monkeypatch):
    monkeypatch.setattr(views.cache, "get", lambda key, default=None: None)

    response = client.get(reverse("portal:healthz"))

    assert response.status_code == 503
    assert response.json() == {"status": "error", "checks": {"database": "ok", "cache": "error"}}


def test_healthz_answers_503_when_the_cache_server_is_unreachable(client, monkeypatch):
    def refuse(*args, **kwargs):
        raise ConnectionError("Connection refused")

    monkeypatch.setattr(views.cache, "set", refuse)

    response = client.get(reverse("portal:healthz"))

    assert response.status_code == 503
    assert response.json()["checks"]["cache"] == "error"


def test_healthz_refuses_post(client):
    assert client.post(reverse("portal:healthz")).status_code == 405

"""Bahasa Indonesia by default; English only when chosen with the switch."""

import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_indonesian_is_served_even_to_a_browser_that_asks_for_english():
    response = Client().get(reverse("portal:home"), headers={"accept-language": "en-US,en;q=0.9"})
    assert response.headers["Content-Language"] == "id"
    assert '<html lang="id"' in response.content.decode()


def test_the_switch_sets_english_and_back():
    client = Client()
    response = client.post(reverse("set_language"), {"language": "en", "next": "/"})
    assert response.status_code == 302
    assert client.cookies[settings.LANGUAGE_COOKIE_NAME].value == "en"
    assert client.get("/").headers["Content-Language"] == "en"
    client.post(reverse("set_language"), {"language": "id", "next": "/"})
    assert client.get("/").headers["Content-Language"] == "id"


def test_an_unknown_language_cookie_falls_back_to_indonesian():
    client = Client()
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "fr"
    response = client.get("/")
    assert response.headers["Content-Language"] == "id"
    assert "Cookie" in response.headers["Vary"]

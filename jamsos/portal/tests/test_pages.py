"""The layout, the home page, the language switch and the security headers of the public pages."""

import pytest
from django.conf import settings
from django.contrib.staticfiles import finders
from django.urls import reverse

# The branch directory reads the database, so every page test may.
pytestmark = pytest.mark.django_db

PUBLIC_PAGES = ["portal:home", "portal:branches", "portal:faq"]


def test_home_renders_in_indonesian_by_default(client):
    response = client.get(reverse("portal:home"))

    html = response.content.decode()
    assert response.status_code == 200
    assert '<html lang="id">' in html
    assert "<h1>Jaminan sosial untuk setiap pekerja</h1>" in html
    assert '<h2 id="programmes">Lima program</h2>' in html
    assert "Kami tidak pernah meminta kata sandi atau kode verifikasi (OTP) Anda" in html
    assert "Dibayar pemberi kerja 3,7% dan pekerja 2% dari upah." in html
    assert "Social security for every worker" not in html


def test_home_renders_in_english_after_posting_to_set_language(client):
    switched = client.post(reverse("set_language"), {"language": "en", "next": "/"})

    response = client.get(reverse("portal:home"))
    html = response.content.decode()
    assert switched.status_code == 302
    assert switched["Location"] == "/"
    assert switched.cookies[settings.LANGUAGE_COOKIE_NAME].value == "en"
    assert '<html lang="en">' in html
    assert "<h1>Social security for every worker</h1>" in html
    assert '<h2 id="programmes">The five programmes</h2>' in html
    assert (
        "We never ask for your password or a verification code (OTP) by phone, SMS, WhatsApp or chat." in html
    )
    assert "Paid by the employer 3.7% and by the worker 2% of the wage." in html
    assert "Jaminan sosial untuk setiap pekerja" not in html


def test_switching_back_to_indonesian_restores_the_indonesian_page(client):
    client.post(reverse("set_language"), {"language": "en", "next": "/"})
    client.post(reverse("set_language"), {"language": "id", "next": "/"})

    html = client.get(reverse("portal:home")).content.decode()

    assert '<html lang="id">' in html
    assert "<h1>Jaminan sosial untuk setiap pekerja</h1>" in html


def test_language_switch_returns_to_the_page_and_search_it_was_used_on(client):
    url = reverse("portal:faq") + "?q=JHT"

    page = client.get(url).content.decode()
    switched = client.post(reverse("set_language"), {"language": "en", "next": url})

    assert f'<input type="hidden" name="next" value="{reverse("portal:faq")}?q=JHT">' in page
    assert switched.status_code == 302
    assert switched["Location"] == url


def test_every_page_offers_both_languages_through_a_post_form(client):
    for name in PUBLIC_PAGES:
        html = client.get(reverse(name)).content.decode()

        assert f'<form class="language" action="{reverse("set_language")}" method="post">' in html
        assert 'name="language" value="id" lang="id" aria-pressed="true">Bahasa Indonesia</button>' in html
        assert 'name="language" value="en" lang="en" aria-pressed="false">English</button>' in html


def test_every_page_has_landmarks_a_skip_link_and_the_official_address(client, settings):
    settings.SITE_URL = "https://jamsos.example.id"

    for name in PUBLIC_PAGES:
        html = client.get(reverse(name)).content.decode()

        assert html.index('<a class="skip-link" href="#content">Langsung ke isi halaman</a>') < html.index(
            "<header"
        )
        assert '<main id="content" class="wrap" tabindex="-1">' in html
        assert '<nav class="site-nav" aria-label="Menu utama">' in html
        assert '<footer class="site-footer">' in html
        assert 'Alamat resmi: <strong class="host">jamsos.example.id</strong>.' in html


def test_current_page_is_marked_in_the_menu(client):
    html = client.get(reverse("portal:branches")).content.decode()

    assert f'<a href="{reverse("portal:branches")}" aria-current="page">Kantor Cabang</a>' in html
    assert f'<a href="{reverse("portal:faq")}">Tanya Jawab</a>' in html


def test_home_links_to_the_branch_directory_and_the_faq(client):
    html = client.get(reverse("portal:home")).content.decode()

    assert f'<a href="{reverse("portal:branches")}">Daftar kantor cabang</a>' in html
    assert f'<a href="{reverse("portal:faq")}">Tanya Jawab</a>' in html


def test_home_page_and_stylesheet_stay_light(client):
    html = client.get(reverse("portal:home")).content
    stylesheet = finders.find("portal/site.css")

    assert stylesheet is not None
    with open(stylesheet, "rb") as css:
        css_bytes = len(css.read())
    # The whole first load is this HTML and this stylesheet: no scripts, images or web fonts.
    assert len(html) + css_bytes < 40_000
    assert b"<script" not in html
    assert b"<img" not in html
    assert html.count(b"<link ") == 2


@pytest.mark.parametrize("name", [*PUBLIC_PAGES, "portal:healthz"])
def test_pages_send_the_security_headers(client, name):
    response = client.get(reverse(name))

    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["X-Frame-Options"] == "DENY"
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"


@pytest.mark.parametrize("name", PUBLIC_PAGES)
def test_pages_refuse_post(client, name):
    response = client.post(reverse(name))

    assert response.status_code == 405

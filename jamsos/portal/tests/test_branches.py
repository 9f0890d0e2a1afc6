"""The branch office directory: listing, search, the nothing-found message and its query count."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from jamsos.reference.tests.factories import BranchFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def offices():
    return [
        BranchFactory(
            code="D01",
            name="Depok",
            city="Depok",
            province="Jawa Barat",
            address="Jl. Margonda Raya No. 1",
            phone="(021) 7720-1234",
            saturday_hours="08.00–12.00",
        ),
        BranchFactory(
            code="B01",
            name="Bandung Suci",
            city="Bandung",
            province="Jawa Barat",
            address="Jl. PH.H. Mustofa No. 39",
        ),
        BranchFactory(
            code="S01",
            name="Surabaya Darmo",
            city="Surabaya",
            province="Jawa Timur",
            address="Jl. Raya Darmo No. 3",
        ),
        BranchFactory(
            code="J02",
            name="Jakarta Salemba",
            city="Jakarta Pusat",
            province="DKI Jakarta",
            address="Jl. Salemba Raya No. 55",
        ),
    ]


def listed_names(response):
    return [branch.name for branch, _tel in response.context["offices"]]


def test_directory_lists_every_branch_grouped_by_province(client, offices):
    response = client.get(reverse("portal:branches"))

    html = response.content.decode()
    assert response.status_code == 200
    assert listed_names(response) == ["Jakarta Salemba", "Bandung Suci", "Depok", "Surabaya Darmo"]
    assert "4 kantor cabang." in html
    assert html.index(">DKI Jakarta</h2>") < html.index(">Jawa Barat</h2>") < html.index(">Jawa Timur</h2>")


def test_directory_shows_address_phone_and_opening_hours(client, offices):
    html = client.get(reverse("portal:branches"), {"q": "depok"}).content.decode()

    assert '<h3>Depok <span class="code">D01</span></h3>' in html
    assert '<p class="address">Jl. Margonda Raya No. 1</p>' in html
    assert '<dd><a href="tel:02177201234">(021) 7720-1234</a></dd>' in html
    assert "<dt>Senin–Jumat</dt>\n            <dd>08.00–15.00</dd>" in html
    assert "<dt>Sabtu</dt>\n            <dd>08.00–12.00</dd>" in html


def test_a_branch_without_saturday_hours_is_shown_closed_on_saturday(client, offices):
    html = client.get(reverse("portal:branches"), {"q": "Surabaya"}).content.decode()

    assert "<dt>Sabtu</dt>\n            <dd>tutup</dd>" in html
    assert "Telepon" not in html


@pytest.mark.parametrize(
    ("query", "shown_as"), [("bandung", "bandung"), ("BANDUNG", "BANDUNG"), ("  Bandung  ", "Bandung")]
)
def test_search_finds_a_branch_by_city_case_insensitively(client, offices, query, shown_as):
    response = client.get(reverse("portal:branches"), {"q": query})

    assert listed_names(response) == ["Bandung Suci"]
    assert f"Ditemukan 1 kantor cabang untuk “{shown_as}”." in response.content.decode()


def test_search_finds_a_branch_by_name_case_insensitively(client, offices):
    response = client.get(reverse("portal:branches"), {"q": "sALEMBA"})

    assert listed_names(response) == ["Jakarta Salemba"]
    assert "Ditemukan 1 kantor cabang untuk “sALEMBA”." in response.content.decode()


def test_search_matches_province_code_and_address(client, offices):
    assert listed_names(client.get(reverse("portal:branches"), {"q": "jawa barat"})) == [
        "Bandung Suci",
        "Depok",
    ]
    assert listed_names(client.get(reverse("portal:branches"), {"q": "s01"})) == ["Surabaya Darmo"]
    assert listed_names(client.get(reverse("portal:branches"), {"q": "margonda"})) == ["Depok"]


def test_every_word_of_the_search_must_match(client, offices):
    assert listed_names(client.get(reverse("portal:branches"), {"q": "jawa depok"})) == ["Depok"]
    assert listed_names(client.get(reverse("portal:branches"), {"q": "jawa salemba"})) == []


def test_search_without_a_match_shows_the_nothing_found_message_with_a_hint(client, offices):
    response = client.get(reverse("portal:branches"), {"q": "Atlantis"})

    html = response.content.decode()
    assert listed_names(response) == []
    assert "Ditemukan 0 kantor cabang untuk “Atlantis”." in html
    assert "<h2>Kantor cabang tidak ditemukan</h2>" in html
    assert "Tidak ada kantor cabang yang cocok dengan “Atlantis”. Periksa ejaannya" in html
    assert f'<a href="{reverse("portal:branches")}">Tampilkan semua kantor cabang</a>' in html


def test_nothing_found_message_in_english(client, offices):
    client.post(reverse("set_language"), {"language": "en", "next": "/"})

    html = client.get(reverse("portal:branches"), {"q": "Atlantis"}).content.decode()

    assert "0 branch offices found for “Atlantis”." in html
    assert "<h2>No branch office found</h2>" in html
    assert "No branch office matches “Atlantis”. Check the spelling" in html


def test_search_text_is_escaped_in_the_page(client, offices):
    html = client.get(reverse("portal:branches"), {"q": '<script>alert("x")</script>'}).content.decode()

    assert "<script>alert" not in html
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in html


def test_an_overlong_search_is_cut_to_100_characters(client, offices):
    response = client.get(reverse("portal:branches"), {"q": "a" * 5000})

    assert response.status_code == 200
    assert response.context["query"] == "a" * 100


def test_empty_directory_says_no_branch_is_recorded(client):
    html = client.get(reverse("portal:branches")).content.decode()

    assert "0 kantor cabang." in html
    assert "Belum ada kantor cabang yang tercatat." in html


def test_directory_query_count_does_not_grow_with_the_number_of_branches(client):
    BranchFactory.create_batch(3)
    with CaptureQueriesContext(connection) as few:
        client.get(reverse("portal:branches"))
    BranchFactory.create_batch(40)
    with CaptureQueriesContext(connection) as many:
        response = client.get(reverse("portal:branches"))

    branch_queries = [query for query in many.captured_queries if "reference_branch" in query["sql"]]
    assert len(response.context["offices"]) == 43
    assert len(many.captured_queries) == len(few.captured_queries)
    assert len(branch_queries) == 1


def test_search_runs_a_single_query_on_the_branches(client, offices, django_assert_max_num_queries):
    with django_assert_max_num_queries(1):
        client.get(reverse("portal:branches"), {"q": "jawa barat depok"})

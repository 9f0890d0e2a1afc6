"""The FAQ: its data, its search in the active language, and its page."""

import pytest
from django.urls import reverse
from django.utils import translation

from jamsos.portal import faq


def slugs(entries):
    return [entry.slug for entry in entries]


def test_faq_has_at_least_twelve_entries_with_unique_slugs_and_a_regulation_each():
    assert len(faq.ENTRIES) >= 12
    assert len(set(slugs(faq.ENTRIES))) == len(faq.ENTRIES)
    assert all(str(entry.regulation).strip() for entry in faq.ENTRIES)


def test_every_question_and_answer_is_translated_into_indonesian():
    with translation.override("en"):
        english = [(str(entry.question), str(entry.answer)) for entry in faq.ENTRIES]
    with translation.override("id"):
        indonesian = [(str(entry.question), str(entry.answer)) for entry in faq.ENTRIES]

    untranslated = [
        entry.slug
        for entry, (en_q, en_a), (id_q, id_a) in zip(faq.ENTRIES, english, indonesian, strict=True)
        if en_q == id_q or en_a == id_a
    ]
    assert untranslated == []


def test_search_matches_question_and_answer_in_the_active_language():
    with translation.override("id"):
        indonesian = slugs(faq.search(["kehilangan", "pekerjaan"]))
    with translation.override("en"):
        english = slugs(faq.search(["kehilangan", "pekerjaan"]))
        job_loss = slugs(faq.search(["job-loss"]))

    assert indonesian == ["jkp-benefit"]
    assert english == []
    assert job_loss == ["jkp-benefit"]


def test_search_is_case_insensitive_and_needs_every_word():
    with translation.override("id"):
        upper = slugs(faq.search(["JKP"]))
        lower = slugs(faq.search(["jkp"]))
        both = slugs(faq.search(["jkp", "pensiun"]))

    assert upper == ["jkp-benefit", "jkp-eligibility", "contribution-rates", "bpu-contributions"]
    assert lower == upper
    assert both == ["jkp-eligibility"]


def test_search_without_words_returns_every_entry():
    assert faq.search([]) == list(faq.ENTRIES)


@pytest.mark.parametrize(
    ("slug", "language", "expected"),
    [
        ("jht-when-to-claim", "id", "usia 56 tahun"),
        ("jht-partial", "id", "paling banyak 10% dari saldo"),
        ("jkp-benefit", "id", "Rp 5.000.000"),
        ("jkp-benefit", "en", "60% of your last reported wage"),
        ("jp-pension-age", "id", "180 bulan"),
        ("jkm-benefit", "id", "Rp 42 juta"),
        ("late-fee", "en", "2% for each month of lateness"),
        ("bpu-contributions", "id", "JKM Rp 6.800 per bulan"),
        ("jp-wage-cap", "en", "Rp 10,547,400"),
    ],
)
def test_answers_carry_the_rulebook_numbers(slug, language, expected):
    entry = next(entry for entry in faq.ENTRIES if entry.slug == slug)

    with translation.override(language):
        assert expected in str(entry.answer)


def test_faq_page_lists_every_question_with_its_regulation(client):
    response = client.get(reverse("portal:faq"))

    html = response.content.decode()
    assert response.status_code == 200
    assert f"{len(faq.ENTRIES)} pertanyaan." in html
    assert html.count("<details id=") == len(faq.ENTRIES)
    assert '<details id="jkp-benefit">' in html
    assert "<summary>Berapa manfaat JKP (Jaminan Kehilangan Pekerjaan)?</summary>" in html
    assert "Dasar hukum: PP 37/2021 sebagaimana diubah dengan PP 6/2025" in html


def test_faq_page_search_shows_only_matches_opened(client):
    response = client.get(reverse("portal:faq"), {"q": "beasiswa"})

    html = response.content.decode()
    assert slugs(response.context["entries"]) == ["jkm-benefit", "scholarship", "jkk-benefits"]
    assert "Ditemukan 3 pertanyaan untuk “beasiswa”." in html
    assert '<details id="scholarship" open>' in html
    assert '<details id="jkp-benefit"' not in html


def test_faq_page_search_in_english(client):
    client.post(reverse("set_language"), {"language": "en", "next": "/"})

    response = client.get(reverse("portal:faq"), {"q": "SCHOLARSHIP"})

    html = response.content.decode()
    assert slugs(response.context["entries"]) == ["jkm-benefit", "scholarship", "jkk-benefits"]
    assert "3 questions found for “SCHOLARSHIP”." in html
    assert "Regulation: Permenaker 5/2021; PP 82/2019" in html


def test_faq_page_says_when_nothing_matches(client):
    html = client.get(reverse("portal:faq"), {"q": "asuransi mobil"}).content.decode()

    assert "Ditemukan 0 pertanyaan untuk “asuransi mobil”." in html
    assert "<h2>Pertanyaan tidak ditemukan</h2>" in html
    assert f'lihat <a href="{reverse("portal:faq")}">semua pertanyaan</a>' in html

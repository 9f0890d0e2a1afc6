"""The public pages as a member sees them in Chromium: landmarks, language, search, 360 px, focus."""

import pytest
from playwright.sync_api import Page, ViewportSize, expect

from jamsos.reference.tests.factories import BranchFactory

pytestmark = pytest.mark.browser

PHONE = ViewportSize(width=360, height=740)


@pytest.fixture
def offices(transactional_db):
    BranchFactory(
        code="D01", name="Depok", city="Depok", province="Jawa Barat", address="Jl. Margonda Raya No. 1"
    )
    BranchFactory(
        code="B01", name="Bandung Suci", city="Bandung", province="Jawa Barat", address="Jl. Suci No. 39"
    )
    BranchFactory(
        code="S01",
        name="Surabaya Darmo",
        city="Surabaya",
        province="Jawa Timur",
        address="Jl. Raya Darmo No. 3, Kecamatan Wonokromo, Kota Surabaya, Jawa Timur 60241",
        phone="(031) 5678-9012",
        saturday_hours="08.00–12.00",
    )


def branch_names(page: Page) -> list[str]:
    return [
        name.strip()
        for name in page.locator(".branch h3").evaluate_all("els => els.map(e => e.firstChild.textContent)")
    ]


def test_home_page_loads_with_its_landmarks_and_the_indonesian_heading(page: Page, live_server):
    other_hosts: list[str] = []
    page.on(
        "request", lambda req: None if req.url.startswith(live_server.url) else other_hosts.append(req.url)
    )

    page.goto("/")

    expect(page.locator("html")).to_have_attribute("lang", "id")
    expect(page.get_by_role("heading", level=1)).to_have_text("Jaminan sosial untuk setiap pekerja")
    expect(page.get_by_role("banner")).to_be_visible()
    expect(page.get_by_role("navigation", name="Menu utama")).to_be_visible()
    expect(page.get_by_role("main")).to_be_visible()
    expect(page.get_by_role("contentinfo")).to_be_visible()
    expect(page.get_by_role("heading", name="Tetap aman")).to_be_visible()
    assert other_hosts == []


def test_language_switch_changes_the_page_to_english_and_back(page: Page):
    page.goto("/")

    page.get_by_role("button", name="English").click()

    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page.get_by_role("heading", level=1)).to_have_text("Social security for every worker")
    expect(page.get_by_role("button", name="English")).to_have_attribute("aria-pressed", "true")
    assert page.url.endswith("/")

    page.get_by_role("button", name="Bahasa Indonesia").click()

    expect(page.locator("html")).to_have_attribute("lang", "id")
    expect(page.get_by_role("heading", level=1)).to_have_text("Jaminan sosial untuk setiap pekerja")


def test_branch_search_filters_the_list(page: Page, offices):
    page.goto("/kantor-cabang/")
    expect(page.locator(".branch")).to_have_count(3)

    page.get_by_label("Cari berdasarkan kota, provinsi, nama, atau kode kantor cabang").fill("bandung")
    page.get_by_role("button", name="Cari", exact=True).click()

    expect(page.locator(".result-count")).to_contain_text("Ditemukan 1 kantor cabang untuk “bandung”.")
    expect(page.locator(".branch")).to_have_count(1)
    assert branch_names(page) == ["Bandung Suci"]
    assert page.url.endswith("/kantor-cabang/?q=bandung")


def test_branch_search_without_a_match_says_so(page: Page, offices):
    page.goto("/kantor-cabang/?q=Atlantis")

    expect(page.get_by_role("heading", name="Kantor cabang tidak ditemukan")).to_be_visible()
    expect(page.locator(".branch")).to_have_count(0)


def test_faq_search_opens_the_matching_answers(page: Page):
    page.goto("/tanya-jawab/")

    page.get_by_label("Cari di Tanya Jawab").fill("denda")
    page.get_by_role("button", name="Cari", exact=True).click()

    expect(page.locator("details")).to_have_count(1)
    expect(
        page.get_by_text("Pemberi kerja dikenai denda 2% untuk setiap bulan keterlambatan")
    ).to_be_visible()


@pytest.mark.parametrize("path", ["/", "/kantor-cabang/", "/tanya-jawab/", "/tanya-jawab/?q=JHT"])
def test_pages_fit_a_360_px_screen_without_horizontal_scrolling(page: Page, offices, path):
    page.set_viewport_size(PHONE)

    page.goto(path)

    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]


def test_first_tab_reaches_a_visible_skip_link_with_a_focus_outline(page: Page):
    page.goto("/")

    page.keyboard.press("Tab")

    skip = page.get_by_role("link", name="Langsung ke isi halaman")
    expect(skip).to_be_focused()
    box = skip.bounding_box()
    assert box is not None
    assert box["y"] >= 0
    assert box["x"] >= 0
    assert box["height"] > 0
    outline = skip.evaluate(
        "el => { const s = getComputedStyle(el); return [s.outlineStyle, s.outlineWidth]; }"
    )
    assert outline[0] != "none"
    assert float(outline[1].removesuffix("px")) >= 2

    page.keyboard.press("Enter")

    expect(page.get_by_role("main")).to_be_focused()
    assert page.url.endswith("/#content")


def test_keyboard_focus_is_visible_on_links_and_buttons(page: Page):
    page.goto("/kantor-cabang/")
    page.get_by_label("Cari berdasarkan kota, provinsi, nama, atau kode kantor cabang").focus()

    page.keyboard.press("Tab")

    button = page.get_by_role("button", name="Cari", exact=True)
    expect(button).to_be_focused()
    style = button.evaluate("el => getComputedStyle(el).outlineStyle")
    assert style == "solid"

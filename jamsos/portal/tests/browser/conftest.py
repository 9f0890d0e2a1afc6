"""Browser-test fixtures: one Debian Chromium per session, a fresh context and page per test."""

import os
import re
import shutil
from collections.abc import Generator, Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, ViewportSize, sync_playwright
from playwright.sync_api import Error as PlaywrightError

CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
DESKTOP = ViewportSize(width=1280, height=800)
REPORTS = pytest.StashKey[dict[str, pytest.TestReport]]()


def find_chromium() -> str | None:
    # Debian's Chromium, never Playwright's own download (`playwright install` is blocked on our
    # machines). Without one the tests skip, except under CI, where a missing browser must fail
    # the build instead of silently dropping the tests.
    found = shutil.which("chromium")
    if found:
        return found
    return "/usr/bin/chromium" if Path("/usr/bin/chromium").is_file() else None


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    # Browser tests run after every other test (a stable sort keeps pytest-django's order
    # otherwise). Once Playwright's sync API has started, this thread shows a running event loop
    # until the session ends: any later Django test would need DJANGO_ALLOW_ASYNC_UNSAFE, and the
    # subprocesses it starts would inherit the variable (`check --deploy` rightly flags it).
    items.sort(key=lambda item: item.get_closest_marker("browser") is not None)


@pytest.hookimpl(wrapper=True, tryfirst=True)
def pytest_runtest_makereport(
    item: pytest.Item, call: pytest.CallInfo[None]
) -> Generator[None, pytest.TestReport, pytest.TestReport]:
    # Keep each phase's report on the item so the page fixture's teardown knows whether the
    # test failed, and only then pays for a screenshot.
    report = yield
    item.stash.setdefault(REPORTS, {})[report.when] = report
    return report


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    executable = find_chromium()
    if executable is None:
        if os.environ.get("CI"):
            pytest.fail(
                "CI is set but no Chromium was found: install Debian's chromium package.", pytrace=False
            )
        pytest.skip("no Chromium found (install Debian's chromium package to run the browser tests)")
    # Playwright's sync API keeps an event loop running in this thread; Django refuses ORM calls
    # from such a thread unless told the calls are deliberate. Set only while the browser lives
    # (the browser tests run last), so the rest of the suite keeps Django's protection.
    previous = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    try:
        with sync_playwright() as playwright:
            chromium = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
            yield chromium
            chromium.close()
    finally:
        if previous is None:
            os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
        else:
            os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = previous


@pytest.fixture
def page(browser: Browser, live_server, request: pytest.FixtureRequest) -> Iterator[Page]:
    # An Indonesian phone: the Accept-Language a member's browser would send.
    context = browser.new_context(base_url=live_server.url, locale="id-ID", viewport=DESKTOP)
    context.set_default_timeout(10_000)
    tab = context.new_page()
    yield tab
    reports = request.node.stash.get(REPORTS, {})
    if any(report.failed for report in reports.values()):
        name = re.sub(r"[^A-Za-z0-9_.-]+", "_", request.node.name)
        path = request.config.rootpath / "test-artifacts" / "screenshots" / f"{name}.png"
        path.parent.mkdir(parents=True, exist_ok=True)
        try:
            tab.screenshot(path=str(path), full_page=True)
        except PlaywrightError as error:  # a crashed page must not hide the test's own failure
            print(f"no screenshot of the failing page: {error}")
        else:
            print(f"screenshot of the failing page: {path}")
    context.close()

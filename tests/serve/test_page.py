"""The map page in a real headless Chromium (Debian's), driven by Playwright.

These tests fail — never skip — when /usr/bin/chromium is missing: `scripts/test.sh`
installs it. The app runs in-process, on 127.0.0.1 and a random port; every request the
page makes elsewhere is recorded and refused, so the page is proven to work offline.
"""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import uvicorn
from playwright.sync_api import Browser, Page, Route, sync_playwright
from playwright.sync_api import TimeoutError as PlaywrightTimeout

from frontledger.ledger import SqlStore
from frontledger.serve import create_app

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu",
                 "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run"]
SCREENSHOT = Path(__file__).resolve().parents[2] / "test-artifacts" / "map.png"
# Milliseconds the page gets to load the ledger and draw (the first place search loads
# the gazetteer, about a second).
WAIT_MS = 20_000
CLICK_RETRY_MS = 3_000
"""How long a click on a place gets to open its panel before it is tried again."""
KUPIANSK = "path[data-place='g:703656']"


@pytest.fixture(scope="module")
def base_url(ledger_store: SqlStore) -> Iterator[str]:
    """The app served by uvicorn in a thread, on loopback and a random free port."""
    with serving(ledger_store) as url:
        yield url


@contextmanager
def serving(ledger_store: SqlStore) -> Iterator[str]:
    """The app over `ledger_store`, served in a thread; its base URL."""
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    server = uvicorn.Server(uvicorn.Config(create_app(ledger_store), log_level="warning"))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [listener]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + WAIT_MS / 1000
    while not server.started:
        assert time.monotonic() < deadline, "the app did not start"
        time.sleep(0.02)
    yield f"http://127.0.0.1:{listener.getsockname()[1]}"
    server.should_exit = True
    thread.join()
    listener.close()


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    if not CHROMIUM.exists():
        pytest.fail(f"{CHROMIUM} is missing: run scripts/test.sh, which installs Debian's "
                    "chromium, or apt-get install -y chromium")
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=str(CHROMIUM),
                                              args=CHROMIUM_ARGS)
        yield launched
        launched.close()


def keep_on_loopback(page: Page) -> list[str]:
    """Refuse every request of `page` to another host; the list of those refused."""
    refused: list[str] = []

    def route(request_route: Route) -> None:
        if urlsplit(request_route.request.url).hostname == "127.0.0.1":
            request_route.continue_()
        else:
            refused.append(request_route.request.url)
            request_route.abort()

    page.route("**/*", route)
    return refused


class Visit:
    """A page of the app, with what it asked of other hosts and the dialogs it opened."""

    def __init__(self, browser: Browser, base_url: str, address: str = "/") -> None:
        self.page: Page = browser.new_page(viewport={"width": 1400, "height": 850})
        self.outside = keep_on_loopback(self.page)
        self.dialogs: list[str] = []
        self.errors: list[str] = []
        self.page.on("dialog", self._dialog)
        self.page.on("pageerror", lambda error: self.errors.append(str(error)))
        self.page.goto(base_url + address)
        self.page.wait_for_selector("body[data-ready='1']", timeout=WAIT_MS)

    def _dialog(self, dialog: object) -> None:
        self.dialogs.append(getattr(dialog, "message", "?"))
        dialog.dismiss()  # type: ignore[attr-defined]

    def open_place(self, selector: str) -> None:
        """Click another place than the one open and wait for its panel: a click while the
        map still zooms or pans to the place opened before may land where the marker was
        (nothing opens then: click again, until WAIT_MS), and the claims already listed
        are the previous place's. The new place's claims may all be undated: either list
        will do."""
        shown = self.page.locator("#place-name").text_content() or ""
        deadline = time.monotonic() + WAIT_MS / 1000
        while True:
            self.page.wait_for_function("() => !document.querySelector('.leaflet-zoom-anim')",
                                        timeout=WAIT_MS)
            self.page.locator(selector).click()
            try:
                self.page.wait_for_function(
                    "shown => document.getElementById('place-name').textContent !== shown"
                    " && document.querySelector('#claims li.claim, #undated-claims li.claim')"
                    " !== null",
                    arg=shown, timeout=CLICK_RETRY_MS)
                return
            except PlaywrightTimeout:
                if time.monotonic() > deadline:
                    raise

    def close(self) -> None:
        self.page.close()


@pytest.fixture
def visit(browser: Browser, base_url: str) -> Iterator[Visit]:
    opened = Visit(browser, base_url)
    yield opened
    assert opened.errors == [], "the page raised JavaScript errors"
    opened.close()


def test_map_draws_oblasts_and_places_with_no_request_off_this_machine(visit: Visit) -> None:
    page = visit.page
    assert page.locator("path.leaflet-interactive.place-marker").count() == 3
    assert page.locator(".leaflet-overlay-pane path:not(.place-marker)").count() >= 27
    assert page.locator("#date-label").inner_text() == "2025-11-24"
    assert visit.outside == []


def test_moving_the_date_back_recolours_a_place(visit: Visit) -> None:
    page = visit.page
    assert page.locator(KUPIANSK).get_attribute("data-status") == "contested"
    page.locator("#date-slider").focus()
    page.keyboard.press("Home")  # back to the first day: 2025-11-20
    page.wait_for_selector("#map[data-date='2025-11-20']", timeout=WAIT_MS)
    assert page.locator("#date-label").inner_text() == "2025-11-20"
    assert page.locator(KUPIANSK).get_attribute("data-status") == "claimed"
    assert page.locator(KUPIANSK).get_attribute("data-controller") == "RU"
    assert page.locator("path.place-marker").count() == 1


def test_clicking_a_place_shows_its_timeline_claims_and_quote_in_the_source(
        visit: Visit) -> None:
    page = visit.page
    visit.open_place(KUPIANSK)
    assert page.locator("#place-name").inner_text() == "Kupyansk"
    assert page.locator("#place-status .status").inner_text() == "contested"
    assert page.locator("#chart-box svg circle").count() == 3
    quotes = page.locator("#claims blockquote.quote").all_inner_texts()
    assert "Russia's defence ministry said on 20 November 2025 that its forces had " \
           "captured Kupiansk." in quotes
    denial = page.locator("#claims li.claim").nth(2)
    assert denial.locator("a.original").get_attribute("href") == \
        "https://vyhadka.example/novyny/kupiansk"
    denial.locator("button.show-source").click()
    mark = denial.locator("mark.current")
    mark.wait_for(timeout=WAIT_MS)
    assert mark.inner_text() == "Заяви про захоплення міста неправдиві."
    assert "ВИГАДАНИЙ ТЕСТОВИЙ ТЕКСТ." in denial.locator(".source-text").inner_text()
    SCREENSHOT.parent.mkdir(exist_ok=True)
    page.screenshot(path=str(SCREENSHOT))


def test_search_finds_a_place_by_an_alias_in_another_language(visit: Visit) -> None:
    page = visit.page
    page.locator("#search").fill("Купянск")
    page.keyboard.press("Enter")
    page.wait_for_selector("#claims li.claim", timeout=WAIT_MS)
    assert page.locator("#place-name").inner_text() == "Kupyansk"
    assert page.locator("#search-hits li").count() == 1


def test_hostile_title_text_outlet_and_url_show_as_text_and_nothing_runs(
        visit: Visit) -> None:
    page = visit.page
    visit.open_place("path[data-place='g:689304']")  # Vovchansk (GeoNames id), hostile
    claim = page.locator("#claims li.claim").first
    assert "onerror=" in claim.locator("blockquote.quote").inner_text()
    assert '<img src=x onerror="window.__pwned = \'outlet\'">' in \
        claim.locator(".claim-meta").inner_text()
    assert claim.locator("a.original").count() == 0  # its URL was javascript:
    claim.locator("button.show-source").click()
    claim.locator(".source-text").wait_for(timeout=WAIT_MS)
    assert '<script>window.__pwned = "title script"</script>' in \
        claim.locator(".source-title").inner_text()
    assert '<a href="javascript:window.__pwned = \'body link\'">here</a>' in \
        claim.locator(".source-text").inner_text()
    page.wait_for_timeout(300)  # give a planted onerror the time to fire
    assert page.evaluate("typeof window.__pwned") == "undefined"
    assert page.locator("img[src='x'], #panel script").count() == 0
    hrefs = page.eval_on_selector_all("a[href]", "links => links.map(a => a.href)")
    assert all(href.startswith(("http://", "https://")) for href in hrefs)
    assert visit.dialogs == [] and visit.outside == []


def test_api_docs_render_from_installed_assets(browser: Browser, base_url: str) -> None:
    page = browser.new_page()
    outside = keep_on_loopback(page)
    page.goto(base_url + "/docs")
    page.wait_for_selector(".opblock", timeout=WAIT_MS)
    assert page.locator(".opblock-summary-path", has_text="/api/control").count() == 1
    assert outside == []
    page.close()

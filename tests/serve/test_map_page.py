"""The front map in Chromium: control areas, the side switch, the address, the labels,
undated claims and the latest claims, over a ledger of invented reports near Kupiansk.

Each test saves a screenshot in test-artifacts/ (map-areas.png, map-view-ua.png,
map-address.png, map-labels.png) for a person to look at.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, expect

from frontledger.ledger import open_store
from tests.serve.ledgers import front_ledger
from tests.serve.test_page import WAIT_MS, Visit, browser, serving

__all__ = ["browser"]  # the Chromium fixture, shared with test_page

ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"
KUPIANSK = "703656"
LAST_DAY = "2025-11-22"


@pytest.fixture(scope="module")
def front_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    store = open_store(f"sqlite:///{tmp_path_factory.mktemp('front') / 'front.db'}")
    front_ledger(store)
    with serving(store) as url:
        yield url
    store.close()


@pytest.fixture
def visit(browser: Browser, front_url: str) -> Iterator[Callable[[str], Visit]]:
    opened: list[Visit] = []

    def open_page(address: str = "/") -> Visit:
        opened.append(Visit(browser, front_url, address))
        return opened[-1]

    yield open_page
    for page in opened:
        assert page.errors == [], "the page raised JavaScript errors"
        assert page.outside == [], "the page asked another host"
        page.close()


def screenshot(visit: Visit, name: str) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    visit.page.screenshot(path=str(ARTIFACTS / name))


def controllers(visit: Visit) -> list[str | None]:
    areas = visit.page.locator("path.area")
    return sorted(areas.nth(i).get_attribute("data-controller") or ""
                  for i in range(areas.count()))


def test_areas_layer_draws_each_place_s_cell_and_the_front_line_between_sides(
        visit: Callable[[str], Visit]) -> None:
    opened = visit(f"/#place={KUPIANSK}&date={LAST_DAY}")
    page = opened.page
    page.wait_for_selector("#claims li.claim", timeout=WAIT_MS)
    assert page.locator("#map").get_attribute("data-view") == "consensus"
    assert controllers(opened) == ["RU", "RU", "UA", "UA"]
    kupiansk = page.locator("path.area[data-area='g:703656']")
    assert kupiansk.get_attribute("data-controller") == "RU"
    front = page.locator("path.front-line")
    assert front.count() == 1 and front.get_attribute("data-sides") == "RU-UA"
    # drawn under the places: the dots stay clickable
    assert page.locator("path.place-marker").count() == 4
    screenshot(opened, "map-areas.png")


def test_side_switch_recolours_the_areas_as_each_side_claims_them(
        visit: Callable[[str], Visit]) -> None:
    opened = visit(f"/#place={KUPIANSK}&date={LAST_DAY}")
    page = opened.page
    page.wait_for_selector("#claims li.claim", timeout=WAIT_MS)
    page.locator("label[for='view-UA']").click()
    page.wait_for_selector("#map[data-view='UA']", timeout=WAIT_MS)
    assert controllers(opened) == ["UA", "UA"]
    assert page.locator("path.front-line").count() == 0  # one side's word: no opponent
    assert "view=UA" in page.evaluate("window.location.hash")
    screenshot(opened, "map-view-ua.png")
    page.locator("label[for='view-RU']").click()
    page.wait_for_selector("#map[data-view='RU']", timeout=WAIT_MS)
    assert controllers(opened) == ["RU", "RU"]
    assert page.locator("label[for='view-RU']").inner_text() == "as Russia claims it"


def test_the_address_opens_a_place_date_and_view_and_follows_changes(
        visit: Callable[[str], Visit]) -> None:
    opened = visit(f"/#place={KUPIANSK}&date=2025-11-21&view=RU")
    page = opened.page
    page.wait_for_selector("#claims li.claim", timeout=WAIT_MS)
    assert page.locator("#date-label").inner_text() == "2025-11-21"
    assert page.locator("#place-name").inner_text() == "Kupyansk"
    assert page.locator("#view-RU").is_checked()
    assert page.locator("#map").get_attribute("data-view") == "RU"
    page.locator("#date-slider").focus()
    page.keyboard.press("End")
    page.wait_for_selector(f"#map[data-date='{LAST_DAY}']", timeout=WAIT_MS)
    assert page.evaluate("window.location.hash") == \
        f"#place={KUPIANSK}&date={LAST_DAY}&view=RU"
    screenshot(opened, "map-address.png")
    page.evaluate("window.location.hash = '#date=2025-11-20'")  # edited by hand
    page.wait_for_selector("#map[data-date='2025-11-20'][data-view='consensus']",
                           timeout=WAIT_MS)
    assert page.locator("#view-consensus").is_checked()


def test_place_names_are_written_once_zoomed_in_and_neighbours_are_land(
        visit: Callable[[str], Visit]) -> None:
    opened = visit("/")
    page = opened.page
    assert page.locator("#map").get_attribute("data-labels") == "off"
    assert page.locator(".leaflet-tooltip.place-label").count() == 0
    countries = page.locator(".leaflet-tooltip.country-label").all_text_contents()
    assert {"Russia", "Belarus", "Moldova", "Poland"} <= set(countries)
    assert page.locator(".leaflet-tooltip.sea-label").all_inner_texts() == [
        "Black Sea", "Sea of Azov"]
    assert page.locator("path.neighbour").count() >= 10
    assert page.evaluate("window.location.hash") == f"#date={LAST_DAY}"
    page.evaluate(f"window.location.hash = '#place={KUPIANSK}&date={LAST_DAY}'")
    page.wait_for_selector("#map[data-labels='on']", timeout=WAIT_MS)
    labels = page.locator(".leaflet-tooltip.place-label").all_inner_texts()
    assert sorted(labels) == ["Kindrashivka", "Kupiansk-Vuzlovyi", "Kupyansk",
                              "Petropavlivka"]
    screenshot(opened, "map-labels.png")


def test_place_panel_sorts_claims_by_date_and_lists_undated_ones_apart(
        visit: Callable[[str], Visit]) -> None:
    opened = visit(f"/#place=Kindrashivka&date={LAST_DAY}")  # a place with no GeoNames id
    page = opened.page
    page.wait_for_selector("#claims li.claim", timeout=WAIT_MS)
    days = [text.split(" · ")[0] for text in
            page.locator("#claims li.claim .claim-head").all_inner_texts()]
    assert days == ["2025-11-18", "2025-11-20"]  # stored in the other order
    assert page.locator("#undated").is_hidden()
    opened.open_place("path[data-place='n:populated_place:petropavlivka']")  # zoomed in now
    page.wait_for_selector("#undated-claims li.claim", timeout=WAIT_MS)
    assert page.locator("#undated").is_visible()
    assert page.locator("#undated-claims .undated-mark").inner_text() == "undated"
    assert "Petropavlivka reste sous contrôle" in \
        page.locator("#undated-claims blockquote.quote").inner_text()


def test_latest_claims_panel_lists_newest_first_filters_and_opens_the_place(
        visit: Callable[[str], Visit]) -> None:
    opened = visit("/")
    page = opened.page
    page.wait_for_selector("#latest-claims li.claim", timeout=WAIT_MS)
    quotes = page.locator("#latest-claims blockquote.quote").all_inner_texts()
    assert len(quotes) == 5 and quotes[0].startswith("L'état-major ukrainien affirme")
    page.locator("#latest-language").select_option("uk")
    expect(page.locator("#latest-claims li.claim")).to_have_count(2, timeout=WAIT_MS)
    assert all(" · uk · " in meta for meta in
               page.locator("#latest-claims .claim-meta").all_inner_texts())
    page.locator("#latest-kind").select_option("strike")
    page.wait_for_selector("#latest-claims li.muted", timeout=WAIT_MS)
    page.locator("#latest-kind").select_option("")
    first = page.locator("#latest-claims li.claim").first
    first.wait_for(timeout=WAIT_MS)
    first.locator("button.show-source").click()
    first.locator("mark.current").wait_for(timeout=WAIT_MS)
    first.locator("button.open-place").click()
    page.wait_for_selector("#claims li.claim", timeout=WAIT_MS)
    assert page.locator("#place-name").inner_text() in ("Kupiansk-Vuzlovyi", "Kindrashivka")

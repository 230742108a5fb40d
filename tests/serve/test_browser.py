"""The dashboard in a real browser: Playwright driving Debian's headless chromium against the live server.

Skipped where /usr/bin/chromium (`apt-get install chromium`) or the playwright package is missing. Each
page's screenshot is saved under the test's temporary folder, whose path the test prints.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.serve.conftest import HOSTILE

CHROMIUM = Path("/usr/bin/chromium")

pytestmark = pytest.mark.skipif(
    not CHROMIUM.exists(), reason="needs /usr/bin/chromium (apt-get install chromium)"
)


@pytest.fixture
def page(base_url: str) -> Iterator[Any]:
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), headless=True)
        try:
            context = browser.new_context(base_url=base_url)
            yield context.new_page()
        finally:
            browser.close()


def test_overview_to_item_to_document(page: Any, tmp_path: Path) -> None:
    shots = tmp_path / "screenshots"
    print(f"screenshots: {shots}")
    page.goto("/")
    assert page.locator("h1").inner_text() == "The register"
    page.screenshot(path=shots / "overview.png", full_page=True)

    page.click("text=All items")
    page.fill("input[name=search]", "nuclear")
    page.click("button[type=submit]")
    assert "search=nuclear" in page.url
    page.screenshot(path=shots / "items.png", full_page=True)

    page.locator("table.items tbody tr td:nth-child(2) a").first.click()
    assert page.locator("blockquote.evidence mark.object").count() == 1
    page.screenshot(path=shots / "item.png", full_page=True)

    page.locator("blockquote.evidence + p a").click()
    assert "/documents/" in page.url
    assert page.locator(".document-text mark.evidence").count() > 0
    page.screenshot(path=shots / "document.png", full_page=True)


def test_hostile_text_does_not_run(page: Any, tmp_path: Path) -> None:
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.goto(f"/documents/{HOSTILE['id']}")
    page.wait_for_load_state("load")
    assert "<script>alert(1)</script>" in page.locator(".document-text").inner_text()
    assert page.locator(".document-text script, .document-text img").count() == 0
    page.goto("/items")
    page.screenshot(path=tmp_path / "hostile.png", full_page=True)
    assert dialogs == []


@pytest.mark.usefixtures("undo_review")
def test_overview_item_entity_document_map_and_a_correction(page: Any, tmp_path: Path) -> None:
    shots = tmp_path / "screenshots"
    print(f"screenshots: {shots}")
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.on(
        "response",
        lambda response: response.status >= 400 and errors.append(f"{response.status} {response.url}"),
    )

    page.goto("/")
    page.screenshot(path=shots / "1-overview.png", full_page=True)
    page.locator("table.items tbody tr td:nth-child(6) a").first.click()  # an item's entity
    assert "/entities/" in page.url
    page.go_back()
    page.locator("table.items tbody tr td:nth-child(2) a").first.click()
    assert "/items/" in page.url
    item_url = page.url
    page.screenshot(path=shots / "2-item.png", full_page=True)

    entity = page.locator("dl.facts a[href^='/entities/']")
    if entity.count() == 0:  # an item without an entity: take one that has one
        page.goto("/entities")
        page.locator("table.items tbody tr td:first-child a").first.click()
    else:
        entity.click()
    assert "/entities/" in page.url
    assert page.locator("svg.timeline circle.dot").count() >= 1
    page.screenshot(path=shots / "3-entity.png", full_page=True)

    page.locator("table.mentions tbody tr td:last-child a").first.click()
    assert "/documents/" in page.url
    assert page.locator(".document-text mark.evidence").count() > 0
    page.screenshot(path=shots / "4-document.png", full_page=True)

    page.click("header nav >> text=Map")
    assert page.url.endswith("/map")
    if page.locator("#map").count():  # Leaflet installed: its features are drawn from /api/geojson
        page.wait_for_selector("#map[data-features]")
        assert int(page.get_attribute("#map", "data-features")) > 0
        assert page.locator("#map path.leaflet-interactive").count() > 0
    else:
        assert page.locator("#map-notice").count() == 1
    page.screenshot(path=shots / "5-map.png", full_page=True)

    page.click("header nav >> text=Changes")
    page.fill("input[name=since]", "2025-01-01")
    with page.expect_navigation():
        page.click("form.filters button[type=submit]")
    assert page.locator("section.change").count() == 4
    page.screenshot(path=shots / "6-diff.png", full_page=True)

    page.goto(item_url)
    page.select_option("#correct select[name=stage]", "completed")
    page.fill("#correct input[name=object]", "object corrected in a browser")
    with page.expect_navigation():  # the form posts, then the server redirects to the item
        page.click("#correct button[type=submit]")
    page.wait_for_load_state()
    page.reload()
    assert page.locator("h1").inner_text() == "object corrected in a browser"
    assert page.locator("dl.facts .stage").first.inner_text() == "completed"
    assert page.locator(".corrected").count() >= 1
    page.screenshot(path=shots / "7-corrected.png", full_page=True)
    assert errors == []

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

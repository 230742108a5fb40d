"""The dashboard's pages against a live server: what each shows, and that untrusted text stays inert."""

from __future__ import annotations

import re

import httpx
import pytest

from tests.serve.conftest import HOSTILE, IMG, SCRIPT


def page(browser: httpx.Client, path: str, **params: object) -> str:
    response = browser.get(path, params=params)
    assert response.status_code == 200, response.text
    assert response.headers["content-type"].startswith("text/html")
    return response.text


def first_item(client: httpx.Client, **params: object) -> dict[str, object]:
    found: list[dict[str, object]] = client.get("/api/items", params={"limit": 1, **params}).json()["items"]
    assert found, f"no item matches {params}"
    return found[0]


def test_overview_counts_by_sector_and_stage(browser: httpx.Client, client: httpx.Client) -> None:
    html = page(browser, "/")
    counts = client.get("/api/health").json()["counts"]
    assert f"{counts['items']} items" in html
    energy = client.get("/api/items", params={"sector": "energy", "limit": 1}).json()["total"]
    assert re.search(rf'href="/items\?sector=energy">energy</a></td><td class="n">{energy}<', html)
    assert 'href="/items?stage=agreed"' in html
    assert "Latest items" in html


def test_items_page_filters_and_searches(browser: httpx.Client, client: httpx.Client) -> None:
    html = page(browser, "/items", search="railway", sector="transport")
    total = client.get("/api/items", params={"search": "railway", "sector": "transport"}).json()["total"]
    assert f"{total} items" in html
    assert 'value="railway"' in html and "<option selected>transport</option>" in html
    assert html.count('<tr>\n      <td><a href="/items/') == total


def test_items_page_links_to_the_next_page(browser: httpx.Client) -> None:
    html = page(browser, "/items", limit=5)
    assert 'rel="next" href="/items?offset=5&amp;limit=5"' in html
    assert 'rel="prev"' not in html
    assert 'rel="prev"' in page(browser, "/items", limit=5, offset=5)


def test_item_page_highlights_the_object_in_its_evidence(browser: httpx.Client, client: httpx.Client) -> None:
    item = first_item(client, search="nuclear")
    html = page(browser, f"/items/{item['item_id']}")
    assert f'<mark class="object">{item["object"]}</mark>'.replace("'", "&#39;") in html
    assert f'href="/documents/{item["document_id"]}#item-{item["item_id"]}"' in html


def test_document_page_marks_each_evidence_span_by_stage(browser: httpx.Client, client: httpx.Client) -> None:
    item = first_item(client, search="nuclear")
    doc = client.get(f"/api/documents/{item['document_id']}").json()
    html = page(browser, f"/documents/{doc['id']}")
    for each in doc["items"]:
        assert f'<a id="item-{each["item_id"]}"></a>' in html
    marked = re.findall(r'<mark class="evidence stage-(\w+)"', html)
    assert marked and set(marked) <= {"discussed", "planned", "agreed", "underway", "completed"}
    assert {each["stage"] for each in doc["items"]} >= set(marked)


def test_pages_load_nothing_from_elsewhere(browser: httpx.Client) -> None:
    for path in ("/", "/items", f"/documents/{HOSTILE['id']}", "/entities", "/map", "/diff?since=2025-01-01"):
        html = page(browser, path)
        assert not re.search(r'<(script|link|img)[^>]+(src|href)="(https?:)?//', html)


@pytest.mark.parametrize("path", ["/", "/items", f"/documents/{HOSTILE['id']}", "/items?search=railway"])
def test_untrusted_text_is_escaped(browser: httpx.Client, path: str) -> None:
    html = page(browser, path)
    assert SCRIPT not in html and IMG not in html
    assert "onerror=alert" not in html.replace("onerror=alert(1)&gt;", "")  # only as escaped text
    assert "<script" not in html and "<img" not in html
    assert 'href="javascript:' not in html


def test_hostile_document_shows_its_text_escaped(browser: httpx.Client) -> None:
    html = page(browser, f"/documents/{HOSTILE['id']}")
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "&lt;img src=x onerror=alert(1)&gt;" in html


def test_hostile_items_are_escaped_on_their_pages(browser: httpx.Client, client: httpx.Client) -> None:
    doc = client.get(f"/api/documents/{HOSTILE['id']}").json()
    assert doc["items"], "the hostile article should give items, so that their pages are checked too"
    for each in doc["items"]:
        html = page(browser, f"/items/{each['item_id']}")
        assert "<script" not in html and "<img" not in html
        assert "&lt;" in html  # the title, outlet or evidence, escaped

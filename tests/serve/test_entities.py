"""Entities, the map and the diff, over the API and as pages, against the live server."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from conftest import check_geojson

from accord.serve.app import create_app
from accord.serve.security import ServeConfig
from accord.store import SqlStore
from tests.serve.conftest import HOSTILE, IMG, SCRIPT, running

RAILWAY = "bakhty-ayagoz-railway"  # a line in the knowledge base, named by two items of examples/


def ok(response: httpx.Response) -> httpx.Response:
    assert response.status_code == 200, response.text
    return response


def test_entities_are_listed_with_their_item_counts(client: httpx.Client) -> None:
    body = ok(client.get("/api/entities", params={"limit": 1000})).json()
    assert body["total"] == len(body["entities"]) > 0
    counts = [entity["items"] for entity in body["entities"]]
    assert counts == sorted(counts, reverse=True)
    for entity in body["entities"][:5]:
        total = ok(client.get("/api/items", params={"entity": entity["id"]})).json()["total"]
        assert total >= entity["items"]  # the entity filter also finds names that hold the id's words


def test_entities_are_searched_by_name(client: httpx.Client) -> None:
    found = ok(client.get("/api/entities", params={"search": "railway"})).json()["entities"]
    assert found and all("railway" in e["name"].lower() or "railway" in e["id"] for e in found)
    assert ok(client.get("/api/entities", params={"search": "zzz-nothing"})).json()["total"] == 0


def test_one_entity_has_its_timeline_mentions_and_place(client: httpx.Client) -> None:
    body = ok(client.get(f"/api/entities/{RAILWAY}")).json()
    assert body["entity"]["id"] == RAILWAY and body["members"] == [RAILWAY]
    assert body["current_stage"] in {"discussed", "planned", "agreed", "underway", "completed"}
    assert {s["item_id"] for s in body["statements"]} == {item["item_id"] for item in body["items"]}
    assert all(item["entity"]["id"] == RAILWAY for item in body["items"])
    check_geojson(body["geojson"])
    [feature] = body["geojson"]["features"]
    assert feature["id"] == RAILWAY and feature["geometry"]["type"] == "LineString"


def test_geojson_export_has_points_and_lines(client: httpx.Client) -> None:
    response = ok(client.get("/api/geojson"))
    assert response.headers["content-type"].startswith("application/geo+json")
    data = response.json()
    check_geojson(data)
    assert {f["geometry"]["type"] for f in data["features"]} == {"Point", "LineString"}
    energy = ok(client.get("/api/geojson", params={"sector": "energy"})).json()
    assert 0 < len(energy["features"]) < len(data["features"])


def test_diff_between_two_windows(client: httpx.Client) -> None:
    body = ok(client.get("/api/diff", params={"since": "2025-01-01"})).json()
    assert (body["since"], body["until"], body["from"]) == ("2025-01-01", None, None)
    kinds = {change["change"] for change in body["changes"]}
    assert {"new", "no longer mentioned"} <= kinds
    for change in body["changes"]:
        if change["change"] == "new":
            assert change["before"] is None and change["latest"]["date"] >= "2025-01-01"
    narrower = ok(client.get("/api/diff", params={"since": "2025-01-01", "until": "2025-03"})).json()
    assert len(narrower["changes"]) <= len(body["changes"])


def test_entity_page_draws_its_timeline_and_map(browser: httpx.Client, client: httpx.Client) -> None:
    html = ok(browser.get(f"/entities/{RAILWAY}")).text
    body = client.get(f"/api/entities/{RAILWAY}").json()
    dots = re.findall(r'<a href="/items/(\d+)"><title>', html)
    dated = [s for s in body["statements"] if s["date"]]
    assert sorted(map(int, dots)) == sorted(s["item_id"] for s in dated)
    assert '<svg class="timeline"' in html and '<svg class="map-sketch"' in html
    assert '<polyline class="feature-line' in html
    for item in body["items"]:
        assert f'href="/documents/{item["document_id"]}#item-{item["item_id"]}"' in html
        assert f'<tr id="mention-{item["item_id"]}">' in html
    assert 'action="/entities/merge"' in html and 'name="csrf"' in html


def test_entities_page_lists_and_searches(browser: httpx.Client) -> None:
    html = ok(browser.get("/entities", params={"search": "railway"})).text
    assert f'href="/entities/{RAILWAY}"' in html
    assert 'value="railway"' in html


def test_map_page_uses_the_installed_leaflet(browser: httpx.Client, app: object) -> None:
    html = ok(browser.get("/map")).text
    if not ServeConfig().has_leaflet:
        pytest.skip("Leaflet is not installed here (make install with npm); the fallback is tested below")
    assert '<script src="/static/vendor/leaflet/leaflet.js"></script>' in html
    assert 'data-geojson="/api/geojson"' in html
    assert not re.search(r'<(script|link|img)[^>]+(src|href)="(https?:)?//', html)
    assert ok(browser.get("/static/vendor/leaflet/leaflet.js")).text
    check_outlines = ok(browser.get("/static/vendor/countries.geo.json")).json()
    assert check_outlines["type"] == "FeatureCollection" and len(check_outlines["features"]) > 150


@pytest.fixture(scope="module")
def bare_url(register_url: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A server whose map assets are missing (npm was not there at `make install`)."""
    empty = tmp_path_factory.mktemp("no-vendor")
    with running(create_app(SqlStore(register_url), ServeConfig(vendor=Path(empty)))) as url:
        yield url


def test_map_page_without_leaflet_says_so_and_draws_the_map(bare_url: str) -> None:
    response = httpx.get(f"{bare_url}/map", headers={"Accept": "text/html"})
    assert response.status_code == 200
    assert 'id="map-notice"' in response.text and "make install" in response.text
    assert "<script" not in response.text
    assert '<svg class="map-sketch"' in response.text and "<circle" in response.text
    entity = httpx.get(f"{bare_url}/entities/{RAILWAY}", headers={"Accept": "text/html"})
    assert entity.status_code == 200 and "Country outlines are not installed" in entity.text


def test_diff_page_shows_both_windows(browser: httpx.Client, client: httpx.Client) -> None:
    assert "Give the date" in ok(browser.get("/diff")).text
    html = ok(browser.get("/diff", params={"since": "2025-01-01"})).text
    body = client.get("/api/diff", params={"since": "2025-01-01"}).json()
    for kind in ("new", "advanced", "regressed", "no-longer-mentioned"):
        assert f'id="change-{kind}"' in html
    for change in body["changes"]:
        if change["change"] != "unchanged":
            assert f'href="/entities/{change["entity"]["id"]}"' in html


@pytest.mark.parametrize(
    "path",
    ["/entities", f"/entities/{RAILWAY}", "/map", "/diff?since=2024-01-01", "/entities?search=<script>"],
)
def test_untrusted_text_is_escaped_on_the_new_pages(browser: httpx.Client, path: str) -> None:
    html = ok(browser.get(path)).text
    assert SCRIPT not in html and IMG not in html
    assert "<img" not in html and 'href="javascript:' not in html
    assert not re.search(r"<script(?! src=\"/static/)", html)


def test_hostile_entities_stay_text(browser: httpx.Client, client: httpx.Client) -> None:
    doc = client.get(f"/api/documents/{HOSTILE['id']}").json()
    for item in doc["items"]:
        if item["entity"]:
            html = ok(browser.get(f"/entities/{item['entity']['id']}")).text
            assert "<script>" not in html and "<img" not in html
    diff = ok(browser.get("/diff", params={"since": "2025-01-01"})).text
    assert SCRIPT not in diff and IMG not in diff


def test_pages_forbid_scripts_from_elsewhere(browser: httpx.Client) -> None:
    policy = ok(browser.get("/map")).headers["content-security-policy"]
    assert "script-src 'self'" in policy and "object-src 'none'" in policy

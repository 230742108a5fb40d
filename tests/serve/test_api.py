"""The JSON API against a live server: health, items with filters and paging, one item, documents, exports."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import httpx
import pytest

from tests.serve.conftest import register_documents


def items(client: httpx.Client, **params: object) -> dict[str, object]:
    response = client.get("/api/items", params=params)
    assert response.status_code == 200, response.text
    body: dict[str, object] = response.json()
    return body


def test_health_counts_the_register(client: httpx.Client) -> None:
    body = client.get("/api/health").json()
    assert body["status"] == "ok"
    assert body["counts"]["documents"] == register_documents()
    assert body["counts"]["items"] > 0


def test_items_are_paged_with_a_total(client: httpx.Client) -> None:
    everything = items(client, limit=1000)
    total = everything["total"]
    assert isinstance(total, int) and total == len(everything["items"])  # type: ignore[arg-type]
    pages = [items(client, limit=7, offset=offset) for offset in range(0, total, 7)]
    assert all(page["total"] == total and page["limit"] == 7 for page in pages)
    paged_ids = [item["item_id"] for page in pages for item in page["items"]]  # type: ignore[attr-defined]
    assert paged_ids == [item["item_id"] for item in everything["items"]]  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    ("params", "check"),
    [
        ({"sector": "energy"}, lambda item: item["sector"] == "energy"),
        ({"stage": "AGREED"}, lambda item: item["stage"] == "agreed"),
        ({"party": "chn"}, lambda item: "CHN" in item["parties"]),
        ({"since": "2025-06-01"}, lambda item: item["published"] >= "2025-06-01"),
        ({"until": "2024-12-31"}, lambda item: item["published"] <= "2024-12-31"),
        ({"search": "rail"}, lambda item: "rail" in json.dumps(item).lower()),
        ({"entity": "bakhty"}, lambda item: "bakhty" in item["entity"]["id"]),
        ({"sector": "transport", "search": "railway"}, lambda item: item["sector"] == "transport"),
    ],
)
def test_filters_are_those_of_accord_items(
    client: httpx.Client, params: dict[str, str], check: object
) -> None:
    body = items(client, **params)
    found = body["items"]
    assert found, f"nothing matched {params}"
    assert all(check(item) for item in found)  # type: ignore[attr-defined, operator]
    assert body["total"] == len(found)  # type: ignore[arg-type]


def test_empty_filters_from_a_form_mean_no_filter(client: httpx.Client) -> None:
    assert items(client, sector="", stage="", search="")["total"] == items(client)["total"]


def test_one_item_and_its_document(client: httpx.Client) -> None:
    first = items(client, limit=1)["items"][0]  # type: ignore[index]
    item = client.get(f"/api/items/{first['item_id']}").json()
    assert item == first
    doc = client.get(f"/api/documents/{item['document_id']}").json()
    assert doc["id"] == item["document_id"]
    assert item["item_id"] in [each["item_id"] for each in doc["items"]]
    for each in doc["items"]:
        evidence = each["evidence"]
        assert doc["text"][evidence["start"] : evidence["end"]] == evidence["text"]


@pytest.mark.parametrize("fmt", ["csv", "jsonl"])
def test_export_holds_every_matching_item(client: httpx.Client, fmt: str) -> None:
    total = items(client, sector="energy")["total"]
    response = client.get("/api/export", params={"format": fmt, "sector": "energy"})
    assert response.status_code == 200
    assert "attachment" in response.headers["content-disposition"]
    if fmt == "csv":
        rows = list(csv.DictReader(io.StringIO(response.text)))
        assert response.headers["content-type"].startswith("text/csv")
    else:
        rows = [json.loads(line) for line in response.text.splitlines()]
    assert len(rows) == total
    assert {row["sector"] for row in rows} == {"energy"}


def test_openapi_documents_the_api(client: httpx.Client) -> None:
    paths = client.get("/openapi.json").json()["paths"]
    assert {"/api/health", "/api/items", "/api/items/{item_id}", "/api/export"} <= set(paths)
    assert client.get("/docs").status_code == 200


def test_every_api_endpoint_is_in_the_readme(client: httpx.Client) -> None:
    readme = (Path(__file__).parents[2] / "README.md").read_text(encoding="utf-8")
    for path, methods in client.get("/openapi.json").json()["paths"].items():
        if path.startswith("/api/test-"):
            continue  # added by the tests themselves
        documented = re.sub(r"\{\w+\}", "{id}", path)
        for method in methods:
            endpoint = f"{method.upper()} {documented}"
            assert f"`{endpoint}" in readme, f"{method.upper()} {path} is not in README.md"


def test_documents_are_listed_newest_first_with_their_item_counts(client: httpx.Client) -> None:
    first = client.get("/api/documents", params={"limit": 3}).json()
    rest = client.get("/api/documents", params={"limit": 1000, "offset": 3}).json()
    assert first["total"] == rest["total"] == register_documents()
    listed = first["documents"] + rest["documents"]
    assert len(listed) == first["total"] and "text" not in listed[0]
    dated = [d["published"] for d in listed if d["published"]]
    assert dated == sorted(dated, reverse=True)
    assert sum(d["items"] for d in listed) == client.get("/api/health").json()["counts"]["items"]
    assert client.get("/api/documents", params={"limit": 0}).status_code == 422

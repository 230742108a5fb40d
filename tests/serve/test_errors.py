"""Every error the server answers has one body: {"error": {"status": ..., "message": ...}}."""

from __future__ import annotations

import httpx
import pytest

from accord.errors import StoreError
from accord.serve.app import create_app
from accord.store import SqlStore
from tests.serve.conftest import running

ERRORS = [
    ("GET", "/api/items/999999", 404),
    ("GET", "/api/documents/no-such-document", 404),
    ("GET", "/api/no-such-endpoint", 404),
    ("GET", "/no-such-page", 404),
    ("GET", "/api/items/not-a-number", 422),
    ("GET", "/api/items?limit=0", 422),
    ("GET", "/api/items?offset=-1", 422),
    ("GET", "/api/items?sector=astrology", 422),
    ("GET", "/api/items?stage=finished-maybe", 422),
    ("GET", "/api/items?party=XX", 422),
    ("GET", "/api/items?since=yesterday", 422),
    ("GET", "/api/export?format=xml", 422),
    ("POST", "/api/items", 405),
    ("GET", "/api/test-boom", 500),
    ("GET", "/api/entities/no-such-entity", 404),
    ("GET", "/api/entities/railway", 409),  # a name that several entities hold
    ("GET", "/api/entities?limit=0", 422),
    ("GET", "/api/diff", 422),
    ("GET", "/api/diff?since=last-week", 422),
    ("GET", "/api/geojson?stage=done", 422),
    ("POST", "/api/items/999999/correction", 404),
    ("POST", "/api/entities/merge", 422),
]


@pytest.mark.parametrize(("method", "path", "status"), ERRORS)
def test_one_error_shape(client: httpx.Client, method: str, path: str, status: int) -> None:
    body = {"stage": "agreed"} if method == "POST" and "correction" in path else None
    response = client.request(method, path, json=body)
    assert response.status_code == status
    assert response.headers["content-type"] == "application/json"
    body = response.json()
    assert set(body) == {"error"}
    assert set(body["error"]) == {"status", "message"}
    assert body["error"]["status"] == status
    assert isinstance(body["error"]["message"], str) and body["error"]["message"]


def test_a_bug_is_not_shown_to_the_client(client: httpx.Client) -> None:
    message = client.get("/api/test-boom").json()["error"]["message"]
    assert "RuntimeError" not in message and "a bug" not in message


def test_messages_say_what_was_wrong(client: httpx.Client) -> None:
    assert "astrology" in client.get("/api/items?sector=astrology").json()["error"]["message"]
    assert "limit" in client.get("/api/items?limit=0").json()["error"]["message"]


@pytest.mark.parametrize(("path", "status"), [("/items/999999", 404), ("/items?stage=nope", 422)])
def test_pages_show_the_same_status_and_message(browser: httpx.Client, path: str, status: int) -> None:
    response = browser.get(path)
    assert response.status_code == status
    assert response.headers["content-type"].startswith("text/html")
    assert f'data-status="{status}"' in response.text


@pytest.mark.parametrize("path", ["/api/items/999999", "/api/documents/nothing", "/items/999999"])
def test_not_found_does_not_name_the_database(client: httpx.Client, register_url: str, path: str) -> None:
    response = client.get(path)
    assert response.status_code == 404
    message = response.json()["error"]["message"]
    assert "in the register" in message
    assert register_url not in message and "sqlite" not in message and "postgresql" not in message


def test_a_failing_database_is_not_described_to_the_client(register_url: str) -> None:
    store = SqlStore(register_url)

    def failing(_: object) -> int:
        raise StoreError(f"Could not read from {store.where}: no such table: items.")

    store.count_items = failing  # type: ignore[method-assign]
    with running(create_app(store)) as url:
        response = httpx.get(f"{url}/api/items")
    assert response.status_code == 500
    message = response.json()["error"]["message"]
    assert "log" in message and "no such table" not in message and register_url not in message

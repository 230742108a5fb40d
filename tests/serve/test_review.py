"""The review: corrections, rejections, merges and splits from the pages' forms and the API, and what guards
them (CSRF, Origin, Host, the token); every refusal in the one error shape. Each test undoes its writes."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import httpx
import pytest

from accord.serve.app import create_app
from accord.serve.security import ServeConfig
from accord.store import SqlStore
from tests.serve.conftest import running

pytestmark = pytest.mark.usefixtures("undo_review")

TOKEN = "s3cret-token-for-tests"
FORM = {"Content-Type": "application/x-www-form-urlencoded"}


def first_item(client: httpx.Client, **params: object) -> dict[str, Any]:
    found: list[dict[str, Any]] = client.get("/api/items", params={"limit": 1, **params}).json()["items"]
    assert found, f"no item matches {params}"
    return found[0]


def csrf_of(browser: httpx.Client, path: str) -> str:
    """Open a page as a browser does (keeping its session cookie); the CSRF token of its forms."""
    html = browser.get(path).text
    match = re.search(r'name="csrf" value="([0-9a-f]+)"', html)
    assert match, f"no form on {path}"
    return match.group(1)


def post_form(browser: httpx.Client, path: str, fields: dict[str, str], **headers: str) -> httpx.Response:
    origin = {"Origin": str(browser.base_url).rstrip("/")}
    return browser.post(path, data=fields, headers=origin | headers)


def assert_error(response: httpx.Response, status: int, *words: str) -> None:
    assert response.status_code == status, response.text
    assert response.headers["content-type"] == "application/json"
    body = response.json()
    assert set(body) == {"error"} and body["error"]["status"] == status
    for word in words:
        assert word in body["error"]["message"]


def test_a_correction_from_the_item_page_is_seen_everywhere(
    browser: httpx.Client, client: httpx.Client
) -> None:
    item = first_item(client, search="nuclear")
    path = f"/items/{item['item_id']}"
    csrf = csrf_of(browser, path)
    new_stage = "discussed" if item["stage"] == "completed" else "completed"
    fields = {"csrf": csrf, "stage": new_stage, "sector": "economy", "object": "a corrected object"}
    response = post_form(browser, f"{path}/correct", fields)
    assert response.status_code == 303 and response.headers["location"] == path
    html = browser.get(path).text
    assert "<h1>a corrected object</h1>" in html and f"corrected; extracted as {item['stage']}" in html
    original = f'<mark class="object">{item["object"]}</mark>'.replace("'", "&#39;")
    assert original in html  # the evidence still marks the words the object was extracted from
    seen = client.get(f"/api/items/{item['item_id']}").json()
    assert (seen["object"], seen["stage"], seen["sector"]) == ("a corrected object", new_stage, "economy")
    listed = client.get("/api/items", params={"stage": new_stage, "sector": "economy", "limit": 1000}).json()
    assert item["item_id"] in [each["item_id"] for each in listed["items"]]
    assert 'title="corrected: object was ' in browser.get("/items", params={"stage": new_stage}).text
    [correction] = client.get("/api/corrections").json()["corrections"]
    assert correction["stage"] == new_stage and correction["author"] == "dashboard"


def test_a_rejected_item_is_hidden(browser: httpx.Client, client: httpx.Client) -> None:
    item = first_item(client)
    total = client.get("/api/items").json()["total"]
    path = f"/items/{item['item_id']}"
    response = post_form(browser, f"{path}/reject", {"csrf": csrf_of(browser, path), "note": "not one"})
    assert response.status_code == 303 and response.headers["location"].startswith("/documents/")
    assert client.get("/api/items").json()["total"] == total - 1
    assert client.get(path).status_code == 404
    assert f'href="/items/{item["item_id"]}"' not in browser.get(response.headers["location"]).text


def test_merge_and_split_from_the_entity_page(browser: httpx.Client, client: httpx.Client) -> None:
    first, second = client.get("/api/entities", params={"limit": 2}).json()["entities"]
    path = f"/entities/{first['id']}"
    merged = post_form(
        browser, "/entities/merge", {"csrf": csrf_of(browser, path), "a": first["id"], "b": second["id"]}
    )
    assert merged.status_code == 303
    canonical = merged.headers["location"].removeprefix("/entities/")
    body = client.get(f"/api/entities/{canonical}").json()
    assert body["members"] == sorted([first["id"], second["id"]])
    assert len(body["items"]) == first["items"] + second["items"]
    split = post_form(
        browser, "/entities/split", {"csrf": csrf_of(browser, path), "a": first["id"], "b": second["id"]}
    )
    assert split.status_code == 303
    assert client.get(f"/api/entities/{first['id']}").json()["members"] == [first["id"]]


def test_api_corrections_and_judgements(client: httpx.Client) -> None:
    item = first_item(client, sector="energy")
    response = client.post(
        f"/api/items/{item['item_id']}/correction", json={"sector": "economy", "note": "trade"}
    )
    assert response.status_code == 200, response.text
    assert response.json()["item"]["sector"] == "economy"
    assert response.json()["item"]["extracted"] == {"sector": "energy"}
    assert "extracted" not in first_item(client, sector="transport")
    rejected = client.post(f"/api/items/{item['item_id']}/correction", json={"rejected": True})
    assert rejected.json()["item"] is None and rejected.json()["correction"]["rejected"] is True
    assert client.get(f"/api/items/{item['item_id']}").status_code == 404
    a, b = (e["id"] for e in client.get("/api/entities", params={"limit": 2}).json()["entities"])
    assert client.post("/api/entities/merge", json={"a": a, "b": b}).json()["canonical"] in (a, b)
    assert client.post("/api/entities/split", json={"a": a, "b": b}).json()["canonical"] == [a, b]


@pytest.mark.parametrize(
    ("values", "status", "word"),
    [
        ({"stage": "finished"}, 422, "not a stage"),
        ({"sector": "astrology"}, 422, "not a sector"),
        ({"object": " "}, 422, "empty"),
    ],
)
def test_bad_corrections_are_refused(
    client: httpx.Client, values: dict[str, str], status: int, word: str
) -> None:
    item = first_item(client)
    assert_error(client.post(f"/api/items/{item['item_id']}/correction", json=values), status, word)


def test_a_merge_of_an_entity_with_itself_is_refused(client: httpx.Client) -> None:
    [entity] = client.get("/api/entities", params={"limit": 1}).json()["entities"]
    assert_error(
        client.post("/api/entities/merge", json={"a": entity["id"], "b": entity["id"]}), 409, "same entity"
    )


# --- the guards of a form: CSRF token, Origin, the session cookie ---


@pytest.mark.parametrize(
    ("change", "status", "word"),
    [
        ({"csrf": ""}, 403, "CSRF"),
        ({"csrf": "0" * 64}, 403, "CSRF"),
        ({"origin": "https://evil.example"}, 403, "another site"),
        ({"origin": "null"}, 403, "another site"),
        ({"origin": None}, 403, "Origin"),
        ({"cookie": None}, 403, "CSRF"),
    ],
)
def test_forms_are_refused_without_their_guards(
    browser: httpx.Client, client: httpx.Client, change: dict[str, Any], status: int, word: str
) -> None:
    item = first_item(client)
    path = f"/items/{item['item_id']}"
    fields = {"csrf": csrf_of(browser, path), "stage": "completed"}
    headers = {"Origin": str(browser.base_url).rstrip("/"), "Accept": "application/json"} | FORM
    if "csrf" in change:
        fields["csrf"] = change["csrf"]
    if "origin" in change:
        headers.pop("Origin")
        if change["origin"] is not None:
            headers["Origin"] = change["origin"]
    if "cookie" in change:
        browser.cookies.clear()
    response = browser.post(f"{path}/correct", data=fields, headers=headers)
    assert_error(response, status, word)
    assert client.get("/api/corrections").json()["corrections"] == []


def test_a_form_refusal_is_an_error_page_in_a_browser(browser: httpx.Client, client: httpx.Client) -> None:
    item = first_item(client)
    response = browser.post(
        f"/items/{item['item_id']}/correct", data={"csrf": "x"}, headers={"Origin": "https://evil.example"}
    )
    assert response.status_code == 403 and 'data-status="403"' in response.text


def test_a_form_from_a_session_of_another_visitor_is_refused(base_url: str, client: httpx.Client) -> None:
    item = first_item(client)
    path = f"/items/{item['item_id']}"
    with httpx.Client(base_url=base_url) as mine, httpx.Client(base_url=base_url) as theirs:
        token = csrf_of(theirs, path)
        mine.get(path)  # a session of my own
        response = post_form(mine, f"{path}/correct", {"csrf": token, "stage": "completed"})
    assert_error(response, 403, "CSRF")


def test_api_writes_refuse_other_sites_and_other_hosts(client: httpx.Client) -> None:
    item = first_item(client)
    path = f"/api/items/{item['item_id']}/correction"
    assert_error(
        client.post(path, json={"stage": "completed"}, headers={"Origin": "https://evil.example"}), 403
    )
    assert_error(
        client.post(path, json={"stage": "completed"}, headers={"Host": "evil.example"}), 403, "127.0.0.1"
    )
    plain = client.post(path, content='{"stage": "completed"}', headers={"Content-Type": "text/plain"})
    assert_error(plain, 422)
    assert client.get("/api/corrections").json()["corrections"] == []


def test_an_unsent_form_type_is_refused(browser: httpx.Client, client: httpx.Client) -> None:
    item = first_item(client)
    response = browser.post(
        f"/items/{item['item_id']}/correct",
        json={"stage": "completed"},
        headers={"Accept": "application/json"},
    )
    assert_error(response, 415, "x-www-form-urlencoded")


# --- a server with a token (as one bound beyond this machine must have) ---


@pytest.fixture(scope="module")
def token_url(register_url: str) -> Iterator[str]:
    with running(create_app(SqlStore(register_url), ServeConfig(token=TOKEN))) as url:
        yield url


@pytest.mark.parametrize(
    ("headers", "status"),
    [({}, 401), ({"Authorization": "Bearer wrong"}, 403), ({"Authorization": f"Basic {TOKEN}"}, 401)],
)
def test_api_writes_need_the_token(token_url: str, headers: dict[str, str], status: int) -> None:
    with httpx.Client(base_url=token_url) as http:
        item = first_item(http)
        response = http.post(
            f"/api/items/{item['item_id']}/correction", json={"stage": "completed"}, headers=headers
        )
        assert_error(response, status, "token")
        assert http.get("/api/corrections").json()["corrections"] == []
        assert http.get("/api/items").status_code == 200  # reads stay open


def test_api_writes_with_the_token(token_url: str) -> None:
    with httpx.Client(base_url=token_url, headers={"Authorization": f"Bearer {TOKEN}"}) as http:
        item = first_item(http)
        response = http.post(f"/api/items/{item['item_id']}/correction", json={"stage": "completed"})
        assert response.status_code == 200 and response.json()["item"]["stage"] == "completed"


@pytest.mark.parametrize(("token", "status"), [(None, 401), ("wrong", 403), (TOKEN, 303)])
def test_forms_need_the_token(token_url: str, token: str | None, status: int) -> None:
    with httpx.Client(base_url=token_url, headers={"Accept": "application/json"}) as http:
        item = first_item(http)
        path = f"/items/{item['item_id']}"
        html = http.get(path).text
        assert 'name="token"' in html
        fields = {"csrf": re.findall(r'name="csrf" value="([0-9a-f]+)"', html)[0], "stage": "completed"}
        if token is not None:
            fields["token"] = token
        response = http.post(f"{path}/correct", data=fields, headers={"Origin": token_url})
        if status == 303:
            assert response.status_code == 303
        else:
            assert_error(response, status, "token")

"""Events over the API and as pages, against the live server: the list, one event's register, two events
side by side, and the one error shape for an unknown event."""

from __future__ import annotations

from typing import Any

import httpx

from tests.serve.conftest import HOSTILE, SCRIPT


def ok(response: httpx.Response) -> httpx.Response:
    assert response.status_code == 200, response.text
    return response


def _events(client: httpx.Client, **params: str) -> list[dict[str, Any]]:
    body = ok(client.get("/api/events", params=params)).json()
    assert body["total"] == len(body["events"])
    return list(body["events"])


def test_events_list_their_reports_and_match_the_register(client: httpx.Client) -> None:
    events = _events(client)
    assert events
    documents = [source["document_id"] for event in events for source in event["sources"]]
    assert len(documents) == len(set(documents))  # every report in one event only
    assert HOSTILE["id"] in documents
    dated = [event["start"] for event in events if event["start"]]
    assert dated == sorted(dated)
    kaz = _events(client, party="KAZ")
    assert kaz and all("KAZ" in event["parties"] for event in kaz)
    assert all(event["start"] >= "2025-01-01" for event in _events(client, since="2025-01-01"))


def test_one_event_has_one_entry_per_entity_with_every_statement(client: httpx.Client) -> None:
    event = next(e for e in _events(client) if e["entities"])
    body = ok(client.get(f"/api/events/{event['id']}")).json()
    ids = [entry["entity"]["id"] for entry in body["entries"]]
    assert len(ids) == len(set(ids)) == event["entities"]
    sources = {source["document_id"] for source in body["sources"]}
    for entry in body["entries"]:
        assert entry["statements"] and {s["document_id"] for s in entry["statements"]} <= sources
    page = ok(client.get(f"/events/{event['id']}")).text
    assert event["id"] in page and body["entries"][0]["entity"]["name"].split()[0] in page


def test_two_events_side_by_side(client: httpx.Client) -> None:
    events = [e for e in _events(client, party="KAZ") if e["start"]]
    old, new = events[0]["id"], events[-1]["id"]
    changes = ok(client.get(f"/api/events/{old}/diff/{new}")).json()
    assert (changes["old"], changes["new"]) == (old, new)
    kinds = {c["change"] for c in changes["changes"]}
    assert kinds <= {"new", "advanced", "regressed", "unchanged", "no longer mentioned"}
    page = ok(client.get(f"/events/{old}/diff/{new}")).text
    assert old in page and new in page and "No longer mentioned" in page


def test_an_unknown_event_is_the_one_error_shape(client: httpx.Client) -> None:
    response = client.get("/api/events/1999-01-01-xyz")
    assert response.status_code == 404
    assert response.json() == {
        "error": {
            "status": 404,
            "message": "No event has the id '1999-01-01-xyz'; `accord events` lists them.",
        }
    }
    assert client.get("/api/events", params={"party": "nowhere"}).status_code == 422


def test_event_pages_keep_document_text_inert(client: httpx.Client) -> None:
    hostile = next(e for e in _events(client) if HOSTILE["id"] in {s["document_id"] for s in e["sources"]})
    for path in ("/events", f"/events/{hostile['id']}"):
        page = ok(client.get(path)).text
        assert SCRIPT not in page and "&lt;script&gt;" in page

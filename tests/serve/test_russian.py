"""A Russian document (examples/kz-ru-commission-2025-10.txt) through the live server: found by a Russian
search in another grammatical form, its page shown in Cyrillic with its evidence marked."""

from __future__ import annotations

import httpx


def test_a_russian_item_is_found_by_another_form_of_its_words(client: httpx.Client) -> None:
    body = client.get("/api/items", params={"search": "поставка газов"}).json()
    objects = [item["object"] for item in body["items"]]
    assert any("поставки российского газа" in obj for obj in objects), objects


def test_a_russian_document_page_shows_its_text_and_evidence(client: httpx.Client) -> None:
    [item] = [
        i
        for i in client.get("/api/items", params={"search": "Уральского университета"}).json()["items"]
        if "филиал" in i["object"]
    ]
    page = client.get(f"/documents/{item['document_id']}")
    assert page.status_code == 200
    assert "Межправительственной комиссии" in page.text
    assert "филиал Уральского федерального университета" in page.text
    document = client.get(f"/api/documents/{item['document_id']}").json()
    assert document["language"] == "ru"  # detected: the file does not say

"""Full-text search: one table of queries, the same answers on SQLite (FTS5) and PostgreSQL (tsvector)."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from accord.store import ItemQuery, SqlStore, StoredItem
from accord.store.search import search_words

from .builders import GAS, REGISTER, document, item

RENAMED = replace(GAS, name="Gas deliveries to Astana")

# (query, the items it finds as (document, ordinal), newest document first)
SEARCHES = [
    ("RAILWAY", [("b", 0), ("a", 0)]),  # object, any case
    ("rail", [("b", 0), ("a", 0)]),  # a word's beginning
    ("way", []),  # not the middle of a word
    ("parties agreed on the clinic", [("c", 0)]),  # evidence text, every word required
    ("clinic pipeline", []),
    ("northern regions", [("a", 1), ("d", 0)]),  # entity name
    ("Dostyk–Moiynty", [("b", 0), ("a", 0)]),  # words joined by a dash
    ("moiynty", [("b", 0), ("a", 0)]),
    ("ШКОЛЫ «сириус»", [("a", 2)]),  # case folded beyond ASCII, quotes ignored
    ("филиала", [("a", 2)]),
    ("филиалы школ", [("a", 2)]),  # Russian words by their stem: any form finds any form
    ("школам", [("a", 2)]),
    ("работы", [("a", 2)]),
    ("100%", [("a", 2)]),
    ("%", []),  # no word: nothing
    ("_", []),
    ("gas-pipeline", [("d", 0)]),
    ("clin*ic OR", []),  # no query syntax reaches the index: "clin", "ic" and "or" are all required
    ("clinic*", [("c", 0)]),
]


def _keys(stored: list[StoredItem]) -> list[tuple[str, int]]:
    return [(s.document_id, s.ordinal) for s in stored]


def _searches(store: SqlStore) -> list[list[tuple[str, int]]]:
    return [_keys(store.query_items(ItemQuery(search=query))) for query, _ in SEARCHES]


def _fill(store: SqlStore) -> SqlStore:
    for doc, items in REGISTER:
        store.save_document(doc, items)
    return store


@pytest.mark.parametrize(("query", "expected"), SEARCHES)
def test_search(register: SqlStore, query: str, expected: list[tuple[str, int]]) -> None:
    assert _keys(register.query_items(ItemQuery(search=query))) == expected


def test_sqlite_and_postgresql_answer_alike(tmp_path: Path, postgres_url: str) -> None:
    with SqlStore(f"sqlite:///{tmp_path / 'r.sqlite'}") as lite, SqlStore(postgres_url) as postgres:
        assert _searches(_fill(lite)) == _searches(_fill(postgres)) == [found for _, found in SEARCHES]


def test_replaced_items_and_renamed_entities_are_searched_as_they_are_now(register: SqlStore) -> None:
    register.save_document(document("d", "new text"), [item("gas pipeline", sector="energy", entity=RENAMED)])

    assert _keys(register.query_items(ItemQuery(search="astana deliveries"))) == [("a", 1), ("d", 0)]
    assert _keys(register.query_items(ItemQuery(search="northern"))) == []


def test_search_combines_with_filters(register: SqlStore) -> None:
    assert _keys(register.query_items(ItemQuery(search="railway", stage="underway"))) == [("b", 0)]


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("Gas, gas-pipeline!", ["gas", "pipeline"]),
        ("a_b", ["a", "b"]),
        ("«Сириус»", ["сириус"]),
        ("", []),
        ("поставки поставок газа", ["постав", "газ"]),
    ],
)
def test_search_words(text: str, words: list[str]) -> None:
    assert search_words(text) == words

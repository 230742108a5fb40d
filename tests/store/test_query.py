from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import pytest
from sqlalchemy import event

from accord.errors import NotFoundError
from accord.store import ItemQuery, SqlStore, StoredItem
from accord.store import sql as sql_module

from .builders import ALL_KEYS, GAS, RAIL, REGISTER, document, item


def _keys(stored: list[StoredItem]) -> list[tuple[str, int]]:
    return [(s.document_id, s.ordinal) for s in stored]


@contextmanager
def _selects(store: SqlStore) -> Iterator[list[str]]:
    """The SELECT statements run inside the block."""
    seen: list[str] = []

    def record(conn: object, cursor: object, statement: str, *args: object) -> None:
        if statement.lstrip().upper().startswith("SELECT"):
            seen.append(statement)

    event.listen(store.engine, "before_cursor_execute", record)
    try:
        yield seen
    finally:
        event.remove(store.engine, "before_cursor_execute", record)


def test_everything_in_order(register: SqlStore) -> None:
    assert _keys(register.query_items(ItemQuery())) == ALL_KEYS


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        (ItemQuery(sector="energy"), [("a", 1), ("d", 0)]),
        (ItemQuery(stage="completed"), [("a", 2), ("d", 0)]),
        (ItemQuery(sector="transport", stage="agreed"), [("a", 0)]),
        (ItemQuery(party="UZB"), [("b", 1), ("c", 0)]),
        (ItemQuery(party="uzb"), [("b", 1), ("c", 0)]),
        (ItemQuery(party="Rus"), [("a", 0), ("a", 1), ("a", 2)]),
        (ItemQuery(party="CHN"), []),
        (ItemQuery(entity=RAIL.id), [("b", 0), ("a", 0)]),
        (ItemQuery(entity="NORTHERN REG"), [("a", 1), ("d", 0)]),
        (ItemQuery(entity="gas-northern"), [("a", 1), ("d", 0)]),
        (ItemQuery(entity="gas-north"), []),  # ids match exactly, names by part
        (ItemQuery(since="2024-03-01"), [("b", 0), ("b", 1), ("a", 0), ("a", 1), ("a", 2)]),
        (ItemQuery(until="2024-03-01"), [("a", 0), ("a", 1), ("a", 2), ("d", 0)]),
        (ItemQuery(since="2024-01-01", until="2024-04-30"), [("a", 0), ("a", 1), ("a", 2)]),
        (ItemQuery(since="1900-01-01"), [key for key in ALL_KEYS if key[0] != "c"]),
        (ItemQuery(document_id="b"), [("b", 0), ("b", 1)]),
        (ItemQuery(document_id="b", party="kaz", sector="diplomacy"), [("b", 1)]),
    ],
)
def test_filters(register: SqlStore, query: ItemQuery, expected: list[tuple[str, int]]) -> None:
    assert _keys(register.query_items(query)) == expected


@pytest.mark.parametrize(
    ("limit", "offset"),
    [(None, 0), (3, 0), (3, 3), (3, 6), (None, 5), (10, 2), (0, 0)],
)
def test_pagination(register: SqlStore, limit: int | None, offset: int) -> None:
    got = register.query_items(ItemQuery(limit=limit, offset=offset))
    end = None if limit is None else offset + limit
    assert _keys(got) == ALL_KEYS[offset:end]


def test_pages_with_a_filter(register: SqlStore) -> None:
    pages = [_keys(register.query_items(ItemQuery(party="KAZ", limit=2, offset=o))) for o in (0, 2, 4)]
    assert pages == [[("b", 0), ("b", 1)], [("a", 0), ("a", 2)], [("d", 0)]]


def test_stored_item_carries_its_document(register: SqlStore) -> None:
    first = register.query_items(ItemQuery(document_id="a", limit=1))[0]
    doc, items = REGISTER[0]
    assert first.item == items[0]
    assert (first.document_title, first.document_url, first.document_published) == (
        doc.title,
        doc.url,
        doc.published,
    )
    assert (first.document_source, first.document_outlet) == (doc.source, doc.outlet)


def test_get_item(register: SqlStore) -> None:
    some = register.query_items(ItemQuery(document_id="b"))[1]
    assert register.get_item(some.id) == some
    with pytest.raises(NotFoundError, match="no item 999999"):
        register.get_item(999_999)


def test_parties_load_in_one_query_per_page(register: SqlStore) -> None:
    with _selects(register) as selects:
        page = register.query_items(ItemQuery(limit=5))
    assert len(page) == 5
    assert len(selects) == 2
    assert "item_parties" in selects[1]


def test_iter_items_streams_in_batches(register: SqlStore, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sql_module, "BATCH_SIZE", 3)
    with _selects(register) as selects:
        streamed = list(register.iter_items())
    assert streamed == register.query_items(ItemQuery())
    assert _keys(streamed) == ALL_KEYS
    assert len(selects) == 1 + 3  # the items, then the parties of each batch of 3


def test_iter_items_with_a_query(register: SqlStore) -> None:
    assert _keys(list(register.iter_items(ItemQuery(entity=GAS.id)))) == [("a", 1), ("d", 0)]


def test_counts(register: SqlStore) -> None:
    assert register.counts() == {"documents": 4, "items": 7, "entities": 2}


def test_ties_on_published_order_by_document_then_ordinal(store: SqlStore) -> None:
    for doc_id in ("z", "m", "n"):
        store.save_document(document(doc_id, published="2024-01-01"), [item("one"), item("two")])
    keys = _keys(store.query_items(ItemQuery()))
    assert keys == [("m", 0), ("m", 1), ("n", 0), ("n", 1), ("z", 0), ("z", 1)]


def test_negative_pages_are_refused() -> None:
    with pytest.raises(ValueError, match="negative"):
        ItemQuery(limit=-1)
    with pytest.raises(ValueError, match="negative"):
        ItemQuery(offset=-5)

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select, text

from accord.errors import NotFoundError, StoreError
from accord.model import EntityRef
from accord.store import ItemQuery, SqlStore, content_hash
from accord.store import sql as sql_module
from accord.store.schema import documents, item_parties

from .builders import GAS, RAIL, document, item


def _ingested_at(store: SqlStore, doc_id: str) -> Any:
    with store.engine.connect() as conn:
        return conn.scalar(select(documents.c.ingested_at).where(documents.c.id == doc_id))


def _item_ids(store: SqlStore, doc_id: str) -> list[int]:
    return [stored.id for stored in store.query_items(ItemQuery(document_id=doc_id))]


def test_new_then_unchanged_writes_nothing(store: SqlStore) -> None:
    doc = document("a", "Kazakhstan and Russia agreed to expand the railway line.")
    assert store.save_document(doc, [item("railway line", entity=RAIL)]) == "new"
    before = (_ingested_at(store, "a"), _item_ids(store, "a"))

    assert store.save_document(doc, [item("something else"), item("and more")]) == "unchanged"

    assert (_ingested_at(store, "a"), _item_ids(store, "a")) == before
    assert [s.item.object for s in store.query_items(ItemQuery(document_id="a"))] == ["railway line"]


def test_force_replaces_items_of_an_unchanged_document(store: SqlStore) -> None:
    doc = document("a", "Kazakhstan and Russia agreed to expand the railway line.")
    store.save_document(doc, [item("railway line")])

    assert store.save_document(doc, [item("railway line"), item("new reading")], force=True) == "updated"

    assert [s.item.object for s in store.query_items(ItemQuery(document_id="a"))] == [
        "railway line",
        "new reading",
    ]


def test_whitespace_only_change_is_unchanged(store: SqlStore) -> None:
    store.save_document(document("a", "The parties agreed\non the railway line."), [item("railway line")])
    changed = document("a", "  The parties   agreed on\tthe railway line.\n")
    assert store.save_document(changed, []) == "unchanged"
    assert store.get_document("a").text == "The parties agreed\non the railway line."


def test_changed_text_replaces_items_and_parties(store: SqlStore) -> None:
    store.save_document(document("a", "First text."), [item("old one"), item("old two", parties=("UZB",))])
    old_ids = _item_ids(store, "a")

    outcome = store.save_document(document("a", "Second text.", title="New title"), [item("new one")])

    assert outcome == "updated"
    stored = store.query_items(ItemQuery(document_id="a"))
    assert [(s.item.object, s.ordinal, s.document_title) for s in stored] == [("new one", 0, "New title")]
    assert not set(old_ids) & {s.id for s in stored}
    with store.engine.connect() as conn:
        party_item_ids = set(conn.scalars(select(item_parties.c.item_id)))
    assert party_item_ids == {stored[0].id}
    assert store.document_hash("a") == content_hash("Second text.")


def test_save_without_items(store: SqlStore) -> None:
    assert store.save_document(document("a"), []) == "new"
    assert store.counts() == {"documents": 1, "items": 0, "entities": 0}


def test_failed_insert_leaves_the_old_document_intact(store: SqlStore) -> None:
    store.save_document(document("a", "First text."), [item("railway line", entity=RAIL)])
    before = store.query_items(ItemQuery(document_id="a"))

    bad = item("not a sector", sector="astrology", entity=GAS)
    with pytest.raises(StoreError, match="Nothing of it was written"):
        store.save_document(document("a", "Second text."), [item("fine"), bad])

    assert store.query_items(ItemQuery(document_id="a")) == before
    assert store.document_hash("a") == content_hash("First text.")
    assert store.counts() == {"documents": 1, "items": 1, "entities": 1}


def test_error_after_delete_rolls_back(store: SqlStore, monkeypatch: pytest.MonkeyPatch) -> None:
    store.save_document(document("a", "First text."), [item("railway line")])
    before = (store.get_document("a"), store.query_items(ItemQuery()))

    def fail(*args: object) -> None:
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(sql_module, "_insert_items", fail)
    with pytest.raises(RuntimeError, match="disk on fire"):
        store.save_document(document("a", "Second text."), [item("new")])

    assert (store.get_document("a"), store.query_items(ItemQuery())) == before


def test_entities_are_inserted_then_updated(store: SqlStore) -> None:
    store.save_document(document("a"), [item("railway line", entity=RAIL)])
    renamed = EntityRef(id=RAIL.id, name="Dostyk–Moiynty second track", type="infrastructure")
    store.save_document(document("b"), [item("second track", entity=renamed), item("gas", entity=GAS)])

    entities = {s.document_id: s.item.entity for s in store.query_items(ItemQuery(entity=RAIL.id))}
    assert entities == {"a": renamed, "b": renamed}
    assert store.counts()["entities"] == 2


def test_parties_are_stored_upper_case_once_and_sorted(store: SqlStore) -> None:
    store.save_document(document("a"), [item("railway line", parties=("rus", "KAZ", "RUS"))])
    assert store.query_items(ItemQuery())[0].item.parties == ("KAZ", "RUS")


def test_get_document_and_not_found(store: SqlStore) -> None:
    doc = document("a", published="2024-01-02")
    store.save_document(doc, [])
    assert store.get_document("a") == doc
    with pytest.raises(NotFoundError, match="no document 'missing'"):
        store.get_document("missing")
    assert store.document_hash("missing") is None


def test_sqlite_file_has_foreign_keys_and_wal(store: SqlStore) -> None:
    if store.engine.dialect.name != "sqlite":
        pytest.skip("SQLite only")
    with store.engine.connect() as conn:
        assert conn.execute(text("PRAGMA foreign_keys")).scalar() == 1
        assert conn.execute(text("PRAGMA journal_mode")).scalar() == "wal"


def test_in_memory_sqlite_works(tmp_path: Path) -> None:
    with SqlStore("sqlite://") as memory:
        assert memory.save_document(document("a"), [item("railway line")]) == "new"
        assert memory.counts() == {"documents": 1, "items": 1, "entities": 0}


def test_tables_survive_reopening(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'r.sqlite'}"
    with SqlStore(url) as first:
        first.save_document(document("a"), [item("railway line")])
    with SqlStore(url) as second:
        assert second.save_document(document("a"), [item("railway line")]) == "unchanged"


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("sqlite:////nonexistent-folder/sub/accord.sqlite", "Could not open the database"),
        ("mysql://user:secret@localhost/accord", "SQLite or PostgreSQL"),
        ("not a url://", "Could not open the database"),
    ],
)
def test_open_errors_are_store_errors(url: str, message: str) -> None:
    with pytest.raises(StoreError, match=message) as raised:
        SqlStore(url)
    assert "secret" not in str(raised.value)

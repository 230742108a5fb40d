"""Migrations: a new database is set up on first open, an outdated one is refused with the command that
upgrades it, and the migrations build exactly the tables that schema.py describes, on either backend."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import MetaData, create_engine, insert, select, text

from accord.errors import StoreError
from accord.store import ItemQuery, SqlStore, migrate, rows
from accord.store.dialects import make_engine
from accord.store.schema import metadata

from .builders import REGISTER

# What full-text search adds beside schema.py's portable tables (see migrations/versions/0002).
# The tables accord made before it had migrations.
_FIRST_RELEASE = ("documents", "entities", "items", "item_parties")
_SEARCH_OBJECTS = {"items_fts", "search_vector", "ix_items_search_vector", "alembic_version"}


def _at(url: str, revision: str) -> None:
    engine = make_engine(url)
    try:
        migrate.upgrade(engine, revision)
    finally:
        engine.dispose()


def _fill(store: SqlStore) -> None:
    for doc, items in REGISTER:
        store.save_document(doc, items)


def test_a_new_database_is_at_head(database_url: str) -> None:
    with SqlStore(database_url) as store:
        assert migrate.current(store.engine) == migrate.head() == "0006"


def test_an_outdated_database_is_refused_until_upgraded(database_url: str) -> None:
    _at(database_url, "0001")
    with pytest.raises(StoreError, match=r"revision 0001, and this accord needs 0006: run `accord db upg"):
        SqlStore(database_url)
    with SqlStore(database_url, check_schema=False) as store:
        assert migrate.upgrade(store.engine) == ("0001", "0006")
        assert migrate.upgrade(store.engine) == ("0006", "0006")
    with SqlStore(database_url) as store:
        _fill(store)
        assert len(store.query_items(ItemQuery(search="railway"))) == 2


def _fill_as_0001(url: str) -> None:
    """The register written as accord wrote it at revision 0001: only the columns that schema had."""
    engine = make_engine(url)
    old = MetaData()
    old.reflect(engine, only=_FIRST_RELEASE)
    now = datetime.now(UTC)
    with engine.begin() as conn:
        for number, (doc, found) in enumerate(REGISTER):

            def insert_into(name: str, values: list[dict[str, Any]]) -> None:
                table = old.tables[name]
                if values:
                    conn.execute(
                        insert(table), [{k: v for k, v in row.items() if k in table.c} for row in values]
                    )

            known = set(conn.scalars(select(old.tables["entities"].c.id)))
            insert_into("entities", [row for row in rows.entity_rows(found) if row["id"] not in known])
            insert_into("documents", [rows.document_row(doc, content_hash=str(number), ingested_at=now)])
            insert_into("items", [rows.item_row(doc.id, ordinal, item) for ordinal, item in enumerate(found)])
            ids = conn.scalars(
                select(old.tables["items"].c.id).where(old.tables["items"].c.document_id == doc.id)
            )
            insert_into("item_parties", rows.party_rows(sorted(ids), list(found)))
    engine.dispose()


def test_items_written_before_the_search_index_are_found_after_the_upgrade(database_url: str) -> None:
    _at(database_url, "0001")
    _fill_as_0001(database_url)
    with SqlStore(database_url, check_schema=False) as old:
        migrate.upgrade(old.engine)
    with SqlStore(database_url) as store:
        assert [s.document_id for s in store.query_items(ItemQuery(search="northern"))] == ["a", "d"]


def test_a_database_from_before_migrations_counts_as_0001(database_url: str) -> None:
    # the first release's tables, as migration 0001 makes them, without the revision table beside them
    _at(database_url, "0001")
    engine = create_engine(database_url)
    with engine.begin() as conn:
        conn.execute(text("DROP TABLE alembic_version"))
    engine.dispose()
    with pytest.raises(StoreError, match=r"none \(made before migrations\).*accord db upgrade"):
        SqlStore(database_url)
    with SqlStore(database_url, check_schema=False) as store:
        assert migrate.upgrade(store.engine) == (None, "0006")


def test_migrations_build_what_schema_py_describes(database_url: str) -> None:
    with SqlStore(database_url) as store, store.engine.connect() as conn:
        context = MigrationContext.configure(conn, opts={"include_object": _portable, "compare_type": True})
        assert compare_metadata(context, metadata) == []


def test_migrations_go_down_to_nothing_and_up_again(database_url: str) -> None:
    with SqlStore(database_url) as store:
        _fill(store)
        with store.engine.begin() as conn:
            command.downgrade(migrate.alembic_config(conn), "base")
        assert migrate.current(store.engine) is None
        migrate.upgrade(store.engine)
        assert store.counts() == {"documents": 0, "items": 0, "entities": 0}


def test_a_schema_newer_than_this_accord_is_refused(database_url: str) -> None:
    with SqlStore(database_url) as store, store.engine.begin() as conn:
        conn.exec_driver_sql("UPDATE alembic_version SET version_num = '9999'")
    with pytest.raises(StoreError, match="revision 9999, newer than this accord knows"):
        SqlStore(database_url)


def _portable(obj: Any, name: str | None, _type: str, _reflected: bool, _compare_to: Any) -> bool:
    return not (name or "").startswith(tuple(_SEARCH_OBJECTS))

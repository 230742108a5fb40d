"""Migrations: a new database is set up on first open, an outdated one is refused with the command that
upgrades it, and the migrations build exactly the tables that schema.py describes, on either backend."""

from __future__ import annotations

from typing import Any

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import create_engine

from accord.errors import StoreError
from accord.store import ItemQuery, SqlStore, migrate
from accord.store.dialects import make_engine
from accord.store.schema import metadata

from .builders import REGISTER

# What full-text search adds beside schema.py's portable tables (see migrations/versions/0002).
# The tables accord made before it had migrations.
_FIRST_RELEASE = ("documents", "entities", "items", "item_parties")
# Indexes schema.py gives those tables that later migrations added (0004).
_LATER_INDEXES = ("ix_items_sector_stage", "ix_documents_published")
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
        assert migrate.current(store.engine) == migrate.head() == "0004"


def test_an_outdated_database_is_refused_until_upgraded(database_url: str) -> None:
    _at(database_url, "0001")
    with pytest.raises(StoreError, match=r"revision 0001, and this accord needs 0004: run `accord db upg"):
        SqlStore(database_url)
    with SqlStore(database_url, check_schema=False) as store:
        assert migrate.upgrade(store.engine) == ("0001", "0004")
        assert migrate.upgrade(store.engine) == ("0004", "0004")
    with SqlStore(database_url) as store:
        _fill(store)
        assert len(store.query_items(ItemQuery(search="railway"))) == 2


def test_items_written_before_the_search_index_are_found_after_the_upgrade(database_url: str) -> None:
    _at(database_url, "0001")
    with SqlStore(database_url, check_schema=False) as old:
        _fill(old)
        migrate.upgrade(old.engine)
    with SqlStore(database_url) as store:
        assert [s.document_id for s in store.query_items(ItemQuery(search="northern"))] == ["a", "d"]


def test_a_database_from_before_migrations_counts_as_0001(database_url: str) -> None:
    engine = create_engine(database_url)
    metadata.create_all(engine, tables=[metadata.tables[name] for name in _FIRST_RELEASE])
    with engine.begin() as conn:
        for index in _LATER_INDEXES:
            conn.exec_driver_sql(f"DROP INDEX {index}")
    engine.dispose()
    with pytest.raises(StoreError, match=r"none \(made before migrations\).*accord db upgrade"):
        SqlStore(database_url)
    with SqlStore(database_url, check_schema=False) as store:
        assert migrate.upgrade(store.engine) == (None, "0004")


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

"""Everything that differs between database backends, in one place: engine set-up and upserts.

The rest of accord.store writes portable SQLAlchemy Core and does not look at the dialect.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from typing import Any

from sqlalchemy import Connection, Engine, Table, create_engine, event
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import URL, make_url
from sqlalchemy.pool import ConnectionPoolEntry

from accord.errors import StoreError

# Connection option for a transaction that will write: on SQLite it takes the write lock at BEGIN, so that a
# read-then-write (the content-hash check before a save) cannot fail half-way on a concurrent writer.
_WRITE_OPTION = "accord_write"
WRITE = {_WRITE_OPTION: True}
SUPPORTED = ("sqlite", "postgresql")


def make_engine(url: str) -> Engine:
    """An engine for `url`; on SQLite with foreign keys enforced, real transactions, and WAL for files."""
    parsed = make_url(url)
    backend = parsed.get_backend_name()
    if backend not in SUPPORTED:
        raise StoreError(
            f"accord keeps its register in SQLite or PostgreSQL, not {backend}: "
            "give a sqlite:/// or postgresql:// URL."
        )
    engine = create_engine(parsed)
    if backend == "sqlite":
        _configure_sqlite(engine, wal=_is_sqlite_file(parsed))
    return engine


def upsert(conn: Connection, table: Table, rows: Sequence[dict[str, Any]], key: str) -> None:
    """Insert `rows` into `table`, updating the other columns of rows whose `key` already exists."""
    if not rows:
        return
    insert = sqlite.insert(table) if conn.dialect.name == "sqlite" else postgresql.insert(table)
    updates = {column: insert.excluded[column] for column in rows[0] if column != key}
    conn.execute(insert.on_conflict_do_update(index_elements=[key], set_=updates), list(rows))


def _is_sqlite_file(url: URL) -> bool:
    database = url.database or ""
    return database not in ("", ":memory:") and url.query.get("mode") != "memory"


def _configure_sqlite(engine: Engine, *, wal: bool) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: sqlite3.Connection, _record: ConnectionPoolEntry) -> None:
        # Let SQLAlchemy, not the driver, decide where transactions begin (the driver's implicit BEGIN
        # comes too late for a read-then-write), so PRAGMAs run outside any transaction.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA foreign_keys=ON")
        if wal:
            cursor.execute("PRAGMA journal_mode=WAL")
        cursor.close()
        # SQLite's own lower() folds ASCII only; Python's makes case-insensitive matching work for all
        # scripts, as lower() does on PostgreSQL.
        dbapi_connection.create_function("lower", 1, _lower, deterministic=True)

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Connection) -> None:
        immediate = conn.get_execution_options().get(_WRITE_OPTION, False)
        conn.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")


def _lower(value: str | None) -> str | None:
    return value.lower() if isinstance(value, str) else value  # numbers and blobs pass through

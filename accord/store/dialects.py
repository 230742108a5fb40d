"""Everything that differs between database backends, in one place: engine set-up, locks, upserts, retries.

The rest of accord.store writes portable SQLAlchemy Core and does not look at the dialect (full-text search,
which differs most, lives in accord.store.search and the migrations).
"""

from __future__ import annotations

import sqlite3
import zlib
from collections.abc import Sequence
from typing import Any

from sqlalchemy import Connection, Engine, Table, create_engine, event, func, select, text
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import DBAPIError, IntegrityError
from sqlalchemy.pool import ConnectionPoolEntry

from accord.errors import StoreError

# Connection option for a transaction that will write: on SQLite it takes the write lock at BEGIN, so that a
# read-then-write (the content-hash check before a save) cannot fail half-way on a concurrent writer.
_WRITE_OPTION = "accord_write"
WRITE = {_WRITE_OPTION: True}
SUPPORTED = ("sqlite", "postgresql")
# How long a SQLite writer waits for another process's write lock before giving up, in seconds.
SQLITE_BUSY_TIMEOUT = 60.0
# PostgreSQL error codes of a transaction that lost a race and may simply be run again.
_RETRYABLE_SQLSTATES = frozenset({"40001", "40P01", "55P03"})  # serialization, deadlock, lock not available
_MIGRATION_LOCK = 0x6163636F7264  # "accord": one advisory lock for schema changes


def make_engine(url: str) -> Engine:
    """An engine for `url`; on SQLite with foreign keys enforced, real transactions, and WAL for files."""
    parsed = make_url(url)
    backend = parsed.get_backend_name()
    if backend not in SUPPORTED:
        raise StoreError(
            f"accord keeps its register in SQLite or PostgreSQL, not {backend}: "
            "give a sqlite:/// or postgresql+psycopg:// URL."
        )
    if backend == "sqlite":
        engine = create_engine(parsed, connect_args={"timeout": SQLITE_BUSY_TIMEOUT})
        _configure_sqlite(engine, wal=_is_sqlite_file(parsed))
        return engine
    return create_engine(parsed, pool_pre_ping=True)


def upsert(conn: Connection, table: Table, rows: Sequence[dict[str, Any]], key: str) -> None:
    """Insert `rows` into `table`, updating the other columns of rows whose `key` already exists."""
    if not rows:
        return
    insert = sqlite.insert(table) if conn.dialect.name == "sqlite" else postgresql.insert(table)
    updates = {column: insert.excluded[column] for column in rows[0] if column != key}
    conn.execute(insert.on_conflict_do_update(index_elements=[key], set_=updates), list(rows))


def lock_key(conn: Connection, key: str) -> None:
    """Serialise the transactions that write under `key` (a document id) until this one ends.

    SQLite needs nothing: a write transaction (BEGIN IMMEDIATE) already excludes every other writer.
    PostgreSQL takes a transaction-scoped advisory lock, so that two processes saving the same new
    document (no row yet to lock FOR UPDATE) check its content hash one after the other.
    """
    if conn.dialect.name == "postgresql":
        conn.execute(select(func.pg_advisory_xact_lock(zlib.crc32(key.encode("utf-8")))))


def lock_schema(conn: Connection) -> None:
    """Serialise schema changes: two processes opening one empty database upgrade it once."""
    if conn.dialect.name == "postgresql":
        conn.execute(select(func.pg_advisory_xact_lock(_MIGRATION_LOCK)))


def is_retryable(exc: BaseException) -> bool:
    """Whether a failed write lost a race with another writer and may be run again as it was."""
    if isinstance(exc, IntegrityError):
        return True  # a unique key that a concurrent save inserted first
    if not isinstance(exc, DBAPIError):
        return False
    if getattr(exc.orig, "sqlstate", None) in _RETRYABLE_SQLSTATES:
        return True
    return isinstance(exc.orig, sqlite3.OperationalError) and "locked" in str(exc.orig)


def refresh_statistics(conn: Connection) -> None:
    """Let the query planner know the tables' sizes and how selective their indexes are, so that a filtered
    query reads the most selective index first (the dashboard's filters on 100,000 items: 45 ms become 20).

    SQLite keeps such statistics only when asked (ANALYZE: about 0.1 s per 100,000 items); PostgreSQL's
    autovacuum keeps its own, and nothing is done there.
    """
    if conn.dialect.name == "sqlite":
        conn.exec_driver_sql("ANALYZE")


def after_explicit_ids(conn: Connection, table: Table) -> None:
    """After rows were inserted with their ids given (an import), let new rows be numbered after them.

    SQLite's AUTOINCREMENT follows on its own; a PostgreSQL sequence has to be moved past the largest id.
    """
    column = table.autoincrement_column
    if conn.dialect.name != "postgresql" or column is None:
        return
    conn.execute(
        text(
            f"SELECT setval(pg_get_serial_sequence('{table.name}', '{column.name}'), "
            f"coalesce((SELECT max({column.name}) FROM {table.name}), 0) + 1, false)"
        )
    )


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
        cursor.execute(f"PRAGMA busy_timeout={int(SQLITE_BUSY_TIMEOUT * 1000)}")
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

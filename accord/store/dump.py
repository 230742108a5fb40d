"""The whole register as JSON lines, and back: every table of schema.py (documents, entities, items, their
parties, and whatever tables later releases add, judgements included), rows with their ids, for backups
and for moving a register between SQLite and PostgreSQL.

The first line says what the file is and the schema it was written from; each further line is one row,
`{"table": NAME, "row": {COLUMN: VALUE}}`, tables in the order their foreign keys need, rows by key.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import UTC, datetime
from itertools import islice
from typing import IO, Any

from sqlalchemy import Connection, DateTime, Engine, Table, func, insert, select
from sqlalchemy.exc import SQLAlchemyError

from accord.errors import StoreError
from accord.store.dialects import WRITE, after_explicit_ids
from accord.store.migrate import head
from accord.store.schema import metadata

FORMAT = "accord-register"
BATCH = 500


def dump_register(engine: Engine, out: IO[str]) -> dict[str, int]:
    """Write every row of the register to `out`; how many rows of each table were written."""
    counts: dict[str, int] = {}
    out.write(json.dumps({"format": FORMAT, "schema": head()}) + "\n")
    with engine.connect() as conn:
        for table in metadata.sorted_tables:
            counts[table.name] = 0
            for row in _rows(conn, table):
                out.write(json.dumps({"table": table.name, "row": row}, ensure_ascii=False) + "\n")
                counts[table.name] += 1
    return counts


def load_register(engine: Engine, lines: IO[str], *, source: str) -> dict[str, int]:
    """Insert a dump's rows into an empty register, all in one transaction; rows read per table."""
    records = _records(lines, source)
    try:
        with engine.execution_options(**WRITE).begin() as conn:
            _refuse_unless_empty(conn)
            counts = {table.name: 0 for table in metadata.sorted_tables}
            while batch := list(islice(records, BATCH)):
                for table, rows in _by_table(batch):
                    conn.execute(insert(table), rows)
                    counts[table.name] += len(rows)
            for table in metadata.sorted_tables:
                after_explicit_ids(conn, table)
    except SQLAlchemyError as exc:
        raise StoreError(
            f"Could not import {source}: {getattr(exc, 'orig', None) or exc}. Nothing was imported."
        ) from exc
    return counts


def _rows(conn: Connection, table: Table) -> Iterator[dict[str, Any]]:
    stmt = select(table).order_by(*table.primary_key.columns)
    for row in conn.execution_options(yield_per=BATCH).execute(stmt).mappings():
        yield {name: _encode(value) for name, value in row.items()}


def _encode(value: Any) -> Any:
    if isinstance(value, datetime):
        aware = value if value.tzinfo is not None else value.replace(tzinfo=UTC)  # SQLite keeps UTC, no zone
        return aware.astimezone(UTC).isoformat()
    return value


def _records(lines: IO[str], source: str) -> Iterator[tuple[Table, dict[str, Any]]]:
    header = _json(next(lines, ""), source, 1)
    if header.get("format") != FORMAT:
        raise StoreError(f"{source} is not an accord register export (its first line does not say so).")
    for number, line in enumerate(lines, start=2):
        if line.strip():
            record = _json(line, source, number)
            table = _table(record.get("table"), source, number)
            yield table, _decode(table, record.get("row"), source, number)


def _json(line: str, source: str, number: int) -> dict[str, Any]:
    try:
        value = json.loads(line)
    except json.JSONDecodeError as exc:
        raise StoreError(f"{source}, line {number}: not JSON ({exc.msg}).") from None
    if not isinstance(value, dict):
        raise StoreError(f"{source}, line {number}: expected a JSON object.")
    return value


def _table(name: Any, source: str, number: int) -> Table:
    if not isinstance(name, str) or name not in metadata.tables:
        raise StoreError(
            f"{source}, line {number}: no table {name!r} in this accord's register; "
            "was it exported by a newer accord?"
        )
    return metadata.tables[name]


def _decode(table: Table, row: Any, source: str, number: int) -> dict[str, Any]:
    if not isinstance(row, dict) or not set(row) <= set(table.columns.keys()):
        raise StoreError(f"{source}, line {number}: not a row of table {table.name}.")
    for name, value in row.items():
        if isinstance(table.columns[name].type, DateTime) and isinstance(value, str):
            row[name] = datetime.fromisoformat(value)
    return row


def _by_table(batch: list[tuple[Table, dict[str, Any]]]) -> Iterator[tuple[Table, list[dict[str, Any]]]]:
    """Runs of rows of one table, in order, for one executemany each."""
    start = 0
    for end in range(1, len(batch) + 1):
        if end == len(batch) or batch[end][0] is not batch[start][0]:
            yield batch[start][0], [row for _, row in batch[start:end]]
            start = end


def _refuse_unless_empty(conn: Connection) -> None:
    for table in metadata.sorted_tables:
        if conn.scalar(select(func.count()).select_from(table)):
            raise StoreError(
                f"accord imports into an empty register only, and this one has rows in {table.name}: "
                "give a new database with --db."
            )

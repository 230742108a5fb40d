"""SqlStore: the Store over SQLAlchemy, for SQLite (the default) and PostgreSQL."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from datetime import UTC, datetime
from types import TracebackType
from typing import Self

from sqlalchemy import Connection, Engine, RowMapping, delete, func, insert, select
from sqlalchemy.engine import make_url
from sqlalchemy.exc import SQLAlchemyError

from accord.errors import NotFoundError, StoreError
from accord.model import Document, EntityRef, Item
from accord.resolve.judgements import Edge
from accord.store import judgements, rows
from accord.store.base import (
    Correction,
    DocumentSummary,
    EntityCount,
    ItemQuery,
    SaveOutcome,
    Store,
    StoredItem,
)
from accord.store.dialects import WRITE, is_retryable, lock_key, make_engine, refresh_statistics, upsert
from accord.store.hashing import content_hash
from accord.store.migrate import ensure_current
from accord.store.queries import (
    count_select,
    entity_count_select,
    filter_count,
    item_select,
    parties_select,
    tally_select,
)
from accord.store.schema import documents, entities, item_parties, items

# Items read per round trip when streaming; each batch costs one query for its parties. Small enough for
# SQLite builds that allow only 999 bound parameters.
BATCH_SIZE = 500
# How often a save that lost a race with another writer (a unique key, a deadlock) is tried again.
SAVE_ATTEMPTS = 5


class SqlStore(Store):
    """The register in a SQL database; sets up an empty database, refuses one whose schema is behind."""

    def __init__(self, url: str, *, check_schema: bool = True) -> None:
        self._where = _display(url)
        try:
            self._engine = make_engine(url)
            if check_schema:
                ensure_current(self._engine, self._where)
        except (SQLAlchemyError, ImportError) as exc:
            raise StoreError(
                f"Could not open the database at {self._where}: {_reason(exc)}. "
                "Check the --db path or ACCORD_DATABASE_URL and that accord may write there."
            ) from exc
        self._writer = self._engine.execution_options(**WRITE)

    @property
    def where(self) -> str:
        """The database, as messages name it (no password)."""
        return self._where

    @property
    def engine(self) -> Engine:
        """The SQLAlchemy engine, for migrations and tests."""
        return self._engine

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    def close(self) -> None:
        self._engine.dispose()

    def optimize(self) -> None:
        """Refresh the query planner's statistics (accord.store.dialects.refresh_statistics); a server
        does this when it starts."""
        try:
            with self._writer.begin() as conn:
                refresh_statistics(conn)
        except SQLAlchemyError as exc:
            raise StoreError(f"Could not refresh the statistics of {self._where}: {_reason(exc)}.") from exc

    def document_hash(self, doc_id: str) -> str | None:
        with self._reading() as conn:
            return _stored_hash(conn, doc_id)

    def save_document(self, doc: Document, items: Sequence[Item], *, force: bool = False) -> SaveOutcome:
        digest = content_hash(doc.text)
        for attempt in range(1, SAVE_ATTEMPTS + 1):
            try:
                return self._save_once(doc, items, digest, force=force)
            except SQLAlchemyError as exc:
                if attempt < SAVE_ATTEMPTS and is_retryable(exc):
                    continue
                raise StoreError(
                    f"Could not save document {doc.id!r} to {self._where}: {_reason(exc)}. "
                    "Nothing of it was written."
                ) from exc
        raise AssertionError("unreachable: the last attempt returns or raises")

    def _save_once(self, doc: Document, items: Sequence[Item], digest: str, *, force: bool) -> SaveOutcome:
        """One transaction: the hash check and the writes, under the document's lock."""
        with self._writer.begin() as conn:
            lock_key(conn, doc.id)
            stored = _stored_hash(conn, doc.id, lock=True)
            if stored == digest and not force:
                return "unchanged"
            _replace_document(conn, doc, items, digest)
        return "new" if stored is None else "updated"

    def query_items(self, q: ItemQuery) -> list[StoredItem]:
        return list(self.iter_items(q))

    def iter_items(self, q: ItemQuery | None = None) -> Iterator[StoredItem]:
        stmt = item_select(q or ItemQuery())
        with self._reading() as conn:
            result = conn.execution_options(yield_per=BATCH_SIZE).execute(stmt).mappings()
            for batch in result.partitions():
                yield from _with_parties(conn, batch)

    def get_item(self, item_id: int) -> StoredItem:
        with self._reading() as conn:
            row = conn.execute(item_select(ItemQuery()).where(items.c.id == item_id)).mappings().first()
            if row is None:
                raise NotFoundError(f"There is no item {item_id} in {self._where}.")
            return _with_parties(conn, [row])[0]

    def list_documents(self, limit: int, offset: int = 0) -> tuple[list[DocumentSummary], int]:
        counted = (
            select(items.c.document_id, func.count().label("n")).group_by(items.c.document_id).subquery()
        )
        stmt = (
            select(documents, func.coalesce(counted.c.n, 0).label("item_count"))
            .outerjoin(counted, counted.c.document_id == documents.c.id)
            .order_by(documents.c.published.desc().nulls_last(), documents.c.id)
            .limit(limit)
            .offset(offset)
        )
        with self._reading() as conn:
            total = conn.scalar(select(func.count()).select_from(documents)) or 0
            found = [
                DocumentSummary(r.id, r.title, r.url, r.outlet, r.published, r.language, r.item_count)
                for r in conn.execute(stmt)
            ]
        return found, total

    def get_document(self, doc_id: str) -> Document:
        with self._reading() as conn:
            row = conn.execute(select(documents).where(documents.c.id == doc_id)).mappings().first()
        if row is None:
            raise NotFoundError(f"There is no document {doc_id!r} in {self._where}.")
        return rows.document_from_row(row)

    def page_items(self, q: ItemQuery) -> tuple[list[StoredItem], int]:
        """One page of items and how many match in all. Several filters together match few items: one
        query reads them, counted by a window over the matches. No filter or one may match many: the page is
        read in order (the index on the published date) and the matches counted apart, which is faster
        than sorting them all (bench/serve_speed.py)."""
        if filter_count(q) < 2:
            return self.query_items(q), self.count_items(q)
        stmt = item_select(q).add_columns(func.count().over().label("matches"))
        with self._reading() as conn:
            batch = conn.execute(stmt).mappings().all()
            found = _with_parties(conn, batch)
        if batch:
            return found, batch[0]["matches"]
        return found, self.count_items(q) if q.offset else 0

    def count_items(self, q: ItemQuery) -> int:
        with self._reading() as conn:
            return conn.scalar(count_select(q)) or 0

    def tally(self, field: str) -> dict[str, int]:
        with self._reading() as conn:
            return {value: count for value, count in conn.execute(tally_select(field))}

    def entity_counts(self, text: str | None = None) -> list[EntityCount]:
        with self._reading() as conn:
            rows = conn.execute(entity_count_select(text)).all()
        return [EntityCount(EntityRef(id=r.id, name=r.name, type=r.type), r.items) for r in rows]

    def correct_item(
        self,
        item_id: int,
        *,
        object: str | None = None,
        sector: str | None = None,
        stage: str | None = None,
        rejected: bool | None = None,
        author: str | None = None,
        note: str | None = None,
    ) -> Correction:
        values = {"object": object, "sector": sector, "stage": stage, "rejected": rejected, "note": note}
        with self._judging() as conn:
            return judgements.correct(conn, item_id, values, author=author)

    def corrections(self) -> list[Correction]:
        with self._reading() as conn:
            return judgements.load_corrections(conn)

    def counts(self) -> dict[str, int]:
        with self._reading() as conn:
            return {
                table.name: conn.scalar(select(func.count()).select_from(table)) or 0
                for table in (documents, items, entities)
            }

    def merge(self, a: str, b: str, *, author: str | None = None, note: str | None = None) -> str:
        """Judge `a` and `b` the same thing; the canonical id they now share. JudgementError (nothing
        recorded) when a split keeps their groups apart: split decisions win over merges."""
        with self._judging() as conn:
            judgements.record(conn, a, b, "positive", author=author, note=note)
            joined = judgements.canonical_of(conn, a)
            if joined != judgements.canonical_of(conn, b):
                raise judgements.JudgementError(
                    f"{a!r} and {b!r} stay apart: a split keeps their groups apart "
                    f"(`accord judgements` lists them); merge the split pair itself to undo it."
                )
            return joined

    def split(self, a: str, b: str, *, author: str | None = None, note: str | None = None) -> tuple[str, str]:
        """Judge `a` and `b` different things; their canonical ids, now apart."""
        with self._judging() as conn:
            judgements.record(conn, a, b, "negative", author=author, note=note)
            return judgements.canonical_of(conn, a), judgements.canonical_of(conn, b)

    def judgements(self) -> list[Edge]:
        """Every judgement, oldest first."""
        with self._reading() as conn:
            return judgements.load_edges(conn)

    def find_entities(self, text: str) -> list[EntityRef]:
        """Canonical entities named by `text`: the one with that id, else those with exactly that name (any
        case), else those whose name holds it; each group once, by id."""
        with self._reading() as conn:
            return judgements.find_canonical(conn, text)

    @contextmanager
    def _judging(self) -> Iterator[Connection]:
        try:
            with self._writer.begin() as conn:
                yield conn
        except SQLAlchemyError as exc:
            raise StoreError(
                f"Could not record the decision in {self._where}: {_reason(exc)}. Nothing was recorded."
            ) from exc

    @contextmanager
    def _reading(self) -> Iterator[Connection]:
        try:
            with self._engine.connect() as conn:
                yield conn
        except SQLAlchemyError as exc:
            raise StoreError(f"Could not read from {self._where}: {_reason(exc)}.") from exc


def _stored_hash(conn: Connection, doc_id: str, *, lock: bool = False) -> str | None:
    stmt = select(documents.c.content_hash).where(documents.c.id == doc_id)
    return conn.scalar(stmt.with_for_update() if lock else stmt)


def _replace_document(conn: Connection, doc: Document, new_items: Sequence[Item], digest: str) -> None:
    """The writes of one save, inside the caller's transaction; the old items' parties go by cascade."""
    upsert(conn, entities, rows.entity_rows(new_items), key="id")
    now = datetime.now(UTC)
    upsert(conn, documents, [rows.document_row(doc, content_hash=digest, ingested_at=now)], key="id")
    conn.execute(delete(items).where(items.c.document_id == doc.id))
    _insert_items(conn, doc.id, new_items)


def _insert_items(conn: Connection, document_id: str, new_items: Sequence[Item]) -> None:
    if not new_items:
        return
    item_rows = [rows.item_row(document_id, ordinal, item) for ordinal, item in enumerate(new_items)]
    conn.execute(insert(items), item_rows)
    # One executemany, then the new ids by ordinal: RETURNING in order would insert row by row on SQLite.
    ids = select(items.c.id).where(items.c.document_id == document_id).order_by(items.c.ordinal)
    party_rows = rows.party_rows(list(conn.scalars(ids)), new_items)
    if party_rows:
        conn.execute(insert(item_parties), party_rows)


def _with_parties(conn: Connection, batch: Sequence[RowMapping]) -> list[StoredItem]:
    """StoredItems for a batch of item rows, their parties read in one query."""
    parties: dict[int, list[str]] = {row["id"]: [] for row in batch}
    for item_id, party in conn.execute(parties_select(list(parties))):
        parties[item_id].append(party)
    return [rows.stored_item(row, tuple(parties[row["id"]])) for row in batch]


def _display(url: str) -> str:
    try:
        return make_url(url).render_as_string(hide_password=True)
    except SQLAlchemyError:
        return "the given database URL"


def _reason(exc: BaseException) -> str:
    orig = getattr(exc, "orig", None)
    return str(orig if orig is not None else exc).rstrip(".")

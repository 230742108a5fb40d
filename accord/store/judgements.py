"""Judgements in the register: recording a merge or a split, and keeping `entity_canonical` (the canonical
entity of every entity they join) in step with them, in the same transaction.

The items themselves are never touched: saving a document again replaces its items and leaves these
tables alone, so a person's decisions outlive re-extraction and re-resolution.
"""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import Connection, delete, func, insert, select

from accord.errors import AccordError, NotFoundError
from accord.model import EntityRef
from accord.resolve.judgements import Edge, Judgement, canonical_ids, pair
from accord.store.schema import entities, entity_canonical, judgements


class JudgementError(AccordError):
    """A merge or split that cannot be made as asked."""


def record(
    conn: Connection, a: str, b: str, judgement: Judgement, *, author: str | None, note: str | None
) -> None:
    """Record one decision about `a` and `b` (replacing any earlier one about the pair), then recompute
    the canonical entities; inside the caller's transaction."""
    if a == b:
        raise JudgementError(f"{a!r} and {b!r} are the same entity; give two different entity ids.")
    for entity_id in (a, b):
        if conn.scalar(select(entities.c.id).where(entities.c.id == entity_id)) is None:
            raise NotFoundError(
                f"There is no entity {entity_id!r} in the register; `accord items --format json` shows "
                "the entity ids items have."
            )
    left, right = pair(a, b)
    conn.execute(delete(judgements).where(judgements.c.left_id == left, judgements.c.right_id == right))
    row = {"left_id": left, "right_id": right, "judgement": judgement, "author": author, "note": note}
    conn.execute(insert(judgements), [{**row, "created_at": datetime.now(UTC)}])
    refresh_canonical(conn)


def load_edges(conn: Connection) -> list[Edge]:
    rows = conn.execute(select(judgements).order_by(judgements.c.created_at, judgements.c.left_id))
    return [
        Edge(r.left_id, r.right_id, r.judgement, _aware(r.created_at), author=r.author, note=r.note)
        for r in rows
    ]


def refresh_canonical(conn: Connection) -> None:
    """Rewrite `entity_canonical` from all judgements (there are as many as people made: few)."""
    mapping = canonical_ids(load_edges(conn))
    conn.execute(delete(entity_canonical))
    if mapping:
        rows = [{"entity_id": member, "canonical_id": canonical} for member, canonical in mapping.items()]
        conn.execute(insert(entity_canonical), rows)


def canonical_of(conn: Connection, entity_id: str) -> str:
    stmt = select(entity_canonical.c.canonical_id).where(entity_canonical.c.entity_id == entity_id)
    return conn.scalar(stmt) or entity_id


def members_of(conn: Connection, canonical_id: str) -> list[str]:
    """The entity ids whose canonical entity is `canonical_id` (itself included)."""
    stmt = select(entity_canonical.c.entity_id).where(entity_canonical.c.canonical_id == canonical_id)
    return sorted({canonical_id, *conn.scalars(stmt)})


def _aware(value: datetime) -> datetime:
    return value if value.tzinfo is not None else value.replace(tzinfo=UTC)  # SQLite keeps UTC, no zone


def find_canonical(conn: Connection, text: str) -> list[EntityRef]:
    """Canonical entities named by `text`: by id, else by whole name (any case), else by part of a name."""
    by_id = conn.scalar(select(entities.c.id).where(entities.c.id == text))
    if by_id is not None:
        return _entities(conn, {canonical_of(conn, by_id)})
    lowered = text.strip().lower()
    for clause in (func.lower(entities.c.name) == lowered, entities.c.name.icontains(text, autoescape=True)):
        ids = set(conn.scalars(select(entities.c.id).where(clause)))
        if ids:
            return _entities(conn, {canonical_of(conn, entity_id) for entity_id in ids})
    return []


def _entities(conn: Connection, ids: set[str]) -> list[EntityRef]:
    rows = conn.execute(select(entities).where(entities.c.id.in_(sorted(ids))).order_by(entities.c.id))
    return [EntityRef(id=r.id, name=r.name, type=r.type) for r in rows]

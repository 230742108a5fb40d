"""Judgements in the register: recording a merge or a split, and keeping `entity_canonical` (the canonical
entity of every entity they join) in step with them, in the same transaction; and recording a correction of
an item (its stage, sector or object, or its rejection) in `item_corrections`, which every item query reads.

The items themselves are never touched: saving a document again replaces its items and leaves these
tables alone, so a person's decisions outlive re-extraction and re-resolution.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import ColumnElement, Connection, delete, func, insert, select

from accord.errors import AccordError, NotFoundError
from accord.model import SECTORS, STAGES, EntityRef
from accord.resolve.judgements import Edge, Judgement, canonical_ids, pair
from accord.store.base import CORRECTABLE, Correction
from accord.store.schema import entities, entity_canonical, item_corrections, items, judgements
from accord.vocab import clean_sector, clean_stage


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


class CorrectionError(AccordError):
    """An item correction with a value that is not one (an unknown stage, an empty object)."""


def correct(conn: Connection, item_id: int, values: dict[str, Any], *, author: str | None) -> Correction:
    """Record `values` (object, sector, stage, rejected, note; None keeps what an earlier correction of the
    item said) for the item `item_id` names now, inside the caller's transaction."""
    row = conn.execute(select(items).where(items.c.id == item_id)).mappings().first()
    if row is None:
        raise NotFoundError(f"There is no item {item_id} in the register.")
    key = {
        "document_id": row["document_id"],
        "evidence_start": row["evidence_start"],
        "evidence_end": row["evidence_end"],
        "extracted_object": row["object"],
    }
    earlier = conn.execute(select(item_corrections).where(*_matching(key))).mappings().first()
    merged = {name: earlier[name] if earlier else None for name in (*CORRECTABLE, "note")}
    merged["rejected"] = bool(earlier and earlier["rejected"])
    merged |= {name: value for name, value in _cleaned(values).items() if value is not None}
    for name in CORRECTABLE:  # a value equal to the extracted one is no correction
        if merged[name] == row[name]:
            merged[name] = None
    conn.execute(delete(item_corrections).where(*_matching(key)))
    record = key | merged | {"author": author, "created_at": datetime.now(UTC)}
    conn.execute(insert(item_corrections), [record])
    return _correction(record)


def load_corrections(conn: Connection) -> list[Correction]:
    stmt = select(item_corrections).order_by(item_corrections.c.created_at, item_corrections.c.document_id)
    return [_correction(row) for row in conn.execute(stmt).mappings()]


def _cleaned(values: dict[str, Any]) -> dict[str, Any]:
    cleaned = dict(values)
    for name, clean, allowed in (("sector", clean_sector, SECTORS), ("stage", clean_stage, STAGES)):
        if (value := values.get(name)) is not None:
            cleaned[name] = clean(value)
            if cleaned[name] is None:
                raise CorrectionError(f"{value!r} is not a {name}; the {name}s are {', '.join(allowed)}.")
    if (obj := values.get("object")) is not None:
        if not obj.strip():
            raise CorrectionError("An item's object cannot be empty; give the words that name it.")
        cleaned["object"] = " ".join(obj.split())
    return cleaned


def _matching(key: dict[str, Any]) -> list[ColumnElement[bool]]:
    return [item_corrections.c[name] == value for name, value in key.items()]


def _correction(row: Mapping[Any, Any]) -> Correction:
    fields = {name: row[name] for name in Correction.__slots__}
    return Correction(**fields | {"rejected": bool(row["rejected"]), "created_at": _aware(row["created_at"])})

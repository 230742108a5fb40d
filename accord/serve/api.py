"""The JSON API under /api: health, items, one item, one document, exports, entities, events, diff, GeoJSON,
and the review's writes (corrections, merges, splits). Each handler is a store call."""

from __future__ import annotations

import tempfile
from collections.abc import Iterator
from typing import IO, Annotated, Any, BinaryIO, Literal, cast

from fastapi import APIRouter, Depends, Query
from fastapi.responses import JSONResponse, StreamingResponse
from pydantic import BaseModel, Field

from accord import __version__
from accord.serve import views
from accord.serve.deps import StoreDep
from accord.serve.params import (
    DEFAULT_LIMIT,
    MAX_LIMIT,
    diff_window,
    event_filters,
    item_filters,
    paged_filters,
)
from accord.serve.security import check_api_write
from accord.store import ItemQuery, StoredItem, write_export
from accord.store.export import json_record

router = APIRouter(prefix="/api", tags=["api"])
Writer = Depends(check_api_write)

EXPORT_TYPES = {"csv": "text/csv; charset=utf-8", "jsonl": "application/x-ndjson; charset=utf-8"}
_CHUNK = 64 * 1024
_IN_MEMORY = 8 * 1024 * 1024  # an export larger than this is spooled to a temporary file


@router.get("/health")
def health(store: StoreDep) -> dict[str, Any]:
    """The server answers and its database can be read."""
    return {"status": "ok", "version": __version__, "counts": store.counts()}


@router.get("/items")
def list_items(store: StoreDep, q: Annotated[ItemQuery, Depends(paged_filters)]) -> dict[str, Any]:
    """Items that match every filter given, newest documents first; `total` counts them all."""
    page = views.item_page(store, q)
    return {
        "total": page.total,
        "limit": page.limit,
        "offset": page.offset,
        "items": [record(stored) for stored in page.items],
    }


@router.get("/items/{item_id}")
def get_item(store: StoreDep, item_id: int) -> dict[str, Any]:
    return record(store.get_item(item_id))


@router.get("/documents")
def list_documents(
    store: StoreDep,
    limit: Annotated[int, Query(ge=1, le=MAX_LIMIT)] = DEFAULT_LIMIT,
    offset: Annotated[int, Query(ge=0)] = 0,
) -> dict[str, Any]:
    """The documents, newest first, without their text, each with how many items it has."""
    found, total = store.list_documents(limit, offset)
    return {"total": total, "limit": limit, "offset": offset, "documents": [d.to_dict() for d in found]}


@router.get("/documents/{doc_id:path}")
def get_document(store: StoreDep, doc_id: str) -> dict[str, Any]:
    """The document, its text, and its items with their evidence offsets into that text."""
    view = views.document_view(store, doc_id)
    return view.document.to_dict() | {"items": [record(stored) for stored in view.items]}


@router.get("/export")
def export(
    store: StoreDep,
    q: Annotated[ItemQuery, Depends(item_filters)],
    fmt: Annotated[Literal["csv", "jsonl"], Query(alias="format")] = "jsonl",
) -> StreamingResponse:
    """Every matching item as CSV or JSON lines, the columns of `accord export`."""
    spool = tempfile.SpooledTemporaryFile(max_size=_IN_MEMORY, mode="w+b")  # noqa: SIM115 - closed below
    write_export(store.iter_items(q), fmt, cast(BinaryIO, spool))
    spool.seek(0)
    headers = {"Content-Disposition": f'attachment; filename="accord-items.{fmt}"'}
    return StreamingResponse(_chunks(spool), media_type=EXPORT_TYPES[fmt], headers=headers)


def record(stored: StoredItem) -> dict[str, Any]:
    """An item as `accord show --format json` gives it; a corrected item also says what was extracted."""
    extracted = {"extracted": dict(stored.was)} if stored.was else {}
    return json_record(stored) | extracted


def _chunks(spool: IO[bytes]) -> Iterator[bytes]:
    with spool:
        while chunk := spool.read(_CHUNK):
            yield chunk


@router.get("/entities")
def list_entities(
    store: StoreDep,
    search: Annotated[str | None, Query(description="An entity id, or a part of a name.")] = None,
    limit: Annotated[int, Query(ge=1, le=MAX_LIMIT)] = DEFAULT_LIMIT,
    offset: Annotated[int, Query(ge=0)] = 0,
) -> dict[str, Any]:
    """The canonical entities items name (merges applied), most items first, with how many items each."""
    page = views.entity_page(store, (search or "").strip() or None, limit, offset)
    found = [count.entity.to_dict() | {"items": count.items} for count in page.entities]
    return {"total": page.total, "limit": page.limit, "offset": page.offset, "entities": found}


@router.get("/entities/{entity_id:path}")
def get_entity(store: StoreDep, entity_id: str) -> dict[str, Any]:
    """One entity: its timeline and current stage, every item that mentions it, its place as GeoJSON."""
    view = views.entity_view(store, entity_id)
    return view.timeline.to_dict() | {
        "members": view.members,
        "items": [record(stored) for stored in view.items],
        "geojson": view.features,
    }


@router.get("/diff")
def get_diff(
    store: StoreDep, window: Annotated[tuple[str, str | None, str | None], Depends(diff_window)]
) -> dict[str, Any]:
    """What changed, as `accord diff`: per entity, new, advanced, regressed, unchanged or no longer mentioned
    in since..until against what was published before `since` (from `from`)."""
    view = views.diff_view(store, *window)
    return {
        "since": view.since,
        "until": view.until,
        "from": view.start,
        "changes": [c.to_dict() for c in view.changes],
    }


@router.get("/events")
def list_events(
    store: StoreDep, filters: Annotated[tuple[str | None, str | None, str | None], Depends(event_filters)]
) -> dict[str, Any]:
    """The events, as `accord events`: the reports of one meeting grouped, each with its sources."""
    found = views.events(store, *filters)
    return {"total": len(found), "events": [event.to_dict(with_entries=False) for event in found]}


@router.get("/events/{old}/diff/{new}")
def diff_events(store: StoreDep, old: str, new: str) -> dict[str, Any]:
    """What changed from one event to another, as `accord diff --old-event OLD --new-event NEW`."""
    view = views.event_diff_view(store, old, new)
    return {"old": view.old.id, "new": view.new.id, "changes": [c.to_dict() for c in view.changes]}


@router.get("/events/{event_id}")
def get_event(store: StoreDep, event_id: str) -> dict[str, Any]:
    """One event: its sources and its register, one entry per entity with every statement."""
    return views.event_view(store, event_id).to_dict()


@router.get("/geojson")
def geojson(store: StoreDep, q: Annotated[ItemQuery, Depends(item_filters)]) -> JSONResponse:
    """The entities of the matching items that have a place: a GeoJSON FeatureCollection (RFC 7946)."""
    return JSONResponse(views.map_features(store, q), media_type="application/geo+json")


class CorrectionBody(BaseModel):
    """What to correct; a field left out keeps what the item (or an earlier correction) says."""

    object: str | None = Field(default=None, max_length=500)
    sector: str | None = None
    stage: str | None = None
    rejected: bool | None = None
    note: str | None = Field(default=None, max_length=2000)
    author: str | None = Field(default=None, max_length=200)


class JudgementBody(BaseModel):
    a: str = Field(description="An entity id.")
    b: str = Field(description="Another entity id.")
    note: str | None = Field(default=None, max_length=2000)
    author: str | None = Field(default=None, max_length=200)


@router.get("/corrections")
def list_corrections(store: StoreDep) -> dict[str, Any]:
    """Every item correction and rejection, oldest first."""
    return {"corrections": [c.to_dict() for c in store.corrections()]}


@router.post("/items/{item_id}/correction", dependencies=[Writer])
def correct_item(store: StoreDep, item_id: int, body: CorrectionBody) -> dict[str, Any]:
    """Correct an item's object, sector or stage, or reject it (hidden everywhere after); kept through
    re-extraction. Needs the server's token where it has one."""
    values = body.model_dump(exclude={"author"})
    correction = store.correct_item(item_id, **values, author=body.author or "api")
    shown = None if correction.rejected else record(store.get_item(item_id))
    return {"correction": correction.to_dict(), "item": shown}


@router.post("/entities/merge", dependencies=[Writer])
def merge(store: StoreDep, body: JudgementBody) -> dict[str, Any]:
    """Judge two entities the same thing, as `accord merge`."""
    return {"canonical": store.merge(body.a, body.b, author=body.author or "api", note=body.note)}


@router.post("/entities/split", dependencies=[Writer])
def split(store: StoreDep, body: JudgementBody) -> dict[str, Any]:
    """Judge two entities different things, as `accord split`."""
    return {"canonical": list(store.split(body.a, body.b, author=body.author or "api", note=body.note))}

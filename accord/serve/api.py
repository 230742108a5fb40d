"""The JSON API under /api: health, items, one item, one document, exports. Each handler is a store call."""

from __future__ import annotations

import tempfile
from collections.abc import Iterator
from typing import IO, Annotated, Any, BinaryIO, Literal, cast

from fastapi import APIRouter, Depends, Query
from fastapi.responses import StreamingResponse

from accord import __version__
from accord.serve import views
from accord.serve.deps import StoreDep
from accord.serve.params import item_filters, paged_filters
from accord.store import ItemQuery, write_export
from accord.store.export import json_record

router = APIRouter(prefix="/api", tags=["api"])

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
        "items": [json_record(stored) for stored in page.items],
    }


@router.get("/items/{item_id}")
def get_item(store: StoreDep, item_id: int) -> dict[str, Any]:
    return json_record(store.get_item(item_id))


@router.get("/documents/{doc_id:path}")
def get_document(store: StoreDep, doc_id: str) -> dict[str, Any]:
    """The document, its text, and its items with their evidence offsets into that text."""
    view = views.document_view(store, doc_id)
    return view.document.to_dict() | {"items": [json_record(stored) for stored in view.items]}


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


def _chunks(spool: IO[bytes]) -> Iterator[bytes]:
    with spool:
        while chunk := spool.read(_CHUNK):
            yield chunk

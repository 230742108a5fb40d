"""Stored items out as CSV, JSON lines or Parquet, streamed so that a whole register never sits in memory;
or the entities they name that have a place, as GeoJSON (accord.store.geo: one feature per entity).

`out` is a file path or an open stream. CSV and JSON lines are text: any text stream (standard output
included) or binary stream (written as UTF-8) will do. Parquet is binary: give a file path or a binary
stream; standard output works when it is a pipe or a file, and is refused when it is a terminal.
"""

from __future__ import annotations

import csv
import io
import json
import os
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from itertools import islice
from typing import Any, BinaryIO, Literal, TextIO, cast

from accord.errors import AccordError
from accord.store.base import StoredItem
from accord.store.geo import write_geojson

ExportFormat = Literal["csv", "jsonl", "parquet", "geojson"]
Destination = str | os.PathLike[str] | TextIO | BinaryIO

COLUMNS: tuple[str, ...] = (
    "item_id",
    "document_id",
    "published",
    "object",
    "sector",
    "stage",
    "setback",
    "parties",
    "entity_id",
    "entity_name",
    "entity_type",
    "evidence_start",
    "evidence_end",
    "evidence_text",
    "url",
    "title",
)
_INTEGER_COLUMNS = frozenset({"item_id", "evidence_start", "evidence_end"})
PARQUET_BATCH = 10_000


def write_export(items: Iterable[StoredItem], fmt: ExportFormat, out: Destination) -> int:
    """Write `items` to `out` in format `fmt`; returns how many were written (GeoJSON: how many features)."""
    if fmt == "parquet":
        return _write_parquet(items, out)
    with _text_stream(out) as stream:
        if fmt == "geojson":
            return write_geojson(items, stream)  # features, one per placed entity, not items
        return _write_csv(items, stream) if fmt == "csv" else _write_jsonl(items, stream)


def flat_row(stored: StoredItem) -> dict[str, Any]:
    """One item as the export's flat columns, parties as a list."""
    row = {"item_id": stored.id, "document_id": stored.document_id, "published": stored.document_published}
    row |= stored.item.to_columns()
    row |= {"url": stored.document_url, "title": stored.document_title}
    return {name: row[name] for name in COLUMNS}


def json_record(stored: StoredItem) -> dict[str, Any]:
    """The item's FORMAT.md fields, with where it was stored and the document it came from."""
    head = {
        "item_id": stored.id,
        "document_id": stored.document_id,
        "published": stored.document_published,
        "url": stored.document_url,
        "title": stored.document_title,
    }
    return head | stored.item.to_dict()


def _write_csv(items: Iterable[StoredItem], stream: TextIO) -> int:
    writer = csv.DictWriter(stream, fieldnames=COLUMNS)
    writer.writeheader()
    count = 0
    for stored in items:
        row = flat_row(stored)
        writer.writerow(row | {"parties": ";".join(row["parties"])})
        count += 1
    return count


def _write_jsonl(items: Iterable[StoredItem], stream: TextIO) -> int:
    count = 0
    for stored in items:
        stream.write(json.dumps(json_record(stored), ensure_ascii=False) + "\n")
        count += 1
    return count


def _write_parquet(items: Iterable[StoredItem], out: Destination) -> int:
    # pyarrow takes a quarter of a second to import: only Parquet exports pay for it.
    import pyarrow as pa
    import pyarrow.parquet as pq

    types = {"parties": pa.list_(pa.string())} | {name: pa.int64() for name in _INTEGER_COLUMNS}
    schema = pa.schema([(name, types.get(name, pa.string())) for name in COLUMNS])
    count = 0
    with pq.ParquetWriter(_binary_target(out), schema) as writer:
        rows = (flat_row(stored) for stored in items)
        while batch := list(islice(rows, PARQUET_BATCH)):
            writer.write_table(pa.Table.from_pylist(batch, schema=schema))
            count += len(batch)
    return count


@contextmanager
def _text_stream(out: Destination) -> Iterator[TextIO]:
    """`out` as a text stream; one this function opens or wraps is closed or detached, never the caller's."""
    if isinstance(out, str | os.PathLike):
        with open(out, "w", encoding="utf-8", newline="") as stream:
            yield stream
    elif _is_text(out):
        text = cast(TextIO, out)
        yield text
        text.flush()
    else:
        wrapper = io.TextIOWrapper(cast(BinaryIO, out), encoding="utf-8", newline="")
        try:
            yield wrapper
        finally:
            wrapper.flush()
            wrapper.detach()


def _binary_target(out: Destination) -> str | BinaryIO:
    """Where Parquet can go: a path, a binary stream, or the binary buffer under a text stream (stdout)."""
    if isinstance(out, str | os.PathLike):
        return os.fspath(out)
    if out.isatty():
        raise AccordError(
            "Parquet is binary and is not written to a terminal: give an output file, or pipe it."
        )
    if not _is_text(out):
        return cast(BinaryIO, out)
    buffer: BinaryIO | None = getattr(out, "buffer", None)
    if buffer is None:
        raise AccordError("Parquet is binary: give a file path or a binary stream, not a text stream.")
    out.flush()
    return buffer


def _is_text(stream: TextIO | BinaryIO) -> bool:
    return isinstance(stream, io.TextIOBase)

"""load_batch: a finished batch's documents and items into the register, as `accord ingest` stores them.

Each document is saved with the store's own save (one transaction each, its content hash checked), so
loading a batch twice stores each document once, and a document the register has already is "unchanged".
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from accord.batch.config import read_config
from accord.batch.layout import MANIFEST, OutputFolder
from accord.batch.tables import read_extracted
from accord.errors import SourceError
from accord.pipeline import IngestEvent, IngestSummary, document_label
from accord.pipeline.runs import known_entities
from accord.resolve.joining import NewEntities
from accord.store import Store


def load_batch(
    folder: Path, store: Store, *, progress: Callable[[IngestEvent], None] | None = None
) -> IngestSummary:
    """Save every document of the batch in `folder` with its items; one shard in memory at a time."""
    batch = _finished_batch(folder)
    summary = IngestSummary()
    # A shard joined new entities within itself; across shards, and with what the store holds, they are
    # joined here, in input order, as `accord ingest` joins them (resolve/joining.py).
    joining = NewEntities(known_entities(store))
    for shard_folder, _ in batch.done_shards():
        try:
            extracted = list(read_extracted(shard_folder))
        except OSError as exc:
            raise SourceError(str(shard_folder), f"cannot be read ({exc})") from None
        for doc, found in extracted:
            items = joining.join(found)
            outcome = store.save_document(doc, items)
            event = IngestEvent(outcome, document_label(doc), 0 if outcome == "unchanged" else len(items))
            summary.add(event)
            if progress is not None:
                progress(event)
    return summary


def _finished_batch(folder: Path) -> OutputFolder:
    """SourceError naming `folder` unless it holds a batch whose run finished."""
    name = str(folder)
    if not folder.exists():
        raise SourceError(name, "no such folder")
    if not folder.is_dir():
        raise SourceError(name, "not a folder (give the --out folder of `accord batch`)")
    batch = OutputFolder(folder)
    read_config(batch.config, name)
    if not (folder / MANIFEST).exists():
        raise SourceError(
            name, "the batch in it has not finished (no manifest.json): run the same `accord batch` again"
        )
    return batch

"""The output folder of a batch, and how a shard gets into it whole or not at all.

    OUT/config.json              the resolved configuration (config.py)
    OUT/shards/000000/           one folder per shard, present only once complete:
        documents.parquet, items.parquet, entities.parquet, errors.jsonl,
        manifest.json            its counts and the fingerprint of its input (the "done" marker)
    OUT/errors.jsonl             every shard's errors, in input order, when a run finishes
    OUT/manifest.json            the shards of the finished batch, in order

A shard is written in a hidden folder beside its place and renamed into it, so a run killed half-way
through a shard leaves only a hidden folder, which the next run removes and redoes.
"""

from __future__ import annotations

import json
import os
import shutil
from collections.abc import Iterable, Iterator
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from accord.errors import OutputError
from accord.ingest import Failure

SHARDS = "shards"
MANIFEST = "manifest.json"
ERRORS = "errors.jsonl"
CONFIG = "config.json"
_PARTIAL = ".partial-"


@dataclass(frozen=True)
class ShardManifest:
    """What a done shard holds, and the input it was made from."""

    index: int
    start: int
    fingerprint: str
    documents: int
    items: int
    entities: int
    failures: int


class OutputFolder:
    """The folder a batch writes to; every write problem is an OutputError naming it."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.shards = root / SHARDS

    @property
    def config(self) -> Path:
        return self.root / CONFIG

    def prepare(self) -> None:
        """Create the folders, and remove what a killed run left half-written."""
        try:
            self.shards.mkdir(parents=True, exist_ok=True)
            for leftover in self.shards.glob(f".*{_PARTIAL}*"):
                shutil.rmtree(leftover)
        except OSError as exc:
            raise self.error(exc) from None

    def error(self, exc: OSError) -> OutputError:
        return OutputError(f"cannot write the batch output to {self.root}: {exc.strerror or exc}")

    def shard_folder(self, index: int) -> Path:
        return self.shards / f"{index:06d}"

    def done(self, index: int) -> ShardManifest | None:
        """The manifest of shard `index`, when that shard is complete."""
        try:
            record = json.loads((self.shard_folder(index) / MANIFEST).read_text(encoding="utf-8"))
            return ShardManifest(**record)
        except (OSError, ValueError, TypeError):
            return None

    def done_shards(self) -> Iterator[tuple[Path, ShardManifest]]:
        """Every complete shard, in order."""
        for folder in sorted(self.shards.glob("[0-9]*")):
            manifest = self.done(int(folder.name)) if folder.name.isdigit() else None
            if manifest is not None:
                yield folder, manifest

    def partial_folder(self, index: int) -> Path:
        folder = self.shards / f".{index:06d}{_PARTIAL}{os.getpid()}"
        shutil.rmtree(folder, ignore_errors=True)
        folder.mkdir()
        return folder

    def commit_shard(self, partial: Path, manifest: ShardManifest) -> None:
        """The manifest goes in last, then the folder takes its place in one rename."""
        _write_json(partial / MANIFEST, asdict(manifest))
        final = self.shard_folder(manifest.index)
        if final.exists():  # made from other input: out of the way first, so no mix is ever seen
            stale = final.with_name(f".{final.name}{_PARTIAL}stale")
            final.rename(stale)
            shutil.rmtree(stale)
        partial.rename(final)

    def remove_shards_from(self, count: int) -> None:
        """Shards a longer earlier input left beyond the end of this one."""
        for folder in self.shards.glob("[0-9]*"):
            if folder.name.isdigit() and int(folder.name) >= count:
                shutil.rmtree(folder)

    def finish(self, manifests: Iterable[ShardManifest]) -> None:
        """errors.jsonl gathered from the shards, then the batch's manifest.json, which says it is done."""
        shards = list(manifests)
        partial = self.root / f".{ERRORS}.part"
        with open(partial, "w", encoding="utf-8") as out:
            for manifest in shards:
                out.write((self.shard_folder(manifest.index) / ERRORS).read_text(encoding="utf-8"))
        partial.replace(self.root / ERRORS)
        summary = {
            "shards": len(shards),
            "documents": sum(m.documents for m in shards),
            "items": sum(m.items for m in shards),
            "failures": sum(m.failures for m in shards),
        }
        _write_json(self.root / MANIFEST, summary | {"shard_list": [asdict(m) for m in shards]})

    def unfinish(self) -> None:
        """A run has started: the folder is not a finished batch until it ends."""
        (self.root / MANIFEST).unlink(missing_ok=True)


def write_errors(folder: Path, failures: Iterable[Failure]) -> None:
    with open(folder / ERRORS, "w", encoding="utf-8") as out:
        for failure in failures:
            out.write(json.dumps({"document": failure.source, "reason": failure.reason}) + "\n")


def _write_json(path: Path, record: dict[str, Any]) -> None:
    partial = path.with_name(f".{path.name}.part")
    partial.write_text(json.dumps(record, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    partial.replace(path)

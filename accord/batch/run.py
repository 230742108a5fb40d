"""run_batch: the input streamed in shards through an engine, each shard's results written as it comes.

At most `engine.capacity` shards are read and in flight at once, and results are written in shard order,
so memory stays bounded by a few shards whatever the size of the input. A shard already done with the same
input (its manifest's fingerprint) is skipped, so a rerun after an interruption resumes where it stopped.
"""

from __future__ import annotations

import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from accord.batch.config import (
    EngineName,
    PipelineConfig,
    RunConfig,
    check_same_pipeline,
    read_config,
    write_config,
)
from accord.batch.engines import (
    DaskEngine,
    Engine,
    InlineEngine,
    LocalEngine,
    Pending,
    ShardResult,
    default_workers,
)
from accord.batch.layout import OutputFolder, ShardManifest, write_errors
from accord.batch.shards import Shard, check_inputs, read_inputs, shards_of
from accord.batch.tables import Extracted, write_tables
from accord.errors import ConfigError, ExtractError, OutputError
from accord.ingest import Failure, IngestOptions
from accord.pipeline import Pipeline

DEFAULT_SHARD_SIZE = 500


@dataclass(frozen=True)
class BatchOptions:
    """How a batch is cut and where it runs; `ingest` holds the readers' limits and forced language."""

    shard_size: int = DEFAULT_SHARD_SIZE
    engine: EngineName = "local"
    workers: int | None = None
    scheduler: str | None = None
    ingest: IngestOptions = field(default_factory=IngestOptions)


@dataclass(frozen=True)
class ShardEvent:
    """A shard written, or skipped because an earlier run wrote it from the same input."""

    manifest: ShardManifest
    skipped: bool


@dataclass
class BatchSummary:
    """The counts of a batch over all its shards, those skipped included."""

    documents: int = 0
    items: int = 0
    failures: int = 0
    shards_written: int = 0
    shards_skipped: int = 0
    seconds: float = 0.0

    def add(self, event: ShardEvent) -> None:
        self.documents += event.manifest.documents
        self.items += event.manifest.items
        self.failures += event.manifest.failures
        if event.skipped:
            self.shards_skipped += 1
        else:
            self.shards_written += 1


def run_batch(
    sources: Sequence[str],
    out: Path,
    options: BatchOptions | None = None,
    *,
    pipeline: Pipeline | None = None,
    progress: Callable[[ShardEvent], None] | None = None,
    client: Any = None,
) -> BatchSummary:
    """Extract and resolve every document of `sources` into the batch folder `out`.

    `client` is a dask.distributed Client to run on (for --engine dask) instead of connecting to
    `options.scheduler`. A failing document goes to the errors file and the batch goes on.
    """
    options = options or BatchOptions()
    pipeline = pipeline or Pipeline()
    if options.shard_size < 1:
        raise ConfigError(f"--shard-size must be at least 1, not {options.shard_size}")
    check_inputs(sources)
    started = time.perf_counter()
    folder = OutputFolder(out)
    _start(folder, sources, pipeline, options)
    summary = BatchSummary()
    shards = shards_of(read_inputs(sources, options.ingest), options.shard_size)
    engine = _engine(pipeline, options, client)
    try:
        manifests = []
        for event in _run_shards(shards, folder, engine):
            manifests.append(event.manifest)
            summary.add(event)
            if progress is not None:
                progress(event)
    finally:
        engine.close()
    _finish(folder, manifests)
    summary.seconds = time.perf_counter() - started
    return summary


def _start(folder: OutputFolder, sources: Sequence[str], pipeline: Pipeline, options: BatchOptions) -> None:
    """Refuse a folder holding another file, or another configuration's batch; then claim it."""
    if folder.root.exists() and not folder.root.is_dir():
        raise OutputError(f"cannot write the batch output to {folder.root}: it is a file, not a folder")
    wanted = PipelineConfig.of(
        pipeline,
        shard_size=options.shard_size,
        language=options.ingest.language,
        max_bytes=options.ingest.max_bytes,
    )
    if folder.config.exists():
        check_same_pipeline(read_config(folder.config, str(folder.root)), wanted, str(folder.root))
    elif folder.root.is_dir() and any(folder.root.iterdir()):
        raise OutputError(
            f"will not write the batch output to {folder.root}: it holds other files and no accord batch; "
            "give a new or empty folder"
        )
    folder.prepare()
    workers = None if options.engine == "dask" else options.workers or default_workers()
    run = RunConfig(options.engine, workers, options.scheduler, tuple(sources))
    try:
        write_config(folder.config, wanted, run)
        folder.unfinish()
    except OSError as exc:
        raise folder.error(exc) from None


def _engine(pipeline: Pipeline, options: BatchOptions, client: Any) -> Engine:
    if options.engine == "dask":
        return DaskEngine(pipeline, scheduler=options.scheduler, client=client)
    workers = options.workers or default_workers()
    if workers == 1:
        return InlineEngine(pipeline)
    return LocalEngine(pipeline, workers=workers)


def _run_shards(shards: Iterable[Shard], folder: OutputFolder, engine: Engine) -> Iterator[ShardEvent]:
    """Shards in order; up to `engine.capacity` of them extracting while the oldest is awaited."""
    queue: deque[tuple[Shard, Pending | None, ShardManifest | None]] = deque()
    for shard in shards:
        done = folder.done(shard.index)
        if done is not None and done.fingerprint == shard.fingerprint:
            queue.append((shard, None, done))
        else:
            queue.append((shard, engine.submit(shard.documents), None))
        while queue and (queue[0][2] is not None or _in_flight(queue) > engine.capacity):
            yield _settle(folder, *queue.popleft())
    while queue:
        yield _settle(folder, *queue.popleft())


def _in_flight(queue: deque[tuple[Shard, Pending | None, ShardManifest | None]]) -> int:
    return sum(1 for _, pending, _ in queue if pending is not None)


def _settle(
    folder: OutputFolder, shard: Shard, pending: Pending | None, done: ShardManifest | None
) -> ShardEvent:
    if pending is None:
        assert done is not None, "a queued shard is either done already or being extracted"
        return ShardEvent(done, skipped=True)
    try:
        results: ShardResult = pending.result()
    except Exception as exc:  # a worker process died, or the cluster went away: not one document's fault
        raise ExtractError(
            f"shard {shard.index} (documents {shard.start} to {shard.start + len(shard.documents) - 1}) "
            f"could not be extracted: {type(exc).__name__}: {exc}. The shards written so far are kept: "
            "run the same command again to resume"
        ) from exc
    try:
        return ShardEvent(_write_shard(folder, shard, results), skipped=False)
    except OSError as exc:
        raise folder.error(exc) from None


def _write_shard(folder: OutputFolder, shard: Shard, results: ShardResult) -> ShardManifest:
    extracted: list[Extracted] = []
    failures = list(shard.read_failures)
    for offset, (doc, result) in enumerate(zip(shard.documents, results, strict=True)):
        if isinstance(result, Failure):
            failures.append(result)
        else:
            extracted.append((shard.start + offset, doc, result))
    partial = folder.partial_folder(shard.index)
    counts = write_tables(partial, extracted)
    write_errors(partial, failures)
    manifest = ShardManifest(
        index=shard.index,
        start=shard.start,
        fingerprint=shard.fingerprint,
        documents=counts["documents"],
        items=counts["items"],
        entities=counts["entities"],
        failures=len(failures),
    )
    folder.commit_shard(partial, manifest)
    return manifest


def _finish(folder: OutputFolder, manifests: list[ShardManifest]) -> None:
    try:
        folder.remove_shards_from(len(manifests))
        folder.finish(manifests)
    except OSError as exc:
        raise folder.error(exc) from None

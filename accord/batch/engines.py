"""Where shards are extracted: worker processes on this machine, or a dask.distributed cluster.

Both run the same function, `extract_shard`, with the same Pipeline, shipped once to each worker (a
process pool's initializer; dask's scatter with broadcast). A worker keeps the spaCy model it loads for
every later shard: `load_nlp` is cached per process. Workers return results only; the driver writes them.
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from typing import Any, Protocol, TypeAlias

from accord.errors import ConfigError
from accord.ingest import Failure
from accord.model import Document, Item
from accord.pipeline import Pipeline

ShardResult: TypeAlias = list[list[Item] | Failure]  # one entry per document of the shard, in order

CONNECT_TIMEOUT = "20s"  # how long a scheduler that does not answer is waited for

_worker_pipeline: Pipeline | None = None


class Pending(Protocol):
    """A shard being extracted: a concurrent.futures or a dask Future."""

    def result(self) -> Any: ...


class Engine(Protocol):
    """Runs shards; `capacity` is how many may be in flight at once without idling a worker."""

    capacity: int

    def submit(self, documents: Sequence[Document]) -> Pending: ...

    def close(self) -> None: ...


def extract_shard(pipeline: Pipeline, documents: Sequence[Document]) -> ShardResult:
    """Items, or the Failure that stands for them, for each document of a shard, in order."""
    return [result for _, result in pipeline.run(documents)]


def default_workers() -> int:
    """The cores this process may run on, which a container or `taskset` may make fewer than the machine's."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


class InlineEngine:
    """Shards extracted in this process as they are submitted: one worker needs no pool to feed it."""

    capacity = 1

    def __init__(self, pipeline: Pipeline) -> None:
        self._pipeline = pipeline

    def submit(self, documents: Sequence[Document]) -> Pending:
        future: Future[ShardResult] = Future()
        try:
            future.set_result(extract_shard(self._pipeline, documents))
        except Exception as exc:  # kept for result(), as a worker's would be
            future.set_exception(exc)
        return future

    def close(self) -> None:
        pass


class LocalEngine:
    """One worker process per core (or `workers`), started fresh: nothing of the driver is inherited."""

    def __init__(self, pipeline: Pipeline, *, workers: int | None = None) -> None:
        count = workers or default_workers()
        if count < 1:
            raise ConfigError(f"--workers must be at least 1, not {count}")
        self.capacity = count + 1
        self._pool = ProcessPoolExecutor(
            max_workers=count,
            mp_context=multiprocessing.get_context("spawn"),
            initializer=_start_worker,
            initargs=(pipeline,),
        )

    def submit(self, documents: Sequence[Document]) -> Pending:
        return self._pool.submit(_extract_in_worker, documents)

    def close(self) -> None:
        self._pool.shutdown(wait=True, cancel_futures=True)


class DaskEngine:
    """Shards as tasks on a dask.distributed cluster: a scheduler address, or a Client already made."""

    def __init__(self, pipeline: Pipeline, *, scheduler: str | None = None, client: Any = None) -> None:
        from distributed import Client  # only dask runs pay for importing it

        self._owns_client = client is None
        if client is None:
            if not scheduler:
                raise ConfigError("--engine dask needs --scheduler tcp://HOST:8786")
            client = _connect(Client, scheduler)
        self._client = client
        workers = max(1, sum(client.nthreads().values()))
        self.capacity = workers + 1
        self._pipeline = client.scatter(pipeline, broadcast=True)

    def submit(self, documents: Sequence[Document]) -> Pending:
        return self._client.submit(extract_shard, self._pipeline, list(documents), pure=False)  # type: ignore[no-any-return]

    def close(self) -> None:
        if self._owns_client:
            self._client.close()


def _connect(client_type: Any, scheduler: str) -> Any:
    try:
        return client_type(scheduler, timeout=CONNECT_TIMEOUT)
    except (OSError, TimeoutError) as exc:
        raise ConfigError(
            f"could not reach the dask scheduler at {scheduler} ({exc}); start one with `dask scheduler` "
            "and workers with `dask worker`, or use --engine local"
        ) from None


def _start_worker(pipeline: Pipeline) -> None:
    global _worker_pipeline
    _worker_pipeline = pipeline


def _extract_in_worker(documents: Sequence[Document]) -> ShardResult:
    if _worker_pipeline is None:  # pragma: no cover - the initializer always runs first
        raise RuntimeError("the worker was started without a pipeline")
    return extract_shard(_worker_pipeline, documents)

"""Where shards are extracted: worker processes on this machine, or a dask.distributed cluster.

Both run the same Pipeline, shipped once to each worker (a process pool's initializer; dask's scatter
with broadcast). On dask each shard is one task, `extract_shard`; local workers take shards in parts
(dispatch.py), whose outcomes the driver joins in order, which gives the same result. A worker keeps the
models it loads for every later shard: `load_nlp` is cached per process. Workers return results only;
the driver writes them.
"""

from __future__ import annotations

import multiprocessing
import os
import sys
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from contextlib import contextmanager
from typing import Any, Protocol, TypeAlias, TypeVar

from accord.batch.dispatch import Dispatcher, ShardJob
from accord.errors import ConfigError
from accord.ingest import Failure
from accord.model import Document, Item
from accord.pipeline import Pipeline
from accord.settings import ONE_THREAD

ShardResult: TypeAlias = list[list[Item] | Failure]  # one entry per document of the shard, in order

CONNECT_TIMEOUT = "20s"  # how long a scheduler that does not answer is waited for
PARTS_OF_BATCHES = 2  # a local worker's part of a shard: this many of the pipeline's batches
# A local worker is one core's process: its numerical libraries run one thread each. natasha's models run
# on numpy, whose OpenBLAS threads would spin on every core, slowing that worker and all the others
# (bench/extract_speed.py --language ru). A value the user set is kept.
T = TypeVar("T")

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
    """Worker processes on this machine (one per core, or `workers`), started fresh: nothing of the
    driver is inherited. Each shard is cut into parts that the workers take as they come free, so that
    no worker idles while another finishes a long shard; the parts' outcomes are joined here, in order.
    The documents of a language with models of its own (Russian) all go to one worker, so that one
    process, not every one, loads those models."""

    def __init__(self, pipeline: Pipeline, *, workers: int | None = None) -> None:
        count = workers or default_workers()
        if count < 1:
            raise ConfigError(f"--workers must be at least 1, not {count}")
        self.capacity = count + 1
        self._pipeline = pipeline
        context = multiprocessing.get_context("spawn")
        self._workers = [
            ProcessPoolExecutor(1, mp_context=context, initializer=_start_worker, initargs=(pipeline,))
            for _ in range(count)
        ]
        self._dispatcher = Dispatcher(
            self._workers, _extract_part, part_size=PARTS_OF_BATCHES * pipeline.batch_size
        )
        with _environment(ONE_THREAD):  # what the workers inherit, as they start in submit()
            for worker in self._workers:  # now: their start overlaps the reading of the first shard
                worker.submit(_warm_up)

    def submit(self, documents: Sequence[Document]) -> Pending:
        job = ShardJob(self._pipeline, len(documents))
        self._dispatcher.add(job, documents)
        return job

    def run_on_workers(self, function: Callable[[], T]) -> list[T]:
        """`function` (a module-level one, which pickles) called in each worker process, in order."""
        return [worker.submit(function).result() for worker in self._workers]

    def close(self) -> None:
        self._dispatcher.stop()
        for worker in self._workers:
            worker.shutdown(wait=True, cancel_futures=True)


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


@contextmanager
def _environment(values: dict[str, str]) -> Iterator[None]:
    """`values` in the environment of the processes started inside, unless already set."""
    added = [name for name in values if name not in os.environ]
    os.environ.update({name: values[name] for name in added})
    try:
        yield
    finally:
        for name in added:
            os.environ.pop(name, None)


def _start_worker(pipeline: Pipeline) -> None:
    global _worker_pipeline
    _worker_pipeline = pipeline


def _warm_up() -> None:
    """The English model, which nearly every batch needs, loaded while the command reads its input."""
    from accord.extract.en.nlp import load_nlp

    load_nlp()


def _extract_part(documents: Sequence[Document]) -> ShardResult:
    """The outcomes of part of a shard before joining, which the command does over the whole shard."""
    if _worker_pipeline is None:  # pragma: no cover - the initializer always runs first
        raise RuntimeError("the worker was started without a pipeline")
    return [result for _, result in _worker_pipeline.run_stages(documents)]


def loaded_models() -> tuple[str, ...]:
    """The languages whose models this process has loaded: what a worker holds in memory."""
    from accord.extract.en.nlp import load_nlp

    english = ("en",) if load_nlp.cache_info().currsize else ()
    return english + (("ru",) if "natasha" in sys.modules else ())

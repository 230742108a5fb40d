"""How the local engine hands out work: shards cut into parts, each part given to a worker as it comes
free, and the parts' outcomes put back in order and joined into the shard's result.

A worker holds at most `AHEAD` parts (one running, one waiting), so a part is never far from the worker
that takes it, and the last shard ends on every worker at about the same time. A part of documents in a
language with models of their own is bound to the one worker that reads that language; the others never
load those models. The joining (resolve/joining.py) needs every earlier document of the shard, so it
runs here, in the command, when the shard's result is asked for: it is a small share of the work.
"""

from __future__ import annotations

import threading
from collections import deque
from collections.abc import Callable, Sequence
from concurrent.futures import Executor, Future
from dataclasses import dataclass
from functools import partial
from itertools import groupby
from typing import TypeAlias

from accord.ingest import Failure
from accord.model import Document, Item
from accord.pipeline import Pipeline
from accord.pipeline.stages import language_of

AHEAD = 2
# Languages whose extractors load models of their own, beside the English spaCy model every worker has.
OWN_MODELS = frozenset({"ru"})

Outcome: TypeAlias = list[Item] | Failure
Task: TypeAlias = Callable[[Sequence[Document]], list[Outcome]]


class ShardJob:
    """A shard being extracted in parts: its result, once every part is back, joined in order."""

    def __init__(self, pipeline: Pipeline, size: int) -> None:
        self._pipeline = pipeline
        self._outcomes: list[Outcome | None] = [None] * size
        self._left = size
        self._error: BaseException | None = None
        self._done = threading.Event()
        if size == 0:
            self._done.set()

    def result(self) -> list[Outcome]:
        self._done.wait()
        if self._error is not None:
            raise self._error
        join = self._pipeline.joiner()
        return [join(outcome) for outcome in self._outcomes if outcome is not None]

    def fail(self, error: BaseException) -> None:
        self._error = self._error or error
        self._done.set()

    def part_done(self, positions: Sequence[int], future: Future[list[Outcome]]) -> None:
        error = future.exception() if not future.cancelled() else RuntimeError("the batch was stopped")
        if error is not None:
            self.fail(error)
            return
        for position, outcome in zip(positions, future.result(), strict=True):
            self._outcomes[position] = outcome
        self._left -= len(positions)
        if self._left == 0:
            self._done.set()


@dataclass(frozen=True)
class Part:
    job: ShardJob
    positions: tuple[int, ...]  # in the shard
    documents: tuple[Document, ...]
    worker: int | None  # the one worker that may run it, or None: any


class Dispatcher:
    """Parts waiting for a worker, in the order their shards came; each worker is given the next it may
    run whenever it holds fewer than AHEAD."""

    def __init__(self, workers: Sequence[Executor], task: Task, *, part_size: int) -> None:
        self._workers = workers
        self._part_size = part_size
        self._task = task
        self._waiting: deque[Part] = deque()
        self._held = [0] * len(workers)
        self._bound: dict[str, int] = {}  # language -> the worker that reads it
        self._lock = threading.RLock()
        self._stopped = False

    def add(self, job: ShardJob, documents: Sequence[Document]) -> None:
        with self._lock:
            self._waiting.extend(self._parts(job, documents))
            self._hand_out()

    def stop(self) -> None:
        with self._lock:
            self._stopped = True
            self._waiting.clear()

    def _parts(self, job: ShardJob, documents: Sequence[Document]) -> list[Part]:
        """Bound parts first: they can go to one worker only, which should not meet them last."""
        keyed = [(self._worker_for(language_of(doc)), n, doc) for n, doc in enumerate(documents)]
        parts: list[Part] = []
        for worker, group in groupby(sorted(keyed, key=_bound_first), key=lambda entry: entry[0]):
            members = list(group)
            for start in range(0, len(members), self._part_size):
                chunk = members[start : start + self._part_size]
                positions = tuple(n for _, n, _ in chunk)
                parts.append(Part(job, positions, tuple(doc for _, _, doc in chunk), worker))
        return parts

    def _worker_for(self, language: str | None) -> int | None:
        if language not in OWN_MODELS:
            return None
        return self._bound.setdefault(language, len(self._bound) % len(self._workers))

    def _hand_out(self) -> None:
        for index, worker in enumerate(self._workers):
            while self._held[index] < AHEAD and not self._stopped:
                part = next((p for p in self._waiting if p.worker in (None, index)), None)
                if part is None:
                    break
                self._waiting.remove(part)
                try:
                    future = worker.submit(self._task, part.documents)
                except RuntimeError as exc:  # a broken or closed pool: the shard fails, and the batch stops
                    part.job.fail(exc)
                    break
                self._held[index] += 1
                future.add_done_callback(partial(self._finished, part, index))

    def _finished(self, part: Part, index: int, future: Future[list[Outcome]]) -> None:
        """Called in the thread of the worker's pool that ran the part: one lock for every worker's."""
        with self._lock:
            part.job.part_done(part.positions, future)
            self._held[index] -= 1
            self._hand_out()


def _bound_first(entry: tuple[int | None, int, Document]) -> tuple[int, int, int]:
    worker, position, _ = entry
    return (0, worker, position) if worker is not None else (1, 0, position)

"""The local engine's hand-out of parts: the order of outcomes, a language bound to one worker, a failure."""

from __future__ import annotations

import threading
from collections.abc import Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor

import pytest

from accord.batch.dispatch import AHEAD, Dispatcher, Outcome, ShardJob
from accord.ingest import Failure
from accord.model import Document
from accord.pipeline import Pipeline

ran_on: dict[str, str] = {}  # document id -> the name of the thread ("worker") that ran it


def fake_extract(documents: Sequence[Document]) -> list[Outcome]:
    """No extraction: each document's outcome names it, so that order can be checked."""
    for doc in documents:
        ran_on[doc.id] = threading.current_thread().name
    return [Failure(doc.id, "not extracted") for doc in documents]


def failing_extract(documents: Sequence[Document]) -> list[Outcome]:
    raise RuntimeError("the worker died")


@pytest.fixture
def workers() -> Iterator[list[ThreadPoolExecutor]]:
    pools = [ThreadPoolExecutor(1, thread_name_prefix=f"worker{n}") for n in range(3)]
    yield pools
    for pool in pools:
        pool.shutdown(wait=True)


def shard(size: int) -> list[Document]:
    """Every fifth document Russian, the rest English or undeclared."""
    return [
        Document(id=f"doc{n}", text="text", language="ru" if n % 5 == 0 else ("en" if n % 2 else None))
        for n in range(size)
    ]


def test_outcomes_come_back_in_the_shards_order(workers: list[ThreadPoolExecutor]) -> None:
    dispatcher = Dispatcher(workers, fake_extract, part_size=4)
    jobs = []
    for _ in range(3):
        job = ShardJob(Pipeline(), 50)
        dispatcher.add(job, shard(50))
        jobs.append(job)
    for job in jobs:
        outcomes = job.result()
        assert [str(outcome.source) for outcome in outcomes if isinstance(outcome, Failure)] == [
            f"doc{n}" for n in range(50)
        ]


def test_the_documents_of_a_language_with_models_of_its_own_all_go_to_one_worker(
    workers: list[ThreadPoolExecutor],
) -> None:
    ran_on.clear()
    dispatcher = Dispatcher(workers, fake_extract, part_size=3)
    jobs = [ShardJob(Pipeline(), 40) for _ in range(2)]
    for job in jobs:
        dispatcher.add(job, shard(40))
    for job in jobs:
        job.result()
    russian = {ran_on[f"doc{n}"] for n in range(0, 40, 5)}
    assert len(russian) == 1
    others = {ran_on[f"doc{n}"] for n in range(40) if n % 5}
    assert len(others) > 1  # the rest is shared


def test_a_part_that_fails_fails_its_shard(workers: list[ThreadPoolExecutor]) -> None:
    dispatcher = Dispatcher(workers, failing_extract, part_size=AHEAD)
    job = ShardJob(Pipeline(), 10)
    dispatcher.add(job, shard(10))
    with pytest.raises(RuntimeError, match="the worker died"):
        job.result()


def test_an_empty_shard_is_done_at_once() -> None:
    assert ShardJob(Pipeline(), 0).result() == []

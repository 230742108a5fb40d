"""The engines: the pipeline ships to workers; dask writes byte for byte what the local engine writes."""

from __future__ import annotations

import pickle
from collections.abc import Iterator
from pathlib import Path

import cloudpickle
import pytest
from distributed import Client, LocalCluster

from accord.batch import BatchOptions, BatchSummary, extract_shard, run_batch
from accord.extract.en.nlp import load_nlp
from accord.model import Document
from accord.pipeline import Pipeline
from batch.conftest import COPIES, SHARD_SIZE, SHARDS, output_files, project_documents


@pytest.mark.parametrize(
    "dumps, loads", [(pickle.dumps, pickle.loads), (cloudpickle.dumps, cloudpickle.loads)]
)
def test_the_pipeline_round_trips_as_a_worker_receives_it(dumps: object, loads: object) -> None:
    pipeline = Pipeline(batch_size=7)
    shipped = loads(dumps(pipeline))  # type: ignore[operator]
    assert shipped == pipeline
    load_nlp()
    docs = project_documents(1)[:3]
    assert extract_shard(shipped, docs) == extract_shard(pipeline, docs)


def test_a_shard_keeps_its_documents_order_and_one_result_each() -> None:
    docs = [Document(id="no-such-language", text="The sides agreed to build a bridge.", language="xx")]
    docs += project_documents(1)[:2]
    results = extract_shard(Pipeline(), docs)
    assert len(results) == 3
    assert "no extractor for language" in str(results[0])
    assert all(isinstance(found, list) and found for found in results[1:])


@pytest.fixture(scope="module")
def dask_client() -> Iterator[Client]:
    with (
        LocalCluster(n_workers=2, processes=True, threads_per_worker=1, dashboard_address=None) as cluster,
        Client(cluster) as client,
    ):
        yield client


def test_dask_writes_exactly_what_the_local_engine_writes(
    corpus: Path, local_batch: tuple[Path, BatchSummary], dask_client: Client, tmp_path: Path
) -> None:
    local_out, local_summary = local_batch
    out = tmp_path / "dask"
    options = BatchOptions(shard_size=SHARD_SIZE, engine="dask")
    summary = run_batch([str(corpus)], out, options, client=dask_client)
    assert summary.documents == local_summary.documents == len(project_documents(COPIES))
    assert summary.items == local_summary.items > 0
    assert output_files(out) == output_files(local_out)
    assert len(list((out / "shards").iterdir())) == SHARDS
    # One model load per worker process at most, however many shards it was given (each asks for it).
    calls = dask_client.run(lambda: load_nlp.cache_info())
    assert len(calls) == 2
    assert all(info.misses <= 1 for info in calls.values())
    assert sum(info.hits + info.misses for info in calls.values()) >= SHARDS

"""The engines: the pipeline ships to workers; dask writes byte for byte what the local engine writes."""

from __future__ import annotations

import os
import pickle
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import cloudpickle
import pytest
from distributed import Client, LocalCluster

from accord.batch import BatchOptions, BatchSummary, LocalEngine, extract_shard, run_batch
from accord.batch.engines import loaded_models
from accord.extract import ENGLISH_MODEL
from accord.extract.en.nlp import MODEL, load_nlp
from accord.model import Document
from accord.pipeline import Pipeline
from batch.conftest import COPIES, SHARD_SIZE, SHARDS, output_files, project_documents
from batch.probes import blas_threads, command_only_modules


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


def test_local_workers_load_the_russian_models_in_one_process_only() -> None:
    english = [d for d in project_documents(1) if d.language == "en"][:6]
    russian = [d for d in project_documents(2) if d.language == "ru"][:2]
    assert len(russian) == 2, "the project's documents include a Russian one"
    openblas_before = os.environ.get("OPENBLAS_NUM_THREADS")
    engine = LocalEngine(Pipeline(), workers=2)
    try:
        assert engine.submit(english).result() == extract_shard(Pipeline(), english)
        # An English batch never loads natasha, and no worker imports what only the command writes with.
        assert engine.run_on_workers(loaded_models) == [("en",), ("en",)]
        assert engine.run_on_workers(command_only_modules) == [(), ()]
        # One thread each for numpy's OpenBLAS in the workers (natasha's), none forced on this process.
        assert engine.run_on_workers(blas_threads) == [os.environ.get("OPENBLAS_NUM_THREADS", "1")] * 2
        assert os.environ.get("OPENBLAS_NUM_THREADS") == openblas_before
        mixed = [*english[:3], russian[0], *english[3:], russian[1]]
        assert engine.submit(mixed).result() == extract_shard(Pipeline(), mixed)
        assert sorted(engine.run_on_workers(loaded_models)) == [("en",), ("en", "ru")]
    finally:
        engine.close()


def test_the_command_that_writes_a_batch_does_not_import_spacy(corpus: Path, tmp_path: Path) -> None:
    """Its workers extract; it reads, joins and writes, and so needs no model (nor its memory)."""
    out = tmp_path / "out"
    script = (
        "import sys; from pathlib import Path; from accord.batch import BatchOptions, run_batch; "
        f"run_batch([{str(corpus)!r}], Path({str(out)!r}), BatchOptions(shard_size=40, workers=2)); "
        "print(sorted(name for name in ('spacy', 'thinc', 'natasha') if name in sys.modules))"
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"


def test_the_batch_configuration_names_the_model_the_extractor_loads() -> None:
    assert ENGLISH_MODEL == MODEL

"""batch: the pipeline over large inputs, shard by shard, on local worker processes or a dask cluster, into
a folder of Parquet files that a rerun resumes and `accord load` puts into the register.

The names below are imported on first use: a worker process, which imports `accord.batch.engines` to run
its shards, then loads neither pyarrow nor the store, which only the command that writes and loads needs.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from accord.batch.engines import DaskEngine, LocalEngine, extract_shard
    from accord.batch.load import load_batch
    from accord.batch.run import DEFAULT_SHARD_SIZE, BatchOptions, BatchSummary, ShardEvent, run_batch

_HOMES = {
    "DaskEngine": "accord.batch.engines",
    "LocalEngine": "accord.batch.engines",
    "extract_shard": "accord.batch.engines",
    "load_batch": "accord.batch.load",
    "DEFAULT_SHARD_SIZE": "accord.batch.run",
    "BatchOptions": "accord.batch.run",
    "BatchSummary": "accord.batch.run",
    "ShardEvent": "accord.batch.run",
    "run_batch": "accord.batch.run",
}

__all__ = [
    "DEFAULT_SHARD_SIZE",
    "BatchOptions",
    "BatchSummary",
    "DaskEngine",
    "LocalEngine",
    "ShardEvent",
    "extract_shard",
    "load_batch",
    "run_batch",
]


def __getattr__(name: str) -> Any:
    if name not in _HOMES:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(import_module(_HOMES[name]), name)

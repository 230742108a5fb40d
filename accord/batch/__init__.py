"""batch: the pipeline over large inputs, shard by shard, on local worker processes or a dask cluster, into
a folder of Parquet files that a rerun resumes and `accord load` puts into the register."""

from accord.batch.engines import DaskEngine, LocalEngine, extract_shard
from accord.batch.load import load_batch
from accord.batch.run import DEFAULT_SHARD_SIZE, BatchOptions, BatchSummary, ShardEvent, run_batch

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

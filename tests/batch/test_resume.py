"""A batch killed part-way, then run again, skips the shards it had written and ends as an unbroken run."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from accord.batch import BatchOptions, BatchSummary, run_batch
from accord.errors import ConfigError
from batch.conftest import SHARD_SIZE, SHARDS, output_files

DEADLINE_S = 120.0
BATCH_OPTIONS = ("--shard-size", str(SHARD_SIZE), "--workers", "1")


def start_batch(corpus: Path, out: Path) -> subprocess.Popen[bytes]:
    """`accord batch` as a process of its own, in a session of its own so that its workers die with it."""
    return subprocess.Popen(
        [sys.executable, "-m", "accord", "batch", str(corpus), "--out", str(out), *BATCH_OPTIONS],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        start_new_session=True,
    )


def kill_after_first_shard(process: subprocess.Popen[bytes], out: Path) -> None:
    first = out / "shards" / "000000" / "manifest.json"
    deadline = time.monotonic() + DEADLINE_S
    while not first.exists():
        if process.poll() is not None:
            pytest.fail(f"the batch ended before its first shard: {process.stderr.read()!r}")  # type: ignore[union-attr]
        if time.monotonic() > deadline:
            os.killpg(process.pid, signal.SIGKILL)
            pytest.fail("no shard was written in time")
        time.sleep(0.05)
    os.killpg(process.pid, signal.SIGKILL)
    process.wait()
    process.stderr.close()  # type: ignore[union-attr]


def written(out: Path) -> dict[str, tuple[int, int]]:
    """Each shard file's inode and modification time: a recomputed shard gets new ones."""
    return {
        str(path.relative_to(out)): (path.stat().st_ino, path.stat().st_mtime_ns)
        for path in (out / "shards").glob("[0-9]*/*")
    }


def test_a_killed_batch_resumes_and_ends_as_an_unbroken_run(
    corpus: Path, local_batch: tuple[Path, BatchSummary], tmp_path: Path
) -> None:
    reference, reference_summary = local_batch
    out = tmp_path / "out"
    kill_after_first_shard(start_batch(corpus, out), out)
    before = written(out)
    done = {name.split("/")[1] for name in before}
    assert "000000" in done and len(done) < SHARDS, "killed after its first shard and before its last"
    assert not (out / "manifest.json").exists()
    half = out / "shards" / ".000010.partial-99999"  # what a kill in the middle of writing leaves
    half.mkdir()
    (half / "items.parquet").write_bytes(b"not parquet")

    summary = run_batch([str(corpus)], out, BatchOptions(shard_size=SHARD_SIZE, workers=2))

    assert summary.shards_skipped == len(done)
    assert summary.shards_written == SHARDS - len(done)
    assert (summary.documents, summary.items) == (reference_summary.documents, reference_summary.items)
    assert {name: stamp for name, stamp in written(out).items() if name in before} == before
    assert not half.exists()
    assert output_files(out) == output_files(reference)


def test_a_rerun_redoes_a_shard_whose_input_changed(
    corpus: Path, local_batch: tuple[Path, BatchSummary], tmp_path: Path
) -> None:
    reference, _ = local_batch
    lines = corpus.read_text(encoding="utf-8").splitlines(keepends=True)
    small = tmp_path / "small.jsonl"
    small.write_text("".join(lines[: 2 * SHARD_SIZE]), encoding="utf-8")
    out = tmp_path / "out"
    options = BatchOptions(shard_size=SHARD_SIZE, workers=1)
    run_batch([str(small)], out, options)
    changed = lines[SHARD_SIZE].replace('"text": "', '"text": "Changed. ', 1)
    small.write_text("".join([*lines[:SHARD_SIZE], changed, *lines[SHARD_SIZE + 1 : 2 * SHARD_SIZE]]))

    summary = run_batch([str(small)], out, options)

    assert (summary.shards_skipped, summary.shards_written) == (1, 1)
    assert (
        output_files(out)["shards/000000/items.parquet"]
        == output_files(reference)["shards/000000/items.parquet"]
    )
    assert (
        output_files(out)["shards/000001/items.parquet"]
        != output_files(reference)["shards/000001/items.parquet"]
    )


def test_a_rerun_with_another_shard_size_is_refused(
    corpus: Path, local_batch: tuple[Path, BatchSummary]
) -> None:
    reference, _ = local_batch
    with pytest.raises(ConfigError, match=r"shard_size differ.*another --out folder"):
        run_batch([str(corpus)], reference, BatchOptions(shard_size=SHARD_SIZE + 1, workers=1))

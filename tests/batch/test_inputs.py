"""What a batch reads: gzipped JSON lines, folders; and what it does with inputs that fail."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pyarrow.parquet as pq
import pytest
from typer.testing import CliRunner

from accord.batch import BatchOptions, BatchSummary, run_batch
from accord.batch.shards import read_inputs, shards_of
from accord.cli.main import app
from accord.ingest import Failure, IngestOptions
from accord.model import Document
from batch.conftest import SHARD_SIZE, project_documents


def test_shards_cut_the_stream_in_order_with_their_read_failures() -> None:
    docs = [Document(id=str(n), text="x") for n in range(5)]
    failure = Failure("in.jsonl:3", "invalid JSON")
    shards = list(shards_of([docs[0], docs[1], failure, docs[2], docs[3], docs[4]], 2))
    assert [[d.id for d in shard.documents] for shard in shards] == [["0", "1"], ["2", "3"], ["4"]]
    assert [shard.start for shard in shards] == [0, 2, 4]
    assert [shard.read_failures for shard in shards] == [(), (failure,), ()]
    again = list(shards_of(docs[:2], 2))
    assert again[0].fingerprint == shards[0].fingerprint != shards[1].fingerprint


def test_gzipped_json_lines_give_what_the_plain_file_gives(
    corpus: Path, local_batch: tuple[Path, BatchSummary], tmp_path: Path
) -> None:
    reference, _ = local_batch
    first_shard = corpus.read_bytes().splitlines(keepends=True)[:SHARD_SIZE]
    packed = tmp_path / "corpus.jsonl.gz"
    packed.write_bytes(gzip.compress(b"".join(first_shard)))
    out = tmp_path / "out"

    summary = run_batch([str(packed)], out, BatchOptions(shard_size=SHARD_SIZE, workers=1))

    assert (summary.documents, summary.failures) == (SHARD_SIZE, 0)
    shard = "shards/000000/items.parquet"
    assert (out / shard).read_bytes() == (reference / shard).read_bytes()
    sources = pq.read_table(out / "shards/000000/documents.parquet").column("source").to_pylist()
    assert sources == [str(packed)] * SHARD_SIZE


def test_a_damaged_gzip_file_is_one_failure_after_the_lines_it_gave(tmp_path: Path) -> None:
    lines = "".join(json.dumps(doc.to_dict()) + "\n" for doc in project_documents(1)[:3]).encode()
    packed = gzip.compress(lines)
    damaged = tmp_path / "cut.jsonl.gz"
    damaged.write_bytes(packed[: len(packed) - 12])  # the last block and the trailer are gone
    results = list(read_inputs([str(damaged)], IngestOptions()))
    assert isinstance(results[-1], Failure) and "could not read the gzipped file" in results[-1].reason
    assert all(isinstance(result, Document) for result in results[:-1])


def test_failing_documents_go_to_the_errors_file_and_the_rest_are_written(tmp_path: Path) -> None:
    docs = project_documents(1)[:6]
    source = tmp_path / "mixed.jsonl"
    lines = [json.dumps(doc.to_dict()) for doc in docs]
    lines.insert(2, '{"id": "broken", "text": ')  # line 3: not JSON
    lines.insert(5, json.dumps({"id": "in-french", "text": "Les parties ont signé.", "language": "fr"}))
    source.write_text("\n".join(lines) + "\n", encoding="utf-8")
    out = tmp_path / "out"

    result = CliRunner().invoke(
        app, ["batch", str(source), "--out", str(out), "--shard-size", "4", "--workers", "1"]
    )

    assert result.exit_code == 1, result.output
    assert "6 documents" in result.stderr and "2 failed" in result.stderr
    errors = [json.loads(line) for line in (out / "errors.jsonl").read_text(encoding="utf-8").splitlines()]
    assert [error["document"] for error in errors] == [f"{source}:3", f"{source} (document in-french)"]
    assert "invalid JSON" in errors[0]["reason"]
    assert "no extractor for language 'fr'" in errors[1]["reason"]
    written = [
        doc_id
        for shard in sorted((out / "shards").iterdir())
        for doc_id in pq.read_table(shard / "documents.parquet").column("id").to_pylist()
    ]
    assert written == [doc.id for doc in docs]
    positions = pq.read_table(out / "shards/000001/documents.parquet").column("position").to_pylist()
    assert positions == [5, 6]  # the French document, read but not extracted, holds position 4


def test_a_folder_of_html_and_text_files_is_read_as_ingest_reads_it(tmp_path: Path) -> None:
    examples = Path(__file__).resolve().parents[2] / "examples"
    out = tmp_path / "out"
    summary = run_batch([str(examples)], out, BatchOptions(shard_size=100, workers=1))
    ids = pq.read_table(out / "shards/000000/documents.parquet").column("id").to_pylist()
    html = [doc_id for doc_id in ids if doc_id.endswith(".html")]
    assert summary.documents == len(ids) and len(html) == 2 and summary.items > 0


@pytest.mark.parametrize("size", [0, -3])
def test_a_shard_size_below_one_is_refused(size: int, tmp_path: Path) -> None:
    from accord.errors import ConfigError

    with pytest.raises(ConfigError, match="at least 1"):
        run_batch([str(tmp_path)], tmp_path / "out", BatchOptions(shard_size=size))

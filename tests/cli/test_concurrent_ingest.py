"""Two `accord ingest` processes at once over overlapping inputs, on one database: every document is stored
once, no item is lost or doubled, and both finish with exit code 0 (on PostgreSQL too, when configured)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from .conftest import invoke
from .processes import gold_documents, items_per_document, start_accord, write_jsonl

NEW = re.compile(r"documents: (\d+) new, (\d+) updated, (\d+) unchanged, 0 failed")


@pytest.mark.slow
def test_two_ingests_at_once_store_each_document_once(runner: CliRunner, tmp_path: Path, db: str) -> None:
    docs = gold_documents(copies=2)
    shared, first_only, second_only = docs[:16], docs[16:22], docs[22:]
    first = write_jsonl(tmp_path / "first.jsonl", shared + first_only)
    second = write_jsonl(tmp_path / "second.jsonl", shared + second_only)
    reference = str(tmp_path / "reference.sqlite")
    assert invoke(runner, "ingest", str(first), str(second), "--db", reference).exit_code == 0

    processes = [start_accord("ingest", str(source), "--db", db, cwd=tmp_path) for source in (first, second)]
    outputs = [process.communicate(timeout=300) for process in processes]

    assert [process.returncode for process in processes] == [0, 0], outputs
    counts = [NEW.search(stdout) for stdout, _ in outputs]
    assert all(counts), outputs
    new, updated, unchanged = (sum(int(c[n]) for c in counts if c) for n in (1, 2, 3))
    assert (new, updated, unchanged) == (len(docs), 0, len(shared))
    assert items_per_document(db) == items_per_document(reference)

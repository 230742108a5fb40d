"""Batch fixtures: a corpus of the project's own documents, each copy a new document, and one batch of it
made by the local engine, which the other engines and resumed runs must reproduce byte for byte."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest

from accord.batch import BatchOptions, BatchSummary, run_batch
from accord.ingest import read_sources
from accord.model import Document

ROOT = Path(__file__).resolve().parents[2]
SOURCES = [str(ROOT / "examples"), str(ROOT / "tests" / "data" / "gold" / "en.gold.jsonl")]
COPIES = 6
SHARD_SIZE = 12


def project_documents(copies: int) -> list[Document]:
    """examples/ and the gold documents, `copies` times over; each copy a new id and a line of its own, so
    that no two documents are the same to the store."""
    docs = [d for d in read_sources(SOURCES) if isinstance(d, Document)]
    return [
        replace(doc, id=f"{doc.id}#{copy}", text=f"{doc.text}\n\nReference {copy}-{n}.")
        for copy in range(copies)
        for n, doc in enumerate(docs)
    ]


def base_count() -> int:
    """How many documents one copy of the corpus holds."""
    return sum(isinstance(d, Document) for d in read_sources(SOURCES))


# How many shards the corpus makes.
SHARDS = -(-base_count() * COPIES // SHARD_SIZE)


def write_jsonl(path: Path, docs: list[Document]) -> Path:
    path.write_text(
        "".join(json.dumps(d.to_dict(), ensure_ascii=False) + "\n" for d in docs), encoding="utf-8"
    )
    return path


def output_files(out: Path) -> dict[str, bytes]:
    """Every file of a batch output but config.json (which says how it ran), by relative path."""
    return {
        str(path.relative_to(out)): path.read_bytes()
        for path in sorted(out.rglob("*"))
        if path.is_file() and path.name != "config.json"
    }


@pytest.fixture(scope="session")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    docs = [replace(d, source=None) for d in project_documents(COPIES)]
    return write_jsonl(tmp_path_factory.mktemp("corpus") / "corpus.jsonl", docs)


@pytest.fixture(scope="session")
def local_batch(corpus: Path, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, BatchSummary]:
    """The corpus through the local engine with one worker (this process): the reference output, which two
    worker processes (test_resume) and a dask cluster (test_engines) must reproduce."""
    out = tmp_path_factory.mktemp("local") / "out"
    summary = run_batch([str(corpus)], out, BatchOptions(shard_size=SHARD_SIZE, engine="local", workers=1))
    return out, summary

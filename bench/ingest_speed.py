"""Ingest throughput on SQLite and, when one is given, PostgreSQL.

    .venv/bin/python bench/ingest_speed.py [--copies N] [--db POSTGRESQL_URL]

The corpus is the project's own documents (examples/ and tests/data/gold/), repeated N times with a new id
for each copy, so that every document is new to the register. Reported, for each backend, in documents
per second on one core, the spaCy model already loaded:
  - `accord ingest` as the command runs it (read, extract, resolve, store), into an empty register;
  - storing alone (`save_document` of the already-extracted items), where the backends differ.
PostgreSQL is measured when --db or $ACCORD_TEST_DATABASE_URL names one; ITS SCHEMA IS DROPPED first
(give a throwaway database, as scripts/with-postgres.sh makes). A benchmark, not a test.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import tempfile
import time
from dataclasses import replace
from pathlib import Path

from sqlalchemy import create_engine, text

from accord.extract.en.nlp import load_nlp
from accord.ingest import read_sources
from accord.model import Document, Item
from accord.pipeline import Pipeline, extract_documents, ingest
from accord.store import SqlStore

ROOT = Path(__file__).resolve().parents[1]


def corpus(copies: int) -> list[Document]:
    sources = [str(ROOT / "examples"), str(ROOT / "tests" / "data" / "gold" / "en.gold.jsonl")]
    docs = [d for d in read_sources(sources) if isinstance(d, Document)]
    return [replace(d, id=f"{d.id}#{n}") for n in range(copies) for d in docs]


def empty_database(url: str) -> str:
    if url.startswith("postgresql"):
        engine = create_engine(url)
        with engine.begin() as conn:
            conn.execute(text("DROP SCHEMA IF EXISTS public CASCADE"))
            conn.execute(text("CREATE SCHEMA public"))
        engine.dispose()
    return url


def rate(label: str, count: int, seconds: float) -> None:
    print(f"{label:42} {count / seconds:8.1f} documents/s  ({count} documents in {seconds:.2f} s)")


def bench_ingest(name: str, url: str, jsonl: Path, count: int) -> None:
    with SqlStore(empty_database(url)) as store:
        start = time.perf_counter()
        summary = ingest([str(jsonl)], store)
        elapsed = time.perf_counter() - start
    assert summary.new == count and not summary.failures, summary
    rate(f"{name}: accord ingest (extract + store)", count, elapsed)


def bench_store(name: str, url: str, extracted: list[tuple[Document, list[Item]]]) -> None:
    with SqlStore(empty_database(url)) as store:
        start = time.perf_counter()
        for doc, items in extracted:
            store.save_document(doc, items)
        elapsed = time.perf_counter() - start
    rate(f"{name}: storing alone (save_document)", len(extracted), elapsed)


def write_jsonl(docs: list[Document], path: Path) -> Path:
    with open(path, "w", encoding="utf-8") as out:
        for doc in docs:
            out.write(
                json.dumps({"id": doc.id, "text": doc.text, "title": doc.title, "language": "en"}) + "\n"
            )
    return path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--copies", type=int, default=5)
    parser.add_argument("--db", default=os.environ.get("ACCORD_TEST_DATABASE_URL", ""))
    args = parser.parse_args()
    docs = corpus(args.copies)
    print(f"{len(docs)} documents; {platform.processor() or platform.machine()}")
    load_nlp()
    extracted = list(extract_documents(docs, pipeline=Pipeline()))
    with tempfile.TemporaryDirectory() as tmp:
        jsonl = write_jsonl(docs, Path(tmp) / "corpus.jsonl")
        # One new SQLite file per measurement; the one PostgreSQL database, emptied before each.
        backends = [("SQLite", f"sqlite:///{Path(tmp)}/{{phase}}.sqlite")]
        if args.db:
            backends.append(("PostgreSQL", args.db))
        for name, url in backends:
            bench_ingest(name, url.format(phase="ingest"), jsonl, len(docs))
            bench_store(name, url.format(phase="store"), extracted)


if __name__ == "__main__":
    main()

"""Extraction speed against spaCy's own full pipeline on the same texts.

    .venv/bin/python bench/extract_speed.py [--copies N]

The corpus is the project's own documents (examples/ and tests/data/gold/), repeated N times. Reported:
documents per second for (a) spaCy's full en_core_web_sm `nlp.pipe` over whole texts, the cost every
spaCy-based peer pays, and (b) accord's English extraction (parse, objects, stages, merging) alone,
both on one core, model loading excluded. A benchmark, not a test: figures go in the README.
"""

from __future__ import annotations

import argparse
import platform
import time
from pathlib import Path

from accord.extract import get_extractor
from accord.extract.en.nlp import load_nlp
from accord.ingest import read_sources
from accord.model import Document

ROOT = Path(__file__).resolve().parents[1]


def corpus(copies: int) -> list[Document]:
    sources = [str(ROOT / "examples"), str(ROOT / "tests" / "data" / "gold" / "en.gold.jsonl")]
    docs = [d for d in read_sources(sources) if isinstance(d, Document)]
    return [d for _ in range(copies) for d in docs]


def rate(label: str, count: int, seconds: float) -> None:
    print(f"{label:34} {count / seconds:8.1f} documents/s  ({count} documents in {seconds:.2f} s)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--copies", type=int, default=10)
    args = parser.parse_args()
    docs = corpus(args.copies)
    chars = sum(len(d.text) for d in docs)
    print(f"{len(docs)} documents, {chars:,} characters; {platform.processor() or platform.machine()}")
    nlp = load_nlp()
    extractor = get_extractor("en")
    extractor.extract(docs[0])  # warm up
    start = time.perf_counter()
    for _ in nlp.pipe((d.text for d in docs), batch_size=64):
        pass
    rate("spaCy en_core_web_sm nlp.pipe", len(docs), time.perf_counter() - start)
    start = time.perf_counter()
    for _ in extractor.extract_many(docs):
        pass
    rate("accord English extraction", len(docs), time.perf_counter() - start)


if __name__ == "__main__":
    main()

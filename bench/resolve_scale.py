"""Resolution cost per document as the register grows: linking to the knowledge base, then joining new
entities met earlier in the run (resolve/joining.py), at 1,000 and at 20,000 documents.

    .venv/bin/python bench/resolve_scale.py [--docs 1000 20000]

The items are those extracted once from the project's own documents (examples/ and tests/data/gold/).
Each synthetic document n takes a handful of them and gives every new-entity object a name of its own
("... of the Steppe-417 region"), so that the register holds more and more distinct new entities, as a
backfill does; a few objects are repeated as they are, so that later mentions also join. Reported: the
mean and p95 time to resolve one document over the first 1,000 documents and over the last 1,000 of the
run; flat cost means the last thousand costs what the first did. Extraction is not timed. A benchmark,
not a test.
"""

from __future__ import annotations

import argparse
import platform
import statistics
import time
from dataclasses import replace
from pathlib import Path

from accord.ingest import read_sources
from accord.model import Document, Item
from accord.pipeline import extract_documents
from accord.resolve import resolve_items
from accord.resolve.joining import NewEntities

ROOT = Path(__file__).resolve().parents[1]
ITEMS_PER_DOCUMENT = 6
WINDOW = 1000


def source_items() -> list[Item]:
    sources = [str(ROOT / "examples"), str(ROOT / "tests" / "data" / "gold" / "en.gold.jsonl")]
    docs = [d for d in read_sources(sources) if isinstance(d, Document)]
    return [replace(item, entity=None) for _, items in extract_documents(docs) for item in items]


def document_items(pool: list[Item], n: int) -> list[Item]:
    """The items of synthetic document n: ITEMS_PER_DOCUMENT from the pool, most renamed to be new."""
    chosen = [pool[(n * ITEMS_PER_DOCUMENT + k) % len(pool)] for k in range(ITEMS_PER_DOCUMENT)]
    out = []
    for k, item in enumerate(chosen):
        if k < ITEMS_PER_DOCUMENT - 2:
            item = replace(item, object=f"{item.object} of the Steppe-{n}-{k} region")
        out.append(item)
    return out


def run(pool: list[Item], count: int) -> list[float]:
    joining = NewEntities()
    times = []
    for n in range(count):
        items = document_items(pool, n)
        start = time.perf_counter()
        joining.join(resolve_items(items))
        times.append(time.perf_counter() - start)
    return times


def report(label: str, times: list[float]) -> None:
    p95 = statistics.quantiles(times, n=20)[-1]
    print(f"  {label:28} mean {statistics.mean(times) * 1000:6.2f} ms/doc   p95 {p95 * 1000:6.2f} ms/doc")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--docs", type=int, nargs="+", default=[1000, 20000])
    args = parser.parse_args()
    print(f"machine: {platform.processor() or platform.machine()}, Python {platform.python_version()}")
    pool = source_items()
    print(f"{len(pool)} extracted items, {ITEMS_PER_DOCUMENT} per synthetic document")
    for count in args.docs:
        times = run(pool, count)
        print(f"{count} documents ({count * ITEMS_PER_DOCUMENT} items):")
        report(f"first {min(WINDOW, count)} documents", times[:WINDOW])
        report(f"last {min(WINDOW, count)} documents", times[-WINDOW:])


if __name__ == "__main__":
    main()

"""How fast `accord serve` answers the items list over a large register.

    .venv/bin/python bench/serve_speed.py [--items 100000] [--requests 200] [--db SQLITE_FILE]

Synthetic items (no extraction: documents of `--per-document` items each, saved through the store's
`save_document`, as an ingest stores them) fill a SQLite file; it is kept and reused when --db names one
that already holds them. Then the real app (FastAPI's TestClient, in process: the network apart, the whole
request) answers `--requests` requests of the items list with two filters and a search term, and of the
same as the page; reported as p50 and p95 in milliseconds, with the first request (cold caches) left out.
The target is a p95 under 50 ms for the API. A benchmark, not a test.
"""

from __future__ import annotations

import argparse
import platform
import random
import statistics
import tempfile
import time
from pathlib import Path

from fastapi.testclient import TestClient

from accord.model import SECTORS, STAGES, Document, EntityRef, Evidence, Item
from accord.serve.app import create_app
from accord.store import SqlStore

# Words of objects and evidence: each is in about one item in five, as "railway" is in a transport register.
VOCABULARY = (
    "railway gas pipeline corridor port bridge school hospital nuclear plant power grid wheat trade visa",
    "customs road airport logistics hub university metro dam solar wind oil refinery border crossing",
)
WORDS = [word for line in VOCABULARY for word in line.split()]
PARTIES = ("KAZ", "RUS", "CHN", "UZB", "KGZ", "TUR", "TJK", "TKM", "AZE", "IND")
QUERIES = (
    {"sector": "transport", "stage": "agreed", "search": "railway"},  # two filters and a search term
    {"sector": "energy", "party": "RUS", "search": "gas"},  # three sets of about 10,000 to intersect
    {"party": "RUS"},  # one filter that matches one item in five
    {},  # the first page, unfiltered, as /items opens
)


def synthetic(count: int, per_document: int, seed: int = 5) -> list[tuple[Document, list[Item]]]:
    rng = random.Random(seed)
    names = [f"{rng.choice(WORDS).title()} project {n}" for n in range(500)]
    entities = [EntityRef(f"entity-{n}", name, "project") for n, name in enumerate(names)]
    register = []
    for number in range(0, count, per_document):
        items = []
        for _ in range(min(per_document, count - number)):
            obj = " ".join(rng.sample(WORDS, 2))
            sentence = f"The parties agreed on the {obj} and the {' '.join(rng.sample(WORDS, 3))}."
            items.append(
                Item(
                    object=obj,
                    sector=rng.choice(SECTORS),
                    stage=rng.choice(STAGES),
                    parties=tuple(rng.sample(PARTIES, 2)),
                    evidence=Evidence(0, len(sentence), sentence),
                    entity=rng.choice(entities) if rng.random() < 0.6 else None,
                )
            )
        day = f"20{rng.randint(18, 25)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        text = " ".join(item.evidence.text for item in items)
        doc = Document(id=f"doc-{number}", text=text, published=day, title=f"Readout {number}")
        register.append((doc, items))
    return register


def fill(url: str, count: int, per_document: int) -> None:
    with SqlStore(url) as store:
        if (stored := store.counts()["items"]) >= count:
            print(f"reusing {url}: {stored} items")
            return
        start = time.perf_counter()
        for doc, items in synthetic(count, per_document):
            store.save_document(doc, items)
        print(f"stored {count} items in {time.perf_counter() - start:.1f} s")


def measure(client: TestClient, path: str, params: dict[str, str], requests: int) -> tuple[float, float, int]:
    timings = []
    total = 0
    for _ in range(requests + 1):
        start = time.perf_counter()
        response = client.get(path, params=params)
        timings.append((time.perf_counter() - start) * 1000)
        assert response.status_code == 200, response.text
        if path.startswith("/api"):
            total = response.json()["total"]
    timings = timings[1:]  # the first request warms the caches
    return statistics.median(timings), statistics.quantiles(timings, n=20)[18], total


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--items", type=int, default=100_000)
    parser.add_argument("--per-document", type=int, default=50)
    parser.add_argument("--requests", type=int, default=200)
    parser.add_argument("--db", help="a SQLite file to fill (or reuse); default a temporary one")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(args.db) if args.db else Path(tmp) / "serve-bench.sqlite"
        url = f"sqlite:///{path.resolve()}"
        fill(url, args.items, args.per_document)
        print(f"{args.requests} requests each; {platform.processor() or platform.machine()}")
        with TestClient(create_app(SqlStore(url)), base_url="http://127.0.0.1") as client:
            for params in QUERIES:
                for route in ("/api/items", "/items"):
                    p50, p95, total = measure(client, route, params, args.requests)
                    shown = "&".join(f"{key}={value}" for key, value in params.items())
                    matched = f"{total} match" if route.startswith("/api") else "page"
                    print(f"GET {route + '?' + shown:58} p50 {p50:6.1f} ms  p95 {p95:6.1f} ms  ({matched})")


if __name__ == "__main__":
    main()

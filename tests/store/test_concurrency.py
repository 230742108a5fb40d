"""Writers racing on the same new documents, each with its own connection: every document is stored once
("new" for exactly one writer, "unchanged" for the others), with its items once."""

from __future__ import annotations

import threading
from collections import Counter
from concurrent.futures import ThreadPoolExecutor

from accord.store import SaveOutcome, SqlStore

from .builders import GAS, RAIL, document, item

WRITERS = 4
DOCUMENTS = [
    (document(f"doc-{n}"), [item("railway line", entity=RAIL), item("gas", sector="energy", entity=GAS)])
    for n in range(15)
]


def _save_all(url: str, start: threading.Barrier) -> list[SaveOutcome]:
    with SqlStore(url) as store:
        start.wait()
        return [store.save_document(doc, items) for doc, items in DOCUMENTS]


def test_writers_racing_on_the_same_documents_store_each_once(database_url: str) -> None:
    SqlStore(database_url).close()  # set up before the race: the race is over documents, not the schema
    start = threading.Barrier(WRITERS)
    with ThreadPoolExecutor(WRITERS) as pool:
        runs = list(pool.map(_save_all, [database_url] * WRITERS, [start] * WRITERS))

    for n in range(len(DOCUMENTS)):
        assert Counter(run[n] for run in runs) == {"new": 1, "unchanged": WRITERS - 1}, n
    with SqlStore(database_url) as store:
        assert store.counts() == {"documents": len(DOCUMENTS), "items": 2 * len(DOCUMENTS), "entities": 2}

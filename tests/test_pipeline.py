"""The pipeline: its contract, pickling, bad documents in a batch, and ingest into a real SQLite store."""

from __future__ import annotations

import json
import pickle
from collections.abc import Iterator, Sequence
from pathlib import Path

import pytest

from accord.errors import ConfigError, ExtractError
from accord.extract.en.nlp import load_nlp
from accord.ingest import Failure
from accord.model import Document, Item
from accord.pipeline import (
    EXTRACT,
    RESOLVE,
    IngestEvent,
    Pipeline,
    Stage,
    document_label,
    extract_documents,
    ingest,
)
from accord.store import ItemQuery, SqlStore

RAILWAY = "Kazakhstan and Russia agreed to expand the Dostyk–Moiynty railway line."
SCHOOL = "Uzbekistan and Russia agreed to open a branch of the Sirius School in Tashkent."


@pytest.fixture(scope="module", autouse=True)
def english() -> None:
    load_nlp()  # once, so that no test's timing includes it


@pytest.fixture
def store(tmp_path: Path) -> Iterator[SqlStore]:
    with SqlStore(f"sqlite:///{tmp_path / 'accord.sqlite'}") as opened:
        yield opened


def _doc(doc_id: str, text: str = RAILWAY, **fields: str) -> Document:
    return Document(id=doc_id, text=text, **fields)


def _boom_on_bad(docs: Sequence[Document], items: Sequence[list[Item]]) -> list[list[Item]]:
    if any(doc.id.startswith("bad") for doc in docs):
        raise RuntimeError("cannot read this one")
    return [list(found) for found in items]


def _always_boom(docs: Sequence[Document], items: Sequence[list[Item]]) -> list[list[Item]]:
    raise RuntimeError("must not be called")


BOOM_ON_BAD = Stage("check", _boom_on_bad, frozenset({"item.object"}))
ALWAYS_BOOM = Stage("boom", _always_boom)


def test_stages_in_the_wrong_order_are_refused() -> None:
    with pytest.raises(
        ConfigError, match=r"stage 'resolve' reads item\.object, which no stage before it writes"
    ):
        Pipeline((RESOLVE, EXTRACT))


def test_a_stage_named_twice_is_refused() -> None:
    with pytest.raises(ConfigError, match="each stage once"):
        Pipeline((EXTRACT, EXTRACT, RESOLVE))


def test_the_pipeline_pickles_and_runs_after() -> None:
    pipeline = pickle.loads(pickle.dumps(Pipeline()))
    assert pipeline == Pipeline()
    [(_, items)] = extract_documents([_doc("a")], pipeline=pipeline)
    assert any("Dostyk" in item.object and item.entity is not None for item in items)


def test_a_bad_document_is_a_failure_and_the_batch_goes_on() -> None:
    pipeline = Pipeline((EXTRACT, RESOLVE, BOOM_ON_BAD), batch_size=4)
    docs = [_doc("a"), _doc("bad-1", source="feed.xml"), _doc("c", SCHOOL), _doc("d")]
    outcomes = list(pipeline.run(docs))
    assert [doc.id for doc, _ in outcomes] == ["a", "bad-1", "c", "d"]
    failure = outcomes[1][1]
    assert failure == Failure(
        "feed.xml (document bad-1)", "the check stage failed: RuntimeError: cannot read this one"
    )
    assert all(isinstance(result, list) and result for _, result in outcomes[:1] + outcomes[2:])


def test_extract_documents_without_a_handler_raises() -> None:
    with pytest.raises(ExtractError, match="bad: the check stage failed"):
        list(extract_documents([_doc("bad")], pipeline=Pipeline((EXTRACT, BOOM_ON_BAD))))


def test_a_language_without_an_extractor_is_a_failure() -> None:
    failures: list[Failure] = []
    found = list(extract_documents([_doc("x", language="xx"), _doc("a")], on_failure=failures.append))
    assert [doc.id for doc, _ in found] == ["a"]
    assert [f.source for f in failures] == ["x"] and "no extractor for language 'xx'" in failures[0].reason


@pytest.mark.parametrize(
    ("doc", "label"),
    [
        (_doc("/abs/a.txt", source="/abs/a.txt"), "/abs/a.txt"),
        (_doc("stdin:0123", source="-"), "-"),
        (_doc("https://x.org/p", source="https://x.org/feed", url="https://x.org/p"), "https://x.org/feed"),
        (_doc("k1", source="docs.jsonl"), "docs.jsonl (document k1)"),
        (_doc("k1"), "k1"),
    ],
)
def test_document_label(doc: Document, label: str) -> None:
    assert document_label(doc) == label


def test_ingest_new_unchanged_changed_and_forced(tmp_path: Path, store: SqlStore) -> None:
    path = tmp_path / "readout.txt"
    path.write_text(RAILWAY + "\n", encoding="utf-8")
    events: list[IngestEvent] = []

    first = ingest([str(path)], store, progress=events.append)
    assert (first.new, first.updated, first.unchanged, first.failed) == (1, 0, 0, 0)
    assert first.items_added == store.counts()["items"] > 0
    assert [(e.outcome, e.label) for e in events] == [("new", str(path))]

    # Unchanged content is not extracted again: a pipeline that would fail is never run.
    again = ingest([str(path)], store, pipeline=Pipeline((ALWAYS_BOOM,)))
    assert (again.new, again.unchanged, again.failed, again.items_added) == (0, 1, 0, 0)

    forced = ingest([str(path)], store, force=True)
    assert (forced.updated, forced.items_added) == (1, first.items_added)

    path.write_text(SCHOOL + "\n", encoding="utf-8")
    changed = ingest([str(path)], store)
    assert (changed.updated, changed.new) == (1, 0)
    objects = [s.item.object for s in store.query_items(ItemQuery())]
    assert objects and not any("Dostyk" in obj for obj in objects)


def test_ingest_survives_bad_inputs(tmp_path: Path, store: SqlStore) -> None:
    good = tmp_path / "good.txt"
    good.write_text(RAILWAY, encoding="utf-8")
    (tmp_path / "binary.txt").write_bytes(b"\x00\x01\x02")
    docs = tmp_path / "docs.jsonl"
    lines = [json.dumps({"id": "j1", "text": SCHOOL}), json.dumps({"id": "bad-2", "text": SCHOOL})]
    docs.write_text("\n".join(lines) + "\n", encoding="utf-8")
    pipeline = Pipeline((EXTRACT, RESOLVE, BOOM_ON_BAD))

    summary = ingest(
        [str(good), str(tmp_path / "binary.txt"), str(docs), "missing.txt"], store, pipeline=pipeline
    )

    assert (summary.new, summary.failed) == (2, 3)
    # Read failures are reported as sources are read, before the batch they were in is extracted.
    expected = [str(tmp_path / "binary.txt"), "missing.txt", f"{docs} (document bad-2)"]
    assert [f.source for f in summary.failures] == expected
    assert store.counts()["documents"] == 2


def test_a_later_ingest_joins_the_new_entities_the_store_holds(tmp_path: Path, store: SqlStore) -> None:
    first = tmp_path / "first.txt"
    first.write_text("Kazakhstan and Uzbekistan signed the Steppe Water Programme.\n", encoding="utf-8")
    later = tmp_path / "later.txt"
    later.write_text(
        "Kazakhstan and Uzbekistan agreed to fund the Steppe Water Programme for the Aral region.\n",
        encoding="utf-8",
    )
    ingest([str(first)], store)
    ingest([str(later)], store)  # another run: the entity comes from the store, not from memory
    entities = {s.document_id: s.item.entity for s in store.query_items(ItemQuery(search="steppe"))}
    assert len(entities) == 2
    assert len({entity.id for entity in entities.values() if entity is not None}) == 1

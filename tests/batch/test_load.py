"""accord load: a batch into a real SQLite register, the same register `accord ingest` makes."""

from __future__ import annotations

import gzip
from pathlib import Path

from typer.testing import CliRunner

from accord.batch import BatchOptions, run_batch
from accord.cli.main import app
from accord.store import ItemQuery, SqlStore
from batch.conftest import base_count, project_documents, write_jsonl


def register(db: Path) -> tuple[dict[str, int], list[tuple[object, ...]], list[tuple[object, ...]]]:
    """Counts, every item with its document and place, and every document: what two registers compare on."""
    with SqlStore(f"sqlite:///{db}") as store:
        items = [
            (s.document_id, s.ordinal, s.item.to_dict(), s.document_title, s.document_published)
            for s in store.iter_items(ItemQuery())
        ]
        docs = sorted({s[0] for s in items})
        documents = [tuple(store.get_document(doc_id).to_dict().items()) for doc_id in docs]
        return store.counts(), sorted(items, key=repr), documents


def test_load_stores_what_ingest_stores_and_loading_twice_stores_each_document_once(tmp_path: Path) -> None:
    first = base_count()
    docs = project_documents(1) + project_documents(2)[first : first + 8]
    source = write_jsonl(tmp_path / "docs.jsonl", docs)
    out = tmp_path / "out"
    run_batch([str(source)], out, BatchOptions(shard_size=7, workers=1))
    runner = CliRunner(env={"ACCORD_DATABASE_URL": None})
    loaded, ingested = tmp_path / "loaded.sqlite", tmp_path / "ingested.sqlite"

    first = runner.invoke(app, ["load", str(out), "--db", str(loaded)])
    second = runner.invoke(app, ["load", str(out), "--db", str(loaded)])
    ingest = runner.invoke(app, ["ingest", str(source), "--db", str(ingested)])

    assert first.exit_code == 0 and second.exit_code == 0 and ingest.exit_code == 0, first.output
    assert f"documents: {len(docs)} new" in first.stdout
    assert f"0 new, 0 updated, {len(docs)} unchanged" in second.stdout
    counts, items, documents = register(loaded)
    assert counts["documents"] == len(docs) and counts["items"] > len(docs)
    assert (counts, items, documents) == register(ingested)


def test_load_leaves_alone_documents_ingested_before(tmp_path: Path) -> None:
    docs = project_documents(1)[:5]
    source = write_jsonl(tmp_path / "docs.jsonl", docs)
    packed = tmp_path / "docs.jsonl.gz"
    packed.write_bytes(gzip.compress(source.read_bytes()))
    out = tmp_path / "out"
    run_batch([str(packed)], out, BatchOptions(shard_size=2, workers=1))
    db = tmp_path / "register.sqlite"
    runner = CliRunner(env={"ACCORD_DATABASE_URL": None})
    assert runner.invoke(app, ["ingest", str(source), "--db", str(db)]).exit_code == 0

    result = runner.invoke(app, ["load", str(out), "--db", str(db)])

    assert result.exit_code == 0
    assert "0 new, 0 updated, 5 unchanged" in result.stdout


def test_a_setback_travels_through_a_batch_into_the_register(tmp_path: Path) -> None:
    source = tmp_path / "halted.jsonl"
    text = "Kazakhstan and China agreed to build the Bakhty–Ayagoz railway, but construction was suspended."
    source.write_text(f'{{"id": "halted", "text": "{text}"}}\n', encoding="utf-8")
    out, db = tmp_path / "out", tmp_path / "r.sqlite"
    run_batch([str(source)], out, BatchOptions(workers=1))
    assert (
        CliRunner(env={"ACCORD_DATABASE_URL": None})
        .invoke(app, ["load", str(out), "--db", str(db)])
        .exit_code
        == 0
    )
    with SqlStore(f"sqlite:///{db}") as store:
        [stored] = [s for s in store.iter_items(ItemQuery()) if "Bakhty" in s.item.object]
    assert stored.item.setback == "stalled"

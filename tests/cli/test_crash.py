"""An `accord ingest` killed with SIGKILL in the middle of a batch leaves no partial document; running it
again completes, with the same register as a run that was never interrupted."""

from __future__ import annotations

import signal
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from accord.errors import StoreError
from accord.settings import database_url
from accord.store import SqlStore

from .conftest import invoke
from .processes import gold_documents, items_per_document, start_accord, write_jsonl


def _stored_documents(db: str) -> int:
    try:
        with SqlStore(database_url(db)) as store:
            return store.counts()["documents"]
    except StoreError:  # locked for a moment by the writer
        return 0


def _kill_once_some_are_stored(db: str, source: Path, cwd: Path) -> None:
    process = start_accord("ingest", str(source), "--db", db, cwd=cwd)
    deadline = time.monotonic() + 120
    while _stored_documents(db) == 0 and process.poll() is None and time.monotonic() < deadline:
        time.sleep(0.02)
    process.send_signal(signal.SIGKILL)
    process.communicate(timeout=30)
    assert process.returncode == -signal.SIGKILL, "the ingest finished before it could be killed"


@pytest.mark.slow
def test_an_ingest_killed_mid_batch_is_completed_by_the_next_run(
    runner: CliRunner, tmp_path: Path, db: str
) -> None:
    docs = gold_documents(copies=5)
    source = write_jsonl(tmp_path / "many.jsonl", docs)
    reference = str(tmp_path / "reference.sqlite")
    assert invoke(runner, "ingest", str(source), "--db", reference).exit_code == 0
    expected = items_per_document(reference)

    _kill_once_some_are_stored(db, source, tmp_path)
    after_kill = items_per_document(db)
    assert 0 < len(after_kill) < len(docs)
    assert after_kill == {doc_id: expected[doc_id] for doc_id in after_kill}  # each one whole

    rerun = invoke(runner, "ingest", str(source), "--db", db)
    assert rerun.exit_code == 0, rerun.output
    assert f"{len(docs) - len(after_kill)} new, 0 updated, {len(after_kill)} unchanged" in rerun.stdout
    assert items_per_document(db) == expected
    with SqlStore(database_url(db)) as store, SqlStore(database_url(reference)) as clean:
        assert store.counts() == clean.counts()

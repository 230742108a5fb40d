"""accord export --all and accord import: the whole register from SQLite to the test database (PostgreSQL
when configured) and back to SQLite, equal at every step."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from accord.settings import database_url
from accord.store import ItemQuery, SqlStore, StoredItem

from .conftest import COMMISSION, invoke


def _everything(db: str) -> tuple[dict[str, int], list[StoredItem], list[str]]:
    with SqlStore(database_url(db)) as store:
        items = store.query_items(ItemQuery())
        documents = sorted({stored.document_id for stored in items})
        return store.counts(), items, [repr(store.get_document(doc_id)) for doc_id in documents]


def test_the_register_goes_to_another_backend_and_back_unchanged(
    runner: CliRunner, readouts: Path, tmp_path: Path, db: str
) -> None:
    first, last = str(tmp_path / "first.sqlite"), str(tmp_path / "last.sqlite")
    assert invoke(runner, "ingest", str(readouts), "--db", first).exit_code == 0
    dumps = tmp_path / "dumps"
    dumps.mkdir()

    assert invoke(runner, "export", "--all", "--out", str(dumps), "--db", first).exit_code == 0
    moved = invoke(runner, "import", str(dumps), "--db", db)
    assert moved.exit_code == 0, moved.output
    assert moved.stderr.startswith("imported 4 documents, ")
    assert (
        invoke(runner, "export", "--all", "--out", str(tmp_path / "middle.jsonl"), "--db", db).exit_code == 0
    )
    assert invoke(runner, "import", str(tmp_path / "middle.jsonl"), "--db", last).exit_code == 0

    assert _everything(first) == _everything(db) == _everything(last)
    assert (tmp_path / "middle.jsonl").read_text() == (dumps / "register.jsonl").read_text()
    exported = invoke(runner, "export", "--all", "--db", last)
    assert exported.stdout == (dumps / "register.jsonl").read_text()


def test_an_imported_register_takes_new_items_after_its_own(
    runner: CliRunner, readouts: Path, tmp_path: Path, db: str
) -> None:
    first = str(tmp_path / "first.sqlite")
    assert invoke(runner, "ingest", str(readouts), "--db", first).exit_code == 0
    dump = invoke(runner, "export", "--all", "--db", first).stdout
    assert invoke(runner, "import", "-", "--db", db, input=dump).exit_code == 0

    assert invoke(runner, "ingest", "-", "--db", db, input=COMMISSION).exit_code == 0
    old = {stored.id for stored in _everything(first)[1]}
    new = {stored.id for stored in _everything(db)[1]} - old
    assert new and min(new) > max(old)


def test_import_is_refused_into_a_register_that_is_not_empty(runner: CliRunner, register: str) -> None:
    dump = invoke(runner, "export", "--all", "--db", register).stdout
    refused = invoke(runner, "import", "-", "--db", register, input=dump)
    assert refused.exit_code == 2
    assert refused.stderr.startswith("error: accord imports into an empty register only")


def test_a_file_that_is_not_an_export_is_one_error_line(runner: CliRunner, tmp_path: Path, db: str) -> None:
    refused = invoke(runner, "import", "-", "--db", db, input='{"id": "x", "text": "y"}\n')
    assert refused.exit_code == 2
    assert (
        refused.stderr
        == "error: standard input is not an accord register export (its first line does not say so).\n"
    )


def test_all_takes_no_format(runner: CliRunner, register: str) -> None:
    refused = invoke(runner, "export", "--all", "--format", "csv", "--db", register)
    assert refused.exit_code == 2 and "--all exports everything" in refused.output

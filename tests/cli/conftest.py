"""CLI fixtures: the real app over a real SQLite file in tmp_path, and short readouts written here."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import TEST_DATABASE_URL, reset_database
from typer.testing import CliRunner, Result

from accord.cli.main import app
from accord.extract.en.nlp import load_nlp
from accord.settings import database_url
from accord.store import ItemQuery, SqlStore, StoredItem

RAILWAY = "Kazakhstan and Russia agreed to expand the Dostyk–Moiynty railway line."
GAS = "The presidents discussed gas supplies to the northern regions."
SCHOOL = "A branch of the Moscow State University was opened in Tashkent."
DECLARATION = "Uzbekistan and Kazakhstan signed a joint declaration on strategic partnership."
COMMISSION = "Russia and Kazakhstan will hold the next meeting of the Intergovernmental Commission in Moscow."
JSONL_DOCS = [
    {
        "id": "kz-ru-2025",
        "title": "Kazakhstan and Russia talks",
        "outlet": "Test Wire",
        "published": "2025-03-03",
        "url": "https://example.org/kz-ru",
        "text": f"{RAILWAY} {GAS}",
    },
    {
        "id": "uz-kz-2024",
        "title": "Uzbekistan and Kazakhstan sign a declaration",
        "outlet": "Test Wire",
        "published": "2024-08-08",
        "url": "https://example.org/uz-kz",
        "text": f"{DECLARATION} {SCHOOL}",
    },
]


@pytest.fixture(scope="session", autouse=True)
def english() -> None:
    load_nlp()  # the model loads once for the whole CLI suite; in-process commands share it


@pytest.fixture
def runner() -> CliRunner:
    # Wide enough that table cells do not wrap; no database from the developer's environment.
    return CliRunner(env={"COLUMNS": "250", "ACCORD_DATABASE_URL": None})


@pytest.fixture
def db(tmp_path: Path) -> str:
    """The --db value: a SQLite file, or the URL of the clean test database when one is configured."""
    if TEST_DATABASE_URL:
        return reset_database(TEST_DATABASE_URL)
    return str(tmp_path / "register.sqlite")


@pytest.fixture
def readouts(tmp_path: Path) -> Path:
    """A folder of sources: a text file, a Markdown file and JSON lines with two dated documents."""
    folder = tmp_path / "readouts"
    folder.mkdir()
    (folder / "commission.txt").write_text(COMMISSION + "\n", encoding="utf-8")
    (folder / "rail.md").write_text(f"# Rail talks\n\n{RAILWAY}\n", encoding="utf-8")
    lines = "".join(json.dumps(doc, ensure_ascii=False) + "\n" for doc in JSONL_DOCS)
    (folder / "wire.jsonl").write_text(lines, encoding="utf-8")
    return folder


def invoke(runner: CliRunner, *args: str, input: str | None = None) -> Result:
    return runner.invoke(app, list(args), input=input)


@pytest.fixture
def register(runner: CliRunner, readouts: Path, db: str) -> str:
    """The readouts ingested into `db`."""
    result = invoke(runner, "ingest", str(readouts), "--db", db)
    assert result.exit_code == 0, result.output
    return db


def stored(db: str, query: ItemQuery | None = None) -> list[StoredItem]:
    with SqlStore(database_url(db)) as store:
        return store.query_items(query or ItemQuery())

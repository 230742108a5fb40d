"""Russian documents through the CLI: the language is detected, stored and shown; --language forces it;
a document in a language accord does not read is one error line that names it."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from accord.settings import database_url
from accord.store import ItemQuery, SqlStore

from .conftest import invoke, stored

RUSSIAN = (
    "Астана, 3 марта 2026 года. Президенты Казахстана и России договорились о строительстве вторых путей "
    "на участке Достык — Мойынты.\n"
)
GERMAN = "Die Präsidenten Kasachstans und Russlands haben vereinbart, eine neue Eisenbahnlinie zu bauen.\n"


def test_a_russian_document_is_stored_with_its_detected_language_and_shown(
    runner: CliRunner, tmp_path: Path, db: str
) -> None:
    source = tmp_path / "ru.txt"
    source.write_text(RUSSIAN, encoding="utf-8")
    assert invoke(runner, "ingest", str(source), "--db", db).exit_code == 0
    [item] = stored(db, ItemQuery())
    assert item.item.stage == "agreed" and item.item.entity is not None
    assert item.item.entity.id == "dostyk-moiynty-railway"
    with SqlStore(database_url(db)) as store:
        assert store.get_document(item.document_id).language == "ru"
    shown = invoke(runner, "show", str(item.id), "--db", db)
    assert "language" in shown.stdout and " ru" in shown.stdout


def test_language_forces_the_extractor(runner: CliRunner, tmp_path: Path) -> None:
    source = tmp_path / "ru.txt"
    source.write_text(RUSSIAN, encoding="utf-8")
    detected = json.loads(invoke(runner, "extract", str(source), "--format", "json").stdout)
    forced = json.loads(invoke(runner, "extract", str(source), "--format", "json", "--language", "en").stdout)
    assert [i["stage"] for i in detected[0]["items"]] == ["agreed"]
    assert forced[0]["items"] == []  # the English extractor finds no English undertaking in it


def test_an_unsupported_language_is_one_error_line_naming_it(
    runner: CliRunner, tmp_path: Path, db: str
) -> None:
    source = tmp_path / "de.txt"
    source.write_text(GERMAN, encoding="utf-8")
    result = invoke(runner, "ingest", str(source), "--db", db)
    assert result.exit_code == 1
    [line] = [line for line in result.stderr.splitlines() if line.startswith("error:")]
    assert "'de' (German)" in line and "supported: en, ru" in line

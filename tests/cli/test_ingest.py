from __future__ import annotations

import re
from pathlib import Path

from typer.testing import CliRunner

from accord.cli.main import app

from .conftest import COMMISSION, SCHOOL, invoke, stored

SUMMARY = re.compile(
    r"^documents: (\d+) new, (\d+) updated, (\d+) unchanged, (\d+) failed; items added: (\d+)$", re.M
)


def _summary(output: str) -> tuple[int, ...]:
    match = SUMMARY.search(output)
    assert match, output
    return tuple(int(n) for n in match.groups())


def test_ingest_then_unchanged_then_updated(runner: CliRunner, readouts: Path, db: str) -> None:
    first = invoke(runner, "ingest", str(readouts), "--db", db)
    assert first.exit_code == 0 and first.stderr == ""
    items = stored(db)
    assert _summary(first.stdout) == (4, 0, 0, 0, len(items)) and len(items) >= 4

    again = invoke(runner, "ingest", str(readouts), "--db", db)
    assert _summary(again.stdout) == (0, 0, 4, 0, 0)
    assert stored(db) == items

    (readouts / "commission.txt").write_text(SCHOOL + "\n", encoding="utf-8")
    changed = invoke(runner, "ingest", str(readouts), "--db", db)
    assert _summary(changed.stdout)[:4] == (0, 1, 3, 0)
    after = stored(db)
    assert not any("Commission" in s.item.object for s in after)
    assert any("Moscow State University" in s.item.object for s in after if s.document_id.endswith(".txt"))
    kept = [s for s in items if not s.document_id.endswith("commission.txt")]
    assert [s for s in after if not s.document_id.endswith("commission.txt")] == kept


def test_force_extracts_unchanged_documents_again(runner: CliRunner, register: str, readouts: Path) -> None:
    before = {s.id for s in stored(register)}
    result = invoke(runner, "ingest", str(readouts), "--db", register, "--force")
    assert _summary(result.stdout) == (0, 4, 0, 0, len(before))
    assert not before & {s.id for s in stored(register)}


def test_bad_inputs_among_good_ones(runner: CliRunner, tmp_path: Path, db: str) -> None:
    good = tmp_path / "good.txt"
    good.write_text(COMMISSION, encoding="utf-8")
    binary = tmp_path / "image.txt"
    binary.write_bytes(b"\x89PNG\x00\x00\x00")

    result = invoke(runner, "ingest", str(binary), str(good), "nowhere.txt", "--db", db)

    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        f"error: {binary}: binary content, not a text document",
        "error: nowhere.txt: no such file or folder",
    ]
    assert _summary(result.stdout)[:4] == (1, 0, 0, 2)
    assert {s.document_id for s in stored(db)} == {str(good.resolve())}


def test_standard_input(runner: CliRunner, db: str) -> None:
    result = invoke(runner, "ingest", "-", "--db", db, input=COMMISSION + "\n")
    assert result.exit_code == 0, result.output
    assert _summary(result.stdout)[0] == 1
    assert [s.document_id.startswith("stdin:") for s in stored(db)] == [True] * len(stored(db))


def test_database_from_the_environment(runner: CliRunner, readouts: Path, db: str) -> None:
    result = runner.invoke(app, ["ingest", str(readouts / "commission.txt")], env={"ACCORD_DATABASE_URL": db})
    assert result.exit_code == 0, result.output
    assert stored(db)


def test_an_unknown_language_is_refused(runner: CliRunner, readouts: Path, db: str) -> None:
    result = invoke(runner, "ingest", str(readouts), "--db", db, "--language", "xx")
    assert result.exit_code == 2
    assert "accord extracts from en, ru only, not 'xx'" in result.stderr
    assert not Path(db).exists()


def test_a_database_that_cannot_be_opened_is_one_error_line(runner: CliRunner, tmp_path: Path) -> None:
    result = invoke(runner, "ingest", "-", "--db", str(tmp_path), input=COMMISSION)
    assert result.exit_code == 2
    [line] = result.stderr.splitlines()
    assert line.startswith("error: Could not open the database at ")

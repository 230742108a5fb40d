"""The commands' one-line errors: a missing input, an output that cannot be written, a folder that is not
a finished batch."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from accord.batch import engines
from accord.cli.main import app


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner(env={"ACCORD_DATABASE_URL": None})


@pytest.fixture
def doc(tmp_path: Path) -> Path:
    path = tmp_path / "one.txt"
    path.write_text(
        "Kazakhstan and Russia agreed to expand the Dostyk–Moiynty railway line.\n", encoding="utf-8"
    )
    return path


def one_error(result: object) -> str:
    stderr = result.stderr  # type: ignore[attr-defined]
    lines = [line for line in stderr.splitlines() if line.startswith("error: ")]
    assert len(lines) == 1 and "Traceback" not in stderr, stderr
    return lines[0]


def test_a_missing_input_is_named_and_nothing_is_written(
    runner: CliRunner, doc: Path, tmp_path: Path
) -> None:
    missing = tmp_path / "no-such.jsonl"
    result = runner.invoke(app, ["batch", str(doc), str(missing), "--out", str(tmp_path / "out")])
    assert result.exit_code == 2
    assert one_error(result) == f"error: {missing}: no such file or folder"
    assert not (tmp_path / "out").exists()


def test_an_output_that_is_a_file_is_refused(runner: CliRunner, doc: Path) -> None:
    result = runner.invoke(app, ["batch", str(doc), "--out", str(doc)])
    assert result.exit_code == 2
    assert str(doc) in one_error(result) and "it is a file, not a folder" in one_error(result)


def test_an_output_that_cannot_be_made_is_refused(runner: CliRunner, doc: Path) -> None:
    out = doc / "out"  # a folder under a file: no user, root included, can make it
    result = runner.invoke(app, ["batch", str(doc), "--out", str(out)])
    assert result.exit_code == 2
    assert one_error(result).startswith(f"error: cannot write the batch output to {out}: ")


def test_dask_without_a_scheduler_is_refused(runner: CliRunner, doc: Path, tmp_path: Path) -> None:
    result = runner.invoke(app, ["batch", str(doc), "--out", str(tmp_path / "out"), "--engine", "dask"])
    assert result.exit_code == 2 and "--scheduler" in result.stderr


def test_an_unreachable_scheduler_is_one_error(
    runner: CliRunner, doc: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(engines, "CONNECT_TIMEOUT", "1s")
    args = ["batch", str(doc), "--out", str(tmp_path / "out"), "--engine", "dask"]
    result = runner.invoke(app, [*args, "--scheduler", "tcp://127.0.0.1:9"])
    assert result.exit_code == 2
    assert "could not reach the dask scheduler at tcp://127.0.0.1:9" in one_error(result)


@pytest.mark.parametrize(
    "make, reason",
    [
        (lambda p: None, "no such folder"),
        (lambda p: p.mkdir(), "not an accord batch output (it has no config.json)"),
        (lambda p: p.write_text("x"), "not a folder"),
    ],
)
def test_load_names_a_folder_that_is_not_a_batch(
    runner: CliRunner, tmp_path: Path, make: object, reason: str
) -> None:
    folder = tmp_path / "given"
    make(folder)  # type: ignore[operator]
    result = runner.invoke(app, ["load", str(folder), "--db", str(tmp_path / "r.sqlite")])
    assert result.exit_code == 2
    assert one_error(result).startswith(f"error: {folder}: {reason}")


def test_load_refuses_a_batch_that_has_not_finished(runner: CliRunner, doc: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    assert runner.invoke(app, ["batch", str(doc), "--out", str(out), "--workers", "1"]).exit_code == 0
    (out / "manifest.json").unlink()  # as a run killed before its end leaves it
    result = runner.invoke(app, ["load", str(out), "--db", str(tmp_path / "r.sqlite")])
    assert result.exit_code == 2
    assert "has not finished" in one_error(result) and str(out) in one_error(result)


def test_a_folder_holding_other_files_is_not_written_to(runner: CliRunner, doc: Path, tmp_path: Path) -> None:
    out = tmp_path / "papers"
    out.mkdir()
    (out / "notes.txt").write_text("mine", encoding="utf-8")
    result = runner.invoke(app, ["batch", str(doc), "--out", str(out), "--workers", "1"])
    assert result.exit_code == 2
    assert f"will not write the batch output to {out}: it holds other files" in one_error(result)
    assert [path.name for path in out.iterdir()] == ["notes.txt"]

"""The real entry point, `python -m accord`, as a user's shell runs it."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from typer.testing import CliRunner

from accord import __version__

from .conftest import COMMISSION, invoke


def _accord(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {"PATH": "/usr/bin:/bin", "COLUMNS": "200", "HOME": str(cwd)}
    return subprocess.run(
        [sys.executable, "-m", "accord", *args], capture_output=True, text=True, cwd=cwd, env=env, timeout=120
    )


def test_version(runner: CliRunner) -> None:
    result = invoke(runner, "--version")
    assert result.exit_code == 0 and result.stdout == f"accord {__version__}\n"


def test_no_arguments_prints_help(runner: CliRunner) -> None:
    result = invoke(runner)
    assert "ingest" in result.output and "export" in result.output


def test_ingest_then_show_through_the_real_entry_point(tmp_path: Path) -> None:
    (tmp_path / "note.txt").write_text(COMMISSION + "\n", encoding="utf-8")
    db = str(tmp_path / "r.sqlite")

    ingested = _accord("ingest", "note.txt", "missing.txt", "--db", db, cwd=tmp_path)

    assert ingested.returncode == 1
    assert ingested.stderr == "error: missing.txt: no such file or folder\n"
    assert ingested.stdout.startswith("documents: 1 new, 0 updated, 0 unchanged, 1 failed; items added: ")

    missing = _accord("show", "12345", "--db", db, cwd=tmp_path)
    assert missing.returncode == 2
    assert missing.stderr == f"error: There is no item 12345 in sqlite:///{db}.\n"
    assert "Traceback" not in missing.stderr

"""docs/batch.md is checked: every option of the two commands, and every file a batch writes, is in it."""

from __future__ import annotations

from pathlib import Path

import pytest
import typer

from accord.batch import BatchSummary
from accord.cli.main import app

DOCS = (Path(__file__).resolve().parents[2] / "docs" / "batch.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("command", ["batch", "load"])
def test_every_option_is_documented(command: str) -> None:
    group = typer.main.get_command(app)
    params = group.commands[command].params  # type: ignore[attr-defined]
    options = [name for param in params for name in param.opts if name.startswith("--") and name != "--help"]
    assert options, command
    missing = [option for option in options if option not in DOCS]
    assert not missing, f"docs/batch.md does not mention {missing} of accord {command}"


def test_every_file_of_a_batch_is_documented(local_batch: tuple[Path, BatchSummary]) -> None:
    out, _ = local_batch
    names = {path.name for path in out.rglob("*") if path.is_file()} | {"shards/"}
    assert {"documents.parquet", "items.parquet", "entities.parquet", "manifest.json"} <= names
    missing = sorted(name for name in names if name not in DOCS)
    assert not missing, f"docs/batch.md does not describe {missing}"

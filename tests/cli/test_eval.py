"""`accord eval` prints what ../shared/eval/score.py prints for the same predictions, to the last digit."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from .conftest import invoke

SCORE_PY = Path(__file__).resolve().parents[3] / "shared" / "eval" / "score.py"
MINI_GOLD = Path(__file__).resolve().parents[1] / "evaluation" / "data" / "mini.gold.jsonl"


def _score_py(*args: str) -> str:
    if not SCORE_PY.is_file():
        pytest.skip(f"{SCORE_PY} is missing")
    return subprocess.run(
        [sys.executable, str(SCORE_PY), *args], capture_output=True, text=True, check=True
    ).stdout


@pytest.mark.parametrize("flags", [[], ["--json"], ["--show-errors"], ["--json", "--show-errors"]])
def test_eval_agrees_with_score_py(runner: CliRunner, tmp_path: Path, flags: list[str]) -> None:
    predictions = tmp_path / "pred.jsonl"
    result = invoke(runner, "eval", str(MINI_GOLD), "--predictions", str(predictions), *flags)
    assert result.exit_code == 0, result.output
    assert result.stdout == _score_py(str(MINI_GOLD), str(predictions), *flags)


def test_eval_agrees_with_extract_jsonl_then_score_py(runner: CliRunner, tmp_path: Path) -> None:
    extracted = invoke(runner, "extract", "--jsonl", str(MINI_GOLD))
    predictions = tmp_path / "pred.jsonl"
    predictions.write_text(extracted.stdout, encoding="utf-8")
    result = invoke(runner, "eval", str(MINI_GOLD), "--json")
    assert result.stdout == _score_py(str(MINI_GOLD), str(predictions), "--json")
    figures = json.loads(result.stdout)
    assert (figures["documents"], figures["gold_items"]) == (4, 9)
    assert figures["items"]["f1"] > 0


def test_documents_that_fail_are_reported_and_count_as_unpredicted(runner: CliRunner, tmp_path: Path) -> None:
    gold = tmp_path / "gold.jsonl"
    lines = MINI_GOLD.read_text(encoding="utf-8").splitlines()
    foreign = json.loads(lines[0]) | {"id": "foreign", "language": "xx"}
    gold.write_text("\n".join([*lines, json.dumps(foreign)]) + "\n", encoding="utf-8")

    result = invoke(runner, "eval", str(gold), "--json")

    assert result.exit_code == 0
    assert result.stderr.splitlines() == [
        "error: foreign: the extract stage failed: no extractor for language 'xx'; supported: en, ru",
        "warning: no prediction for 1 document(s): ['foreign']",
    ]
    assert json.loads(result.stdout)["documents"] == 5


def test_a_bad_gold_file_is_one_error_line(runner: CliRunner, tmp_path: Path) -> None:
    gold = tmp_path / "gold.jsonl"
    gold.write_text("{oops\n", encoding="utf-8")
    result = invoke(runner, "eval", str(gold))
    assert result.exit_code == 2
    assert result.stderr.startswith(f"error: {gold}:1: invalid JSON")

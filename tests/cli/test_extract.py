from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from .conftest import COMMISSION, JSONL_DOCS, RAILWAY, invoke


def test_table_by_default(runner: CliRunner, readouts: Path) -> None:
    result = invoke(runner, "extract", str(readouts / "rail.md"))
    assert result.exit_code == 0, result.output
    header = result.stdout.splitlines()[1]
    assert [word in header for word in ("document", "object", "sector", "stage", "parties", "entity")]
    assert "Dostyk–Moiynty railway line" in result.stdout and "dostyk-moiynty-railway" in result.stdout


def test_json_and_jsonl(runner: CliRunner, readouts: Path) -> None:
    sources = [str(readouts / "wire.jsonl"), str(readouts / "commission.txt")]
    as_json = json.loads(invoke(runner, "extract", *sources, "--format", "json").stdout)
    lines = invoke(runner, "extract", *sources, "--format", "jsonl").stdout.splitlines()
    assert [json.loads(line) for line in lines] == as_json
    assert [record["id"] for record in as_json] == [
        "kz-ru-2025",
        "uz-kz-2024",
        str((readouts / "commission.txt").resolve()),
    ]
    assert all(record["items"] for record in as_json)
    first = as_json[0]["items"][0]
    assert set(first) == {"object", "sector", "stage", "parties", "entity", "evidence"}
    assert first["evidence"]["text"] == RAILWAY


def test_jsonl_keeps_order_and_skips_unreadable_lines(runner: CliRunner, tmp_path: Path) -> None:
    docs = tmp_path / "docs.jsonl"
    lines = [
        json.dumps(JSONL_DOCS[1]),
        "{not json",
        json.dumps({"id": "c", "text": COMMISSION}),
        json.dumps(JSONL_DOCS[0]),
    ]
    docs.write_text("\n".join(lines) + "\n", encoding="utf-8")
    out = tmp_path / "pred.jsonl"

    result = invoke(runner, "extract", "--jsonl", str(docs), "--out", str(out))

    assert result.exit_code == 1
    [error] = result.stderr.splitlines()
    assert error.startswith(f"error: {docs}:2: invalid JSON")
    predictions = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [p["id"] for p in predictions] == ["uz-kz-2024", "c", "kz-ru-2025"]
    assert set(predictions[0]) == {"id", "items"}


def test_jsonl_from_standard_input(runner: CliRunner) -> None:
    result = invoke(runner, "extract", "--jsonl", "-", input=json.dumps(JSONL_DOCS[0]) + "\n")
    assert result.exit_code == 0, result.output
    [line] = result.stdout.splitlines()
    assert json.loads(line)["id"] == "kz-ru-2025"


def test_sources_or_jsonl_but_not_both(runner: CliRunner, readouts: Path) -> None:
    assert invoke(runner, "extract").exit_code == 2
    both = invoke(runner, "extract", str(readouts), "--jsonl", str(readouts / "wire.jsonl"))
    assert both.exit_code == 2 and "one of the two" in both.stderr

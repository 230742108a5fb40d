from __future__ import annotations

import csv
import io
import json
from typing import Any

import pytest
from typer.testing import CliRunner

from accord.store import ItemQuery

from .conftest import invoke, stored


def _json(runner: CliRunner, db: str, *args: str) -> list[dict[str, Any]]:
    result = invoke(runner, "items", "--db", db, "--format", "json", *args)
    assert result.exit_code == 0, result.output
    records: list[dict[str, Any]] = json.loads(result.stdout)
    return records


def test_table_lists_every_item(runner: CliRunner, register: str) -> None:
    result = invoke(runner, "items", "--db", register)
    assert result.exit_code == 0
    for s in stored(register):
        assert s.item.object in result.stdout
    assert "dostyk-moiynty-railway" in result.stdout
    assert "Kazakhstan and Russia talks" in result.stdout


def test_json_and_csv_hold_the_same_items(runner: CliRunner, register: str) -> None:
    records = _json(runner, register)
    assert [r["item_id"] for r in records] == [s.id for s in stored(register)]
    assert {"object", "sector", "stage", "parties", "entity", "evidence", "document_id"} <= set(records[0])
    result = invoke(runner, "items", "--db", register, "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert [int(row["item_id"]) for row in rows] == [r["item_id"] for r in records]


@pytest.mark.parametrize(
    ("args", "query"),
    [
        (["--sector", "transport"], ItemQuery(sector="transport")),
        (["--stage", "Agreed"], ItemQuery(stage="agreed")),
        (["--party", "uzb"], ItemQuery(party="UZB")),
        (["--entity", "dostyk"], ItemQuery(entity="dostyk")),
        (["--since", "2025-01-01"], ItemQuery(since="2025-01-01")),
        (["--until", "2024-12"], ItemQuery(until="2024-12")),
        (["--search", "Moscow"], ItemQuery(search="Moscow")),
        (["--limit", "2", "--offset", "1"], ItemQuery(limit=2, offset=1)),
    ],
)
def test_filters(runner: CliRunner, register: str, args: list[str], query: ItemQuery) -> None:
    expected = [s.id for s in stored(register, query)]
    assert expected, "each filter should match something in the test register"
    assert [r["item_id"] for r in _json(runner, register, *args)] == expected


def test_filters_narrow_the_register(runner: CliRunner, register: str) -> None:
    records = _json(runner, register, "--since", "2025-01-01")
    assert {r["document_id"] for r in records} == {"kz-ru-2025"}
    assert all("UZB" in r["parties"] for r in _json(runner, register, "--party", "UZB"))


@pytest.mark.parametrize(
    ("args", "listed"),
    [
        (["--sector", "railways"], "the sectors are transport, energy, economy"),
        (["--stage", "done"], "the stages are discussed, planned, agreed, underway, completed"),
        (["--party", "XYZ"], "is not an ISO 3166 alpha-3 country code"),
        (["--since", "March"], "is not an ISO date"),
    ],
)
def test_invalid_values_are_refused_with_the_valid_ones(
    runner: CliRunner, db: str, args: list[str], listed: str
) -> None:
    result = invoke(runner, "items", "--db", db, *args)
    assert result.exit_code == 2
    assert listed in result.stderr

"""accord merge / split / judgements: a person's decisions outlive `accord ingest --force`."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from .conftest import invoke

RAIL = "dostyk-moiynty-railway"
DECLARATION = "joint-declaration-on-strategic-partnership"


def _entities(runner: CliRunner, db: str, entity: str) -> list[tuple[str, str]]:
    result = invoke(runner, "items", "--entity", entity, "--format", "json", "--db", db)
    assert result.exit_code == 0, result.output
    return sorted((record["object"], record["entity"]["id"]) for record in json.loads(result.stdout))


def _force(runner: CliRunner, readouts: Path, db: str) -> None:
    result = invoke(runner, "ingest", str(readouts), "--force", "--db", db)
    assert result.exit_code == 0 and "4 updated" in result.output, result.output


def test_merge_and_split_survive_a_forced_ingest(runner: CliRunner, register: str, readouts: Path) -> None:
    merged = invoke(
        runner, "merge", DECLARATION, RAIL, "--note", "test only", "--by", "tester", "--db", register
    )
    assert merged.exit_code == 0 and merged.stdout == f"merged {DECLARATION} and {RAIL}: now {RAIL}\n"
    both = _entities(runner, register, DECLARATION)
    assert [entity for _, entity in both] == [RAIL, RAIL, RAIL]  # the railway twice, the declaration once
    _force(runner, readouts, register)
    assert _entities(runner, register, DECLARATION) == both

    split = invoke(runner, "split", RAIL, DECLARATION, "--db", register)
    assert (
        split.exit_code == 0
        and split.stdout == f"split {RAIL} and {DECLARATION}: now {RAIL} and {DECLARATION}\n"
    )
    _force(runner, readouts, register)
    assert _entities(runner, register, DECLARATION) == [
        ("joint declaration on strategic partnership", DECLARATION)
    ]
    listed = json.loads(invoke(runner, "judgements", "--format", "json", "--db", register).stdout)
    assert [(j["left"], j["right"], j["judgement"], j["note"]) for j in listed] == [
        (RAIL, DECLARATION, "split", None)
    ]


def test_a_merge_of_an_unknown_entity_is_one_error_line(runner: CliRunner, register: str) -> None:
    result = invoke(runner, "merge", RAIL, "no-such-entity", "--db", register)
    assert result.exit_code == 2
    assert result.stderr.startswith("error: There is no entity 'no-such-entity'")

"""accord timeline: one entity's statements from documents of three different years, in date order."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from accord.store.timeline import Statement, current_stage

from .conftest import invoke

# Written for this test, listed out of date order on purpose.
THREE_YEARS = [
    {
        "id": "rail-2023",
        "title": "Rail talks in Astana",
        "outlet": "Steppe Wire",
        "published": "2023-04-12",
        "url": "https://example.org/2023",
        "text": "Kazakhstan and China agreed to build the Bakhty–Ayagoz railway line.",
    },
    {
        "id": "rail-2022",
        "title": "Ministers meet",
        "outlet": "Steppe Wire",
        "published": "2022-09-01",
        "url": "https://example.org/2022",
        "text": "Kazakhstan and China discussed the prospects of a Bakhty–Ayagoz railway.",
    },
    {
        "id": "rail-2025",
        "title": "Tracks reach Ayagoz",
        "outlet": "Rail Daily",
        "published": "2025-06-30",
        "url": "https://example.org/2025",
        "text": "Construction of the Bakhty-Ayagoz railway is under way, Kazakhstan's railway company said.",
    },
]


@pytest.fixture
def three_years(runner: CliRunner, tmp_path: Path, db: str) -> str:
    source = tmp_path / "rail.jsonl"
    source.write_text(
        "".join(json.dumps(doc, ensure_ascii=False) + "\n" for doc in THREE_YEARS), encoding="utf-8"
    )
    assert invoke(runner, "ingest", str(source), "--db", db).exit_code == 0
    return db


def test_a_timeline_over_three_years(runner: CliRunner, three_years: str) -> None:
    result = invoke(runner, "timeline", "Bakhty", "--format", "json", "--db", three_years)
    assert result.exit_code == 0, result.output
    timeline = json.loads(result.stdout)
    assert timeline["entity"]["id"] == "bakhty-ayagoz-railway"
    assert timeline["current_stage"] == "underway"
    told = [(s["date"], s["stage"], s["title"], s["outlet"], s["url"]) for s in timeline["statements"]]
    assert told == [
        ("2022-09-01", "discussed", "Ministers meet", "Steppe Wire", "https://example.org/2022"),
        ("2023-04-12", "agreed", "Rail talks in Astana", "Steppe Wire", "https://example.org/2023"),
        ("2025-06-30", "underway", "Tracks reach Ayagoz", "Rail Daily", "https://example.org/2025"),
    ]
    assert [s["quote"] for s in timeline["statements"]] == [
        doc["text"] for doc in (THREE_YEARS[1], THREE_YEARS[0], THREE_YEARS[2])
    ]


def test_the_table_names_the_entity_and_its_current_stage(runner: CliRunner, three_years: str) -> None:
    result = invoke(runner, "timeline", "bakhty-ayagoz-railway", "--db", three_years)
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("Bakhty–Ayagoz railway (bakhty-ayagoz-railway; railway): underway\n")
    assert (
        result.stdout.index("2022-09-01")
        < result.stdout.index("2023-04-12")
        < result.stdout.index("2025-06-30")
    )


@pytest.mark.parametrize(
    ("entity", "message"),
    [
        ("no such thing", "No entity in the register has the id or a name like 'no such thing'"),
        ("a", "names "),
    ],
)
def test_an_unknown_or_ambiguous_entity_is_one_error_line(
    runner: CliRunner, register: str, entity: str, message: str
) -> None:
    result = invoke(runner, "timeline", entity, "--db", register)
    assert result.exit_code == 2 and result.stderr.startswith("error: ") and message in result.stderr


def _said(date: str | None, stage: str) -> Statement:
    return Statement(date, stage, "object", "quote", 1, "doc", None, None, None)


@pytest.mark.parametrize(
    ("said", "stage"),
    [
        ([], None),
        ([_said("2024-01-01", "completed"), _said("2025-01-01", "discussed")], "discussed"),  # it can go back
        (
            [_said("2025-01-01", "agreed"), _said("2025-01-01", "planned")],
            "agreed",
        ),  # one date: most advanced
        ([_said("2024-01-01", "agreed"), _said(None, "completed")], "agreed"),  # undated ones do not count
        ([_said(None, "planned"), _said(None, "agreed")], "agreed"),  # unless nothing is dated
    ],
)
def test_current_stage(said: list[Statement], stage: str | None) -> None:
    assert current_stage(said) == stage


SETBACK = {
    "id": "rail-2026",
    "title": "Rail works halted",
    "outlet": "Rail Daily",
    "published": "2026-02-14",
    "url": "https://example.org/2026",
    "text": "Kazakhstan and China agreed to build the Bakhty–Ayagoz railway, but construction was suspended "
    "in February.",
}


def test_a_timeline_goes_back_when_a_document_reports_a_setback(
    runner: CliRunner, three_years: str, tmp_path: Path
) -> None:
    source = tmp_path / "setback.jsonl"
    source.write_text(json.dumps(SETBACK, ensure_ascii=False) + "\n", encoding="utf-8")
    assert invoke(runner, "ingest", str(source), "--db", three_years).exit_code == 0

    result = invoke(runner, "timeline", "Bakhty", "--format", "json", "--db", three_years)
    timeline = json.loads(result.stdout)
    assert timeline["current_stage"] == "stalled"
    last = timeline["statements"][-1]
    assert (last["date"], last["stage"], last["setback"]) == ("2026-02-14", "agreed", "stalled")

    changed = invoke(runner, "diff", "--since", "2026", "--format", "json", "--db", three_years)
    [change] = json.loads(changed.stdout)
    assert (change["change"], change["before"], change["after"]) == ("regressed", "underway", "stalled")

    items = invoke(runner, "items", "--format", "json", "--search", "suspended", "--db", three_years)
    [item] = json.loads(items.stdout)
    assert item["setback"] == "stalled"


@pytest.mark.parametrize(
    ("states", "current"),
    [
        ([("2024", "agreed", None), ("2025", "agreed", "stalled")], "stalled"),
        ([("2024", "agreed", "stalled"), ("2025", "underway", None)], "underway"),  # resumed
        ([("2025", "underway", None), ("2025", "agreed", "cancelled")], "cancelled"),
        ([("2025", "agreed", "stalled"), ("2025", "agreed", "cancelled")], "cancelled"),
    ],
)
def test_the_current_state(states: list[tuple[str, str, str | None]], current: str) -> None:
    told = [
        Statement(d, stage, "x", "q", n, "doc", None, None, None, setback)
        for n, (d, stage, setback) in enumerate(states)
    ]
    assert current_stage(told) == current

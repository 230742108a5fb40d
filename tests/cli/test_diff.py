"""accord diff: new, advanced, regressed and no longer mentioned, between dates or between documents."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from accord.store.changes import in_window

from .conftest import invoke

# Two summits' reports, written for this test: the railway advances, the cultural centre goes back to
# talk, the wind farm is new, and the hub at Khorgos is not mentioned again.
SUMMITS = [
    {
        "id": "summit-2023",
        "title": "Summit in Astana",
        "published": "2023-05-20",
        "text": "Kazakhstan and China agreed to build the Bakhty–Ayagoz railway line. Kazakhstan and China "
        "agreed to open a cultural centre in Xi'an. The sides discussed a logistics hub in Khorgos.",
    },
    {
        "id": "summit-2025",
        "title": "Summit in Beijing",
        "published": "2025-05-21",
        "text": "Construction of the Bakhty–Ayagoz railway is under way. The sides discussed the cultural "
        "centre in Xi'an. Kazakhstan and China signed an agreement to build a wind farm in Zhanatas.",
    },
]
EXPECTED = [
    ("new", None, "agreed"),
    ("advanced", "agreed", "underway"),
    ("regressed", "agreed", "discussed"),
    ("no longer mentioned", "discussed", None),
]


@pytest.fixture
def summits(runner: CliRunner, tmp_path: Path, db: str) -> str:
    source = tmp_path / "summits.jsonl"
    source.write_text(
        "".join(json.dumps(doc, ensure_ascii=False) + "\n" for doc in SUMMITS), encoding="utf-8"
    )
    assert invoke(runner, "ingest", str(source), "--db", db).exit_code == 0
    return db


@pytest.mark.parametrize(
    "window",
    [
        ["--since", "2025"],
        ["--since", "2024-01-01", "--until", "2025-12-31", "--from", "2023"],
        ["--old", "summit-2023", "--new", "summit-2025"],
    ],
)
def test_changes_between_two_summits(runner: CliRunner, summits: str, window: list[str]) -> None:
    result = invoke(runner, "diff", *window, "--format", "json", "--db", summits)
    assert result.exit_code == 0, result.output
    changes = json.loads(result.stdout)
    assert [(c["change"], c["before"], c["after"]) for c in changes] == EXPECTED
    by_kind = {c["change"]: c for c in changes}
    assert by_kind["advanced"]["entity"]["id"] == "bakhty-ayagoz-railway"
    assert by_kind["advanced"]["latest"]["document_id"] == "summit-2025"
    assert by_kind["no longer mentioned"]["latest"]["document_id"] == "summit-2023"


def test_the_table(runner: CliRunner, summits: str) -> None:
    result = invoke(runner, "diff", "--since", "2025-01-01", "--db", summits)
    assert result.exit_code == 0, result.output
    for kind, *_ in EXPECTED:
        assert kind in result.stdout
    assert "2025-05-21 · Summit in Beijing" in result.stdout


def test_a_window_before_everything_has_only_new_entities(runner: CliRunner, summits: str) -> None:
    result = invoke(runner, "diff", "--since", "2000", "--format", "json", "--db", summits)
    assert {c["change"] for c in json.loads(result.stdout)} == {"new"}


@pytest.mark.parametrize(
    ("args", "message"),
    [
        ([], "give either --since"),
        (["--since", "2025", "--old", "summit-2023"], "give either --since"),
        (["--old", "summit-2023"], "give both --old and --new"),
        (["--old", "summit-2023", "--new", "nothing"], "There is no document 'nothing'"),
    ],
)
def test_bad_windows_are_refused(runner: CliRunner, summits: str, args: list[str], message: str) -> None:
    result = invoke(runner, "diff", *args, "--db", summits)
    assert result.exit_code == 2 and message in result.output


@pytest.mark.parametrize(
    ("published", "since", "until", "inside"),
    [
        ("2024-05-01", "2024", "2024", True),
        ("2024-12-31", None, "2024", True),
        ("2025-01-01", None, "2024", False),
        ("2023-12-31", "2024", None, False),
        (None, "2024", None, False),
        (None, None, None, True),
    ],
)
def test_in_window(published: str | None, since: str | None, until: str | None, inside: bool) -> None:
    assert in_window(published, since, until) is inside

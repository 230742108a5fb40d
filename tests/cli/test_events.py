"""accord events and accord diff between events, over reports extracted for real: three outlets' wording
of one meeting end as one event; a later meeting and another pair's meeting stay apart."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from .conftest import invoke

# Written for this test: one Kazakhstan–China meeting told three ways, a later meeting, and a
# Kazakhstan–Russia meeting on the same day.
REPORTS = [
    {
        "id": "steppe-wire",
        "outlet": "Steppe Wire",
        "title": "Astana and Beijing agree on rail and port projects",
        "published": "2025-09-02",
        "text": "The presidents of Kazakhstan and China met in Astana on Tuesday. They agreed to build the "
        "second track of the Dostyk–Moiynty railway and signed an agreement to expand the Khorgos dry port.",
    },
    {
        "id": "caspian-daily",
        "outlet": "Caspian Daily",
        "title": "Kazakh and Chinese leaders hold talks",
        "published": "2025-09-03",
        "text": "Kazakhstan and China signed a deal on the expansion of the Khorgos dry port. The two sides "
        "also agreed on the construction of a third railway crossing at Bakhty.",
    },
    {
        "id": "silk-road-times",
        "outlet": "Silk Road Times",
        "title": "Summit results",
        "published": "2025-09-02",
        "text": "Following the Kazakhstan–China summit, officials said that Kazakhstan and China will lay "
        "the second line of the Dostyk–Moiynty railway.",
    },
    {
        "id": "rail-talks",
        "outlet": "Steppe Wire",
        "title": "Rail talks continue",
        "published": "2025-09-20",
        "text": "Construction of the second track of the Dostyk–Moiynty railway is under way, Kazakhstan and "
        "China said in Urumqi.",
    },
    {
        "id": "nuclear",
        "outlet": "Steppe Wire",
        "title": "Kazakhstan and Russia on the nuclear plant",
        "published": "2025-09-02",
        "text": "Kazakhstan and Russia agreed that Rosatom will build Kazakhstan's first nuclear power "
        "plant.",
    },
]
MEETING = "2025-09-02-chn-kaz"


@pytest.fixture
def reports(runner: CliRunner, tmp_path: Path, db: str) -> str:
    source = tmp_path / "reports.jsonl"
    source.write_text("".join(json.dumps(doc) + "\n" for doc in REPORTS), encoding="utf-8")
    result = invoke(runner, "ingest", str(source), "--db", db)
    assert result.exit_code == 0, result.output
    return db


def test_three_reports_of_one_meeting_are_one_event(runner: CliRunner, reports: str) -> None:
    result = invoke(runner, "events", "--format", "json", "--db", reports)
    assert result.exit_code == 0, result.output
    events = {event["id"]: event for event in json.loads(result.stdout)}
    assert set(events) == {MEETING, "2025-09-02-kaz-rus", "2025-09-20-chn-kaz"}
    sources = [source["document_id"] for source in events[MEETING]["sources"]]
    assert sorted(sources) == ["caspian-daily", "silk-road-times", "steppe-wire"]
    assert (events[MEETING]["start"], events[MEETING]["end"]) == ("2025-09-02", "2025-09-03")


def test_an_event_has_one_entry_per_entity_with_every_statement(runner: CliRunner, reports: str) -> None:
    result = invoke(runner, "events", MEETING, "--format", "json", "--db", reports)
    assert result.exit_code == 0, result.output
    entries = json.loads(result.stdout)["entries"]
    ids = [entry["entity"]["id"] for entry in entries]
    assert len(ids) == len(set(ids))
    railway = next(entry for entry in entries if entry["entity"]["id"] == "dostyk-moiynty-railway")
    # two reports name the railway: agreed in one, planned in the other; the entry has the further stage
    assert sorted(s["document_id"] for s in railway["statements"]) == ["silk-road-times", "steppe-wire"]
    assert railway["stage"] == "agreed"


def test_the_event_table_lists_the_reports(runner: CliRunner, reports: str) -> None:
    result = invoke(runner, "events", "--party", "CHN", "--db", reports)
    assert result.exit_code == 0, result.output
    assert MEETING in result.stdout and "2025-09-20-chn-kaz" in result.stdout
    assert "2025-09-02-kaz-rus" not in result.stdout
    shown = invoke(runner, "events", MEETING, "--db", reports)
    assert "Caspian Daily" in shown.stdout and "dostyk-moiynty-railway" in shown.stdout


def test_diff_between_two_events(runner: CliRunner, reports: str) -> None:
    args = ("diff", "--old-event", MEETING, "--new-event", "2025-09-20-chn-kaz", "--format", "json")
    result = invoke(runner, *args, "--db", reports)
    assert result.exit_code == 0, result.output
    changes = {c["entity"]["id"]: c for c in json.loads(result.stdout)}
    assert (changes["dostyk-moiynty-railway"]["change"], changes["dostyk-moiynty-railway"]["after"]) == (
        "advanced",
        "underway",
    )
    assert {c["change"] for c in changes.values()} == {"advanced", "no longer mentioned"}


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("events", "1999-01-01-kaz"), "No event has the id '1999-01-01-kaz'"),
        (("diff", "--old-event", MEETING), "give both --old-event and --new-event"),
    ],
)
def test_bad_event_arguments_are_one_clear_line(
    runner: CliRunner, reports: str, args: tuple[str, ...], message: str
) -> None:
    result = invoke(runner, *args, "--db", reports)
    assert result.exit_code == 2
    assert message in result.output

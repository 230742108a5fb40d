from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner, Result

from accord.cli.main import app
from accord.kb import KB_PATH_ENV
from accord.resolve import link


def _kb(user_kb: Path, *args: str) -> Result:
    return CliRunner(env={KB_PATH_ENV: str(user_kb)}).invoke(app, ["kb", *args])


def test_add_writes_the_user_file_and_list_and_show_read_it(user_kb: Path) -> None:
    added = _kb(
        user_kb,
        *("add", "--id", "zhezkazgan-kyzylorda-railway", "--type", "railway"),
        *("--name", "Zhezkazgan–Kyzylorda railway", "--alias", "Жезказган – Кызылорда"),
        *("--country", "KAZ", "--coords", "47.80,67.71", "--coords", "44.85,65.50"),
    )
    assert added.exit_code == 0, added.output
    assert str(user_kb) in added.stdout and user_kb.exists()

    listed = _kb(user_kb, "list", "--type", "railway")
    assert "zhezkazgan-kyzylorda-railway\trailway\tZhezkazgan–Kyzylorda railway" in listed.stdout
    assert "dostyk-moiynty-railway\trailway" in listed.stdout
    assert "rosatom" not in listed.stdout

    shown = json.loads(_kb(user_kb, "show", "zhezkazgan-kyzylorda-railway").stdout)
    assert shown["coords"] == [[47.8, 67.71], [44.85, 65.5]] and shown["source"] == str(user_kb)

    linked = link("Kyzylorda–Zhezkazgan railway line", ["KAZ"])
    assert linked is not None and linked.id == "zhezkazgan-kyzylorda-railway"


def test_add_keeps_what_the_file_holds(user_kb: Path) -> None:
    user_kb.write_text("# my entities\n- {id: first-one, type: place, name: First}\n", encoding="utf-8")
    assert _kb(user_kb, "add", "--id", "second-one", "--type", "place", "--name", "Second").exit_code == 0
    text = user_kb.read_text(encoding="utf-8")
    assert text.startswith("# my entities\n") and "second-one" in text
    listed = _kb(user_kb, "list", "--type", "place").stdout.splitlines()
    assert [line.split("\t")[0] for line in listed][-2:] == ["first-one", "second-one"]


def test_list_json_lines(user_kb: Path) -> None:
    lines = _kb(user_kb, "list", "--type", "organisation", "--json").stdout.splitlines()
    records = [json.loads(line) for line in lines]
    assert {"sco", "csto", "eaeu"} <= {record["id"] for record in records}


def test_errors_are_one_line(user_kb: Path) -> None:
    cases = [
        (("show", "atlantis"), "no entity 'atlantis' in the knowledge base"),
        (("list", "--type", "planet"), "--type 'planet' is not one of"),
        (("add", "--id", "rosatom", "--type", "company", "--name", "R"), "id 'rosatom' is already defined"),
        (
            ("add", "--id", "Bad", "--type", "place", "--name", "B"),
            "the new entity 'Bad': id 'Bad' is not a slug",
        ),
        (("add", "--id", "x", "--type", "place", "--name", "X", "--coords", "north"), "is not LAT,LON"),
        (("add", "--id", "x", "--type", "place", "--name", "X", "--country", "ZZZ"), "ZZZ are not ISO"),
    ]
    for args, message in cases:
        result = _kb(user_kb, *args)
        assert result.exit_code == 2, (args, result.output)
        assert result.stderr.startswith("error: ") and message in result.stderr, result.stderr
    assert not user_kb.exists()

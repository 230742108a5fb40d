from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pyarrow.parquet as pq
from conftest import check_geojson
from typer.testing import CliRunner

from accord.store import ItemQuery

from .conftest import invoke, stored


def test_csv_to_standard_output(runner: CliRunner, register: str) -> None:
    result = invoke(runner, "export", "--format", "csv", "--db", register)
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert [int(row["item_id"]) for row in rows] == [s.id for s in stored(register)]


def test_jsonl_to_a_file_with_a_filter(runner: CliRunner, register: str, tmp_path: Path) -> None:
    out = tmp_path / "transport.jsonl"
    result = invoke(
        runner, "export", "--format", "jsonl", "--out", str(out), "--sector", "transport", "--db", register
    )
    assert result.exit_code == 0, result.output
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [r["item_id"] for r in records] == [s.id for s in stored(register, ItemQuery(sector="transport"))]
    assert result.stderr == f"exported {len(records)} items to {out}\n"
    assert not list(tmp_path.glob(".*.part"))


def test_parquet_to_a_file_and_to_a_pipe(runner: CliRunner, register: str, tmp_path: Path) -> None:
    out = tmp_path / "items.parquet"
    assert invoke(runner, "export", "--format", "parquet", "--out", str(out), "--db", register).exit_code == 0
    table = pq.read_table(out)
    assert table.column("item_id").to_pylist() == [s.id for s in stored(register)]
    piped = invoke(runner, "export", "--format", "parquet", "--db", register)
    assert piped.exit_code == 0 and piped.stdout_bytes.startswith(b"PAR1")


def test_an_unwritable_destination_is_one_error_line(
    runner: CliRunner, register: str, tmp_path: Path
) -> None:
    result = invoke(
        runner, "export", "--format", "csv", "--out", str(tmp_path / "no" / "x.csv"), "--db", register
    )
    assert result.exit_code == 2
    [line] = result.stderr.splitlines()
    assert line.startswith(f"error: cannot write {tmp_path / 'no' / 'x.csv'}")


def test_geojson_of_the_entities_with_a_place(runner: CliRunner, register: str, tmp_path: Path) -> None:
    out = tmp_path / "map.geojson"
    result = invoke(runner, "export", "--format", "geojson", "--out", str(out), "--db", register)
    assert result.exit_code == 0, result.output
    data = json.loads(out.read_text(encoding="utf-8"))
    check_geojson(data)
    assert f"exported {len(data['features'])} features to" in result.stderr
    features = {feature["id"]: feature for feature in data["features"]}
    railway = features["dostyk-moiynty-railway"]
    assert railway["properties"] == {
        "id": "dostyk-moiynty-railway",
        "name": "Dostyk–Moiynty railway",
        "type": "railway",
        "current_stage": "agreed",
        "items": 2,
        "placed_by": "knowledge base",
    }
    assert railway["geometry"]["type"] == "LineString"
    # the others are new entities placed at a town their names hold
    others = [f["properties"] for f in features.values() if f["id"] != railway["id"]]
    assert all(p["placed_by"].startswith("gazetteer: ") for p in others), others

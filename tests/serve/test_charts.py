"""The timeline chart and the SVG map, drawn on the server from plain records."""

from __future__ import annotations

from pathlib import Path

from accord.serve.charts import timeline_chart
from accord.serve.mapsvg import svg_map
from accord.store.timeline import Statement


def said(date: str | None, stage: str, item_id: int) -> Statement:
    return Statement(date, stage, "railway", "quote", item_id, "doc", None, None, None)


def test_dots_go_right_with_time_and_up_with_the_stage() -> None:
    chart = timeline_chart(
        [said("2023", "planned", 1), said("2024-06-01", "agreed", 2), said(None, "discussed", 3)]
    )
    first, second = chart.dots
    assert first.x < second.x and first.y > second.y  # SVG's y grows downwards
    assert [s.item_id for s in chart.undated] == [3]
    assert [year for year, _ in chart.ticks] == ["2023", "2024"]
    assert chart.steps.count(",") == 3  # two dates: a step across, then up


def test_a_bad_or_missing_date_is_not_drawn() -> None:
    chart = timeline_chart([said("someday", "agreed", 1)])
    assert chart.dots == [] and len(chart.undated) == 1 and chart.steps == ""


def test_one_date_is_labelled_by_itself() -> None:
    chart = timeline_chart([said("2025-11-18", "underway", 1), said("2025-11-18", "agreed", 2)])
    assert [label for label, _ in chart.ticks] == ["2025-11-18"]


def test_the_svg_map_frames_its_features_and_survives_missing_outlines(tmp_path: Path) -> None:
    point = {"type": "Point", "coordinates": [71.4, 51.1]}
    feature = {
        "type": "Feature",
        "geometry": point,
        "properties": {"id": "x", "name": "X", "current_stage": None},
    }
    sketch = svg_map({"type": "FeatureCollection", "features": [feature]}, tmp_path)
    west, north_up, width, height = map(float, sketch.view_box.split())
    assert west < 71.4 < west + width and north_up < -51.1 < north_up + height
    assert sketch.outlines == [] and sketch.shapes[0].cx == "71.400"
    (tmp_path / "countries.geo.json").write_text("not json")
    assert svg_map({"features": []}, tmp_path, world=True).view_box == "-180.00 -90.00 360.00 180.00"

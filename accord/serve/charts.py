"""An entity's timeline as a chart drawn on the server (SVG, no script): one dot per dated statement, at its
date across and its stage up, and a step line through the stage reached on each date.

Dates are ISO strings of any precision ("2024", "2024-05", "2024-05-10"); a partial date stands for its
first day. Undated statements have no place on the chart and are listed below it by the page.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from accord.model import STAGE_ORDER, STAGES
from accord.store.timeline import Statement

WIDTH, HEIGHT = 720, 220
LEFT, RIGHT, TOP, BOTTOM = 90, 20, 15, 35


@dataclass(frozen=True, slots=True)
class Dot:
    x: float
    y: float
    statement: Statement


@dataclass(frozen=True, slots=True)
class Chart:
    width: int
    height: int
    dots: list[Dot]
    steps: str  # SVG polyline points through the most advanced stage of each date
    rows: list[tuple[str, float]]  # (stage, y) of each stage's grid line
    ticks: list[tuple[str, float]]  # (year, x) along the bottom
    undated: list[Statement]


def timeline_chart(statements: tuple[Statement, ...] | list[Statement]) -> Chart:
    dated = [(day, s) for s in statements if s.date is not None and (day := _day(s.date)) is not None]
    undated = [s for s in statements if s.date is None or _day(s.date) is None]
    rows = [(stage, _y(stage)) for stage in STAGES]
    if not dated:
        return Chart(WIDTH, HEIGHT, [], "", rows, [], undated)
    first, last = min(d for d, _ in dated).toordinal(), max(d for d, _ in dated).toordinal()
    pad = max((last - first) // 20, 15)
    low, high = first - pad, last + pad

    def x(day: date) -> float:
        return round(LEFT + (day.toordinal() - low) / (high - low) * (WIDTH - LEFT - RIGHT), 1)

    dots = [Dot(x(day), _y(s.stage), s) for day, s in dated]
    reached: dict[float, str] = {}
    for dot in dots:
        if dot.x not in reached or STAGE_ORDER[dot.statement.stage] > STAGE_ORDER[reached[dot.x]]:
            reached[dot.x] = dot.statement.stage
    points: list[str] = []
    for at, stage in sorted(reached.items()):
        if points:
            points.append(f"{at},{points[-1].split(',')[1]}")
        points.append(f"{at},{_y(stage)}")
    years = range(date.fromordinal(low).year + 1, date.fromordinal(high).year + 1)
    ticks = [(str(year), x(date(year, 1, 1))) for year in years]
    if len(ticks) < 2:  # within a year or so: the dates themselves say more
        ticks = [(day.isoformat(), x(day)) for day in sorted({day for day, _ in dated})][:6]
    return Chart(WIDTH, HEIGHT, dots, " ".join(points), rows, ticks, undated)


def _y(stage: str) -> float:
    step = (HEIGHT - TOP - BOTTOM) / (len(STAGES) - 1)
    return round(HEIGHT - BOTTOM - STAGE_ORDER[stage] * step, 1)


def _day(value: str) -> date | None:
    parts = [*value[:10].split("-"), "01", "01"][:3]
    try:
        return date(int(parts[0]), int(parts[1] or 1), int(parts[2] or 1))
    except ValueError:
        return None

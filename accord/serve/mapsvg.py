"""A map drawn on the server as SVG: country outlines and the register's GeoJSON features, with no script.

The entity page's small map, and the map page's fallback when Leaflet is not installed. The projection is
equirectangular (x = longitude, y = -latitude, in degrees), which is plenty for a region's sketch. Country
outlines are world-atlas's countries-110m, converted to GeoJSON by `make install`; without them the map
shows the features alone.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

WORLD = (-180.0, -90.0, 180.0, 90.0)  # west, south, east, north
MIN_SPAN = 12.0  # degrees: a single point gets a region around it
COUNTRIES_FILE = "countries.geo.json"


@dataclass(frozen=True, slots=True)
class Shape:
    """One feature as SVG: a point (cx, cy) or a line (points), with what its title and link say."""

    kind: str  # "point" or "line"
    points: str  # "x,y x,y ..." for a line; "x,y" for a point
    entity_id: str
    name: str
    stage: str | None

    @property
    def cx(self) -> str:
        return self.points.split(",")[0]

    @property
    def cy(self) -> str:
        return self.points.split(",")[1]


@dataclass(frozen=True, slots=True)
class SvgMap:
    view_box: str
    outlines: list[str]  # SVG path data, one per country in view
    shapes: list[Shape]
    radius: float  # of a point, in degrees of the view
    stroke: float


def svg_map(collection: dict[str, Any], vendor: Path, *, world: bool = False) -> SvgMap:
    """The features of `collection` over the countries around them (the whole world when `world`)."""
    shapes = [_shape(feature) for feature in collection.get("features", [])]
    positions = [_lon_lat(feature["geometry"]) for feature in collection.get("features", [])]
    box = WORLD if world or not positions else _around([p for each in positions for p in each])
    west, south, east, north = box
    span = max(east - west, north - south)
    outlines = [path for path, bounds in _countries(vendor / COUNTRIES_FILE) if _overlaps(bounds, box)]
    return SvgMap(
        view_box=f"{west:.2f} {-north:.2f} {east - west:.2f} {north - south:.2f}",
        outlines=outlines,
        shapes=shapes,
        radius=round(span / 80, 3),
        stroke=round(span / 300, 3),
    )


def _shape(feature: dict[str, Any]) -> Shape:
    geometry, properties = feature["geometry"], feature["properties"]
    positions = _lon_lat(geometry)
    points = " ".join(f"{lon:.3f},{-lat:.3f}" for lon, lat in positions)
    kind = "point" if geometry["type"] == "Point" else "line"
    return Shape(kind, points, properties["id"], properties["name"], properties.get("current_stage"))


def _lon_lat(geometry: dict[str, Any]) -> list[tuple[float, float]]:
    coords = geometry["coordinates"]
    return [(coords[0], coords[1])] if geometry["type"] == "Point" else [(c[0], c[1]) for c in coords]


def _around(positions: list[tuple[float, float]]) -> tuple[float, float, float, float]:
    lons, lats = [p[0] for p in positions], [p[1] for p in positions]
    span = max(max(lons) - min(lons), max(lats) - min(lats), MIN_SPAN) * 1.3
    mid_lon, mid_lat = (max(lons) + min(lons)) / 2, (max(lats) + min(lats)) / 2
    half = span / 2
    return (
        max(mid_lon - half, -180.0),
        max(mid_lat - half / 1.6, -90.0),
        min(mid_lon + half, 180.0),
        min(mid_lat + half / 1.6, 90.0),
    )


def _overlaps(a: tuple[float, float, float, float], b: tuple[float, float, float, float]) -> bool:
    return a[0] <= b[2] and b[0] <= a[2] and a[1] <= b[3] and b[1] <= a[3]


@lru_cache(maxsize=2)
def _countries(path: Path) -> tuple[tuple[str, tuple[float, float, float, float]], ...]:
    """Each country's outline as SVG path data with its bounds; none when the file is not installed."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return ()
    found = []
    for feature in data.get("features", []):
        geometry = feature.get("geometry") or {}
        polygons = {"Polygon": [geometry.get("coordinates")], "MultiPolygon": geometry.get("coordinates")}
        shapes = polygons.get(str(geometry.get("type")), []) or []
        rings = [ring for polygon in shapes for ring in polygon or []]
        if rings:
            found.append(_outline(rings))
    return tuple(found)


def _outline(rings: list[list[list[float]]]) -> tuple[str, tuple[float, float, float, float]]:
    parts = []
    lons: list[float] = []
    lats: list[float] = []
    for ring in rings:
        parts.append("M" + "L".join(f"{lon:.1f} {-lat:.1f}" for lon, lat, *_ in ring) + "Z")
        lons.extend(point[0] for point in ring)
        lats.extend(point[1] for point in ring)
    return "".join(parts), (min(lons), min(lats), max(lons), max(lats))

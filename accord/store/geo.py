"""The register's entities on a map: a GeoJSON FeatureCollection (RFC 7946) of every entity with a place.

Coordinates come from the knowledge base (accord.kb), which keeps (latitude, longitude); GeoJSON wants
[longitude, latitude]. An entity with one point is a Point; a line (a railway, a corridor, a pipeline:
both ends) is a LineString. Items are read through judgements, so a merged group is one feature, placed
where its canonical entity is.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any, TextIO

from accord.kb import Entity, KnowledgeBase, knowledge_base
from accord.model import EntityRef
from accord.store.base import StoredItem
from accord.store.timeline import Statement, by_entity, current_stage


def feature_collection(items: Iterable[StoredItem], kb: KnowledgeBase | None = None) -> dict[str, Any]:
    """One Feature per entity of `items` that the knowledge base places, by id."""
    known = kb or knowledge_base()
    grouped = by_entity(items)
    features = []
    for entity_id in sorted(grouped):
        placed = known.get(entity_id)
        entity, said = grouped[entity_id]
        if placed is not None and placed.coords:
            features.append(_feature(entity, placed, said))
    return {"type": "FeatureCollection", "features": features}


def write_geojson(items: Iterable[StoredItem], stream: TextIO) -> int:
    """Write the FeatureCollection of `items` to `stream`; how many features it holds."""
    collection = feature_collection(items)
    json.dump(collection, stream, ensure_ascii=False, indent=2)
    stream.write("\n")
    return len(collection["features"])


def _feature(entity: EntityRef, placed: Entity, told: list[Statement]) -> dict[str, Any]:
    positions = [[lon, lat] for lat, lon in placed.coords]
    geometry = (
        {"type": "Point", "coordinates": positions[0]}
        if len(positions) == 1
        else {"type": "LineString", "coordinates": positions}
    )
    properties = {
        "id": entity.id,
        "name": entity.name,
        "type": entity.type,
        "current_stage": current_stage(told),
        "items": len(told),
    }
    return {"type": "Feature", "id": entity.id, "geometry": geometry, "properties": properties}

"""The register's entities on a map: a GeoJSON FeatureCollection (RFC 7946) of every entity with a place.

Coordinates come from the knowledge base (accord.kb), which keeps (latitude, longitude); GeoJSON wants
[longitude, latitude]. An entity the knowledge base does not place is placed at the town its name holds,
from GeoNames (accord.kb.gazetteer); `placed_by` says which. An entity with one point is a Point; a line
(a railway, a corridor, a pipeline: both ends) is a LineString. Items are read through judgements, so a
merged group is one feature, placed where its canonical entity is.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable
from typing import Any, TextIO

from accord.kb import KnowledgeBase, knowledge_base
from accord.kb.gazetteer import place_of
from accord.model import EntityRef
from accord.store.base import StoredItem
from accord.store.timeline import Statement, by_entity, current_stage


def feature_collection(items: Iterable[StoredItem], kb: KnowledgeBase | None = None) -> dict[str, Any]:
    """One Feature per entity of `items` that has a place, by id: where the knowledge base puts it, else
    the town its name holds (accord.kb.gazetteer), in its items' countries where they have any."""
    known = kb or knowledge_base()
    listed = list(items)
    grouped = by_entity(listed)
    parties: dict[str, set[str]] = defaultdict(set)
    for stored in listed:
        if stored.item.entity is not None:
            parties[stored.item.entity.id].update(stored.item.parties)
    features = []
    for entity_id in sorted(grouped):
        placed = known.get(entity_id)
        entity, said = grouped[entity_id]
        if placed is not None and placed.coords:
            features.append(
                _feature(entity, [[lon, lat] for lat, lon in placed.coords], said, "knowledge base")
            )
        elif (town := place_of(entity.name, parties[entity_id])) is not None:
            where = [[town.longitude, town.latitude]]
            features.append(_feature(entity, where, said, f"gazetteer: {town.name}, {town.country}"))
    return {"type": "FeatureCollection", "features": features}


def write_geojson(items: Iterable[StoredItem], stream: TextIO) -> int:
    """Write the FeatureCollection of `items` to `stream`; how many features it holds."""
    collection = feature_collection(items)
    json.dump(collection, stream, ensure_ascii=False, indent=2)
    stream.write("\n")
    return len(collection["features"])


def _feature(
    entity: EntityRef, positions: list[list[float]], told: list[Statement], by: str
) -> dict[str, Any]:
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
        "placed_by": by,
    }
    return {"type": "Feature", "id": entity.id, "geometry": geometry, "properties": properties}

"""GeoJSON of the register's placed entities: valid RFC 7946 structure, [longitude, latitude], Points for
places, LineStrings for lines, and the entity's current stage and item count."""

from __future__ import annotations

import io
import json

from conftest import check_geojson

from accord.model import EntityRef
from accord.store import ItemQuery, SqlStore, write_export
from accord.store.geo import feature_collection

from .builders import document, item

ALMATY = EntityRef("almaty", "Almaty", "place")
RAILWAY = EntityRef("dostyk-moiynty-railway", "Dostyk–Moiynty railway", "railway")
UNPLACED = EntityRef("some-new-thing", "some new thing", "other")


def test_placed_entities_become_features(store: SqlStore) -> None:
    store.save_document(
        document("old", published="2023-01-01"),
        [item("Dostyk–Moiynty line", entity=RAILWAY), item("new thing", entity=UNPLACED)],
    )
    store.save_document(
        document("new", published="2025-01-01"),
        [
            item("Dostyk–Moiynty line", stage="completed", entity=RAILWAY),
            item("Almaty", sector="culture", stage="planned", entity=ALMATY),
        ],
    )
    out = io.StringIO()
    assert write_export(store.iter_items(ItemQuery()), "geojson", out) == 2
    data = json.loads(out.getvalue())
    check_geojson(data)
    almaty, railway = data["features"]
    assert almaty["geometry"] == {"type": "Point", "coordinates": [76.89, 43.24]}
    assert almaty["properties"] == {
        "id": "almaty", "name": "Almaty", "type": "place", "current_stage": "planned", "items": 1,
        "placed_by": "knowledge base",
    }  # fmt: skip
    assert railway["geometry"]["type"] == "LineString" and len(railway["geometry"]["coordinates"]) == 2
    assert railway["properties"]["current_stage"] == "completed" and railway["properties"]["items"] == 2


def test_a_merged_group_is_one_feature_at_its_canonical_place(store: SqlStore) -> None:
    store.save_document(
        document("a", published="2024-01-01"),
        [item("the line", entity=RAILWAY), item("that line", entity=UNPLACED)],
    )
    store.merge(UNPLACED.id, RAILWAY.id)
    [feature] = feature_collection(store.iter_items(ItemQuery()))["features"]
    assert feature["id"] == RAILWAY.id and feature["properties"]["items"] == 2


def test_nothing_placed_is_an_empty_collection(store: SqlStore) -> None:
    assert feature_collection([]) == {"type": "FeatureCollection", "features": []}


CENTRE = EntityRef("cultural-centre-in-xian", "cultural centre in Xi'an", "institution")
HUB = EntityRef("logistics-hub-in-aktau", "logistics hub in Aktau", "other")
WEEK = EntityRef("energy-week", "Energy Week", "event")


def test_an_entity_the_knowledge_base_does_not_place_is_placed_at_the_town_it_names(store: SqlStore) -> None:
    store.save_document(
        document("a", published="2025-01-01"),
        [
            item("cultural centre in Xi'an", parties=("CHN", "KAZ"), entity=CENTRE),
            item("logistics hub in Aktau", parties=("KAZ",), entity=HUB),
            # "Week" is another name of a small town in Scotland: not in the item's countries
            item("Energy Week", parties=("KAZ",), entity=WEEK),
        ],
    )
    features = {f["id"]: f for f in feature_collection(store.iter_items(ItemQuery()))["features"]}
    assert set(features) == {CENTRE.id, HUB.id}
    lon, lat = features[CENTRE.id]["geometry"]["coordinates"]
    assert (round(lon), round(lat)) == (109, 34)  # Xi'an
    assert features[CENTRE.id]["properties"]["placed_by"].startswith("gazetteer: Xi")
    assert features[HUB.id]["properties"]["placed_by"].endswith(", KAZ")

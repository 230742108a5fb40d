"""One YAML entry -> an Entity, or a ConfigError that names the file, the entry and what is wrong."""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from accord.kb.records import KB_TYPES, Entity, Point, Term
from accord.vocab import countries

ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_KEYS = frozenset({"id", "type", "name", "aliases", "context_aliases", "countries", "coords", "terms"})


class EntryError(ValueError):
    """What is wrong with one entry; the loader adds the file and the entry."""


def entity_from_entry(entry: Any, source: str) -> Entity:
    if not isinstance(entry, dict):
        raise EntryError("an entry is a mapping with id, type and name")
    unknown = sorted(str(key) for key in entry if key not in _KEYS)
    if unknown:
        raise EntryError(f"unknown field(s) {', '.join(unknown)}; known: {', '.join(sorted(_KEYS))}")
    entity_id = _text(entry, "id")
    if not ID.match(entity_id):
        raise EntryError(f"id {entity_id!r} is not a slug (lowercase letters, digits, single hyphens)")
    entity_type = _text(entry, "type")
    if entity_type not in KB_TYPES:
        raise EntryError(f"type {entity_type!r} is not one of {', '.join(KB_TYPES)}")
    return Entity(
        id=entity_id,
        type=entity_type,
        name=_text(entry, "name"),
        aliases=_texts(entry, "aliases"),
        context_aliases=_texts(entry, "context_aliases"),
        countries=_countries(entry),
        coords=_coords(entry.get("coords")),
        terms=_terms(entry.get("terms")),
        source=source,
    )


def entry_label(entry: Any, index: int) -> str:
    """How a message names an entry: its position, and its id where it has one."""
    entity_id = entry.get("id") if isinstance(entry, dict) else None
    return f"entry {index + 1}" + (f" (id {entity_id!r})" if entity_id is not None else "")


def _text(entry: dict[Any, Any], key: str) -> str:
    value = entry.get(key)
    if not isinstance(value, str) or not value.strip():
        raise EntryError(f"{key} is missing or not a text")
    return value.strip()


def _texts(entry: dict[Any, Any], key: str) -> tuple[str, ...]:
    """A list of names; YAML reads a bare `no` or `on` as a boolean, which is refused, not misread."""
    values = entry.get(key) or []
    if not isinstance(values, list):
        raise EntryError(f"{key} must be a list of names")
    bad = [value for value in values if not isinstance(value, str) or not value.strip()]
    if bad:
        raise EntryError(f"{key}: {bad!r} are not names; quote them")
    return tuple(value.strip() for value in values)


def _countries(entry: dict[Any, Any]) -> tuple[str, ...]:
    codes = _texts(entry, "countries")
    unknown = [code for code in codes if code not in countries()]
    if unknown:
        raise EntryError(f"countries: {', '.join(unknown)} are not ISO alpha-3 codes accord knows")
    if entry.get("context_aliases") and not codes:
        raise EntryError("context_aliases need the countries they hold between")
    return codes


def _coords(value: Any) -> tuple[Point, ...]:
    """[lat, lon] for a place, or [[lat, lon], [lat, lon]] for the two ends of a line."""
    if value is None:
        return ()
    points = value if isinstance(value, list) and value and isinstance(value[0], list) else [value]
    return tuple(_point(point) for point in points)


def _point(value: Any) -> Point:
    numbers = isinstance(value, list) and all(
        isinstance(x, int | float) and not isinstance(x, bool) for x in value
    )
    if not numbers or len(value) != 2:
        raise EntryError(f"coords: {value!r} is not [latitude, longitude]")
    lat, lon = float(value[0]), float(value[1])
    if not (-90 <= lat <= 90 and -180 <= lon <= 180):
        raise EntryError(f"coords: {value!r} is outside latitude -90..90, longitude -180..180")
    return lat, lon


def _terms(value: Any) -> tuple[Term, ...]:
    if value is None:
        return ()
    if not isinstance(value, list):
        raise EntryError("terms must be a list of {office, start, end}")
    return tuple(_term(term) for term in value)


def _term(value: Any) -> Term:
    if not isinstance(value, dict) or not isinstance(value.get("office"), str):
        raise EntryError(f"terms: {value!r} needs an office, a start date and (when it ended) an end date")
    start, end = _date(value.get("start"), "start"), value.get("end")
    term = Term(value["office"], start, None if end is None else _date(end, "end"))
    if term.end is not None and term.end < term.start:
        raise EntryError(f"terms: {term.office} ends ({term.end}) before it starts ({term.start})")
    return term


def _date(value: Any, key: str) -> str:
    """An ISO date; YAML reads an unquoted one as a date already."""
    if isinstance(value, date):
        return value.isoformat()
    try:
        return date.fromisoformat(str(value)).isoformat()
    except ValueError:
        raise EntryError(f"terms: {key} {value!r} is not an ISO date (YYYY-MM-DD)") from None

"""The sector of an object: its own words first, then its sentence, then its section heading."""

from __future__ import annotations

from collections.abc import Iterable

from accord.extract.ru.lexicon import sector_cues
from accord.model import SECTORS

# Containers ("соглашение", "программа", "форум") lean towards diplomacy; what they hold decides.
_CONTAINER_SECTOR = "diplomacy"
_CONTAINER_WEIGHT = 0.5
DEFAULT_SECTOR = "diplomacy"


def _add(scores: dict[str, float], lemmas: Iterable[str], weight: float) -> None:
    cues = sector_cues()
    for lemma in lemmas:
        found: set[str] = set()
        for part in lemma.replace("–", "-").replace("\u2010", "-").split("-"):
            if part:
                found.update(cues.sectors_of(part))
        for sector in found:
            share = _CONTAINER_WEIGHT if sector == _CONTAINER_SECTOR else 1.0
            scores[sector] = scores.get(sector, 0.0) + weight * share


def sector_of(obj: Iterable[str], sent: Iterable[str], heading: Iterable[str] | None) -> str:
    """The best-supported sector for an object's lemmas; ties go to the order of FORMAT.md's list."""
    scores: dict[str, float] = {}
    _add(scores, obj, 4.0)
    only_container = set(scores) <= {_CONTAINER_SECTOR}
    if heading:
        _add(scores, heading, 1.5)
    _add(scores, sent, 1.5 if only_container else 0.5)
    if not scores:
        return DEFAULT_SECTOR
    return max(SECTORS, key=lambda s: (scores.get(s, 0.0), -SECTORS.index(s)))

"""Cue data that every language reads the same way: the sector vocabulary (`sectors.yaml` of each
language's data package: sector -> words, a trailing `*` for a prefix)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from accord.errors import ConfigError
from accord.model import SECTORS
from accord.vocab import clean_sector, load_data


@dataclass(frozen=True)
class SectorCues:
    exact: dict[str, tuple[str, ...]]  # lemma -> sectors
    prefixes: tuple[tuple[str, str], ...]  # (prefix, sector)

    def sectors_of(self, lemma: str) -> tuple[str, ...]:
        found = self.exact.get(lemma, ())
        extra = tuple(s for p, s in self.prefixes if lemma.startswith(p) and s not in found)
        return found + extra


def read_sector_cues(package: str, label: str, normal: Callable[[str], str] = str.lower) -> SectorCues:
    """The sector cues of a language's data package; `normal` puts each word in the form lemmas take."""
    raw = load_data(package, "sectors.yaml")
    exact: dict[str, tuple[str, ...]] = {}
    prefixes: list[tuple[str, str]] = []
    for sector, words in raw.items():
        if clean_sector(sector) is None:
            raise ConfigError(f"{label}: {sector!r} is not one of {list(SECTORS)}")
        for word in words:
            word = normal(str(word))
            if word.endswith("*"):
                prefixes.append((word[:-1], sector))
            else:
                exact[word] = (*exact.get(word, ()), sector)
    return SectorCues(exact, tuple(prefixes))

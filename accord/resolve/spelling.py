"""Spellings of one name made one: Cyrillic as Latin, then a skeleton of each word that transliteration
variants share (Moiynty, Moyynty, Mointy, Мойынты -> "mointi"). The tables are data (data/spelling.yaml).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from accord.errors import ConfigError
from accord.vocab import load_data

_VOWELS = "aeiou"
_I_BETWEEN_VOWELS = re.compile(f"(?<=[{_VOWELS}])i(?=[{_VOWELS}])")
_DOUBLED = re.compile(r"(.)\1+")


@dataclass(frozen=True, slots=True)
class SpellingRules:
    cyrillic: dict[str, str]
    skeleton: tuple[tuple[str, str], ...]


@cache
def spelling_rules() -> SpellingRules:
    raw = load_data("accord.resolve.data", "spelling.yaml")
    cyrillic = {str(letter): str(latin or "") for letter, latin in raw["cyrillic"].items()}
    if any(len(letter) != 1 for letter in cyrillic):
        raise ConfigError("spelling.yaml, cyrillic: each key is one letter")
    pairs = raw["skeleton"]
    if not all(isinstance(pair, list) and len(pair) == 2 for pair in pairs):
        raise ConfigError("spelling.yaml, skeleton: each rule is a pair [from, to]")
    return SpellingRules(cyrillic, tuple((str(a), str(b)) for a, b in pairs))


def latin(word: str) -> str:
    """A folded word with its Cyrillic letters written in Latin ones."""
    table = spelling_rules().cyrillic
    return "".join(table.get(char, char) for char in word)


def skeleton(word: str) -> str:
    """The form a folded word shares with its transliteration variants."""
    out = latin(word)
    for old, new in spelling_rules().skeleton:
        out = out.replace(old, new)
    return _DOUBLED.sub(r"\1", _I_BETWEEN_VOWELS.sub("", out))

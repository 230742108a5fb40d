"""Spellings of one name made one: a Russian word as its dictionary form, Cyrillic as Latin, then a
skeleton of each word that transliteration variants share (Moiynty, Moyynty, Mointy, Мойынты -> "mointi").
The tables are data (data/spelling.yaml).

Russian inflects names ("Транскаспийского маршрута", "АЭС в Казахстане"); a Cyrillic word that
pymorphy3's dictionary knows is compared in its dictionary form, so every case of a name is one name.
Words it does not know (most place names: "Мойынты") are left as written.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import Any

from accord.errors import ConfigError
from accord.vocab import load_data

_VOWELS = "aeiou"
_I_BETWEEN_VOWELS = re.compile(f"(?<=[{_VOWELS}])i(?=[{_VOWELS}])")
_DOUBLED = re.compile(r"(.)\1+")
# Proper names keep their form: "Бахты" is a place, not a plural of "бахт"; nor are "Токаев" or
# "Мойынты" forms of common nouns.
_CYRILLIC_WORD = re.compile(r"[а-яё]+")
_NAME_TAGS = frozenset({"Geox", "Name", "Surn", "Patr", "Orgn", "Abbr", "Trad"})
_SURNAME_ENDINGS = ("ев", "ов", "ин", "ёв")


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


@cache
def _analyzer() -> Any:
    import pymorphy3  # type: ignore[import-untyped]

    return pymorphy3.MorphAnalyzer()


@lru_cache(maxsize=65536)
def dictionary_form(word: str) -> str:
    """A lower-case Cyrillic word in its dictionary form, for common nouns and adjectives; the word
    otherwise. (Before folding: folding makes "й" an "и", which the dictionary does not know.)"""
    if not any("\u0400" <= char <= "\u04ff" for char in word):
        return word
    analyzer = _analyzer()
    best = analyzer.parse(word)[0]
    tag = best.tag
    if tag.POS in ("ADJF", "PRTF"):
        return str(best.normal_form).replace("ё", "е")
    common = tag.POS == "NOUN" and not _NAME_TAGS & set(tag.grammemes)
    surname_like = word.endswith(_SURNAME_ENDINGS)
    if common and not surname_like and analyzer.word_is_known(word):
        return str(best.normal_form).replace("ё", "е")
    return word


def is_adjective(word: str) -> bool:
    """Whether a lower-case Cyrillic word reads first as an adjective or participle ("первой", "новая")."""
    if not _CYRILLIC_WORD.fullmatch(word):
        return False
    return _analyzer().parse(word)[0].tag.POS in ("ADJF", "PRTF")


def dictionary_forms(text: str) -> str:
    """`text` lower-cased, with each Cyrillic word in its dictionary form (see dictionary_form)."""
    return _CYRILLIC_WORD.sub(lambda match: dictionary_form(match.group()), text.lower())


def skeleton(word: str) -> str:
    """The form a folded word shares with its transliteration variants."""
    out = latin(word)
    for old, new in spelling_rules().skeleton:
        out = out.replace(old, new)
    return _DOUBLED.sub(r"\1", _I_BETWEEN_VOWELS.sub("", out))

"""Russian morphology with pymorphy3 (loaded once per process): lemmas, and the nominative of a phrase.

natasha's tagger says each word's part of speech and case in context; pymorphy3 knows the word's forms.
Of pymorphy3's readings of a word the one that agrees with the tagger is used.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import cache, lru_cache
from typing import Any

from accord.errors import ConfigError

_POS = {
    "NOUN": ("NOUN",),
    "PROPN": ("NOUN",),
    "ADJ": ("ADJF", "ADJS", "PRTF", "PRTS"),
    "DET": ("ADJF", "NPRO"),
    "VERB": ("VERB", "INFN", "PRTF", "PRTS", "GRND"),
    "AUX": ("VERB", "INFN"),
    "NUM": ("NUMR", "ADJF"),
}
_CASES = {"Nom": "nomn", "Gen": "gent", "Dat": "datv", "Acc": "accs", "Ins": "ablt", "Loc": "loct"}
_NUMBER = {"Sing": "sing", "Plur": "plur"}
_GENDER = {"Masc": "masc", "Fem": "femn", "Neut": "neut"}


@cache
def analyzer() -> Any:
    try:
        import pymorphy3  # type: ignore[import-untyped]
    except ImportError as exc:  # pragma: no cover - a broken install
        raise ConfigError("pymorphy3 is not installed; install accord's requirements") from exc
    return pymorphy3.MorphAnalyzer()


@lru_cache(maxsize=200_000)
def _parses(word: str) -> tuple[Any, ...]:
    try:
        return tuple(analyzer().parse(word))
    except ValueError:  # pymorphy3 asks unicodedata for the name of a character that has none
        return ()


def _reading(word: str, pos: str, case: str | None = None) -> Any | None:
    parses = _parses(word.lower())
    if not parses:
        return None
    wanted = _POS.get(pos, ())
    fitting = [p for p in parses if p.tag.POS in wanted] or list(parses)
    if case is not None:
        fitting = [p for p in fitting if p.tag.case == case] or fitting
    return fitting[0]


@lru_cache(maxsize=200_000)
def lemma_of(word: str, pos: str = "") -> str:
    """The dictionary form of `word` read as `pos` (a UD tag), lower case, ё as е."""
    if not any(c.isalpha() for c in word) or (word.isupper() and len(word) > 1):
        return word.lower().replace("ё", "е")  # abbreviations (СВМДА, ШОС) are their own lemma
    reading = _reading(word, pos)
    lemma = word.lower() if reading is None else str(reading.normal_form)
    return lemma.replace("ё", "е")


def tag_of(word: str, pos: str = "") -> str:
    """pymorphy3's grammemes of `word` read as `pos`, as a string ("VERB,perf,tran plur,3per,futr,indc")."""
    reading = _reading(word, pos)
    return "" if reading is None else str(reading.tag)


def nominative(word: str, pos: str, feats: Mapping[str, str], agree: Mapping[str, str] | None = None) -> str:
    """`word` in the nominative, keeping its number (and, for a modifier, the gender of the noun it
    agrees with, given as `agree`); the word unchanged where it cannot be inflected."""
    case = feats.get("Case")
    if case is None or case == "Nom" or case not in _CASES or not word[:1].isalpha():
        return word
    if word.isupper() and len(word) > 1:
        return word  # abbreviations (АЭС, МГУ) do not decline
    reading = _reading(word, pos, _CASES[case])
    if reading is None:
        return word
    source = agree or feats
    grammemes = {"nomn", _NUMBER.get(source.get("Number", ""), "sing")}
    if pos in ("ADJ", "DET", "NUM") and source.get("Number") != "Plur" and source.get("Gender") in _GENDER:
        grammemes.add(_GENDER[source["Gender"]])
    inflected = reading.inflect(grammemes) or reading.inflect({"nomn"})
    if inflected is None:
        return word
    return _same_case_shape(word, str(inflected.word))


def _same_case_shape(original: str, new: str) -> str:
    if original[:1].isupper():
        return new[:1].upper() + new[1:]
    return new

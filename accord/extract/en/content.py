"""The content words of an English object phrase, for telling two mentions of one object apart."""

from __future__ import annotations

from accord.extract.en.lexicon import object_cues
from accord.vocab.text import fold

_STOP = frozenset(
    {
        "the",
        "a",
        "an",
        "of",
        "in",
        "on",
        "for",
        "to",
        "and",
        "or",
        "with",
        "by",
        "its",
        "their",
        "our",
        "his",
        "her",
        "this",
        "that",
        "these",
        "those",
        "s",
        "at",
        "from",
        "between",
        "country",
        "countries",
    }
)


def _stem(word: str) -> str:
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 3 and word.endswith("s") and not word.endswith("ss"):
        return word[:-1]
    return word


def content_words(text: str) -> frozenset[str]:
    cues = object_cues()
    words: list[str] = []
    for word in fold(text).split():
        words.extend(fold(cues.abbreviations.get(word, word)).split())
    return frozenset(_stem(w) for w in words if w not in _STOP and w not in cues.generic_modifiers)

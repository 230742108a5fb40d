"""The content words of an English object phrase, for telling two mentions of one object apart.

Function words, units and numbers, generic adjectives and the parties' own names ("Russian gas" is the
gas of the document's parties) do not tell mentions apart; spellings of one word are made one.
"""

from __future__ import annotations

from accord.extract.en.lexicon import object_cues, party_aliases
from accord.vocab.text import fold


def _stem(word: str) -> str:
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 3 and word.endswith("s") and not word.endswith("ss"):
        return word[:-1]
    return word


def content_words(text: str) -> frozenset[str]:
    cues = object_cues()
    parties = {fold(alias) for alias in party_aliases()}
    words: list[str] = []
    for word in fold(text).split():
        words.extend(fold(cues.abbreviations.get(word, word)).split())
    kept = set()
    for word in words:
        if word in cues.content_stopwords or word in cues.generic_modifiers or word in parties:
            continue
        if any(c.isdigit() for c in word):
            continue
        kept.add(cues.synonyms.get(word, _stem(word)))
    return frozenset(kept)

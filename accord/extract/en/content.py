"""The content words of an English object phrase, for telling two mentions of one object apart.

Function words, units and numbers, generic adjectives and the parties' own names ("Russian gas" is the
gas of the document's parties) do not tell mentions apart; spellings of one word are made one.
"""

from __future__ import annotations

from functools import cache, lru_cache

from accord.extract.en.lexicon import object_cues, party_aliases
from accord.extract.merge import PARTY
from accord.vocab.text import fold


def _stem(word: str) -> str:
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 3 and word.endswith("s") and not word.endswith("ss"):
        return word[:-1]
    return word


_PREPOSITIONS = frozenset(
    {"of", "in", "on", "for", "to", "at", "with", "between", "from", "through", "across"}
)
MEETING = "@meeting"
THING = "@thing"
_WHICH_ONE = frozenset(
    {"next", "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth"}
)


def _head_word(words: list[str]) -> str:
    """The head of an English noun phrase: the last word before its first preposition."""
    for n, word in enumerate(words):
        if word in _PREPOSITIONS and n:
            return words[n - 1]
    return words[-1] if words else ""


@cache
def _party_words() -> frozenset[str]:
    return frozenset(_party_codes())


@cache
def _party_codes() -> dict[str, str]:
    """Folded party words and the country each names: "Kazakh" and "Kazakhstan" mark the same party."""
    return {fold(alias): code for alias, code in party_aliases().items()}


@cache
def _meeting_stems() -> frozenset[str]:
    return frozenset(_stem(m) for m in object_cues().meetings)


@lru_cache(maxsize=65536)
def merge_words(text: str) -> frozenset[str]:
    """The content words, and the parties the object is marked with ("Turkish Culture Days" against
    "Days of Uzbek Culture"), so that two objects told apart only by their parties stay two."""
    codes = _party_codes()
    marks = {PARTY + codes[word] for word in fold(text).split() if word in codes}
    return content_words(text) | marks


@lru_cache(maxsize=65536)
def content_words(text: str) -> frozenset[str]:
    """The words that tell this object from others; a meeting ("the next session of the council") is
    marked so that it never merges with the body that meets."""
    cues = object_cues()
    parties = _party_words()
    words: list[str] = []
    for word in fold(text).split():
        words.extend(fold(cues.abbreviations.get(word, word)).split())
    meeting = _stem(_head_word(fold(text).split())) in _meeting_stems()
    kept = set()
    for word in words:
        if meeting and word in _WHICH_ONE:
            kept.add(word)  # the second session is not the next one
            continue
        if word in cues.content_stopwords or word in cues.generic_modifiers or word in parties:
            continue
        if any(c.isdigit() for c in word):
            continue
        kept.add(cues.synonyms.get(word, _stem(word)))
    kept.add(MEETING if meeting else THING)
    return frozenset(kept)

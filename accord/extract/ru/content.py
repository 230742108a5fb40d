"""The content words of a Russian object phrase, for telling two mentions of one object apart.

Words are compared as lemmas, so "строительство АЭС" and "строительства АЭС" are one object; function
words, units, numbers, generic adjectives and the parties' own names do not tell mentions apart.
"""

from __future__ import annotations

import re

from accord.extract.ru.lexicon import object_cues, party_aliases
from accord.extract.ru.morph import lemma_of

MEETING = "@meeting"
THING = "@thing"
_WORD = re.compile(r"[^\W\d_][\w-]*")


def content_words(text: str) -> frozenset[str]:
    """The lemmas that tell this object from others; a meeting never merges with the body that meets."""
    cues = object_cues()
    parties = {alias[0] for alias in party_aliases() if len(alias) == 1}
    lemmas: list[str] = []
    for word in _WORD.findall(text):
        lemma = lemma_of(word)
        lemmas.extend(lemma_of(w) for w in cues.abbreviations.get(lemma, lemma).split())
    meeting = bool(lemmas) and lemmas[0] in cues.meetings
    kept = {
        cues.synonyms.get(lemma, lemma)
        for lemma in lemmas
        if lemma not in cues.content_stopwords
        and lemma not in cues.generic_modifiers
        and lemma not in parties
    }
    kept.add(MEETING if meeting else THING)
    return frozenset(kept)

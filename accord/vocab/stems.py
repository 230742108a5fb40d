"""The stem of a Russian word for search: the part every form of it shares, from pymorphy3's dictionary.

Full-text search finds an item when each query word begins a word of it (accord.store.search), on both
backends. For Russian that prefix is the word's stem, so that «поставки» finds «поставок» and «поставкам»
and «газа» finds «газ»: the longest prefix common to all forms of the word (its lexeme), or, where that is
too short (adjectives have comparatives), the prefix it shares with its dictionary form. Words that are
not Cyrillic are left as they are.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache
from typing import Any

_CYRILLIC = re.compile(r"^[\u0400-\u04ff]+$")
MIN_STEM = 3


@lru_cache(maxsize=65536)
def search_stem(word: str) -> str:
    """The prefix to search `word` (lower-cased) by: its Russian stem, or the word itself."""
    if not _CYRILLIC.match(word) or len(word) <= MIN_STEM:
        return word
    parses = _analyzer().parse(word)
    if not parses:
        return word
    best = parses[0]
    stem = _common_prefix([form.word for form in best.lexeme])
    if len(stem) < max(MIN_STEM, len(word) // 2) or not word.startswith(stem):
        stem = _common_prefix([word, best.normal_form])
    return stem if len(stem) >= MIN_STEM else word


def _common_prefix(words: list[str]) -> str:
    shortest = min(words, key=len, default="")
    for n, letter in enumerate(shortest):
        if any(word[n] != letter for word in words):
            return shortest[:n]
    return shortest


@cache
def _analyzer() -> Any:
    import pymorphy3  # type: ignore[import-untyped]  # loaded on the first Russian query only

    return pymorphy3.MorphAnalyzer()

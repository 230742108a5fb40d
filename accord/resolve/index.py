"""An index of the knowledge base's names, so that the cost of linking a mention does not grow with the
size of the knowledge base.

Blocking: each name is filed under one word, its rarest across all names; a mention looks up only its
own words. Typing slips and transliteration variants that the spelling skeleton leaves apart (one letter
added, dropped or changed in a word of six letters or more) are found through a deletion index (each
filed word also under every form with one letter deleted, as SymSpell does), and confirmed with
rapidfuzz's Levenshtein distance. A lookup is a few dictionary reads per mention word, never a scan.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from rapidfuzz.distance import Levenshtein

from accord.kb import Entity, KnowledgeBase
from accord.resolve.words import link_rules, name_words

FUZZY_LENGTH = 6  # shorter words must match exactly: "china" is not "chita"


@dataclass(frozen=True, slots=True)
class Name:
    """One name of an entity, as words. `context`: it names the entity only between its countries.
    `core`: a name without its generic words, which names it only in a mention of a compatible type."""

    entity: Entity
    words: frozenset[str]
    context: bool
    core: bool = False


def same_word(a: str, b: str) -> bool:
    """Equal, or one edit apart when both are long enough for one edit not to make another word."""
    if a == b:
        return True
    long_enough = min(len(a), len(b)) >= FUZZY_LENGTH
    return long_enough and Levenshtein.distance(a, b, score_cutoff=1) <= 1


class NameIndex:
    """Names filed under their rarest word, with a deletion index over the filing words."""

    def __init__(self, kb: KnowledgeBase) -> None:
        names = list(_names(kb.entities.values(), _place_words(kb)))
        counts = Counter(word for name in names for word in name.words)
        self._filed: dict[str, list[Name]] = defaultdict(list)
        self._deletions: dict[str, set[str]] = defaultdict(set)
        for name in names:
            word = min(name.words, key=lambda w: (counts[w], -len(w), w))
            self._filed[word].append(name)
            for form in _deletion_forms(word):
                self._deletions[form].add(word)

    def candidates(self, words: Iterable[str]) -> Iterator[Name]:
        """Names filed under a word of the mention, or under a word one edit from one."""
        seen: set[str] = set()
        for word in words:
            for filed in self._filing_words(word):
                if filed not in seen:
                    seen.add(filed)
                    yield from self._filed[filed]

    def _filing_words(self, word: str) -> list[str]:
        found = [word] if word in self._filed else []
        if len(word) >= FUZZY_LENGTH - 1:
            near = {filed for form in _deletion_forms(word) for filed in self._deletions.get(form, ())}
            found.extend(sorted(filed for filed in near if filed != word and same_word(word, filed)))
        return found


def country_words(kb: KnowledgeBase) -> dict[str, frozenset[str]]:
    """For each ISO code, the words of the country's one-word names in the knowledge base."""
    out: dict[str, frozenset[str]] = {}
    for entity in kb.of_type("country"):
        words = {name_words(text) for text in entity.names}
        out[entity.countries[0]] = frozenset(w[0] for w in words if len(w) == 1)
    return out


def _place_words(kb: KnowledgeBase) -> frozenset[str]:
    """The words of the one-word names of countries and places."""
    places = [entity for kind in ("country", "place") for entity in kb.of_type(kind)]
    return frozenset(w[0] for e in places for w in map(name_words, e.names) if len(w) == 1)


def _names(entities: Iterable[Entity], places: frozenset[str]) -> Iterator[Name]:
    rules = link_rules()
    for entity in entities:
        for text, context in [(n, False) for n in entity.names] + [(n, True) for n in entity.context_aliases]:
            words = frozenset(name_words(text))
            if not words:
                continue
            yield Name(entity, words, context)
            core = words - rules.generic_words
            if entity.type in rules.core_types and core and core != words and not core <= places:
                yield Name(entity, core, context, core=True)


def _deletion_forms(word: str) -> set[str]:
    return {word, *(word[:i] + word[i + 1 :] for i in range(len(word)))}

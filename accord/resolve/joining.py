"""New entities across documents: a later mention that names an earlier new entity more or less fully
joins it.

An object that names nothing in the knowledge base gets a new entity from its key (entities.py), so
"the Strategic Partnership and Alliance Program" and "the Alliance Program for the next ten years" would
be two. Within a run, NewEntities remembers the new entities met so far; a later mention joins one when
both have the same type, head noun and parties, and the words of one hold all
the words of the other, which are at least two ("joint program" joins "joint program for investment";
"program" alone joins nothing). A mention that could join two different entities joins the one it shares
more words with, then the one named more often so far, and neither on a tie: a guess between two is
worse than a new entity, which a person can still merge.

Candidates come from two indexes by (type, head noun, word): every name under each of its words, read at
the mention's rarest word, for names that hold all the mention's words; and every name under its own
rarest word, for names whose words the mention holds. So the cost of a mention does not grow with the
number of entities met, only with the number that share its rarest words (bench/resolve_scale.py).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache
from typing import TypeAlias

from accord.kb import knowledge_base
from accord.model import EntityRef, Item
from accord.resolve.heads import head_noun, lexicon, split_head
from accord.resolve.spelling import skeleton
from accord.resolve.words import name_words

MIN_SHARED_WORDS = 2
MAX_CANDIDATES = 256

# An entity met before a run: the entity, the object of an item that named it, and that item's parties.
KnownEntity: TypeAlias = tuple[EntityRef, str, Sequence[str]]


@dataclass(frozen=True, slots=True)
class _Name:
    """One way a new entity has been written: its words, and the parties of the item that wrote it."""

    entity: EntityRef
    words: frozenset[str]
    parties: frozenset[str]


class NewEntities:
    """The new entities of a run, which later mentions join. Seed it with those a store holds already."""

    def __init__(self, known: Iterable[KnownEntity] = ()) -> None:
        # every name under each of its words: for names that hold all of a mention's words
        self._index: dict[tuple[str, str, str], list[_Name]] = defaultdict(list)
        # every name under its rarest word when it was met: for names whose words the mention holds
        self._by_key: dict[tuple[str, str, str], list[_Name]] = defaultdict(list)
        self._seen: set[tuple[str, frozenset[str], frozenset[str]]] = set()
        self._mentions: Counter[str] = Counter()  # how many items have named each entity so far
        for entity, text, parties in known:
            if _is_new(entity):
                self._mentions[entity.id] += 1
                self._remember(entity, text, frozenset(parties))

    def join(self, items: Sequence[Item]) -> list[Item]:
        """The items of one document, each new entity replaced by the earlier one it names, if any; then
        their names are remembered for the documents that follow."""
        joined = [self._joined(item) for item in items]
        for before, after in zip(items, joined, strict=True):
            if after.entity is not None and _is_new(after.entity):
                self._mentions[after.entity.id] += 1
                self._remember(after.entity, before.object, frozenset(after.parties))
        return joined

    def _joined(self, item: Item) -> Item:
        if item.entity is None or not _is_new(item.entity):
            return item
        block = _block(item.entity.type, item.object)
        words = _words(item.object)
        if block is None or len(words) < MIN_SHARED_WORDS:
            return item
        parties = frozenset(item.parties)
        overlap: dict[str, int] = {}
        entities: dict[str, EntityRef] = {}
        for name in self._candidates(block, words):
            if _joins(name, words, parties):
                shared = len(name.words & words)
                overlap[name.entity.id] = max(shared, overlap.get(name.entity.id, 0))
                entities[name.entity.id] = name.entity
        # the entity it shares more words with; between equals, the one named more often so far
        ranked = sorted(((overlap[key], self._mentions[key]), key) for key in overlap)
        if not ranked or (len(ranked) > 1 and ranked[-1][0] == ranked[-2][0]):
            return item  # nothing to join, or two entities it names equally well
        entity = entities[ranked[-1][1]]
        return item if entity.id == item.entity.id else item.with_entity(entity)

    def _candidates(self, block: tuple[str, str], words: frozenset[str]) -> list[_Name]:
        """Names that may hold all the mention's words (those under its rarest word, unless even that word
        is in more than MAX_CANDIDATES names: a mention that general names none of them alone), and names
        whose words the mention may hold (those keyed by one of its words)."""
        postings = [self._index.get((*block, word), []) for word in words]
        rarest = min(postings, key=len)
        wider = rarest if len(rarest) <= MAX_CANDIDATES else []
        narrower = [name for word in words for name in self._by_key.get((*block, word), ())]
        return [*wider, *narrower]

    def _remember(self, entity: EntityRef, text: str, parties: frozenset[str]) -> None:
        block = _block(entity.type, text)
        words = _words(text)
        key = (entity.id, words, parties)
        if block is None or len(words) < MIN_SHARED_WORDS or key in self._seen:
            return
        self._seen.add(key)
        name = _Name(entity, words, parties)
        rarest = min(sorted(words), key=lambda word: len(self._index.get((*block, word), ())))
        self._by_key[(*block, rarest)].append(name)
        for word in words:
            self._index[(*block, word)].append(name)


def _joins(name: _Name, words: frozenset[str], parties: frozenset[str]) -> bool:
    """Whether a mention with `words` and `parties` names the entity that `name` is a way of writing."""
    if name.parties != parties:
        return False  # the Kazakh–Chinese joint statement is not the Russian–Chinese one
    smaller = min(name.words, words, key=len)
    return len(smaller) >= MIN_SHARED_WORDS and (words <= name.words or name.words <= words)


def _words(text: str) -> frozenset[str]:
    """The words that say which thing a name is: not "the", not "historic" (the keys' stopwords)."""
    return frozenset(name_words(text)) - _stopwords()


@cache
def _stopwords() -> frozenset[str]:
    return frozenset(skeleton(word) for word in lexicon().key_rules.stopwords)


def _block(entity_type: str, text: str) -> tuple[str, str] | None:
    """Mentions are compared only within a type and a head noun: a programme never joins a forum."""
    noun = head_noun(split_head(text)[0])
    return (entity_type, noun) if noun else None


def _is_new(entity: EntityRef) -> bool:
    return knowledge_base().get(entity.id) is None

"""A mention -> the knowledge-base entity it names, by its words, its head's type and its parties.

A name matches when every one of its words is in the mention (a word of the mention may differ by the
spelling skeleton or by one edit, see index.py). A full name wins over a core (a name without its
generic words, index.py), then the longest: "Power of Siberia 2" over "Power of Siberia". Then the
type and the context decide whether the match stands: data/linking.yaml says why each check is there.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from accord.kb import Entity, KnowledgeBase, knowledge_base
from accord.model import EntityRef
from accord.resolve.heads import head_noun, head_type, lexicon, split_head
from accord.resolve.index import Name, NameIndex, country_words, same_word
from accord.resolve.spelling import skeleton
from accord.resolve.words import link_rules, name_words


@dataclass(frozen=True, slots=True)
class Mention:
    """An object as linking reads it: its words in order, its head's type and noun, its parties."""

    words: tuple[str, ...]
    head_type: str | None
    head_noun: str
    parties: frozenset[str]

    @classmethod
    def of(cls, text: str, parties: Sequence[str] = ()) -> Mention:
        words = name_words(text)
        named = frozenset(code for code, names in _country_words().items() if names & set(words))
        found_type, noun = _head(text)
        return cls(words, found_type, noun, frozenset(parties) | named)


def link(text: str, parties: Sequence[str] = ()) -> EntityRef | None:
    """The knowledge-base entity `text` names, with the item's `parties` as context; None when none."""
    mention = Mention.of(text, parties)
    best: tuple[tuple[int, int, int, int, int], Name] | None = None
    for name in _index().candidates(mention.words):
        rank = _rank(name, mention)
        if rank is not None and (best is None or rank > best[0]):
            best = (rank, name)
    if best is None:
        return None
    entity = best[1].entity
    return EntityRef(id=entity.id, name=entity.name, type=entity.type)


def _rank(name: Name, mention: Mention) -> tuple[int, int, int, int, int] | None:
    """How well `name` names the mention (higher is better), or None when it does not."""
    positions = [_position(word, mention.words) for word in name.words]
    if any(position is None for position in positions) or not _fits(name, mention):
        return None
    entity = name.entity
    in_context = bool(entity.countries) and set(entity.countries) <= mention.parties
    first = min(position for position in positions if position is not None)
    return int(not name.core), len(name.words), int(in_context), int(not name.context), -first


def _fits(name: Name, mention: Mention) -> bool:
    """The checks beyond the words: whole names, context, type, parts and ordinals."""
    rules, entity = link_rules(), name.entity
    if entity.type in rules.whole_name_types and len(set(mention.words)) > len(name.words):
        return False
    if name.context and not set(entity.countries) <= mention.parties:
        return False
    allowed = rules.kb_types.get(entity.type, frozenset())
    if mention.head_type is not None and mention.head_type not in allowed:
        return False
    if name.core and mention.head_type is None:
        return False
    if entity.type in rules.parts_are_other and not _names_the_part(entity, mention.head_noun):
        return False
    return _same_ordinals(entity, mention) and _same_designators(entity, mention)


def _names_the_part(entity: Entity, noun: str) -> bool:
    """True unless the mention is a part ("branch of MGIMO") and no name of the entity says it is one."""
    if noun not in lexicon().parts:
        return True
    return any(skeleton(noun) in name_words(text) for text in entity.names)


def _same_ordinals(entity: Entity, mention: Mention) -> bool:
    ordinals = link_rules().ordinals
    said = ordinals & set(mention.words)
    own = ordinals & {word for text in entity.names + entity.context_aliases for word in name_words(text)}
    return not (said and own) or bool(said & own)


def _same_designators(entity: Entity, mention: Mention) -> bool:
    """False when a mention of infrastructure says a numeral ("IV") that no name of the entity says."""
    rules = link_rules()
    if entity.type not in rules.designated_types:
        return True
    said = rules.designators & set(mention.words)
    return said <= {word for text in entity.names for word in name_words(text)}


def _position(word: str, words: tuple[str, ...]) -> int | None:
    return next((index for index, said in enumerate(words) if same_word(word, said)), None)


def _head(text: str) -> tuple[str | None, str]:
    """The type the head says, looking through "construction of" and "branch of", and the head noun."""
    head_words, after_of = split_head(text)
    noun = head_noun(head_words)
    own = head_type(head_words)
    if after_of and noun in lexicon().through | lexicon().parts:
        inner = _head(after_of)[0]
        return (inner if inner is not None else own), noun
    return own, noun


def _country_words() -> dict[str, frozenset[str]]:
    return _country_words_in(knowledge_base())


@lru_cache(maxsize=4)
def _country_words_in(kb: KnowledgeBase) -> dict[str, frozenset[str]]:
    return country_words(kb)


def _index() -> NameIndex:
    return _index_for(knowledge_base())


@lru_cache(maxsize=4)
def _index_for(kb: KnowledgeBase) -> NameIndex:
    return NameIndex(kb)

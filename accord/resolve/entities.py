"""Items -> items with an entity where the object names a concrete thing.

First the knowledge base: an object that names a known entity gets it (linking.py). Otherwise an entity
comes from the object alone, a key and a head-noun type, so that later mentions with the same key join
it. Pure functions of the item: resolving twice gives the same entities.
"""

from __future__ import annotations

from collections.abc import Sequence

from accord.model import EntityRef, Item
from accord.resolve.heads import has_name, head_noun, head_type, lexicon, split_head
from accord.resolve.linking import link
from accord.resolve.names import entity_key, slug


def resolve_items(items: Sequence[Item]) -> list[Item]:
    """Each item with the entity its object names, or with none when the object is not a nameable thing."""
    return [item.with_entity(resolve(item.object, item.parties)) for item in items]


def resolve(text: str, parties: Sequence[str] = ()) -> EntityRef | None:
    """The known entity `text` names between `parties`, else a new entity from its key, else None."""
    return link(text, parties) or entity_for(text)


def entity_for(text: str) -> EntityRef | None:
    """A new entity for an object: its id from the object's key, its name the object, its type the head's."""
    found = _key_text_and_type(text)
    if found is None:
        return None
    key = entity_key(found[0], lexicon().key_rules)
    if not key:
        return None
    return EntityRef(id=slug(key), name=text.strip(), type=found[1])


def _key_text_and_type(text: str) -> tuple[str, str] | None:
    """The text the key is made of, and the type; None when the phrase names nothing concrete."""
    head_words, after_of = split_head(text)
    noun = head_noun(head_words)
    if after_of and noun in lexicon().through:
        # "construction of the X railway" is the X railway, so that reports on its progress link to it.
        return _key_text_and_type(after_of)
    if after_of and noun in lexicon().parts:
        whole = _key_text_and_type(after_of)
        if whole is not None:
            return text, whole[1]
    own = head_type(head_words)
    if own is not None:
        return text, own
    return (text, "other") if has_name(text) else None

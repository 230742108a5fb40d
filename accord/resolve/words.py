"""A name as the words linking compares: key words (entity_key, so "A–B" and prefixes are read as for
new entities), without function words, each as its spelling skeleton."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache, lru_cache

from accord.errors import ConfigError
from accord.resolve.heads import lexicon
from accord.resolve.names import KeyRules, entity_key
from accord.resolve.spelling import skeleton
from accord.vocab import load_data


@dataclass(frozen=True, slots=True)
class LinkRules:
    """The contents of linking.yaml."""

    function_words: frozenset[str]
    ordinals: frozenset[str]
    designators: frozenset[str]
    generic_words: frozenset[str]
    designated_types: frozenset[str]
    core_types: frozenset[str]
    whole_name_types: frozenset[str]
    parts_are_other: frozenset[str]
    kb_types: dict[str, frozenset[str]]
    key_rules: KeyRules


@cache
def link_rules() -> LinkRules:
    raw = load_data("accord.resolve.data", "linking.yaml")
    keys = ("function_words", "ordinals", "designators", "generic_words")
    words = {key: frozenset(_texts(raw, key)) for key in keys}
    heads = {word for head in lexicon().types for word in head.split()}
    kb_types = {str(kb_type): frozenset(_texts(raw["kb_types"], kb_type)) for kb_type in raw["kb_types"]}
    rules = lexicon().key_rules
    return LinkRules(
        function_words=frozenset(skeleton(word) for word in words["function_words"]),
        ordinals=frozenset(skeleton(word) for word in words["ordinals"]),
        designators=frozenset(skeleton(word) for word in words["designators"]),
        generic_words=frozenset(skeleton(word) for word in words["generic_words"] | heads),
        designated_types=frozenset(_texts(raw, "designated_types")),
        core_types=frozenset(_texts(raw, "core_types")),
        whole_name_types=frozenset(_texts(raw, "whole_name_types")),
        parts_are_other=frozenset(_texts(raw, "parts_are_other")),
        kb_types=kb_types,
        key_rules=KeyRules(prefixes=rules.prefixes, aliases=rules.aliases),
    )


def _texts(raw: dict[str, object], key: str) -> list[str]:
    values = raw.get(key)
    if not isinstance(values, list) or not all(isinstance(value, str) for value in values):
        raise ConfigError(f"linking.yaml, {key}: expected a list of words; quote words YAML reads otherwise")
    return [str(value) for value in values]


@lru_cache(maxsize=65536)
def name_words(text: str) -> tuple[str, ...]:
    """The words of a name in order, as skeletons, without function words. Cached: the knowledge base's
    names are read again for each candidate they are."""
    rules = link_rules()
    words = (skeleton(word) for word in entity_key(text, rules.key_rules).split())
    return tuple(word for word in words if word not in rules.function_words)

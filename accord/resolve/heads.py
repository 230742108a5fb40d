"""Head nouns and names: whether an object names a concrete thing, and which type of thing.

The words are data (data/entity_types.yaml); this module only reads phrases with them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from accord.errors import ConfigError
from accord.resolve.names import KeyRules, split_dashes, strip_possessive
from accord.resolve.spelling import dictionary_form, is_adjective
from accord.vocab import countries, load_data
from accord.vocab.text import fold

ENTITY_TYPES = (
    "railway",
    "corridor",
    "pipeline",
    "power_plant",
    "institution",
    "document",
    "body",
    "event",
    "place",
    "programme",
    "other",
)
_PARENTHESES = re.compile(r"\([^)]*\)")
_ACRONYM = re.compile(r"^[A-Z][A-Z0-9]{1,5}$")
_QUOTES_AND_STOPS = "()[]\"'“”‘’.,;:"


@dataclass(frozen=True, slots=True)
class Lexicon:
    """The contents of entity_types.yaml, folded."""

    types: dict[str, str]  # head noun (one or two words) -> entity type
    through: frozenset[str]
    parts: frozenset[str]
    prepositions: frozenset[str]
    key_rules: KeyRules


@cache
def lexicon() -> Lexicon:
    raw = load_data("accord.resolve.data", "entity_types.yaml")
    types: dict[str, str] = {}
    for key, heads in raw["types"].items():
        entity_type = str(key).removesuffix("!ru")
        if entity_type not in ENTITY_TYPES:
            raise ConfigError(f"entity_types.yaml: {entity_type!r} is not one of {', '.join(ENTITY_TYPES)}")
        _words(heads, entity_type)  # refuses what YAML read as something other than a word
        types.update({" ".join(_folded(str(head).split())): entity_type for head in heads})
    through, parts, prepositions, stopwords, prefixes = (
        frozenset(_words(raw[key], key))
        for key in ("through", "parts", "prepositions", "stopwords", "prefixes")
    )
    aliases = [(fold(str(phrase)), fold(str(canonical))) for phrase, canonical in raw["aliases"].items()]
    aliases.sort(key=lambda alias: -len(alias[0].split()))
    return Lexicon(types, through, parts, prepositions, KeyRules(stopwords, prefixes, tuple(aliases)))


def _words(values: list[object], where: str) -> list[str]:
    """Folded words; YAML reads a bare `on` or `no` as a boolean, which is refused here, not misread."""
    bad = [value for value in values if not isinstance(value, str)]
    if bad:
        raise ConfigError(f"entity_types.yaml, {where}: {bad!r} are not words; quote them")
    return [fold(str(value)) for value in values]


def _is_cyrillic(text: str) -> bool:
    return any("\u0400" <= char <= "\u04ff" for char in text)


def _split_russian(words: list[str]) -> tuple[list[str], str]:
    """A Russian phrase's head is its first noun, with the adjectives before it; what follows the noun
    (its genitive: "строительство первой АЭС") is read as English reads what follows "of"."""
    index = 0
    while index < len(words) - 1 and is_adjective(words[index].strip(_QUOTES_AND_STOPS).lower()):
        index += 1
    rest = words[index + 1 :]
    following = "" if not rest or fold(rest[0]) in lexicon().prepositions else " ".join(rest)
    return words[: index + 1], following


def split_head(text: str) -> tuple[list[str], str]:
    """The words of the head phrase (up to the first preposition) and the text after "of", if it follows."""
    words = text.split()
    if words and _is_cyrillic(words[0]):
        return _split_russian(words)
    prepositions = lexicon().prepositions
    for index, word in enumerate(words):
        if index and fold(word) in prepositions:
            rest = " ".join(words[index + 1 :]) if fold(word) == "of" else ""
            return words[:index], rest
    return words, ""


def head_type(head_words: list[str]) -> str | None:
    """The type named by the last two words of a head phrase, or by its last word, plurals folded."""
    folded = _folded(head_words)
    types = lexicon().types
    for size in (2, 1):
        if len(folded) < size:
            continue
        *modifiers, last = folded[-size:]
        for form in _singulars(last):
            found = types.get(" ".join([*modifiers, form]))
            if found is not None:
                return found
    return None


def head_noun(head_words: list[str]) -> str:
    """The last word of a head phrase, folded and in the singular the lexicon knows it by, if any."""
    folded = _folded(head_words)
    if not folded:
        return ""
    forms = _singulars(folded[-1])
    known = lexicon().through | lexicon().parts
    return next((form for form in forms if form in known), forms[0])


def _folded(head_words: list[str]) -> list[str]:
    """Folded words; Russian ones in their dictionary form, as the lexicon lists them."""
    text = _PARENTHESES.sub(" ", " ".join(head_words))
    if _is_cyrillic(text):
        text = " ".join(dictionary_form(word.strip(_QUOTES_AND_STOPS).lower()) for word in text.split())
    return fold(text).split()


def has_name(text: str) -> bool:
    """A capitalised word after the first (a country alone does not count), or an acronym anywhere."""
    country_names = _country_names()
    for index, token in enumerate(strip_possessive(text).split()):
        for word in split_dashes(token.strip(_QUOTES_AND_STOPS)):
            if _ACRONYM.match(word):
                return True
            if index and word[:1].isupper() and fold(word) not in country_names:
                return True
    return False


@cache
def _country_names() -> frozenset[str]:
    return frozenset(fold(country.name) for country in countries().values())


def _singulars(word: str) -> list[str]:
    """The word and the singulars it may be the plural of: railways, branches, universities."""
    forms = [word]
    if word.endswith("ies"):
        forms.append(word[:-3] + "y")
    if word.endswith("es"):
        forms.append(word[:-2])
    if word.endswith("s"):
        forms.append(word[:-1])
    return forms

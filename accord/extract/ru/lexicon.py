"""The Russian cue lists, read once from the YAML files beside this module."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Any

from accord.errors import ConfigError
from accord.extract.cues import SectorCues, read_sector_cues
from accord.model import STAGES
from accord.vocab import clean_party, clean_stage, load_data

DATA = "accord.extract.ru.data"


def _words(raw: dict[str, Any], key: str) -> frozenset[str]:
    return frozenset(str(w).lower().replace("ё", "е") for w in raw[key])


def _invert(table: dict[str, list[str]], name: str) -> dict[str, str]:
    out: dict[str, str] = {}
    for key, words in table.items():
        if key not in STAGES:
            raise ConfigError(f"{name}: {key!r} is not one of {list(STAGES)}")
        for word in words:
            out.setdefault(str(word).lower().replace("ё", "е"), key)
    return out


@dataclass(frozen=True)
class StageCues:
    decision: dict[str, str]  # lemma -> stage
    completion: frozenset[str]
    neutral: frozenset[str]
    beginning: frozenset[str]
    nouns: dict[str, str]
    adjectives: dict[str, str]
    phrases: tuple[tuple[str, re.Pattern[str]], ...]
    reporting: frozenset[str]
    negation: frozenset[str]
    negation_phrases: tuple[re.Pattern[str], ...]
    managing: frozenset[str]
    hedge: frozenset[str]


@cache
def stage_cues() -> StageCues:
    raw = load_data(DATA, "stages.yaml")
    phrases = []
    for stage, pattern in raw["phrases"]:
        if clean_stage(stage) is None:
            raise ConfigError(f"ru stages.yaml: phrase stage {stage!r} is not a stage")
        phrases.append((str(stage), re.compile(r"(?<!\w)" + str(pattern) + r"(?!\w)")))
    return StageCues(
        decision=_invert(raw["decision"], "ru stages.yaml decision"),
        completion=frozenset(str(w).replace("ё", "е") for w in raw["action"]["completed"]),
        neutral=frozenset(str(w).replace("ё", "е") for w in raw["action"]["neutral"]),
        beginning=_words(raw, "beginning"),
        nouns=_invert(raw["nouns"], "ru stages.yaml nouns"),
        adjectives=_invert(raw["adjectives"], "ru stages.yaml adjectives"),
        phrases=tuple(phrases),
        reporting=_words(raw, "reporting"),
        negation=_words(raw, "negation"),
        negation_phrases=tuple(re.compile(r"(?<!\w)" + str(p) + r"(?!\w)") for p in raw["negation_phrases"]),
        managing=_words(raw, "managing"),
        hedge=_words(raw, "hedge"),
    )


@dataclass(frozen=True)
class ObjectCues:
    things: dict[str, str]  # head lemma (or "adjective noun" lemmas) -> entity type
    named: frozenset[str]
    process: frozenset[str]
    trainees: frozenset[str]
    framing: frozenset[str]
    fields: frozenset[str]
    field_heads: frozenset[str]
    umbrella: tuple[tuple[str, ...], ...]
    within: frozenset[str]
    vague: frozenset[str]
    people: frozenset[str]
    actors: frozenset[str]
    media: frozenset[str]
    context_verbs: frozenset[str]
    meetings: frozenset[str]
    future_marks: frozenset[str]
    counted: frozenset[str]
    components: frozenset[str]
    generic_modifiers: frozenset[str]
    content_stopwords: frozenset[str]
    synonyms: dict[str, str]
    abbreviations: dict[str, str]


@cache
def object_cues() -> ObjectCues:
    raw = load_data(DATA, "objects.yaml")
    things: dict[str, str] = {}
    for kind, words in raw["things"].items():
        for word in words:
            things.setdefault(str(word).lower().replace("ё", "е"), str(kind))
    return ObjectCues(
        things=things,
        named=_words(raw, "named"),
        process=_words(raw, "process"),
        trainees=_words(raw, "trainees"),
        framing=_words(raw, "framing"),
        fields=_words(raw, "fields"),
        field_heads=_words(raw, "field_heads"),
        umbrella=tuple(tuple(str(w).lower().split()) for w in raw["umbrella"]),
        within=_words(raw, "within"),
        vague=_words(raw, "vague"),
        people=_words(raw, "people"),
        actors=_words(raw, "actors"),
        media=_words(raw, "media"),
        context_verbs=_words(raw, "context_verbs"),
        meetings=_words(raw, "meetings"),
        future_marks=_words(raw, "future_marks"),
        counted=_words(raw, "counted"),
        components=_words(raw, "components"),
        generic_modifiers=_words(raw, "generic_modifiers"),
        content_stopwords=_words(raw, "content_stopwords"),
        synonyms={str(k).lower(): str(v).lower() for k, v in raw["synonyms"].items()},
        abbreviations={str(k).lower(): str(v).lower() for k, v in raw["abbreviations"].items()},
    )


@cache
def sector_cues() -> SectorCues:
    return read_sector_cues(DATA, "ru sectors.yaml", lambda word: word.lower().replace("ё", "е"))


@cache
def party_aliases() -> dict[tuple[str, ...], str]:
    """Alias (its words' lemmas) -> ISO alpha-3, for every country the vocabulary knows."""
    raw = load_data(DATA, "parties.yaml")
    out: dict[tuple[str, ...], str] = {}
    for code, aliases in raw.items():
        if clean_party(code) is None:
            raise ConfigError(f"ru parties.yaml: {code!r} is not a country in countries.yaml")
        for alias in aliases:
            out[tuple(str(alias).lower().replace("ё", "е").split())] = str(code)
    return out

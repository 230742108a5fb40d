"""The English cue lists, read once from the YAML files beside this module."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from accord.errors import ConfigError
from accord.extract.cues import SectorCues, read_sector_cues
from accord.model import SETBACKS, STAGES
from accord.vocab import clean_party, clean_stage, load_data

DATA = "accord.extract.en.data"


@dataclass(frozen=True)
class StageCues:
    decision: dict[str, str]  # lemma -> stage
    completion: frozenset[str]
    neutral: frozenset[str]
    nouns: dict[str, str]
    adjectives: dict[str, str]
    phrases: tuple[tuple[str, re.Pattern[str]], ...]
    negation: frozenset[str]
    future: frozenset[str]
    hedge: frozenset[str]
    reporting: frozenset[str]
    beginning: frozenset[str]
    setbacks: dict[str, str]  # lemma -> "stalled" | "cancelled"
    setback_phrases: tuple[tuple[str, re.Pattern[str]], ...]
    setback_subjects: frozenset[str]
    effort_verbs: frozenset[str]
    progress: frozenset[str]
    not_decisions: frozenset[str]
    topic_verbs: frozenset[str]
    quantities: frozenset[str]
    provision: frozenset[str]
    continuing: frozenset[str]
    effort_nouns: frozenset[str]
    goals: frozenset[str]  # "ensure that the project is completed": what follows is still to be done
    parts: frozenset[str]  # "the first section of the line was finished": the line is under way
    works: frozenset[str]  # "construction of the line began": work that began is under way
    starts: frozenset[str]  # "the start of construction of the plant"


@dataclass(frozen=True)
class ObjectCues:
    things: dict[str, str]  # head lemma -> entity type
    framing: frozenset[str]
    umbrella: tuple[tuple[str, ...], ...]  # lower-case word sequences
    vague: frozenset[str]
    process: frozenset[str]
    relations: frozenset[str]
    weak_things: frozenset[str]
    people: frozenset[str]
    media: frozenset[str]
    actors: frozenset[str]
    context_verbs: frozenset[str]
    components: frozenset[str]
    meetings: frozenset[str]
    counted: frozenset[str]
    flows: frozenset[str]
    regions: frozenset[str]
    abstract: frozenset[str]
    content_stopwords: frozenset[str]
    synonyms: dict[str, str]
    abbreviations: dict[str, str]
    fields: frozenset[str]
    generic_modifiers: frozenset[str]
    lists: dict[str, frozenset[str]]  # small closed lists, by name (objects.yaml `lists`)
    numbers: dict[str, int]  # "three" -> 3
    consequence_verbs: frozenset[str]
    training_verbs: frozenset[str]
    trainees: frozenset[str]
    commentators: frozenset[str]
    support_verbs: frozenset[str]
    support_nouns: frozenset[str]
    supported: frozenset[str]
    consequence_words: frozenset[str]


def _invert(table: dict[str, list[str]], check: frozenset[str], name: str) -> dict[str, str]:
    out: dict[str, str] = {}
    for key, words in table.items():
        if key not in check:
            raise ConfigError(f"{name}: {key!r} is not one of {sorted(check)}")
        for word in words:
            out.setdefault(str(word).lower(), key)
    return out


@cache
def stage_cues() -> StageCues:
    raw = load_data(DATA, "stages.yaml")
    stages = frozenset(STAGES)
    phrases = []
    for stage, pattern in raw["phrases"]:
        if clean_stage(stage) is None:
            raise ConfigError(f"stages.yaml: phrase stage {stage!r} is not a stage")
        phrases.append((stage, re.compile(r"\b" + pattern + r"\b")))
    return StageCues(
        decision=_invert(raw["decision"], stages, "stages.yaml decision"),
        completion=frozenset(raw["action"]["completed"]),
        neutral=frozenset(raw["action"]["neutral"]),
        nouns=_invert(raw["nouns"], stages, "stages.yaml nouns"),
        adjectives=_invert(raw["adjectives"], stages, "stages.yaml adjectives"),
        phrases=tuple(phrases),
        negation=frozenset(raw["negation"]),
        future=frozenset(raw["future"]),
        hedge=frozenset(raw["hedge"]),
        reporting=frozenset(raw["reporting"]),
        beginning=frozenset(raw["beginning"]),
        setbacks=_invert(raw["setbacks"], frozenset(SETBACKS), "stages.yaml setbacks"),
        setback_phrases=tuple(_setback_phrases(raw["setback_phrases"])),
        setback_subjects=frozenset(raw["setback_subjects"]),
        effort_verbs=frozenset(raw["efforts"]["verbs"]),
        progress=frozenset(raw["progress"]),
        not_decisions=frozenset(raw["not_decisions"]),
        topic_verbs=frozenset(raw["topic_verbs"]),
        quantities=frozenset(raw["quantities"]),
        provision=frozenset(raw["provision"]),
        continuing=frozenset(raw["continuing"]),
        effort_nouns=frozenset(raw["efforts"]["nouns"]),
        goals=frozenset(raw["efforts"]["goals"]),
        parts=frozenset(raw["parts"]),
        works=frozenset(raw["works"]),
        starts=frozenset(raw["starts"]),
    )


def _setback_phrases(raw: list[list[str]]) -> list[tuple[str, re.Pattern[str]]]:
    out = []
    for setback, pattern in raw:
        if setback not in SETBACKS:
            raise ConfigError(f"stages.yaml: setback phrase {setback!r} is not one of {list(SETBACKS)}")
        out.append((setback, re.compile(r"\b" + pattern + r"\b")))
    return out


@cache
def object_cues() -> ObjectCues:
    raw = load_data(DATA, "objects.yaml")
    things: dict[str, str] = {}
    for kind, words in raw["things"].items():
        for word in words:
            things.setdefault(str(word).lower(), str(kind))
    return ObjectCues(
        things=things,
        framing=frozenset(str(w).lower() for w in raw["framing"]),
        umbrella=tuple(tuple(str(w).lower().split()) for w in raw["umbrella"]),
        vague=frozenset(str(w).lower() for w in raw["vague"]),
        process=frozenset(str(w).lower() for w in raw["process"]),
        relations=frozenset(str(w).lower() for w in raw["relations"]),
        weak_things=frozenset(str(w).lower() for w in raw["weak_things"]),
        people=frozenset(str(w).lower() for w in raw["people"]),
        media=frozenset(str(w).lower() for w in raw["media"]),
        actors=frozenset(str(w).lower() for w in raw["actors"]),
        context_verbs=frozenset(str(w).lower() for w in raw["context_verbs"]),
        components=frozenset(str(w).lower() for w in raw["components"]),
        meetings=frozenset(str(w).lower() for w in raw["meetings"]),
        counted=frozenset(str(w).lower() for w in raw["counted"]),
        flows=frozenset(str(w).lower() for w in raw["flows"]),
        regions=frozenset(str(w).lower() for w in raw["regions"]),
        abstract=frozenset(str(w).lower() for w in raw["abstract"]),
        content_stopwords=frozenset(str(w).lower() for w in raw["content_stopwords"]),
        synonyms={str(k).lower(): str(v).lower() for k, v in raw["synonyms"].items()},
        abbreviations={str(k).lower(): str(v) for k, v in raw["abbreviations"].items()},
        fields=frozenset(str(w).lower() for w in raw["fields"]),
        generic_modifiers=frozenset(str(w).lower() for w in raw["generic_modifiers"]),
        lists={str(k): frozenset(str(w).lower() for w in v) for k, v in raw["lists"].items()},
        numbers={str(k).lower(): int(v) for k, v in raw["numbers"].items()},
        consequence_verbs=frozenset(str(w).lower() for w in raw["consequence"]["verbs"]),
        training_verbs=frozenset(str(w).lower() for w in raw["training"]["verbs"]),
        trainees=frozenset(str(w).lower() for w in raw["training"]["people"]),
        commentators=frozenset(str(w).lower() for w in raw["commentators"]),
        support_verbs=frozenset(str(w).lower() for w in raw["support"]["verbs"]),
        support_nouns=frozenset(str(w).lower() for w in raw["support"]["nouns"]),
        supported=frozenset(str(w).lower() for w in raw["support"]["objects"]),
        consequence_words=frozenset(str(w).lower() for w in raw["consequence"]["words"]),
    )


@cache
def sector_cues() -> SectorCues:
    return read_sector_cues(DATA, "sectors.yaml")


@cache
def country_groups() -> dict[str, frozenset[str]]:
    """Name of a group of countries -> its members' ISO alpha-3 codes ("Central Asian states")."""
    raw = load_data(DATA, "groups.yaml")
    out: dict[str, frozenset[str]] = {}
    for group, spec in raw.items():
        members = frozenset(str(m) for m in spec["members"])
        unknown = sorted(m for m in members if clean_party(m) is None)
        if unknown:
            raise ConfigError(
                f"groups.yaml: {group!r} lists {', '.join(unknown)}, not countries in countries.yaml"
            )
        for name in spec["names"]:
            out[str(name)] = members
    return out


@cache
def party_aliases() -> dict[str, str]:
    """Alias -> ISO alpha-3, for every country the vocabulary knows."""
    raw = load_data(DATA, "parties.yaml")
    out: dict[str, str] = {}
    for code, aliases in raw.items():
        if clean_party(code) is None:
            raise ConfigError(f"parties.yaml: {code!r} is not a country in countries.yaml")
        for alias in aliases:
            out[str(alias)] = str(code)
    return out

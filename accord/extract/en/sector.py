"""The sector of an object: its own words first, then its sentence, then its section heading."""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache

from spacy.tokens import Span, Token

from accord.extract.en.lexicon import object_cues, sector_cues
from accord.model import SECTORS

# Containers ("agreement", "forum", "festival") lean towards their own sector, diplomacy or culture; what
# they hold decides ("youth sports festival", "Year of Glacier Preservation"). Other words count in full.
_CONTAINER_SECTOR = "diplomacy"
_CONTAINER_WEIGHTS = {"document": 0.25, "body": 0.5, "event": 0.5}  # a text holds more than a body
DEFAULT_SECTOR = "diplomacy"
# Ties go to the order of FORMAT.md's list, except that what moves decides over how it moves: "transit of
# energy resources", "oil and gas transit routes" are energy.
_TIE_ORDER = ("energy", *(s for s in SECTORS if s != "energy"))


def _keys(token: Token) -> tuple[str, ...]:
    """The word's lemma and form; a capitalised plural the lemmatiser took for a name ("Year of Cultures",
    "Glaciers' Preservation") also gives its singular."""
    lemma = token.lemma_.lower()
    text = token.lower_
    if lemma != text:
        return (lemma, text)
    if token.pos_ == "PROPN" and len(text) > 4 and text.endswith("s") and not text.endswith("ss"):
        return (text, text[:-3] + "y" if text.endswith("ies") else text[:-1])
    return (lemma,)


@lru_cache(maxsize=65536)
def _shares(keys: tuple[str, ...]) -> tuple[tuple[str, float], ...]:
    """The sectors a word speaks for, each with its share (a container word's diplomacy counts less)."""
    cues = sector_cues()
    found: set[str] = set()
    for key in keys:
        for part in key.replace("–", "-").split("-"):
            found.update(cues.sectors_of(part))
    kinds = [object_cues().things.get(k) for k in keys]
    container = min((_CONTAINER_WEIGHTS[k] for k in kinds if k in _CONTAINER_WEIGHTS), default=1.0)
    broad = 0.5 if any(k in object_cues().lists["broad_sector_words"] for k in keys) else 1.0
    return tuple((sector, broad * container) for sector in sorted(found))


def _place_word(token: Token) -> bool:
    """ "Samarkand region", "Abai oblast": a word of a place's name, which says nothing of the sector."""
    if token.lower_ not in object_cues().lists["place_units"]:
        return False
    if (
        token.dep_ == "pobj"
        and token.head.lower_ in ("from", "to")
        and any(c.dep_ == "det" for c in token.children)
    ):
        return True  # "imports from the region": where a flow comes from or goes
    return token.i > 0 and token.doc[token.i - 1].pos_ == "PROPN"


def _add(scores: dict[str, float], tokens: Iterable[Token], weight: float) -> None:
    for tok in tokens:
        if _place_word(tok):
            continue
        for sector, share in _shares(_keys(tok)):
            scores[sector] = scores.get(sector, 0.0) + weight * share


def _add_span(scores: dict[str, float], span: Span, weight: float) -> None:
    """A sentence's or heading's words, summed once per document and span (every object of a sentence
    reads them)."""
    key = f"accord.sector:{span.start}:{span.end}"
    sums: dict[str, float] | None = span.doc.user_data.get(key)
    if sums is None:
        sums = {}
        _add(sums, span, 1.0)
        span.doc.user_data[key] = sums
    for sector, total in sums.items():
        scores[sector] = scores.get(sector, 0.0) + weight * total


def _titled(obj: list[Token]) -> bool:
    """A document or body called by its title ("Astana Declaration", "Joint Statement"), whose words
    name no field nor topic of their own: it covers the whole meeting, not the topic of its sentence."""
    kinds = {object_cues().things.get(t.lemma_.lower()) for t in obj}
    if not kinds & {"document", "body"} or any(t.pos_ == "ADP" for t in obj):
        return False  # "Agreement on Strategic Cooperation" with Gazprom: its sentence says on what
    words = [t for t in obj if t.is_alpha and t.pos_ not in ("DET", "CCONJ")]
    return bool(words) and all(t.is_title or t.is_upper for t in words)


def _names_institution(token: Token) -> bool:
    """A modifier inside the name of a place of learning (or its conjunct: "Language and Culture")."""
    node = token
    while node.dep_ == "conj" and node.head.i != node.i:
        node = node.head
    if node.dep_ not in ("compound", "amod", "nmod"):
        return False
    head = node.head.lemma_.lower()
    return object_cues().things.get(head) == "institution" and "education" in sector_cues().sectors_of(head)


def _kind_before_topic(obj: list[Token]) -> set[int]:
    """ "a centre for desertification control": an institution's own words say less than the topic it is
    set up for."""
    things = object_cues().things
    for tok in obj:
        if tok.lower_ not in ("on", "for") or tok.pos_ != "ADP":
            continue
        bare = not any(c.dep_ == "det" for o in tok.children for c in o.children)  # "on the border": where
        if bare and things.get(tok.head.lemma_.lower()) == "institution":
            return {t.i for t in obj if t.i < tok.i}
    return set()


def sector_of(obj: Iterable[Token], sent: Span, heading: list[Token] | None) -> str:
    """The best-supported sector; ties go to energy, then to the order of FORMAT.md's list. Training
    people ("train 2,000 nuclear engineers") is education, whatever they are trained for."""
    obj = list(obj)
    if obj and obj[0].pos_ == "VERB" and obj[0].lemma_.lower() in object_cues().training_verbs:
        return "education"
    scores: dict[str, float] = {}
    # the words naming a place of learning ("Beijing Language and Culture University", "Russian-language
    # schools") say less of what it is than its own kind
    naming = {t.i for t in obj if _names_institution(t)} | _kind_before_topic(obj)
    _add(scores, [t for t in obj if t.i not in naming], 4.0)
    _add(scores, [t for t in obj if t.i in naming], 1.5)
    only_container = set(scores) <= {_CONTAINER_SECTOR}
    if scores and only_container and _titled(obj):
        return _CONTAINER_SECTOR  # "the Astana Declaration", "a Joint Statement": a text on the whole visit
    if heading:
        _add(scores, heading, 1.5)
    _add_span(scores, sent, 1.5 if only_container else 0.5)
    if not scores:
        return DEFAULT_SECTOR
    return max(_TIE_ORDER, key=lambda s: (scores.get(s, 0.0), -_TIE_ORDER.index(s)))

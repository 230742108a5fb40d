"""Later mentions of a named object: "the double-track railway", "the railroad construction".

A report names a project once ("the Bakhty–Ayagoz railway line") and then refers back to it with a
singular definite description that has no name of its own. Such a description is the named object
again, not a new undertaking, when exactly one named object earlier in the document is of its kind (its
head word, or for a noun of doing its modifier, is one of the named object's words) and of its sector.
Two mentions that share a dashed proper name ("route Bakhty-Ayagoz", "Bakhty-Ayagoz railway line") are
one object too, and so is a mention by another name the document gives ("the Trans-Caspian route, also
known as the Middle Corridor").
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Span

from accord.extract.en.content import content_words
from accord.extract.en.lexicon import object_cues
from accord.extract.en.objects import Candidate
from accord.extract.en.phrases import is_namelike
from accord.extract.merge import absorb
from accord.model import Item
from accord.vocab.text import DASH, fold

_DEFINITE = frozenset({"the", "this", "that", "these", "those"})


@dataclass(frozen=True)
class Mention:
    """An item with the phrase it came from."""

    item: Item
    candidate: Candidate
    reference: bool = False  # "the project": said only to carry a stage to a named object, never an item


_REFERENCE_KINDS = frozenset({"railway", "energy_project", "institution"})
PROJECT = "project"  # "the project" refers to the one named project of the document


def references(sent: Span, found: list[Candidate]) -> list[Candidate]:
    """ "The project will be completed in 2027", "construction of the line continues": bare definite
    mentions of a kind of project that are no object of their own, kept to carry their stage to the named
    object they refer to."""
    cues = object_cues()
    taken = {t.i for c in found for t in c.tokens}
    out = []
    for tok in sent:
        if tok.i in taken or tok.pos_ != "NOUN" or tok.tag_ != "NN":
            continue
        lemma = tok.lemma_.lower()
        if lemma != PROJECT and cues.things.get(lemma) not in _REFERENCE_KINDS:
            continue
        if [c.lower_ for c in tok.children] not in (["the"], ["this"]):
            continue  # "the project to construct the plant" says what it is
        out.append(Candidate(tok, (tok,), tok.text))
    return out


def _named(cand: Candidate) -> bool:
    return any(is_namelike(t) and not t.is_sent_start for t in cand.tokens)


def _kind_word(cand: Candidate) -> str | None:
    """The word that says what kind of thing a definite, nameless mention is; None for any other mention."""
    head = cand.head
    if not any(c.dep_ == "det" and c.lower_ in _DEFINITE for c in head.children) or _named(cand):
        return None
    if head.lemma_.lower() == PROJECT and len(cand.tokens) == 1:
        return PROJECT
    if head.tag_ == "NNS":
        return None  # "the border crossings" are several things, not the one named before
    cues = object_cues()
    word = head.lemma_.lower()
    if word in cues.process:
        compounds = [c for c in head.lefts if c.dep_ == "compound"]
        if not compounds:
            return None
        word = compounds[-1].lemma_.lower()
    if cues.things.get(word) in (None, "event", "document") or word in cues.framing:
        return None
    return cues.synonyms.get(word, word)


def _dashed_names(cand: Candidate) -> frozenset[str]:
    return frozenset(fold(t.text) for t in cand.tokens if is_namelike(t) and DASH.search(t.text))


def resolve_anaphors(mentions: list[Mention]) -> list[Item]:
    """The items, with each later mention folded into the named object it refers to."""
    named = [m for m in mentions if _named(m.candidate)]
    target = {id(m): t for m in named if (t := _same_name(m, named)) is not None}
    for mention in mentions:
        if id(mention) not in target and (t := _aliased(mention, named)) is not None:
            target[id(mention)] = t
    heads = [m for m in named if id(m) not in target]
    for n, mention in enumerate(mentions):
        earlier = [m for m in heads if any(m is e for e in mentions[:n])]
        if id(mention) not in target and (t := _referent(mention, earlier)) is not None:
            target[id(mention)] = t
    items = {id(m): m.item for m in heads}
    for mention in mentions:
        if id(mention) in target:
            into = target[id(mention)]
            items[id(into)] = absorb(items[id(into)], mention.item)
    kept = [m for m in mentions if id(m) not in target and not m.reference]
    return [items.get(id(m), m.item) for m in kept]


def _aliased(mention: Mention, named: list[Mention]) -> Mention | None:
    """The named object whose other name ("also known as the Middle Corridor") this mention uses."""
    words = content_words(mention.item.object)
    for other in named:
        if other is not mention and any(content_words(a) == words for a in other.candidate.aliases):
            return other
    return None


def _same_name(mention: Mention, named: list[Mention]) -> Mention | None:
    """The fullest other mention that shares a dashed name with this one and is of its sector."""
    names = _dashed_names(mention.candidate)
    if not names:
        return None
    sector = mention.item.sector
    found = [m for m in named if m.item.sector == sector and names & _dashed_names(m.candidate)]
    fullest = max(found, key=lambda m: (len(m.candidate.tokens), -m.candidate.head.i))
    return None if fullest is mention else fullest


def _referent(mention: Mention, heads: list[Mention]) -> Mention | None:
    """The one named object a definite, nameless mention can refer to (two mentions of one object, one
    holding all the other's words, are one)."""
    kind = _kind_word(mention.candidate)
    if kind is None:
        return None
    sector = mention.item.sector
    if kind == PROJECT:
        things = object_cues().things
        found = [m for m in heads if things.get(m.candidate.head.lemma_.lower()) in _REFERENCE_KINDS]
        return found[0] if len(found) == 1 else None
    found = [m for m in heads if m.item.sector == sector and kind in content_words(m.item.object)]
    if not found:
        return None
    fullest = max(found, key=lambda m: len(content_words(m.item.object)))
    words = content_words(fullest.item.object)
    return fullest if all(content_words(m.item.object) <= words for m in found) else None

"""Which noun phrases of a Russian sentence are undertakings' objects.

Every noun is a candidate; a candidate is kept when it names something specific (a known kind of
thing with something said of it, a named organisation, a field a framing phrase singles out) and dropped
when it only frames ("сотрудничество", "отношения"), when it is a party, a person, a date or a source,
when it says where a meeting took place, or when an umbrella phrase gives its specifics ("в том числе").
"""

from __future__ import annotations

from dataclasses import dataclass

from accord.extract.ru.lexicon import ObjectCues, object_cues, sector_cues, stage_cues
from accord.extract.ru.morph import tag_of
from accord.extract.ru.nlp import Sentence, Token
from accord.extract.ru.parties import token_code
from accord.extract.ru.phrases import phrase_tokens, variants

MAX_SINGLED_OUT = 3
_NOMINAL = frozenset({"NOUN", "PROPN"})
_PERSON_TAGS = ("Name", "Surn", "Patr")
# Types whose heads need a word beside them to name one thing ("линия" -> "линия Достык — Мойынты").
_NEEDS_MODIFIER = frozenset({"railway", "institution", "document", "body", "event"})
_WEAK_ENERGY = frozenset(
    {"проект", "блок", "сеть", "мощность", "парк", "комплекс", "производство", "станция"}
)


@dataclass(frozen=True)
class Candidate:
    """An object phrase: its head, its tokens, and whether it names a meeting."""

    head: Token
    tokens: tuple[Token, ...]
    meeting: bool = False


def _compound_kind(sent: Sentence, tok: Token, cues: ObjectCues) -> str | None:
    """The type a head names together with its adjective: "железная дорога", "сухой порт"."""
    for kid in sent.children(tok):
        if kid.rel == "amod":
            kind = cues.things.get(f"{kid.lemma} {tok.lemma}")
            if kind:
                return kind
    return None


def _kind(sent: Sentence, tok: Token, cues: ObjectCues) -> str | None:
    """The type of thing a head names; its own form first ("Дни культуры" are not days)."""
    found = _compound_kind(sent, tok, cues)
    return found or cues.things.get(tok.text.lower()) or cues.things.get(tok.lemma)


def _content_modifier(sent: Sentence, head: Token, cues: ObjectCues) -> bool:
    """A word beside the head that says which one: a name, a thing, a content adjective."""
    sectors = sector_cues()
    for kid in sent.children(head):
        if kid.rel not in ("amod", "nmod", "appos", "flat", "flat:name", "nummod", "compound"):
            continue
        if kid.pos in ("PRON", "DET"):
            continue  # "соглашение об этом": a pronoun says which only through another sentence
        if kid.lemma in cues.generic_modifiers or kid.lemma in stage_cues().adjectives:
            continue
        if kid.rel == "amod" and token_code(kid) is not None:
            continue  # "казахстанский филиал" still needs to say of what
        if (
            kid.pos == "PROPN"
            or kid.text[:1].isupper()
            or kid.lemma in cues.things
            or kid.lemma in cues.named
        ):
            return True
        if sectors.sectors_of(kid.lemma) or kid.rel in ("nmod", "appos"):
            return True
    return False


def _is_person(tok: Token) -> bool:
    return tok.pos == "PROPN" and any(mark in tag_of(tok.text, "PROPN") for mark in _PERSON_TAGS)


def _excluded(sent: Sentence, tok: Token, cues: ObjectCues) -> bool:
    lemma = tok.lemma
    if tok.pos not in _NOMINAL or not any(c.isalpha() for c in tok.text):
        return True
    if lemma in cues.named or tok.text.lower() in cues.named:
        return False
    if lemma in cues.people or lemma in cues.actors or lemma in cues.media:
        return True
    return token_code(tok) is not None or _is_person(tok)


def _field_singled_out(sent: Sentence, tok: Token, cues: ObjectCues) -> bool:
    """A bare field a framing phrase singles out: "сотрудничество в энергетике и транспорте" gives two
    items; an agenda of four fields or more gives none."""
    first = tok
    while first.rel == "conj" and sent.governor(first) is not None:
        gov = sent.governor(first)
        assert gov is not None
        first = gov
    group = 1 + sum(1 for t in sent.subtree(first) if t.rel == "conj" and t.pos in _NOMINAL)
    governor = sent.governor(first)
    if governor is None or group > MAX_SINGLED_OUT:
        return False
    if governor.lemma in cues.field_heads:
        governor = sent.governor(governor)
    return governor is not None and governor.lemma in cues.framing


def _specific(sent: Sentence, tok: Token, cues: ObjectCues) -> bool:
    lemma = tok.lemma
    if lemma in cues.named or tok.text.lower() in cues.named:
        return True
    if lemma in cues.process:
        return _acts_on_something(sent, tok, cues)
    if lemma in cues.fields and tok.pos == "NOUN":
        return _field_singled_out(sent, tok, cues)
    own_form = tok.text.lower() != lemma and tok.text.lower() in cues.things
    if _compound_kind(sent, tok, cues) is not None or own_form:
        return True
    if lemma in cues.vague or lemma in cues.framing:
        return False
    if lemma in cues.counted and any(k.rel == "nummod" for k in sent.children(tok)):
        return True
    kind = _kind(sent, tok, cues)
    if kind is None:
        return False
    if kind in _NEEDS_MODIFIER or lemma in _WEAK_ENERGY:
        return _content_modifier(sent, tok, cues)
    return True


def _acts_on_something(sent: Sentence, tok: Token, cues: ObjectCues) -> bool:
    """ "строительство АЭС", "поставки газа": a noun of doing with a specific thing it acts on."""
    for kid in sent.children(tok):
        if kid.rel != "nmod" or any(c.rel == "case" for c in sent.children(kid)):
            continue
        if kid.lemma in cues.trainees and tok.lemma in ("подготовка", "обучение"):
            return True
        if token_code(kid) is None and (
            kid.pos == "PROPN" or _specific(sent, kid, cues) or _kind(sent, kid, cues)
        ):
            return True
    return False


def _context(sent: Sentence, tok: Token, cues: ObjectCues) -> bool:
    """Where a meeting took place or who took part: "прибыл в Астану", "посетил филиал"."""
    for anc in sent.ancestors(tok):
        if anc.pos in ("VERB", "AUX"):
            return anc.lemma in cues.context_verbs
    return False


def _source(sent: Sentence, tok: Token) -> bool:
    governor = sent.governor(tok)
    return tok.rel == "nsubj" and governor is not None and governor.lemma in stage_cues().reporting


def _umbrella(sent: Sentence, tok: Token, cues: ObjectCues) -> bool:
    """An umbrella followed by its specifics: "газовое сотрудничество, в том числе поставки ..."."""
    words = [t.text.lower() for t in sent.tokens]
    following = [t.i for t in sent.subtree(tok) if t.i > tok.i]
    for n in following:
        for marker in cues.umbrella:
            if tuple(words[n : n + len(marker)]) == marker:
                return True
    return False


def _meeting(sent: Sentence, tok: Token, cues: ObjectCues) -> bool | None:
    """None when not a meeting; whether the meeting is one still to come otherwise."""
    if tok.lemma not in cues.meetings:
        return None
    return any(k.lemma in cues.future_marks for k in sent.children(tok))


def _of_a_meeting(sent: Sentence, tok: Token, cues: ObjectCues) -> bool:
    """ "саммит ОДКБ": the organisation whose meeting it is; the meeting is what is reported."""
    governor = sent.governor(tok)
    return tok.rel == "nmod" and governor is not None and governor.lemma in cues.meetings


def _candidate(sent: Sentence, tok: Token, cues: ObjectCues) -> Candidate | None:
    if _excluded(sent, tok, cues) or _source(sent, tok) or _context(sent, tok, cues):
        return None
    if _of_a_meeting(sent, tok, cues):
        return None
    meeting = _meeting(sent, tok, cues)
    if meeting is False:
        return None
    if not meeting and (not _specific(sent, tok, cues) or _umbrella(sent, tok, cues)):
        return None
    tokens = phrase_tokens(sent, tok)
    if not tokens:
        return None
    return Candidate(tok, tuple(tokens), meeting=bool(meeting))


def _nested(sent: Sentence, cand: Candidate, taken: dict[int, Candidate]) -> bool:
    """Inside another object's phrase, and not merely coordinated with it."""
    child = cand.head
    for anc in sent.ancestors(cand.head):
        if anc.i in taken and any(t.i == cand.head.i for t in taken[anc.i].tokens):
            return True
        if anc.i in taken:
            return child.rel != "conj"
        child = anc
    return False


def _listable(sent: Sentence, tok: Token, cues: ObjectCues) -> bool:
    """A list member that is one object of its own: a name, a thing, a field; not "партнёрство"."""
    if tok.lemma in cues.framing or tok.lemma in cues.vague or token_code(tok) is not None:
        return False
    named = (
        tok.pos == "PROPN" or tok.text[:1].isupper() or tok.lemma in cues.named or tok.lemma in cues.fields
    )
    return named or _kind(sent, tok, cues) is not None


def find_objects(sent: Sentence) -> list[Candidate]:
    """The objects of a sentence, one per member of a list inside a phrase."""
    cues = object_cues()
    found = {c.head.i: c for c in (_candidate(sent, t, cues) for t in sent.tokens) if c is not None}
    kept = [c for c in found.values() if not _nested(sent, c, found)]
    out: list[Candidate] = []
    for cand in sorted(kept, key=lambda c: c.head.i):
        for tokens in variants(sent, list(cand.tokens), cand.head, lambda t: _listable(sent, t, cues)):
            out.append(Candidate(cand.head, tuple(tokens), cand.meeting))
    return out

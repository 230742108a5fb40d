"""Parts of a sentence whose noun phrases are not undertakings: datelines, sources, purposes, asides."""

from __future__ import annotations

from spacy.tokens import Span, Token

from accord.extract.en.lexicon import stage_cues

_DATELINE_MARKS = frozenset({":", "-", "–", "—", "|"})
_ASIDE_DEPS = frozenset({"npadvmod", "dep", "meta", "vocative", "parataxis", "appos", "attr"})
_WH_WORDS = frozenset({"where", "which", "who", "whose", "whom", "when", "that"})
_MEETING_VERBS = frozenset({"meet", "convene", "gather", "confer"})
_MEETING_NOUNS = frozenset({"meeting", "talks", "session", "consultation", "consultations", "negotiation"})


def dateline_end(sent: Span) -> int:
    """Token index where a dateline ("Astana, The Gulf Observer:") ends; the sentence start if none."""
    for tok in sent[:12]:
        if tok.text in _DATELINE_MARKS and tok.i > sent.start:
            before = sent.doc[sent.start : tok.i]
            if all(t.pos_ in ("PROPN", "PUNCT", "NUM", "DET") or t.ent_type_ == "DATE" for t in before):
                return tok.i + 1
            return sent.start
    return sent.start


def is_source(head: Token) -> bool:
    """The subject of a verb of saying or deciding is who acts or reports, not what is undertaken; so is
    what "according to" names."""
    if head.dep_ == "pobj" and head.head.lower_ == "to" and head.head.head.lower_ == "according":
        return True
    if head.dep_ != "nsubj":
        return head.dep_ in _ASIDE_DEPS and head.head.pos_ in ("PROPN", "VERB") and head.head.ent_type_ != ""
    cues = stage_cues()
    lemma = head.head.lemma_.lower()
    return lemma in cues.reporting or lemma in cues.decision


def in_aside(head: Token) -> bool:
    """Inside a purpose clause ("to facilitate X", "aimed at X") or a wh-relative clause ("where ...")."""
    for anc in head.ancestors:
        if anc.dep_ == "relcl" and any(c.lower_ in _WH_WORDS for c in anc.children if c.i < anc.i):
            return True
        if anc.dep_ == "advcl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in anc.children):
            return not (_opens_plan(anc) or _meeting_purpose(anc) or _effort(anc))
        if anc.dep_ == "acl" and anc.lemma_.lower() in ("aim", "design", "intend", "base", "symbolize"):
            return True
    return False


def _meeting_purpose(verb: Token) -> bool:
    """ "The ministers met to discuss X", "chaired a meeting to promote X": what a meeting is for is what
    the parties undertake there, not a purpose on the side."""
    governor = verb.head
    if governor.lemma_.lower() in _MEETING_VERBS:
        return True
    return any(
        c.dep_ in ("dobj", "nsubj", "nsubjpass") and c.lemma_.lower() in _MEETING_NOUNS
        for c in governor.children
    )


def _effort(verb: Token) -> bool:
    """ "We will work to strengthen transport links", "measures are being taken to increase capacity": the
    infinitive after a verb or noun of effort is what the parties undertake."""
    cues = stage_cues()
    governor = verb.head
    if governor.lemma_.lower() in cues.effort_verbs:
        return True
    return any(
        c.dep_ in ("dobj", "nsubjpass") and c.lemma_.lower() in cues.effort_nouns for c in governor.children
    )


def _opens_plan(verb: Token) -> bool:
    """ "Plans are underway to open X": the infinitive is the undertaking, not a purpose."""
    governor = verb.head
    return any(
        c.dep_ in ("nsubj", "nsubjpass") and c.lemma_.lower() in stage_cues().nouns for c in governor.children
    )

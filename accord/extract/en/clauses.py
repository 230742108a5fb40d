"""Parts of a sentence whose noun phrases are not undertakings: datelines, sources, purposes, asides."""

from __future__ import annotations

from spacy.tokens import Span, Token

from accord.extract.en.lexicon import object_cues, party_aliases, stage_cues
from accord.extract.en.phrases import conj_root

_DATELINE_MARKS = frozenset({":", "-", "–", "—", "|"})
_ASIDE_DEPS = frozenset({"npadvmod", "dep", "meta", "vocative", "parataxis", "appos", "attr"})
_WH_WORDS = frozenset({"where", "which", "who", "whose", "whom", "when", "that"})
_AIMS = frozenset({"aim", "design", "intend", "base", "symbolize"})
_MEETING_VERBS = frozenset({"meet", "convene", "gather", "confer"})
# what is exchanged in a talk ("an exchange of views", "exchanged opinions on X")
VIEW_NOUNS = frozenset({"view", "opinion", "experience", "information", "idea", "position"})
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
    if head.dep_ == "conj" and head.head.dep_ in ("nsubj", "conj"):
        return is_source(head.head)  # "the EU and its financial institutions committed 10 billion euros"
    if _in_agent(head) or _alias(head):
        return True
    if head.dep_ != "nsubj":
        aside = head.dep_ in _ASIDE_DEPS and head.head.pos_ in ("PROPN", "VERB") and head.head.ent_type_ != ""
        return aside and not dashed_name(head)
    cues = stage_cues()
    verb = head.head
    lemma = verb.lemma_.lower()
    if cues.decision.get(lemma) == "underway" and not any(
        c.dep_ in ("dobj", "xcomp", "ccomp") for c in verb.children
    ):
        return False  # "film days are continuing": what goes on, not who carries it on
    if (
        cues.decision.get(lemma) == "underway"
        and object_cues().things.get(head.lemma_.lower()) == "institution"
    ):
        return False  # "the Slavonic University continues to train specialists": the university goes on
    return lemma in cues.reporting or lemma in cues.decision


def dashed_name(head: Token) -> bool:
    """ "the Western Europe – Western China highway corridor": a route named by its two ends, which the
    parser reads as a place and an apposition."""
    edge = head.left_edge.i
    return (
        head.dep_ == "appos"
        and edge > 0
        and head.doc[edge - 1].text in ("–", "—", "-")
        and object_cues().things.get(head.lemma_.lower()) in ("railway", "energy_project")
    )


def _alias(head: Token) -> bool:
    """ "the Trans-Caspian route, also known as the Middle Corridor": another name of the object before."""
    prep = head.head
    return (
        head.dep_ == "pobj"
        and prep.lower_ == "as"
        and prep.head.lemma_.lower() in ("know", "call", "refer", "dub", "name")
        and prep.head.tag_ == "VBN"
    )


def _in_agent(head: Token) -> bool:
    """ "The proposal was made by the deputy chairman of Qazaq Gaz": who acted, named in a passive's agent."""
    for anc in [head, *head.ancestors]:
        if anc.dep_ == "agent":
            return True
        if anc.pos_ in ("VERB", "AUX"):
            return False
    return False


def in_aside(head: Token) -> bool:
    """Inside a purpose clause ("to facilitate X", "aimed at X"), a wh-relative clause ("where ..."), or
    what a project is said to bring about ("the line will help unload the southern checkpoints")."""
    if _consequence(head) or _role(head) or _commentary(head) or _partner(head) or _funder(head):
        return True
    if _programme_of_event(head):
        return True
    for anc in head.ancestors:
        if anc.dep_ == "relcl" and any(c.lower_ in _WH_WORDS for c in anc.children if c.i < anc.i):
            return not (_undertakes(anc) or next_session(head))
        conditions = object_cues().lists["conditions"]
        if anc.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in conditions for c in anc.children):
            return True  # "if Tashkent accepts a price formula": a condition, not an undertaking
        if anc.dep_ == "advcl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in anc.children):
            if anc.head.pos_ == "ADJ":
                continue  # "considers it possible to explore X": what the adjective is said of, no purpose
            return not (_opens_plan(anc) or _meeting_purpose(anc) or _effort(anc) or _document_terms(anc))
        if anc.dep_ == "acl" and anc.lemma_.lower() in _AIMS:
            return not is_document(anc.head)  # "documents aimed at developing X" say what they provide for
    return False


def next_session(head: Token) -> bool:
    """ "a programme, which is to be signed at the next meeting of the commission": the next session is
    arranged, wherever the sentence names it."""
    return head.lemma_.lower() in object_cues().meetings and any(
        c.dep_ == "amod" and c.lower_ in ("next", "upcoming", "forthcoming") for c in head.children
    )


def _partner(head: Token) -> bool:
    """ "in partnership with a foreign university", "collaboration between researchers and industrial
    enterprises": who works together, not what they undertake."""
    node = conj_root(head)
    prep = node.head
    if node.dep_ != "pobj" or prep.lower_ not in ("with", "between", "among"):
        return False
    lemma, word = prep.head.lemma_.lower(), prep.head.lower_
    cues = object_cues()
    if prep.lower_ == "with" and cues.things.get(lemma) == "document":
        return True  # "under its contracts with the Department of Atomic Energy": the counterpart
    return lemma in cues.relations or word in cues.meetings or lemma in stage_cues().effort_verbs


def _programme_of_event(head: Token) -> bool:
    """ "Days of Uzbek Culture were held with exhibitions, concerts and a fashion show": what an event
    was held with is its programme, and where it was held its venue; both are part of the event's item."""
    node = head
    while node.dep_ in ("conj", "pobj") and node.head.lower_ not in ("with", "featuring", "at"):
        # up through a conjunction, or through "of": "the State Museum of Fine Arts"
        node = node.head.head if node.dep_ == "pobj" else node.head
        if node.pos_ in ("VERB", "AUX"):
            return False
    prep = node.head
    if node.dep_ != "pobj" or prep.lower_ not in ("with", "featuring", "at"):
        return False  # "an exhibition of carpets opened at the State Museum of Arts": its venue
    holder = prep.head
    things = object_cues().things

    def event(token: Token) -> bool:
        return "event" in (things.get(token.lemma_.lower()), things.get(token.lower_))

    if holder.pos_ == "NOUN":
        return event(holder)
    return any(event(c) for c in holder.children if c.dep_ in ("nsubj", "nsubjpass"))


def _funder(head: Token) -> bool:
    """ "with financing from Russian state banks", "a loan from the Eurasian Development Bank": who pays."""
    head = conj_root(head)
    prep = head.head
    if head.dep_ != "pobj" or prep.lower_ not in ("from", "by"):
        return False
    funding = object_cues().lists["funding"]
    holder = prep.head
    if holder.pos_ in ("VERB", "AUX"):  # "built with money from the budget": "from" hangs on the verb
        money = [o for p in holder.children if p.lower_ == "with" for o in p.children if o.dep_ == "pobj"]
        return any(o.lemma_.lower() in funding or o.lower_ in funding for o in money)
    return holder.lemma_.lower() in funding or holder.lower_ in funding


def _commentary(head: Token) -> bool:
    """ "Some economists doubt that the route can compete with the northern corridor": what third parties
    think is background."""
    commentators = object_cues().commentators
    for anc in head.ancestors:
        if anc.pos_ in ("VERB", "AUX") and any(
            c.dep_ == "nsubj" and c.lemma_.lower() in commentators for c in anc.children
        ):
            return True
    return False


def _role(head: Token) -> bool:
    """ "Kazakhstan will serve as a reliable logistics hub", "the country has become a transit hub": what a
    party is or acts as describes it; it is not something undertaken."""
    roles = object_cues().lists["role_verbs"]
    for node in [head, *head.ancestors]:
        governor = node.head
        if node.dep_ == "pobj" and governor.lower_ == "as" and governor.head.lemma_.lower() in roles:
            return True
        if node.dep_ == "attr" and governor.lemma_.lower() in ("become", "remain"):
            return True
        if node.pos_ in ("VERB", "AUX"):
            return False
    return False


def _consequence(head: Token) -> bool:
    """In the clause of a thing that brings something about: "the construction of the plant will allow the
    country to complete the fuel cycle", "the project has great significance for improving X". The object
    must not be in the thing's own subject phrase."""
    cues = object_cues()
    came = head
    for anc in head.ancestors:
        subjects = [c for c in anc.children if c.dep_ in ("nsubj", "nsubjpass")]
        if anc.pos_ not in ("VERB", "AUX") or not subjects:
            came = anc
            continue
        if any(came.i == s.i for s in subjects) or not _thing_subject(subjects[0]):
            came = anc
            continue
        if anc.lemma_.lower() in cues.consequence_verbs:
            return True
        if came.dep_ in ("acomp", "attr", "dobj") and came.lemma_.lower() in cues.consequence_words:
            return True
        if came.dep_ == "advcl" and came.tag_ == "VBG" and _after_consequence_word(anc, came):
            return True  # "has significance for improving X, building Y": the parser hangs Y on the verb
        came = anc
    return False


def _after_consequence_word(verb: Token, gerund: Token) -> bool:
    words = object_cues().consequence_words
    return any(
        c.dep_ in ("acomp", "attr", "dobj") and c.lemma_.lower() in words and c.i < gerund.i
        for c in verb.children
    )


def _thing_subject(subject: Token) -> bool:
    """A project, a construction, a line: not a party, a person, a pronoun or a document."""
    if subject.pos_ not in ("NOUN", "PROPN") or subject.ent_type_ in ("PERSON", "GPE", "NORP"):
        return False
    if subject.text in party_aliases():
        return False
    cues = object_cues()
    lemma = subject.lemma_.lower()
    if cues.things.get(lemma) == "document" or lemma in cues.people or lemma in cues.actors:
        return False
    if lemma in stage_cues().parts:
        return True  # "the Kyrgyz segment of the railway will connect to X": a part of a thing
    return lemma in cues.things or lemma in cues.process or lemma in ("project", "initiative")


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


def _undertakes(verb: Token) -> bool:
    """ "the site, where a consortium is to build the first nuclear plant": a relative clause that itself
    states an undertaking (a verb of building or deciding, with its own subject)."""
    cues = stage_cues()
    if not any(c.dep_ == "nsubj" and c.lower_ not in _WH_WORDS for c in verb.children):
        return False
    for acting in [verb, *(c for c in verb.children if c.dep_ == "xcomp")]:
        lemma = acting.lemma_.lower()
        if lemma in cues.completion or lemma in cues.neutral or cues.decision.get(lemma) == "agreed":
            return True
    return False


def is_document(noun: Token) -> bool:
    """An agreement, a memorandum, a programme: a signed or adopted text."""
    lemma = noun.lemma_.lower()
    return lemma == "document" or object_cues().things.get(lemma) == "document"


def aims_of_document(verb: Token) -> bool:
    """ "documents aimed at X": the participle that says what a document provides for."""
    return verb.dep_ == "acl" and verb.lemma_.lower() in _AIMS and is_document(verb.head)


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


def _document_terms(verb: Token) -> bool:
    """ "signed a contract for Rosatom to build a plant": the infinitive says what the signed document
    provides for (the parser hangs it on the signing verb)."""
    governor = verb.head
    return governor.lemma_.lower() in object_cues().lists["signing_verbs"] and any(
        c.dep_ in ("dobj", "nsubjpass") and is_document(c) and c.i < verb.i for c in governor.children
    )


def _opens_plan(verb: Token) -> bool:
    """ "Plans are underway to open X": the infinitive is the undertaking, not a purpose."""
    governor = verb.head
    return any(
        c.dep_ in ("nsubj", "nsubjpass") and c.lemma_.lower() in stage_cues().nouns for c in governor.children
    )

"""Which noun phrases of a sentence are undertakings' objects.

Every noun-phrase head is a candidate; a candidate is kept when it names something specific (a
named thing, a kind of project, a commodity, a field with content words) and dropped when it only
frames ("cooperation", "relations", "several documents"), when it is a party, a person, a date or a
source, when it sits in an aside, or when an umbrella phrase gives its specifics
("gas cooperation, including supplies ...").
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from functools import cache

from spacy.tokens import Span, Token

from accord.extract.en.clauses import VIEW_NOUNS, dashed_name, dateline_end, in_aside, is_document, is_source
from accord.extract.en.lexicon import ObjectCues, object_cues, party_aliases, sector_cues, stage_cues
from accord.extract.en.phrases import (
    conj_root,
    conjuncts,
    is_namelike,
    is_nominal,
    is_place,
    phrase_tokens,
    split_coordinated_bodies,
    split_coordinated_fields,
    split_coordinated_holders,
    split_coordinated_names,
    split_coordinated_places,
    text_of,
    trim,
)
from accord.vocab.loader import countries
from accord.vocab.text import DASH

_MODIFIER_DEPS = frozenset({"compound", "amod", "nmod", "poss", "flat", "nummod", "case", "det", "predet"})
_NOT_OBJECTS = frozenset(
    {"PERSON", "GPE", "LOC", "NORP", "DATE", "TIME", "MONEY", "PERCENT", "CARDINAL", "ORDINAL", "QUANTITY"}
)
MAX_SINGLED_OUT = 3
_MEMBERSHIP = frozenset({"membership", "accession", "chairmanship", "presidency", "coordination"})
_KINDS = frozenset({"institution", "railway", "energy_project", "body"})
_MEETING_MARKS = frozenset(
    {"next", "upcoming", "forthcoming", "following", "state", "official", "working", "return"}
)
_VENUE_PREPS = frozenset({"at", "during", "ahead", "after", "before", "following", "within", "on"})
_VENUE_NOUNS = frozenset({"sideline", "sidelines", "margin", "margins", "framework", "occasion", "eve"})


@dataclass(frozen=True)
class Candidate:
    """An object phrase: its head token, its words, and whether it names a meeting."""

    head: Token
    tokens: tuple[Token, ...]
    text: str
    meeting: bool = False
    aliases: tuple[str, ...] = ()  # other names the sentence gives it ("also known as the Middle Corridor")
    provided: bool = False  # what a document provides for: still to be done when the document is signed


def _lemma(token: Token) -> str:
    return token.lemma_.lower()


def _is_party_word(token: Token) -> bool:
    """ "Kazakhstan", "Kazakh", and compounds of them: "Kazakh-Russian", "China–Kazakhstan"."""
    aliases = party_aliases()
    return token.text in aliases or all(part in aliases for part in DASH.split(token.text) if part)


def _is_party_name(tokens: list[Token]) -> bool:
    """A country, a party's name, or a world region ("Central Asia"): where or who, not what."""
    words = [t for t in tokens if t.pos_ not in ("DET", "PUNCT", "PART", "ADP")]
    if " ".join(t.lower_ for t in words) in object_cues().regions:
        return True
    return bool(words) and all(_is_party_word(t) for t in words)


def _is_person_or_source(tokens: list[Token], head: Token, cues: ObjectCues) -> bool:
    if head.text.startswith(("#", "@")) or _tagged(head):
        return True
    head_lemma = _lemma(head)
    if head_lemma in cues.actors and _founded(head, cues):
        return False  # "the launch of the Kazakh–Azerbaijani investment company": a body the parties make
    if head_lemma in cues.people or head_lemma in cues.actors:
        return True
    if head_lemma in cues.media and not _named_body(head):
        return True
    compounds = [_lemma(t) for t in tokens if t.dep_ == "compound"]
    if head.ent_type_ == "PERSON" and not _typed_name(head, cues):
        return True
    if head.dep_ == "appos" and _lemma(head.head) in cues.people and is_namelike(head):
        return True  # "the Prime Minister of Uzbekistan Abdulla Aripov": the official's name
    holder = head.head.head if head.dep_ == "pobj" and head.head.lower_ == "of" else None
    titled = holder is not None and is_namelike(holder) and is_namelike(head)
    if titled and holder is not None and (_lemma(holder) in cues.people or _lemma(holder) in cues.actors):
        return True  # "the Minister of Transport", "the Ministry of Energy": a title, not a field
    if any(c in cues.people or c in cues.media for c in compounds) or _titled(head, cues):
        return True
    return _named_actor(tokens, cues)


def _founded(head: Token, cues: ObjectCues) -> bool:
    """Is this company or consortium what is set up, launched or created?"""
    founding = cues.lists["founding"]
    if head.dep_ in ("dobj", "nsubjpass"):
        return _lemma(head.head) in founding
    if head.dep_ == "pobj" and head.head.lower_ == "of":
        return _lemma(head.head.head) in founding
    return False


def _named_body(head: Token) -> bool:
    """ "the Agency for Atomic Energy": a capitalised body named for its field, not a news agency."""
    return head.text[:1].isupper() and any(
        c.dep_ == "prep" and c.lower_ in ("for", "of", "on") for c in head.children
    )


def _tagged(token: Token) -> bool:
    """ "#CIS", "@Akorda": a hashtag or handle that the tokenizer split from its mark (page leftovers)."""
    if token.i == 0:
        return False
    before = token.doc[token.i - 1]
    return before.text in ("#", "@") and not before.whitespace_


def _titled(head: Token, cues: ObjectCues) -> bool:
    """ "the Telegram channel «Oil and Gas of Kazakhstan»": the name of an outlet, hung on its media word."""
    node = head
    while node.dep_ in ("appos", "compound", "nmod", "conj", "flat", "npadvmod") and node.head.i != node.i:
        node = node.head
        if _lemma(node) in cues.media:
            return True
    return False


def _typed_name(head: Token, cues: ObjectCues) -> bool:
    """A name that a word of its own says is a thing ("the railway Bakhty-Ayagoz", "the Kambarata hydropower
    plant"), whatever the entity recogniser took it for."""
    return any(
        child.dep_ in ("compound", "amod") and cues.things.get(_lemma(child)) not in (None, "event")
        for child in head.lefts
    )


def _produce(token: Token, cues: ObjectCues) -> bool:
    """ "cherries" in "Kyrgyz cherries": a common noun of goods after a demonym, not a name's word."""
    lemma = _lemma(token)
    return (
        token.pos_ == "NOUN"
        and token.text.islower()
        and token.dep_ in ("pobj", "dobj", "conj", "nsubj", "nsubjpass")
        and lemma not in cues.actors
        and lemma not in cues.people
        and lemma not in cues.abstract
        and lemma not in cues.vague
    )


def _named_actor(tokens: list[Token], cues: ObjectCues) -> bool:
    """ "Gazprom Export", "Kazakhstan Temir Zholy": a party's name with nothing undertaken in it; a party's
    product in common words ("Kyrgyz cherries", "Uzbek fruit") is a thing."""
    if not any(_is_party_word(t) for t in tokens):
        return False
    rest = [t for t in tokens if not _is_party_word(t)]
    if len(tokens) == 2 and len(rest) == 1 and _produce(rest[0], cues):
        return False
    return not any(_lemma(t) in cues.things or t.lower_ in cues.things for t in rest)


def _statistic(tokens: list[Token], head: Token, cues: ObjectCues) -> bool:
    """ "68 bridges", "eleven railway stations", "eight days": a count of parts or of time, not an
    undertaking."""
    counted = any(c.dep_ == "nummod" and c.like_num for c in head.children)
    if head.dep_ == "dobj" and head.head.lemma_.lower() in cues.lists["transfer_verbs"]:
        return False  # "will supply twelve locomotives": what is handed over
    return counted and (_lemma(head) in cues.components or head.lower_ in cues.lists["time_units"])


def _context(head: Token, cues: ObjectCues) -> bool:
    """Where a meeting took place or what someone attended: "participated in the SCO summit", "signed
    on the sidelines of the forum", "met at the Presidential Palace"."""
    if head.dep_ == "pobj" and head.head.lower_ == "on" and _lemma(head) in cues.meetings:
        return not _meeting_named(head)  # "invited him on a state visit next year": arranged or not, later
    if head.dep_ == "pobj" and not _joined_organisation(head):
        prep = head.head
        venue = prep.lower_ in _VENUE_PREPS and (cues.things.get(_lemma(head)) in ("event", "body"))
        if venue and _lemma(head) in cues.meetings and not _reported_meeting(head, cues):
            venue = False  # "talks continued at the first Supreme Council meeting": the session is an item
        if venue or (prep.head.lemma_.lower() in _VENUE_NOUNS and not _framed_body(head, cues)):
            return True
    if _lemma(head) in cues.meetings and not _reported_meeting(head, cues):
        return False  # "attended the 8th meeting of the planning group": the session is an item
    work = False  # "participation in the construction of X" is the undertaking, not a place to be
    for anc in head.ancestors:
        work = work or _lemma(anc) in cues.process
        if anc.pos_ == "NOUN" and anc.lemma_.lower() in cues.lists["context_nouns"] and not work:
            return True  # "welcomed your participation in the forum"
        if anc.pos_ in ("VERB", "AUX"):
            return anc.lemma_.lower() in cues.context_verbs
    return False


def _content_modifier(head: Token, cues: ObjectCues, *, nouns_only: bool) -> bool:
    """A modifier that says what a framing head is about: "gas cooperation", "Trans-Altai Dialogue"."""
    sectors = sector_cues()
    for child in head.lefts:
        if child.dep_ not in ("compound", "amod", "nmod") and not (
            child.dep_ == "nummod" and is_namelike(child)
        ):
            continue
        for tok in child.subtree:
            lemma = _lemma(tok)
            if lemma in cues.generic_modifiers or _is_party_word(tok) or lemma in cues.counted:
                continue  # "project implementation" refers back to a project named elsewhere
            if tok.ent_type_ in ("NORP", "GPE") and not DASH.search(tok.text):
                continue  # "European countries"; but "Trans-Caspian route" names a route
            if lemma in cues.framing and not sectors.sectors_of(lemma):
                continue
            plain = tok.pos_ == "ADJ" or lemma in cues.fields or lemma in cues.relations
            if nouns_only and plain and not is_namelike(tok):
                continue  # "cultural ties", "energy and industry ties", "alliance relations"
            if is_namelike(tok) or lemma in cues.things or sectors.sectors_of(lemma):
                return True
    return False


def _specific(head: Token, cues: ObjectCues) -> bool:
    lemma = _lemma(head)
    if head.lower_ in cues.things and lemma not in cues.things:
        lemma = head.lower_  # "Days" of "Culture Days" is not one day
    if _raised_target(head, cues):
        return True
    if lemma in ("market", "markets") and any(c.lower_ in cues.lists["shared_markets"] for c in head.lefts):
        return True  # "a unified regional electricity market": a market the parties build together
    if lemma in cues.vague or lemma in cues.abstract:
        return False
    if is_namelike(head) and _joined_organisation(head) and not _is_party_word(head):
        return True
    if _supported(head, cues):
        return True
    unnamed_entity = head.ent_type_ in _NOT_OBJECTS and lemma not in cues.things
    if unnamed_entity and not _typed_name(head, cues) and not _named_year(head):
        return False
    if _after_marker(head, cues):
        return head.pos_ in ("NOUN", "PROPN") or is_namelike(head)
    flow = lemma in cues.flows and _of_object(head) is not None  # "the transit of Russian gas"
    if (
        lemma in cues.fields
        and not flow
        and not any(c.dep_ in ("compound", "amod", "nmod") for c in head.lefts)
    ):
        return _singled_out(head, cues) and not _section_marker(head)
    if lemma in cues.counted and any(c.dep_ == "nummod" and c.like_num for c in head.children):
        return True  # "52 joint projects are being implemented"
    if cues.things.get(lemma) == "document" and _in_accord(head):
        return False
    if cues.things.get(lemma) in ("document", "body") and any(c.lower_ == "its" for c in head.children):
        return False  # "work out its charter and capital structure": the parts of something named before
    if _recipient(head, cues) or _in_exchange(head) or _in_the_pipeline(head) or _setting(head, cues):
        return False
    if _exchange_of_views(head):
        return False
    if lemma in ("year", "month", "week", "season", "semester") and not is_namelike(head):
        return False  # "for the new academic year": a time, not a themed year
    if (
        lemma in ("day", "days")
        and not is_namelike(head)
        and not any(c.dep_ in ("compound", "amod", "prep") for c in head.children)
    ):
        return False  # "within days"
    if lemma == "agreement" and head.dep_ == "dobj" and _reached(head.head):
        return False  # "reached an agreement to create a joint fund": a decision, whose terms are the items
    if cues.things.get(lemma) == "document" and head.tag_ in ("NN", "NNP"):
        return _document_named(head)
    if cues.things.get(lemma) == "document" and _one_topic(head, cues):
        return True
    if cues.things.get(lemma) == "document" and head.tag_ == "NNS" and not _document_named(head):
        return False  # "signed protocols", "six agreements": which ones, it does not say
    if lemma in cues.meetings:
        return _meeting_named(head)
    if lemma in cues.lists["project_work"] and _work_of_the_project(head):
        return False
    if _located_part(head):
        return False
    if cues.things.get(lemma) == "settlement":
        return _settles(head, cues)
    if lemma in cues.framing or lemma in cues.relations:
        if _agenda(head) or _section_marker(head):
            return False
        if lemma in cues.relations and _between_places(head):
            return True
        strict = lemma in cues.relations and not _signed_topic(head, cues)
        named_head = is_namelike(head) and not head.is_sent_start and not strict
        return named_head or _content_modifier(head, cues, nouns_only=strict)
    if lemma in cues.weak_things:
        formed = any(c.dep_ == "amod" and c.lower_ in cues.lists["formats"] for c in head.children)
        formed = formed or (  # "a joint working group": a standing body
            lemma == "group" and any(c.lower_ in cues.lists["group_kinds"] for c in head.lefts)
        )
        return formed or _content_modifier(head, cues, nouns_only=False) or _specific_of(head, cues)
    if lemma in cues.things or is_namelike(head):
        return True
    return (
        _content_modifier(head, cues, nouns_only=False)
        or _processed(head, cues)
        or _handed_over(head, cues)
        or (_signed_topic(head, cues) and _of_object(head) is not None)  # "on mutual recognition of diplomas"
    )


def _work_of_the_project(head: Token) -> bool:
    """ "The engineering survey work has been completed": the work, of a kind, on nothing it names."""
    return any(c.dep_ == "det" and c.lower_ == "the" for c in head.children) and not any(
        c.dep_ == "prep" or c.dep_ == "acl" for c in head.children
    )


def _located_part(head: Token) -> bool:
    """ "camps were built in sections such as Ayi and Bakt": the parts of a line where a verb's work is
    done are where, not what."""
    node = conj_root(head)
    if node.dep_ == "pobj" and node.head.lower_ == "as" and node.head.head.dep_ == "pobj":
        node = node.head.head  # "sections such as Ayi"
    prep = node.head
    return (
        node.dep_ == "pobj"
        and prep.lower_ in ("in", "at", "along")
        and prep.head.pos_ in ("VERB", "AUX")
        and node.lemma_.lower() in stage_cues().parts
    )


def _between_places(head: Token) -> bool:
    """ "twin-city relations between Shymkent and Xi'an": ties between two places below the countries are
    a thing of their own (ties between the countries themselves are framing)."""
    for prep in (c for c in head.rights if c.dep_ == "prep" and c.lower_ == "between"):
        for obj in (c for c in prep.children if c.dep_ == "pobj"):
            places = conjuncts(obj)
            if len(places) >= 2 and all(_local_place(p) for p in places):
                return True
    return False


def _local_place(token: Token) -> bool:
    """A place below a country: "Shymkent", "Kostanay region"."""
    if _is_party_word(token):
        return False
    return is_place(token) or (
        _lemma(token) in object_cues().lists["place_units"]
        and any(c.dep_ in ("compound", "amod") and is_namelike(c) for c in token.lefts)
    )


def _reached(verb: Token) -> bool:
    """ "reached an agreement", not "without reaching agreement" nor "did not reach an agreement"."""
    if _lemma(verb) not in ("reach", "come") or any(c.dep_ == "neg" for c in verb.children):
        return False
    return not (verb.dep_ == "pcomp" and verb.head.lower_ in ("without", "before"))


def _signed_topic(head: Token, cues: ObjectCues) -> bool:
    """ "signed documents on technical and economic cooperation", "agreements on energy cooperation": the
    topic of signed texts names an area of cooperation that they set up, an item of its own."""
    if head.dep_ != "pobj" or head.head.lower_ != "on":
        return False
    holder = conj_root(head.head).head  # "on energy cooperation and on the recognition of diplomas"
    if holder.pos_ == "VERB":
        # "signed a joint declaration on Monday on the anniversary of relations": the declaration's topic
        one_text = any(c.dep_ == "dobj" and c.tag_ == "NN" and is_document(c) for c in holder.children)
        return holder.lemma_.lower() in cues.lists["signing_verbs"] and not one_text
    return holder.tag_ == "NNS" and is_document(holder)


def _handed_over(head: Token, cues: ObjectCues) -> bool:
    """ "Russian Railways will supply fifteen locomotives": counted things that one party hands to another."""
    return (
        head.dep_ == "dobj"
        and head.head.lemma_.lower() in cues.lists["transfer_verbs"]
        and any(c.dep_ == "nummod" and c.like_num for c in head.children)
    )


def _processed(head: Token, cues: ObjectCues) -> bool:
    """ "the construction of stadiums", "the joint production of passenger cars, trucks and machinery": what
    a process noun acts on is the object, whatever kind of thing it is (a flow of one thing is itself the
    object: "the supply of fertilisers")."""
    node = conj_root(head)
    prep = node.head
    return (
        head.pos_ == "NOUN"
        and node.dep_ == "pobj"
        and prep.lower_ == "of"
        and _lemma(prep.head) in cues.process
        and (_lemma(prep.head) not in cues.flows or len(conjuncts(node)) > 1)
    )


def _flow_route(head: Token, cues: ObjectCues) -> bool:
    """ "will increase gas supplies to China via the Central Asia–China pipeline": the way a flow goes."""
    prep = head.head
    if head.dep_ != "pobj" or prep.lower_ not in ("via", "through"):
        return False
    holder = prep.head
    if holder.pos_ in ("NOUN", "PROPN"):
        return _lemma(holder) in cues.flows
    return any(c.dep_ == "dobj" and _lemma(c) in cues.flows for c in holder.children)


def _served_flow(head: Token, cues: ObjectCues) -> bool:
    """ "the use of the port of Chabahar for exports of grain and metals": a flow that says what another
    thing is for; the goods it carries are not undertakings of their own."""
    node = conj_root(head)
    if node.dep_ != "pobj" or node.head.lower_ != "of":
        return False
    process = node.head.head
    prep = process.head
    return (
        _lemma(process) in cues.flows
        and process.dep_ == "pobj"
        and prep.lower_ == "for"
        and prep.head.pos_ in ("NOUN", "PROPN")
        and cues.things.get(_lemma(prep.head)) != "document"
    )


def _section_marker(head: Token) -> bool:
    """ "In the energy sector, the parties agreed to ...": a fronted field that only says which part of
    the talks the sentence reports, like a heading."""
    prep = head.head
    if (
        head.dep_ == "pobj"
        and prep.lower_ == "of"
        and prep.head.lemma_.lower() in object_cues().lists["field_frames"]
    ):
        head = prep.head  # "In the field of education, ..."
        prep = head.head
    if head.dep_ != "pobj" or prep.lower_ not in ("in", "within") or prep.head.pos_ not in ("VERB", "AUX"):
        return False
    return prep.i < prep.head.i and not any(c.dep_ == "nsubj" and c.i < prep.i for c in prep.head.children)


def _recipient(head: Token, cues: ObjectCues) -> bool:
    """ "supply locomotives to Turkmen railways": whom a thing is handed to."""
    prep = head.head
    return (
        head.dep_ == "pobj"
        and prep.lower_ == "to"
        and prep.head.pos_ == "VERB"
        and prep.head.lemma_.lower() in cues.lists["transfer_verbs"]
        and not is_place(head)
    )


def _framed_body(head: Token, cues: ObjectCues) -> bool:
    """ "coordination in the framework of international structures": bodies the parties work in."""
    prep = head.head
    return (
        head.dep_ == "pobj"
        and prep.lower_ == "of"
        and prep.head.lemma_.lower() == "framework"
        and cues.things.get(_lemma(head)) == "body"
    )


def _setting(head: Token, cues: ObjectCues) -> bool:
    """ "within the framework of the Astana talks", "in the context of the anniversary": an idiom of
    setting, not a framework document."""
    return (
        head.lower_ in cues.lists["setting_nouns"]
        and head.dep_ == "pobj"
        and head.head.lower_ in ("in", "within", "on", "under", "at")
        and any(c.dep_ == "prep" and c.lower_ == "of" for c in head.children)
    )


def _exchange_of_views(head: Token) -> bool:
    """ "an exchange of views on security", "in-depth exchanges on coordination", "consultations on the
    pipeline": a talk, whose topic is what was discussed; "student exchanges" are a programme and
    "political consultations" a standing mechanism."""
    if head.lemma_.lower() not in ("exchange", "exchanges", "consultation", "consultations"):
        return False
    for prep in (c for c in head.children if c.dep_ == "prep"):
        if prep.lower_ in ("on", "about", "regarding", "over"):
            return True
        if prep.lower_ == "of" and any(g.lemma_.lower() in VIEW_NOUNS for g in prep.children):
            return True
    return False


def _in_the_pipeline(head: Token) -> bool:
    """ "some two dozen projects are now in the pipeline": an idiom, not a gas pipeline."""
    return (
        head.lower_ == "pipeline"
        and head.dep_ == "pobj"
        and head.head.lower_ == "in"
        and [c.lower_ for c in head.children] == ["the"]
    )


def _in_exchange(head: Token) -> bool:
    """ "in exchange for Russian volumes": an idiom, not an exchange programme."""
    return (
        head.lower_ == "exchange"
        and head.dep_ == "pobj"
        and head.head.lower_ == "in"
        and any(c.dep_ == "prep" and c.lower_ == "for" for c in head.children)
    )


def _settles(head: Token, cues: ObjectCues) -> bool:
    """ "a political settlement of the crisis", "a solution to the war": a settlement names what it
    settles; "digital solutions" are products."""
    return any(
        prep.dep_ == "prep" and obj.dep_ == "pobj" and _lemma(obj) in cues.lists["conflicts"]
        for prep in head.children
        for obj in prep.children
    )


def _in_accord(head: Token) -> bool:
    """ "we are in full agreement on deepening our relations", "we have full agreement for X": a meeting of
    minds, not a document (which takes an article, a number or a name)."""
    governor = head.head
    if not (head.dep_ == "pobj" and governor.lower_ == "in") and not (
        head.dep_ == "dobj" and governor.lemma_.lower() in ("have", "share", "express", "find")
    ):
        return False
    return not any(c.dep_ in ("det", "poss", "nummod", "compound") for c in head.lefts)


def _one_topic(documents: Token, cues: ObjectCues) -> bool:
    """ "long-term agreements for the transportation of gas through Kazakhstan": several documents on one
    specific thing are that thing's documents, not a package of fields."""
    topics = [
        obj
        for prep in documents.rights
        if prep.dep_ == "prep" and prep.lower_ in ("on", "for")
        for obj in prep.children
        if obj.dep_ == "pobj"
    ]
    if len(topics) != 1 or len(conjuncts(topics[0])) > 1 or _lemma(topics[0]) in cues.fields:
        return False
    return _acts_on_something(topics[0], cues) or cues.things.get(_lemma(topics[0])) not in (None, "field")


def _raised_target(head: Token, cues: ObjectCues) -> bool:
    """ "to raise bilateral trade volume to $10 billion", "increasing mutual trade": a field, or a measure of
    one, that the parties set out to raise is an undertaking, though a statistic alone is not."""
    if head.dep_ != "dobj" or head.head.lemma_.lower() not in cues.lists["raise_verbs"]:
        return False
    lemma = _lemma(head)
    if lemma in cues.fields:
        return True
    return lemma in cues.abstract and any(
        c.dep_ in ("compound", "nmod") and _lemma(c) in cues.fields for c in head.lefts
    )


def _supported(head: Token, cues: ObjectCues) -> bool:
    """ "expressed support for China's initiative", "supports Kazakhstan's territorial integrity": a
    statement of political support names its object, framing word or not."""
    if _lemma(head) not in cues.supported or _purpose(head) is not None:
        return False  # "support for the initiative to host a UN centre": the centre is the object
    if not any(c.dep_ in ("poss", "amod", "compound", "nmod") for c in head.lefts):
        return False  # "if the public supports the initiative": one named before
    governor = head.head
    if head.dep_ == "dobj":
        return governor.lemma_.lower() in cues.support_verbs
    return (
        head.dep_ == "pobj"
        and governor.lower_ in ("for", "of", "to")
        and governor.head.lemma_.lower() in cues.support_nouns
    )


def _package(umbrella: Token) -> bool:
    """ "agreements in sectors such as trade and infrastructure": fields that sum up a package of documents
    (FORMAT.md: framing), not fields singled out for an undertaking."""
    governor = umbrella.head
    return umbrella.dep_ == "pobj" and governor.dep_ == "prep" and is_document(governor.head)


def _agenda(head: Token) -> bool:
    """ "trade, transport, energy, agricultural and cultural spheres": a framing head over a long list of
    fields sums up an agenda."""
    words = [t for c in head.lefts if c.dep_ in ("amod", "compound", "nmod") for t in c.subtree]
    units = 1 + sum(1 for t in words if t.lower_ in ("and", "or") or t.text == ",")
    return units > MAX_SINGLED_OUT


def _named_year(head: Token) -> bool:
    """ "the Year of Uzbekistan's Culture": a themed year, which the entity recogniser calls a date."""
    if head.ent_type_ != "DATE" or head.pos_ != "PROPN" or not head.is_alpha:
        return False
    if head.lower_ in object_cues().lists["months"]:
        return False
    return any(t.lower_ in ("year", "years", "decade") for t in head.subtree)


def _singled_out(head: Token, cues: ObjectCues) -> bool:
    """A bare field is an object when the sentence singles it out ("particularly energy and industry",
    "cooperation in agriculture and trade"), not when a long list sums up an agenda."""
    group = conjuncts(head.head if head.dep_ == "conj" else head)
    first = conj_root(group[0])
    if first.dep_ == "pobj" and _umbrella_marker(first.head, cues):
        return not _package(first.head.head)
    if first.dep_ != "pobj" or _lemma(first.head.head) not in cues.framing:
        return False
    holder = first.head.head
    if holder.tag_ == "NNS" and is_document(holder):
        return False  # "signed documents on energy, trade and culture": the fields of a package
    return len(conjuncts(first)) <= MAX_SINGLED_OUT


def _document_clause(head: Token, cues: ObjectCues) -> Token | None:
    return _purpose(head) if cues.things.get(_lemma(head)) == "document" else None


def _purpose(head: Token) -> Token | None:
    """The clause that says what a document is for: "an agreement to increase gas supplies", "a programme
    under which Russian teachers work in Uzbek schools"."""
    for child in head.rights:
        if child.dep_ in ("acl", "relcl") and any(
            c.dep_ == "aux" and c.lower_ == "to" for c in child.children
        ):
            return child
        if child.dep_ == "relcl" and _under_which(child):
            return child
    return None


def _under_which(clause: Token) -> bool:
    """ "under which", "whereby": a relative clause that states the terms of the thing before it."""
    first = clause.doc[clause.left_edge.i]
    if first.lower_ == "whereby":
        return True
    return (
        first.lower_ == "under" and first.i + 1 < len(first.doc) and first.doc[first.i + 1].lower_ == "which"
    )


def _after_marker(head: Token, cues: ObjectCues) -> bool:
    """In a list that an adverb singles out: "in all fields, particularly industry, energy and
    stockbreeding"."""
    root = conj_root(head)
    prep = root.head
    if root.dep_ == "pobj" and prep.head.lower_ == "particular" and prep.head.head.lower_ == "in":
        return True  # "in particular of wheat, barley and beef"
    group = conjuncts(root)
    words = {(c.lower_,) for member in group for c in member.children if c.dep_ == "advmod"}
    return bool(words & set(cues.umbrella)) and head.i >= min(
        m.i for m in group if any((c.lower_,) in cues.umbrella for c in m.children)
    )


def _meeting_named(head: Token) -> bool:
    """A meeting that can be arranged: "a state visit", "the next meeting", "the third summit"."""
    return any(
        c.dep_ in ("amod", "compound", "nmod") and (c.lower_ in _MEETING_MARKS or c.ent_type_ == "ORDINAL")
        for c in head.lefts
    )


def _document_named(head: Token) -> bool:
    """A single document with something said of it: "a joint statement", "the agreement on gas
    supplies", "an agreement to increase supplies"."""
    if any(c.dep_ in ("amod", "compound", "nmod") for c in head.lefts) or _purpose(head) is not None:
        return True
    if _hung_topic(head) is not None:
        return True
    return any(
        c.dep_ == "prep" and (c.lower_ in ("on", "for", "of", "between") or _field_of_study(c))
        for c in head.rights
    )


def _field_of_study(prep: Token) -> bool:
    """ "a master's programme in petroleum engineering": "in" a field, not in a place or a year."""
    if prep.lower_ != "in":
        return False
    return any(
        c.dep_ == "pobj"
        and not is_place(c)
        and c.ent_type_ not in ("DATE", "TIME")
        and sector_cues().sectors_of(_lemma(c))
        for c in prep.children
    )


def _hung_topic(document: Token) -> Token | None:
    """ "signed the treaty on the state border", "launch a programme in petroleum engineering": the topic
    of a document that the parser hung on the verb right after it."""
    nxt = document.i + 1
    if document.dep_ != "dobj" or nxt >= len(document.doc) or document.right_edge.i != document.i:
        return None
    prep = document.doc[nxt]
    if prep.dep_ != "prep" or prep.head.i != document.head.i:
        return None
    if prep.lower_ not in ("on", "for") and not _field_of_study(prep):
        return None
    topics = [c for c in prep.children if c.dep_ in ("pobj", "pcomp")]
    vague = object_cues().vague
    if not topics or any(t.ent_type_ in ("DATE", "TIME") or t.lower_ in vague for t in topics):
        return None  # "signed the declaration on Monday"
    return prep


def _field_purpose(prep: Token) -> bool:
    """ "a platform for facilitating trade", "a centre on poverty reduction": what a weak head is for,
    in words of a sector."""
    sectors = sector_cues()
    for obj in (c for c in prep.children if c.dep_ in ("pobj", "pcomp")):
        words = [t for t in obj.subtree if t.pos_ in ("NOUN", "VERB")]
        if any(sectors.sectors_of(_lemma(t)) for t in words) and not is_place(obj):
            return True  # "a centre for the recruitment of workers in Osh", but not "a hub for the region"
    return False


def _specific_of(head: Token, cues: ObjectCues) -> bool:
    """A weak head made specific by the named thing it belongs to: "a branch of the Sirius School",
    "second tracks on the Dostyk–Moiynty line"."""
    for prep in head.rights:
        if prep.dep_ != "prep" or prep.lower_ not in ("of", "on", "for", "at", "in"):
            continue
        if prep.lower_ in ("for", "on") and _field_purpose(prep):
            return True
        for obj in prep.children:
            if obj.dep_ != "pobj" or _is_party_word(obj):
                continue
            if prep.lower_ == "in" and not is_place(obj):
                continue  # "the plant in Kokshetau", but not "a line in the region"
            if is_namelike(obj) or (_lemma(obj) in cues.things and _lemma(obj) not in cues.weak_things):
                return True
            if any(is_namelike(c) and not _is_party_word(c) for c in obj.lefts):
                return True
    return False


def _of_object(token: Token) -> Token | None:
    for child in token.children:
        if child.dep_ == "prep" and child.lower_ == "of":
            for grand in child.children:
                if grand.dep_ == "pobj" and is_nominal(grand):
                    return grand
    return None


def _acts_on_something(head: Token, cues: ObjectCues) -> bool:
    """A noun of doing whose "of" phrase names the object: "construction of the plant". A flow of one
    thing is itself the object ("supplies of gas to the north"); a flow of a list is not."""
    if _lemma(head) not in cues.process:
        return False
    if head.pos_ == "PROPN" and not head.is_sent_start and head.text[:1].isupper():
        return False  # "the Organization of Turkic States": a name, not the organising of something
    objects = [o for o in (_of_object(c) for c in conjuncts(head)) if o is not None]
    if not objects:
        return False
    if _lemma(head) in cues.flows and head.dep_ != "conj" and len(conjuncts(head)) == 1:
        return any(len(conjuncts(o)) > 1 for o in objects)
    return True


def _umbrella_marker(token: Token, cues: ObjectCues) -> bool:
    words: tuple[str, ...] = (token.lower_,)
    if token.lower_ == "as" and token.i > 0 and token.doc[token.i - 1].lower_ == "such":
        words = ("such", "as")
    if (
        token.lower_ == "in"
        and token.i + 1 < len(token.doc)
        and token.doc[token.i + 1].lower_ == "particular"
    ):
        # "in particular of wheat, barley and beef": the specifics hang on "particular"
        return ("in", "particular") in cues.umbrella and any(
            c.dep_ == "prep" for c in token.doc[token.i + 1].children
        )
    return words in cues.umbrella and any(c.dep_ == "pobj" for c in token.children)


def _has_specifics(head: Token, cues: ObjectCues) -> bool:
    """Is this phrase an umbrella followed by its specifics?"""
    holders = [head]
    if head.dep_ in ("dobj", "pobj", "nsubjpass", "nsubj") and head.head.pos_ in ("VERB", "AUX"):
        holders.append(head.head)
    contents = _of_object(head)  # "a package of documents, including X and Y"
    if contents is not None:
        holders.append(contents)
    if any(_umbrella_marker(c, cues) for h in holders for c in h.children if c.dep_ == "prep"):
        return True
    if _clause_umbrella(head, cues):
        return True
    # "cooperation in transport, particularly the development of X": the specifics hang on the
    # cooperation, and replace its field
    framing = head.head.head if head.dep_ == "pobj" else head
    if _lemma(framing) in cues.framing and framing.i < head.i:
        return any(_singled_out_apposition(c, cues) for c in (*framing.children, *head.children))
    return any(_singled_out_apposition(c, cues) for c in head.children)


def _clause_umbrella(head: Token, cues: ObjectCues) -> bool:
    """ "Attention was paid to cooperation in the energy sector, including supplies of gas": the parser
    hangs "including" on the verb; the framing phrase before it is the umbrella."""
    if _lemma(head) not in cues.framing:
        return False
    verb = next((a for a in head.ancestors if a.pos_ in ("VERB", "AUX")), None)
    if verb is None:
        return False
    return any(c.dep_ == "prep" and c.i > head.i and _umbrella_marker(c, cues) for c in verb.children)


def _singled_out_apposition(token: Token, cues: ObjectCues) -> bool:
    """ "freight links, notably the extension of the Trans-Caspian route": an apposition that an adverb
    marks as the specifics of the phrase before it."""
    return token.dep_ == "appos" and any(
        c.dep_ == "advmod" and (c.lower_,) in cues.umbrella for c in token.children
    )


def _umbrella_head(token: Token, cues: ObjectCues) -> Token | None:
    """For a specific under "including"/"such as", the umbrella's head noun."""
    node = conj_root(token)
    if node.dep_ == "pobj" and _umbrella_marker(node.head, cues):
        umbrella = node.head.head
        return umbrella if umbrella.pos_ == "NOUN" else None
    return None


def _with_shared_head(tokens: list[Token], head: Token, cues: ObjectCues) -> str:
    """ "Ayagoz–Bakhty" under "railway lines such as" reads "Ayagoz–Bakhty railway line"."""
    text = text_of(tokens)
    if _lemma(head) in cues.things and _lemma(head) not in cues.framing:
        return text
    umbrella = _umbrella_head(head, cues)
    if umbrella is None or _lemma(umbrella) in cues.framing:
        return text
    mods = [c.text for c in umbrella.lefts if c.dep_ == "compound"]
    return f"{text} {' '.join([*mods, _lemma(umbrella)])}"


def _listed_apposition(token: Token, head: Token) -> bool:
    """ "Film days, exhibitions, concerts": a comma list the parser read as an apposition."""
    between = token.doc[min(head.i, token.i) : max(head.i, token.i)]
    return token.dep_ == "appos" and not any(t.text in (":", "(", "–", "—") for t in between)


def _nested(cand: Candidate, heads: set[int]) -> bool:
    """Inside another object's phrase or clause, and not merely coordinated with it. A session named in a
    clause of another object ("a programme to be signed at the next meeting of the commission") is an
    item of its own."""
    child = cand.head
    session = _lemma(cand.head) in object_cues().meetings
    for anc in cand.head.ancestors:
        if anc.i in heads:
            return child.dep_ not in ("conj", "cc") and not _listed_apposition(child, anc)
        if session and anc.pos_ in ("VERB", "AUX"):
            return False
        child = anc
    return False


def _transformed(head: Token) -> bool:
    """ "transform the Forum of Regions into the Council of Heads of Regions": the new body's old name."""
    verb = head.head
    if head.dep_ != "dobj" or verb.lemma_.lower() not in object_cues().lists["transform_verbs"]:
        return False
    return any(c.dep_ == "prep" and c.lower_ == "into" for c in verb.children)


def _upgraded_part(head: Token) -> bool:
    """ "the section from Kyzylorda to the border will be converted into a four-lane road": what a part of
    a line is turned into is the line's upgrade, reported under the line."""
    prep = head.head
    verb = prep.head
    if (
        head.dep_ != "pobj"
        or prep.lower_ != "into"
        or verb.lemma_.lower() not in object_cues().lists["transform_verbs"]
    ):
        return False
    parts = stage_cues().parts
    return any(c.dep_ in ("nsubjpass", "dobj") and c.lemma_.lower() in parts for c in verb.children)


def _inner_name(head: Token) -> bool:
    """ "the Comprehensive Strategic Partnership of Coordination for the New Era": the last words of a
    capitalised name of a relationship are no name of their own, and the relationship is framing."""
    prep = head.head
    if not is_namelike(head) or head.dep_ != "pobj" or prep.lower_ != "of" or prep.head.i == prep.i:
        return False
    holder = prep.head
    return holder.text[:1].isupper() and _lemma(holder) in object_cues().relations


def _candidate(head: Token, cues: ObjectCues) -> Candidate | None:
    if not _specific(head, cues) or _acts_on_something(head, cues) or _has_specifics(head, cues):
        return None
    if _transformed(head) or _upgraded_part(head) or _inner_name(head):
        return None
    if is_source(head) or in_aside(head):
        return None
    tokens = trim(_object_tokens(head, cues), head)
    if not tokens or _is_party_name(tokens) or _is_person_or_source(tokens, head, cues):
        return None
    if _statistic(tokens, head, cues) or _context(head, cues) or _kind_of_thing(tokens, head, cues):
        return None
    if _superlative_kind(head) or _served_flow(head, cues) or _flow_route(head, cues):
        return None
    if _projects_in_general(tokens, head, cues) or _regional_framing(head, cues):
        return None
    text = _with_shared_head(tokens, head, cues)
    if text == text_of(tokens) and (_bare_name(tokens, head, cues) or _lone_kind(tokens, head, cues)):
        return None
    return Candidate(head, tuple(tokens), text, meeting=_reported_meeting(head, cues), aliases=_aliases(head))


def _object_tokens(head: Token, cues: ObjectCues) -> list[Token]:
    """The words of the object phrase headed by `head`, before it is cut to length: the noun phrase, and
    what the parser hung elsewhere that belongs to it (where a route runs, a document's topic, the first
    end of a dashed route name)."""
    document = cues.things.get(_lemma(head)) == "document"
    # a document's phrase reaches one PP deeper: "an agreement on joint participation in the construction
    # of the Kambarata-1 hydropower plant" names the plant it is about
    tokens = phrase_tokens(head, with_clause=_document_clause(head, cues), depth=3 if document else 2)
    tokens = _with_route(tokens, head, cues)
    tokens = _with_flow_clause(tokens, head, cues)
    tokens = _with_site(tokens, head, cues)
    tokens = _with_field_of_study(tokens, head)
    topic = _hung_topic(head) if document else None
    if topic is not None and tokens and tokens[-1].i == head.i:
        tokens = [*tokens, *sorted(topic.subtree, key=lambda t: t.i)]
    if document:
        tokens = _with_coordinated_topic(tokens, head)
    verbs = [t.i for t in tokens if t.i < head.i and _headline_verb(t, cues)]
    if verbs:  # "Russia and Uzbekistan sign deal for a plant"
        tokens = [t for t in tokens if t.i > verbs[-1]]
    if dashed_name(head) and tokens:
        first = [t for t in head.doc[head.head.left_edge.i : tokens[0].i] if t.dep_ not in ("det", "predet")]
        tokens = [*first, *tokens]  # "Western Europe – Western China highway corridor"
    elif tokens and tokens[-1].i != head.i:
        last = tokens[-1]  # "Line D of the Central Asia – China gas pipeline": the dashed name it is of
        name = next((c for c in last.rights if dashed_name(c) and c.left_edge.i == last.i + 2), None)
        if name is not None:
            tokens = [*tokens, *head.doc[last.i + 1 : name.right_edge.i + 1]]
    return tokens


def _headline_verb(token: Token, cues: ObjectCues) -> bool:
    """A headline's verb the parser read as a compound of the noun after it, with the parties before it."""
    if token.lower_ not in cues.lists["headline_verbs"] or token.dep_ != "compound" or token.i == 0:
        return False
    before = token.doc[token.i - 1]
    return before.text in party_aliases() or before.lemma_.lower() in cues.people


def _with_coordinated_topic(tokens: list[Token], head: Token) -> list[Token]:
    """ "an agreement on the mutual promotion and protection of investments": a document's topic keeps its
    coordinated nouns, which share what follows them."""
    if not tokens:
        return tokens
    for prep in head.rights:
        if prep.dep_ != "prep" or prep.lower_ not in ("on", "for", "of"):
            continue
        for topic in (c for c in prep.children if c.dep_ == "pobj"):
            whole = list(topic.subtree)
            coordinated = any(c.dep_ == "conj" for c in topic.children)
            if not coordinated or any(t.text in (",", ";", "(") or t.pos_ == "VERB" for t in whole):
                continue
            if topic.left_edge.i <= tokens[0].i:
                continue
            return [t for t in tokens if t.i < topic.left_edge.i] + whole
    return tokens


_ROUTE_PREPS = frozenset({"through", "via", "across", "toward", "towards", "from", "to", "between", "at"})
_ROUTES = frozenset({"railway", "energy_project"})


def _with_route(tokens: list[Token], head: Token, cues: ObjectCues) -> list[Token]:
    """ "develop transport corridors through Afghanistan", "expanding gas deliveries to Central Asia":
    where a route runs or a flow goes belongs to its name, though the parser hangs the phrase on the verb."""
    if head.dep_ == "dobj":
        holder = head.head
    elif head.dep_ == "pobj" and head.head.lower_ == "of" and _lemma(head.head.head) in cues.process:
        holder = head.head.head  # "the development of transport corridors through Afghanistan"
    else:
        return tokens
    routed = cues.things.get(_lemma(head)) in _ROUTES or _lemma(head) in cues.flows  # "deliveries to X"
    if not routed or not tokens:
        return tokens
    out = list(tokens)
    for prep in (t for t in holder.rights if t.i > head.i):
        if prep.i != out[-1].i + 1 or prep.dep_ != "prep" or prep.lower_ not in _ROUTE_PREPS:
            break
        objs = [c for c in prep.children if c.dep_ == "pobj"]
        if not objs:
            break
        place = phrase_tokens(objs[0])  # its own phrase: no clause that describes the place
        out.extend(prep.doc[prep.i : place[-1].i + 1])
        if out[-1].i != objs[0].right_edge.i:
            break
    return out


_FLOW_CLAUSE_WORDS = 6


def _with_flow_clause(tokens: list[Token], head: Token, cues: ObjectCues) -> list[Token]:
    """ "the volume of Russian natural gas supplied to Uzbekistan": a commodity keeps the participle
    saying where it flows, which is what makes it an undertaking rather than a commodity in general."""
    if not tokens or tokens[-1].i != head.i or head.i + 1 >= len(head.doc):
        return tokens
    acl = head.doc[head.i + 1]
    if (
        acl.head.i != head.i
        or acl.dep_ != "acl"
        or acl.tag_ != "VBN"
        or _lemma(acl) not in cues.lists["flow_verbs"]
    ):
        return tokens
    routed = any(c.dep_ == "prep" and c.lower_ in _ROUTE_PREPS for c in acl.children)
    clause = list(acl.subtree)
    if routed and len(clause) <= _FLOW_CLAUSE_WORDS and not any(t.is_punct for t in clause):
        return [*tokens, *clause]
    return tokens


_SITE_ENTS = ("GPE", "LOC", "FAC")


def _site(token: Token) -> bool:
    """A named place, or a place noun named by its compound ("the Zarafshan river")."""
    if token.ent_type_ in ("DATE", "TIME", "EVENT"):
        return False
    return token.ent_type_ in _SITE_ENTS or any(
        c.dep_ == "compound" and c.ent_type_ in _SITE_ENTS for c in token.lefts
    )


def _with_site(tokens: list[Token], head: Token, cues: ObjectCues) -> list[Token]:
    """ "the opening of the MGIMO branch in Kazakhstan", "opening a branch of MGIMO in Astana", "building
    hydropower plants on the Zarafshan river": where an institution or a plant stands is part of which one
    it is, though the parser hangs the place on the opening or the building."""
    if not tokens or cues.things.get(_lemma(head)) not in ("institution", "energy_project"):
        return tokens
    if head.dep_ == "dobj":
        holder = head.head
    elif head.dep_ == "pobj" and head.head.lower_ == "of" and head.head.head.i != head.head.i:
        holder = head.head.head
    else:
        return tokens
    for prep in holder.rights:
        if prep.i != tokens[-1].i + 1 or prep.dep_ != "prep" or prep.lower_ not in ("in", "on", "near"):
            continue
        objs = [c for c in prep.children if c.dep_ == "pobj" and _site(c)]
        if objs:
            place = phrase_tokens(objs[0])
            return [*tokens, *prep.doc[prep.i : place[-1].i + 1]]
    return tokens


def _with_field_of_study(tokens: list[Token], head: Token) -> list[Token]:
    """ "a joint master's degree in petroleum engineering": the field a course is in names the course."""
    if not tokens or _lemma(head) not in object_cues().lists["courses"] or tokens[-1].i != head.i:
        return tokens
    holders = [head, *([head.head] if head.dep_ == "dobj" else [])]  # the parser may hang "in" on the verb
    for prep in (c for h in holders for c in h.rights):
        if prep.dep_ == "prep" and prep.i == head.i + 1 and _field_of_study(prep):
            return [*tokens, *sorted(prep.subtree, key=lambda t: t.i)]
    return tokens


def _aliases(head: Token) -> tuple[str, ...]:
    """ "the Trans-Caspian route, also known as the Middle Corridor": the names after "known as"."""
    out = []
    for acl in head.children:
        if acl.dep_ != "acl" or acl.lemma_.lower() not in ("know", "call", "refer", "dub", "name"):
            continue
        for prep in acl.children:
            for obj in prep.children if prep.lower_ == "as" else ():
                if obj.dep_ == "pobj":
                    out.append(text_of(trim(phrase_tokens(obj), obj)))
    return tuple(out)


def _split(cand: Candidate) -> list[Candidate]:
    """One candidate per name of a coordinated list of names sharing the head."""
    parts = split_coordinated_names(list(cand.tokens), cand.head)
    if object_cues().things.get(_lemma(cand.head)) != "document":  # one document, whatever its places
        parts = parts or split_coordinated_places(list(cand.tokens), cand.head)
    parts = parts or split_coordinated_holders(list(cand.tokens), cand.head)
    parts = parts or split_coordinated_fields(list(cand.tokens), cand.head)
    parts = parts or split_coordinated_bodies(list(cand.tokens), cand.head)
    if not parts:
        return [cand]
    return [Candidate(cand.head, tuple(p), text_of(p), meeting=cand.meeting) for p in parts]


_GENERAL_KINDS = frozenset({"body", "institution", "railway", "place"})


def _lone_kind(tokens: list[Token], head: Token, cues: ObjectCues) -> bool:
    """ "the Organization", "the airport", "streets": a kind word alone refers back or in general; the
    thing itself is named elsewhere, or not at all."""
    words = [t for t in tokens if t.dep_ not in ("det", "predet") and t.tag_ != "PRP$"]  # "our universities"
    if len(words) != 1 or head.dep_ == "conj" or any(c.dep_ == "conj" for c in head.children):
        return False
    lemma = _lemma(head)
    if lemma in cues.process and head.tag_ == "NN":
        return True  # "will start production there": a process, of nothing named
    if lemma in cues.lists["systems"]:
        return True  # "the construction of infrastructure in the ports": infrastructure in general
    if lemma in cues.components and head.tag_ == "NN" and not any(c.dep_ == "det" for c in head.children):
        return True  # "bridge building is under way": a part of the works, in general
    counted = head.tag_ in ("NNS", "NNPS") or any(c.dep_ in ("det", "predet") for c in head.children)
    return counted and cues.things.get(lemma) in _GENERAL_KINDS and lemma not in cues.abbreviations


def _regional_framing(head: Token, cues: ObjectCues) -> bool:
    """ "a modern, safe and sustainable transport and logistics infrastructure in the region": a whole
    field's infrastructure over a wide area, with nothing named, frames the talks; it is no one thing."""
    if _lemma(head) not in cues.lists["systems"]:
        return False
    for mod in (t for c in head.lefts if c.dep_ in ("amod", "compound", "nmod", "conj") for t in c.subtree):
        word = _lemma(mod)
        if (
            mod.is_punct
            or mod.pos_ in ("CCONJ", "DET")
            or word in cues.generic_modifiers
            or word in cues.lists["qualities"]
        ):
            continue
        if word in cues.fields or sector_cues().sectors_of(word):
            continue
        return False
    return any(
        c.dep_ == "prep"
        and c.lower_ in ("of", "in", "across", "throughout")
        and any(
            o.dep_ == "pobj" and (_lemma(o) in cues.lists["wide_places"] or o.lower_ in cues.regions)
            for o in c.children
        )
        for c in head.rights
    )


def _projects_in_general(tokens: list[Token], head: Token, cues: ObjectCues) -> bool:
    """ "reviewed railway and energy projects", "a series of joint infrastructure projects": projects
    neither counted, named nor said what they are, talked of in general; the specifics, if any, come
    elsewhere. Such projects agreed on or said to be under way are an undertaking."""
    if _lemma(head) not in cues.counted or head.tag_ not in ("NNS", "NNPS"):
        return False
    node = conj_root(head)
    if node.dep_ == "pobj" and node.head.lower_ == "of" and _lemma(node.head.head) in cues.lists["series"]:
        node = node.head.head  # "a series of projects"
    if node.dep_ != "dobj" or stage_cues().decision.get(_lemma(node.head)) != "discussed":
        return False  # "agreed to develop energy projects", "school projects are in progress"
    if any(t.i > head.i for t in tokens) or any(c.dep_ == "nummod" for c in head.children):
        return False
    return not any(is_namelike(t) for t in tokens if t.i < head.i)


def _bare_name(tokens: list[Token], head: Token, cues: ObjectCues) -> bool:
    """A lone name that says nothing of a project ("RBC", "Urjar", "Organization") is an outlet, a
    place or an actor; a lone name of a known project ("TITR") or field ("Baikonur") is not."""
    words = [t for t in tokens if t.is_alpha or "-" in t.text or "–" in t.text]
    if len(words) != 1 or not is_namelike(head):
        return False
    lemma = _lemma(head)
    if lemma in cues.abbreviations or lemma in cues.things or head.lower_ in cues.things:
        return False
    if _joined_organisation(head):
        return False
    return not sector_cues().sectors_of(lemma)


def _joined_organisation(head: Token) -> bool:
    """ "invited to join BRICS", "coordination within the SCO": an organisation the parties take part in."""
    governor = head.head
    if head.dep_ == "dobj" and governor.lemma_.lower() in ("join", "enter", "accede"):
        return True
    if head.dep_ == "pobj" and governor.lower_ == "within":
        return True
    return head.dep_ == "pobj" and governor.head.lemma_.lower() in _MEMBERSHIP


def _kind_of_thing(tokens: list[Token], head: Token, cues: ObjectCues) -> bool:
    """ "leading universities", "new railways", "development banks": a kind of thing in general, not one
    the parties undertake. A plural with no article, number, name or phrase of its own."""
    if head.tag_ != "NNS" or cues.things.get(_lemma(head)) not in _KINDS or _joined_organisation(head):
        return False
    if _framed_body(head, cues):
        return False
    if any(t.dep_ in ("det", "nummod", "poss", "prep") or is_namelike(t) for t in tokens):
        return False
    modifiers = [t for t in tokens if t.i != head.i]
    if all(_lemma(t) in cues.generic_modifiers or t.tag_ in ("VBG", "VBN") for t in modifiers):
        return True
    # "development banks", "research centres": institutions of a kind, unless the sentence makes them
    return cues.things.get(_lemma(head)) == "institution" and not _made(head, cues)


def _superlative_kind(head: Token) -> bool:
    """ "the most important transit routes in Eurasia run through our countries", "the largest banks": a
    plural ranked among others of its kind describes the world, not what the parties undertake."""
    if head.tag_ != "NNS" or any(is_namelike(c) for c in head.lefts):
        return False
    return any(
        c.dep_ == "amod" and (c.tag_ == "JJS" or any(g.lower_ == "most" for g in c.children))
        for c in head.children
    )


def _made(head: Token, cues: ObjectCues) -> bool:
    """ "create cultural centres", "the opening of research centres", "progress in special economic zones":
    kinds of thing that the sentence makes or works in, as opposed to ones it mentions on the way
    ("development banks could be involved")."""
    head = conj_root(head)
    governor = head.head
    if head.dep_ == "pobj" and governor.lower_ == "in" and governor.head.pos_ == "NOUN":
        return True  # a field of cooperation: "progress in special economic zones"
    if head.dep_ in ("dobj", "nsubjpass") and governor.pos_ == "VERB":
        stages = stage_cues()
        lemma = governor.lemma_.lower()
        return lemma in stages.completion or lemma in stages.neutral or lemma in stages.beginning
    return head.dep_ == "pobj" and governor.lower_ == "of" and _lemma(governor.head) in cues.process


def _reported_meeting(head: Token, cues: ObjectCues) -> bool:
    """A summit or talks, not the session of a standing body ("the Strategic Council meeting", "the first
    meeting of the Supreme Interstate Council")."""
    if _lemma(head) not in cues.meetings:
        return False
    body = _of_object(head)
    owners = [*head.lefts, *([body] if body is not None else [])]
    return not any(cues.things.get(_lemma(t)) == "body" for t in owners)


def _parenthetical(token: Token) -> bool:
    return token.dep_ == "appos" and token.i > 0 and token.doc[token.i - 1].text == "("


def _meeting_again(verb: Token) -> Candidate | None:
    """ "The ministers will meet again in Bishkek in May": a meeting the parties arrange, said with a verb.
    The verb with its adverbs and places is the object; whether it is arranged is decided later."""
    if verb.pos_ != "VERB" or verb.lemma_.lower() != "meet":
        return None
    again = any(c.lower_ == "again" for c in verb.children)
    if not again or any(c.dep_ == "dobj" for c in verb.children):
        return None  # "meet the minister again": whom, not a meeting of the parties
    tokens = [verb]
    for child in verb.rights:
        if child.dep_ not in ("advmod", "prep", "npadvmod") or child.i != tokens[-1].i + 1:
            break
        tokens.extend(sorted(child.subtree, key=lambda t: t.i))
    return Candidate(verb, tuple(tokens), text_of(tokens), meeting=True)


def _trained_by_institution(verb: Token, cues: ObjectCues) -> bool:
    governors = [verb, *([verb.head] if verb.dep_ == "xcomp" else [])]
    return any(
        c.dep_ == "nsubj" and cues.things.get(_lemma(c)) == "institution" and is_namelike(c)
        for g in governors
        for c in g.children
    )


def _training(head: Token, cues: ObjectCues) -> Candidate | None:
    """ "China will train 3,000 specialists from Central Asia": the verb and the people it trains."""
    verb = head.head
    if head.dep_ != "dobj" or head.lower_ not in cues.trainees:
        return None
    if verb.lemma_.lower() not in cues.training_verbs or is_source(head) or in_aside(head):
        return None
    if verb.dep_ == "pcomp" and verb.head.lower_ == "of":
        return None  # "the issue of training diplomats": a topic, not a stated undertaking
    if _trained_by_institution(verb, cues):
        return None  # "the Slavonic University continues to train specialists": the university is the item
    done = verb.tag_ == "VBD" or any(c.dep_ == "aux" and c.lemma_ == "have" for c in verb.children)
    if done and any(c.dep_ == "nummod" for c in head.children):
        return None  # "the centre has trained more than 300 students": a result reached, a statistic
    people = trim(phrase_tokens(head), head)
    if not people or people[0].i != verb.i + 1:
        return None  # the verb and its people as one phrase of the document
    tokens = [verb, *people]
    return Candidate(verb, tuple(tokens), text_of(tokens))


def _count(head: Token, cues: ObjectCues) -> int | None:
    for child in head.children:
        if child.dep_ == "nummod" and child.like_num:
            word = child.lower_.replace(",", "")
            return int(word) if word.isdigit() else cues.numbers.get(word)
    return None


def _listed_places(thing: Token, cues: ObjectCues) -> list[Token]:
    """ "three heat plants in Kokshetau, Semey and Oskemen": as many places as things counted, one each."""
    count = _count(thing, cues) if thing.tag_ in ("NNS", "NNPS") else None
    if count is None or count < 2:
        return []
    holders = [thing, *([thing.head] if thing.dep_ in ("dobj", "nsubjpass") else [])]
    for prep in (c for h in holders for c in h.children if c.dep_ == "prep" and c.lower_ in ("in", "at")):
        for obj in prep.children:
            places = conjuncts(obj) if obj.dep_ == "pobj" else []
            if len(places) == count and all(is_place(p) for p in places):
                return places
    return []


def _counted_words(thing: Token) -> list[Token]:
    """The words of a counted thing, up to its head, without the count: "nuclear power plants"."""
    count = {t.i for c in thing.children if c.dep_ == "nummod" for t in c.subtree}
    words = [
        t
        for t in thing.subtree
        if t.i <= thing.i and t.i not in count and t.dep_ not in ("det", "predet", "poss", "case")
    ]
    return words[next(i for i, t in enumerate(words) if t.dep_ != "punct") :]


@cache
def _country_names() -> frozenset[str]:
    return frozenset(c.name for c in countries().values())


def _named_place(token: Token) -> bool:
    """A named place below a country ("Aktau", "Baku"); "the ports of Iran and Turkmenistan" are the
    countries' ports, one thing of the sentence."""
    return token.ent_type_ in _SITE_ENTS and token.pos_ == "PROPN" and token.text not in _country_names()


def _named_each(thing: Token, cues: ObjectCues) -> list[Token]:
    """ "the ports of Aktau, Kuryk and Baku": things of one kind, each named by a place."""
    if thing.tag_ not in ("NNS", "NNPS") or cues.things.get(_lemma(thing)) is None:
        return []
    for prep in (c for c in thing.rights if c.dep_ == "prep" and c.lower_ == "of"):
        for obj in (c for c in prep.children if c.dep_ == "pobj"):
            places = conjuncts(obj)
            if len(places) >= 2 and all(_named_place(p) for p in places):
                return places
    return []


def _one_of_each(thing: Token, cues: ObjectCues) -> list[list[Token]]:
    """ "two nuclear power plants – one Russian and one Chinese": the kind of each thing counted."""
    count = _count(thing, cues) if thing.tag_ in ("NNS", "NNPS") and _lemma(thing) in cues.things else None
    if count is None or count < 2:
        return []
    for appos in (c for c in thing.rights if c.dep_ == "appos"):
        kinds: list[list[Token]] = []
        for each in conjuncts(appos):
            if each.lower_ == "one":  # "one Russian": the kind hangs on the number
                kind = [c for c in each.children if c.dep_ in ("amod", "compound", "nmod")]
            elif any(c.dep_ == "nummod" and c.lower_ == "one" for c in each.children):
                kind = [each]  # "one Chinese": the number hangs on the kind
            else:
                return []
            if len(kind) != 1:
                return []
            kinds.append(kind)
        if len(kinds) == count:
            return kinds
    return []


def _one_per_place(cand: Candidate, cues: ObjectCues) -> list[Candidate]:
    """The candidates that stand for `cand` once counted things with a place each are split out: "three
    plants in A, B and C" gives one plant per place. A document on "the construction of three plants in
    A, B and C" stays one item and provides for three plants, which are items of their own (FORMAT.md),
    still to be built when the document is signed."""
    for thing in cand.tokens:
        named = _named_each(thing, cues) if thing.i == cand.head.i else []
        if named:
            words = [t for t in _counted_words(thing)[:-1] if not t.like_num]
            kind = " ".join([*(t.text for t in words), _lemma(thing)])  # "ports" -> "port"
            return [
                Candidate(thing, (*words, thing, *each), f"{kind} of {text_of(each)}")
                for each in (list(p.doc[p.left_edge.i : p.i + 1]) for p in named)
            ]
        kinds = _one_of_each(thing, cues) if thing.i == cand.head.i else []
        if kinds:
            words = _counted_words(thing)
            one = " ".join([*(t.text for t in words[:-1]), _lemma(thing)])  # "nuclear power plant"
            return [Candidate(thing, (*kind, *words), f"{text_of(kind)} {one}") for kind in kinds]
        places = _listed_places(thing, cues) if _lemma(thing) in cues.things else []
        if not places:
            continue
        words = _counted_words(thing)
        provided = thing.i != cand.head.i and cues.things.get(_lemma(cand.head)) == "document"
        each = [
            Candidate(thing, (*words, *named), f"{text_of(words)} in {text_of(named)}", provided=provided)
            for named in (list(place.doc[place.left_edge.i : place.i + 1]) for place in places)
        ]
        if thing.i == cand.head.i:
            return each
        kept = tuple(t for t in cand.tokens if t.i < places[0].head.i) or cand.tokens
        return [replace(cand, tokens=kept, text=text_of(list(kept))), *each]
    return [cand]


_TOPIC_PREPS = frozenset({"on", "for"})
_ASIDE_DASHES = frozenset({"–", "—", "-"})


def _dashed_topics(head: Token, cues: ObjectCues) -> list[Candidate]:
    """ "three cooperation centres – on poverty reduction, on education exchanges and on desertification
    control –": as many things counted as topics set off by dashes, one thing per topic. The parser hangs
    the topics on the verb, so they are read from the words between the dashes."""
    count = _count(head, cues) if head.tag_ in ("NNS", "NNPS") and _lemma(head) in cues.things else None
    doc, start = head.doc, head.i + 1
    if count is None or count < 2 or start >= head.sent.end or doc[start].text not in _ASIDE_DASHES:
        return []
    end = next((t.i for t in doc[start + 1 : head.sent.end] if t.text in _ASIDE_DASHES), head.sent.end)
    inside = range(start + 1, end)
    preps = [
        t
        for t in doc[start + 1 : end]
        if t.lower_ in _TOPIC_PREPS and (t.head.i not in inside or t.head.lower_ in _TOPIC_PREPS)
    ]
    topics = [(p, o) for p in preps for o in p.children if o.dep_ == "pobj" and o.i in inside]
    if len(topics) != count or len(preps) != count:
        return []
    words = [t for t in _counted_words(head)[:-1] if not t.like_num]
    kind = " ".join([*(t.text for t in words), _lemma(head)])  # "cooperation centres" -> "cooperation centre"
    out = []
    for prep, obj in topics:
        phrase = [t for t in doc[obj.left_edge.i : obj.i + 1] if t.i in inside]
        # the topic alone is the candidate's words, so that it decides the sector, not the kind it shares
        out.append(Candidate(head, (prep, *phrase), f"{kind} {prep.lower_} {text_of(phrase)}"))
    return out


def _paired_ties(head: Token, cues: ObjectCues) -> list[Candidate]:
    """ "twin-city relations between Shymkent and Xi'an as well as North Kazakhstan region and Shaanxi
    province": ties between pairs of places, one item per pair."""
    if _lemma(head) not in cues.relations or not _between_places(head):
        return []
    prep = next(c for c in head.rights if c.dep_ == "prep" and c.lower_ == "between")
    places = conjuncts(next(c for c in prep.children if c.dep_ == "pobj"))
    if len(places) % 2:
        return []
    words = [t for t in head.subtree if t.i <= head.i and t.dep_ not in ("det", "predet", "poss")]
    out: list[Candidate] = []
    for a, b in zip(places[::2], places[1::2], strict=True):
        ends = [[t for t in a.doc[p.left_edge.i : p.i + 1] if t.dep_ != "cc"] for p in (a, b)]
        tokens = (*words, prep, *ends[0], *ends[1])
        text = f"{text_of(words)} between {text_of(ends[0])} and {text_of(ends[1])}"
        out.append(Candidate(head, tokens, text))
    return out


def find_objects(sent: Span) -> list[Candidate]:
    """The object phrases of one sentence, in text order, none inside another."""
    cues = object_cues()
    start = dateline_end(sent)
    taken: set[int] = set()
    found: list[Candidate] = []
    for head in sent:
        if head.i < start or head.i in taken:
            continue
        if not is_nominal(head):
            again = _meeting_again(head)
            found.extend([again] if again is not None else [])
            continue
        if head.dep_ in _MODIFIER_DEPS or _parenthetical(head):
            continue
        pairs = _paired_ties(head, cues) or _dashed_topics(head, cues)
        if pairs:
            taken.update(t.i for cand in pairs for t in cand.tokens)
            found.extend(pairs)
            continue
        cand = _training(head, cues) or _candidate(head, cues)
        if cand is not None:
            taken.update(t.i for t in cand.tokens)
            found.extend(_split(cand))
    heads = {c.head.i for c in found}
    return [out for cand in found if not _nested(cand, heads) for out in _one_per_place(cand, cues)]

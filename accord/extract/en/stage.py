"""The stage of an object, read from the words that govern it: verbs, their tense, voice and modals,
negation and hedges, and phrases such as "plans are underway".

The walk goes from the object up the dependency tree. A decision verb ("agreed", "discussed",
"plan") settles the stage of everything below it; an action verb ("build", "open") carries its own
tense and voice but yields to a decision verb above it when it is an infinitive ("agreed to build").
"""

from __future__ import annotations

from functools import lru_cache

from spacy.tokens import Span, Token

from accord.extract.en.clauses import VIEW_NOUNS, aims_of_document, is_document
from accord.extract.en.lexicon import StageCues, object_cues, stage_cues
from accord.extract.en.phrases import span_text
from accord.model import STAGE_ORDER

NEGATED = "negated"
# A participle after its noun ("the meeting held in Astana"); the tagger often calls it a past tense.
_PARTICIPLE_TAGS = frozenset({"VBN", "VBD"})
_TOPIC_PREPS = frozenset({"about", "on", "regarding", "concerning"})


def _aux_lemmas(verb: Token) -> set[str]:
    return {c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")} | {
        c.lemma_ for c in verb.children if c.dep_ in ("aux", "auxpass")
    }


def _is_negated(token: Token, cues: StageCues) -> bool:
    """ "did not agree", "no agreement was reached", "failed to agree"."""
    for child in token.children:
        if child.dep_ == "neg" or (child.dep_ == "det" and child.lower_ in ("no", "neither")):
            return True
        if child.dep_ in ("nsubj", "nsubjpass") and any(
            g.dep_ == "det" and g.lower_ in ("no", "neither") for g in child.children
        ):
            return True
    if token.dep_ in ("pcomp", "pobj") and token.head.lower_ in cues.negation:
        return True  # "ended the talks without reaching agreement"
    if token.dep_ == "xcomp" and token.head.lemma_.lower() in cues.negation:
        return True  # "failed to agree on the route", "refused to sign"
    return token.lemma_ in cues.negation


_AGREEING = frozenset({"agree", "reach", "achieve", "agreement", "consensus", "deal", "accord"})


def _negated_stage(token: Token, path: list[Token], cues: StageCues) -> str:
    """What a negation leaves: "no agreement was reached on the price of gas supplies" says the supplies
    were talked about; "the agreement has not yet been signed" says it is still to be signed; anything
    else did not happen."""
    lemma = token.lemma_.lower()
    decided = cues.decision.get(lemma) == "agreed" or lemma in _AGREEING
    if decided and any(c.dep_ == "advmod" and c.lower_ == "yet" for c in token.children):
        return "planned"
    via = path[-2] if len(path) >= 2 else None
    on_topic = via is not None and via.dep_ == "prep" and via.lower_ in ("on", "over", "about", "regarding")
    agreeing = lemma in _AGREEING or any(
        c.dep_ in ("nsubj", "nsubjpass", "dobj") and c.lemma_.lower() in _AGREEING for c in token.children
    )
    return "discussed" if on_topic and agreeing else NEGATED


def _form(verb: Token, cues: StageCues) -> str:
    """future | infinitive | progressive | past | present, from the verb's tag and auxiliaries."""
    aux = _aux_lemmas(verb)
    if aux & cues.future or ("to" in aux and "be" in aux):
        return "future"
    if aux & cues.hedge:
        return "hedge"
    if "to" in aux or (verb.tag_ == "VB" and verb.dep_ in ("xcomp", "ccomp", "advcl", "relcl", "acl")):
        return "infinitive"
    if verb.tag_ == "VBG" and "be" not in aux:
        return "gerund"
    if (verb.tag_ == "VBG" and "be" in aux) or "being" in aux:
        return "progressive"
    if verb.tag_ == "VBD" or (verb.tag_ == "VBN" and (aux & {"be", "have", "was", "were", "been", "has"})):
        return "past"
    if verb.tag_ == "VBN" and verb.dep_ in ("amod", "acl"):
        return "past"
    return "present"


def _decision(lemma: str, form: str, cues: StageCues) -> str | None:
    stage = cues.decision.get(lemma)
    if stage is None:
        return None
    if form == "gerund" and stage == "underway":
        return None  # "agreed to continue implementing X": the governor decides
    if lemma in cues.continuing:
        return {"future": "underway", "infinitive": None}.get(form, stage)
    if form in ("future", "infinitive") and stage in ("agreed", "underway"):
        return "planned"
    if form == "hedge":
        return "discussed"
    return stage


def _acts_on(verb: Token, cues: StageCues) -> bool:
    """ "raise the capacity of the line": a verb of talk that acts on a quantity;
    "reached out to the embassy": a phrasal verb that is no decision."""
    lemma = verb.lemma_.lower()
    if any(f"{lemma} {c.lower_}" in cues.not_decisions for c in verb.children if c.dep_ == "prt"):
        return True
    if lemma not in cues.topic_verbs:
        return False
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    return any(o.lemma_.lower() in cues.quantities for o in objects)


def _action(
    lemma: str, form: str, cues: StageCues, *, subject: bool = False, acting_on: bool = False
) -> str | None:
    """The stage an action verb states by itself, or None when a governor must decide. A thing that
    began is running ("supplies began in October"); work that was begun is under way ("began building",
    "the line has begun construction")."""
    if form == "future":
        return "planned"
    if form == "hedge":
        return "discussed"
    if form == "progressive":
        if lemma in ("operate", "function", "work"):
            return "completed"
        known = lemma in cues.completion or lemma in cues.neutral or lemma in cues.beginning
        return "underway" if known or lemma in cues.progress else None
    if form in ("past", "present") and lemma in cues.beginning:
        return "completed" if subject and form == "past" and not acting_on else "underway"
    if form == "past" and lemma in cues.completion:
        return "completed"
    return None


def _noun_stage(token: Token, cues: StageCues) -> str | None:
    """ "discussions on X", "the inauguration of X", "the meeting held in Y": nouns that state a stage."""
    for child in token.children:
        lemma = child.lemma_.lower()
        if child.dep_ == "amod" and lemma in cues.adjectives:
            return cues.adjectives[lemma]
        if child.dep_ in ("acl", "amod") and child.tag_ in _PARTICIPLE_TAGS and lemma in cues.completion:
            return "completed"
    if token.lower_ == "exchange" and token.dep_ == "pobj" and token.head.lower_ == "in":
        return None  # "in exchange for electricity deliveries": a trade-off, not an exchange of views
    if token.lemma_.lower() in object_cues().lists["frames"] and token.dep_ == "pobj":
        return None  # "in the issue of training diplomats": what a clause is about, not a discussion held
    stage = cues.nouns.get(token.lemma_.lower())
    if token.lemma_.lower() in ("progress", "headway"):
        return _progress_when(token, cues)
    if stage == "completed":
        return _tensed(token, cues)
    if stage == "underway":
        return _efforts_when(token, cues)
    if stage == "agreed":
        return _signed_when(token, cues)
    return stage


def _progress_when(noun: Token, cues: StageCues) -> str | None:
    """ "welcomed progress on the railway": work on it goes on; "will enable progress in X" says nothing
    yet, and its governor decides."""
    for anc in noun.ancestors:
        if anc.pos_ in ("VERB", "AUX"):
            return None if _form(anc, cues) in ("future", "infinitive", "hedge") else "underway"
    return "underway"


def _efforts_when(noun: Token, cues: StageCues) -> str:
    """ "steps are being taken" is under way; "will take additional steps" is still planned."""
    for anc in noun.ancestors:
        if anc.pos_ in ("VERB", "AUX"):
            return {"future": "planned", "hedge": "discussed"}.get(_form(anc, cues), "underway")
    return "underway"


def _signed_when(noun: Token, cues: StageCues) -> str:
    """ "praised the signing of X" is agreed; "would be the signing of X" is still planned."""
    for anc in noun.ancestors:
        if anc.pos_ in ("VERB", "AUX"):
            return {"future": "planned", "hedge": "discussed"}.get(_form(anc, cues), "agreed")
    return "agreed"


def _tensed(noun: Token, cues: StageCues) -> str | None:
    """An event noun takes the tense of its verb: "saw the inauguration", "the opening will be held";
    under a decision verb ("are considering the opening of X") that verb decides, but one welcomed or
    hailed has taken place."""
    for anc in noun.ancestors:
        if anc.pos_ in ("VERB", "AUX"):
            form = _form(anc, cues)
            if anc.lemma_.lower() in _ACKNOWLEDGING and form in ("past", "present"):
                return "completed"  # "welcomed the launch of the investment company": it took place
            if anc.lemma_.lower() in cues.decision:
                return None
            if form == "infinitive":
                return None  # "agreed to speed up the launch of X": the governor decides
            return {"future": "planned", "hedge": "discussed"}.get(form, "completed")
    if any(a.dep_ == "ROOT" and a.lower_ in _TOPIC_PREPS for a in noun.ancestors):
        return "discussed"  # a headline "About the opening of X" names what the text is about
    return "completed"


def _signed(noun: Token, cues: StageCues) -> bool:
    """ "the documents signed during the visit": a noun with a past participle of a decision verb."""
    return any(
        c.dep_ in ("acl", "amod") and c.tag_ == "VBN" and cues.decision.get(c.lemma_.lower()) == "agreed"
        for c in noun.children
    )


def _predicate_adjective(verb: Token, cues: StageCues) -> str | None:
    """ "it is possible to create X", "the sides are interested in X": an adjective after "be" states it."""
    for child in verb.children:
        if child.dep_ == "acomp" and child.lemma_.lower() in cues.adjectives:
            return cues.adjectives[child.lemma_.lower()]
    return None


def _subject_stage(verb: Token, cues: StageCues) -> str | None:
    """Subjects that state a stage: "discussions were held on X", "documents signed ... will enable X"."""
    for child in verb.children:
        if child.dep_ in ("nsubj", "nsubjpass") and child.pos_ == "NOUN":
            if _signed(child, cues):
                return "agreed"
            stage = cues.nouns.get(child.lemma_.lower())
            if stage in ("discussed", "planned"):
                return stage
    return None


def _led_by(participle: Token, head: Token) -> bool:
    lemma = participle.lemma_.lower()
    return lemma in ("chair", "co-chair") and object_cues().things.get(head.lemma_.lower()) != "event"


def _own_modifiers(head: Token, cues: StageCues) -> str | None:
    """ "the recently established X", "ongoing work on X": the object's own participles and adjectives."""
    best: str | None = None
    for child in head.children:
        lemma = child.lemma_.lower()
        stage = None
        if _led_by(child, head):
            continue  # "a council chaired by the two presidents": who leads it, not that it has met
        if child.dep_ in ("amod", "acl") and child.tag_ in _PARTICIPLE_TAGS and lemma in cues.completion:
            stage = "completed"
        elif child.dep_ == "amod" and lemma in cues.adjectives:
            stage = cues.adjectives[lemma]
        if stage and (best is None or STAGE_ORDER[stage] > STAGE_ORDER[best]):
            best = stage
    return best


@lru_cache(maxsize=4096)
def _phrase_matches(lowered: str) -> tuple[tuple[str, int, int], ...]:
    """Every stage phrase of a sentence, in the order of the phrase list: (stage, start, end)."""
    phrases = stage_cues().phrases
    return tuple((stage, m.start(), m.end()) for stage, pattern in phrases for m in pattern.finditer(lowered))


def _phrase_stage(sent: Span, path: list[Token], cues: StageCues) -> str | None:
    indices = {t.idx - sent.start_char for t in path}
    for stage, start, end in _phrase_matches(span_text(sent).lower()):
        if any(start <= i < end + 12 for i in indices) or _predicate_after(path[0], sent, start):
            return stage
    return None


def _predicate_after(head: Token, sent: Span, start: int) -> bool:
    """ "47 projects worth about 15 billion dollars are being implemented", which the parser breaks at
    "worth": a phrase that follows the subject with no verb nor comma between is its predicate."""
    if head.dep_ not in ("nsubj", "nsubjpass"):
        return False
    offset = head.idx - sent.start_char
    between = [t for t in sent if offset < t.idx - sent.start_char < start]
    return bool(between) and not any(t.pos_ in ("VERB", "AUX") or t.text in ",;:" for t in between)


_SUFFIXES = (("ied", "y"), ("ing", ""), ("ed", ""), ("d", ""), ("es", ""), ("s", ""))


def _verb_lemma(token: Token, cues: StageCues) -> str:
    """The lemma, or for a hyphenated verb the cue its last part makes ("co-chaired" -> "chair"): the
    lemmatiser does not know such words; "take place" is "hold"."""
    lemma = token.lemma_.lower()
    if lemma == "take" and any(c.dep_ == "dobj" and c.lower_ == "place" for c in token.children):
        return "hold"  # "the meeting took place": it was held
    if lemma == "set" and any(c.dep_ == "prt" and c.lower_ == "up" for c in token.children):
        return "establish"  # "set up a working group": not "set" a target
    if lemma == "exchange" and any(
        c.dep_ == "dobj" and c.lemma_.lower() in VIEW_NOUNS for c in token.children
    ):
        return "discuss"  # "exchanged views on X": talked about it, not exchanged the documents
    if token.lower_ == "according":
        return "according"  # "according to the programmes of X": a preposition, not "accord"
    if "-" not in lemma or token.pos_ not in ("VERB", "AUX"):
        return lemma
    tail = token.lower_.rsplit("-", 1)[1]
    known = set(cues.decision) | cues.completion | cues.neutral | cues.beginning
    for suffix, replacement in _SUFFIXES:
        if tail.endswith(suffix) and tail[: -len(suffix)] + replacement in known:
            return tail[: -len(suffix)] + replacement
    return tail if tail in known else lemma


def _lemma_of(token: Token) -> str:
    return token.lemma_.lower()


def _walk(head: Token, cues: StageCues) -> tuple[str | None, list[Token]]:
    pending: str | None = None
    path = [head]
    token = head
    while True:
        if _is_negated(token, cues) and token.i != head.i:
            return _negated_stage(token, path, cues), path
        lemma = _verb_lemma(token, cues)
        if token.pos_ in ("VERB", "AUX") and aims_of_document(token):
            pass  # "documents aimed at X": the verb that governs the documents says the stage
        elif token.pos_ in ("VERB", "AUX") and token.dep_ == "ccomp" and _lemma_of(token.head) in cues.goals:
            return "planned", path
        elif (
            token.dep_ == "ccomp"
            and cues.decision.get(_lemma_of(token.head)) == "agreed"
            and cues.decision.get(lemma) not in ("discussed", "planned")
        ):
            pass  # "agreed that a settlement would be the right way": the agreement decides, not "would"
        elif token.pos_ in ("VERB", "AUX") and _talks_held_on(token, path, cues):
            return "discussed", path
        elif token.pos_ in ("VERB", "AUX") and (provided := _provided_for(token, cues)):
            return provided, path
        elif token.pos_ in ("VERB", "AUX") and (progress := _hung_on_verb(token, path, cues)):
            return progress, path
        elif token.pos_ in ("VERB", "AUX"):
            form = _form(token, cues)
            governed = form == "infinitive" and token.head.lemma_.lower() in cues.continuing
            stage = None if _acts_on(token, cues) or governed else _decision(lemma, form, cues)
            stage = stage or _subject_stage(token, cues) or _predicate_adjective(token, cues)
            if stage:
                return stage, path
            subject = len(path) > 1 and path[-2].dep_ in ("nsubj", "nsubjpass")
            acting_on = any(c.dep_ in ("dobj", "xcomp") for c in token.children)
            if subject and path[-2].lemma_.lower() in cues.works:
                acting_on = True  # "construction of the line began": the work is under way
            if len(path) == 2 and path[0].dep_ == "dobj" and lemma in cues.completion:
                # "a carrier launched direct flights": the thing launched has begun, so it is done; work
                # that was launched ("launched construction of the plant") is still under way
                acting_on = path[0].lemma_.lower() in cues.works
                subject = True
            action = _action(lemma, form, cues, subject=subject, acting_on=acting_on)
            if action:
                return action, path
            acting = lemma in cues.completion or lemma in cues.neutral
            if form == "infinitive" and lemma in cues.continuing:
                pending = pending or "underway"
            elif form in ("infinitive", "gerund") and acting:
                pending = pending or "planned"
            elif form == "present" and acting:
                pending = pending or "underway"  # "we ensure the transit of X"
            elif form == "past" and lemma in cues.neutral:
                pending = pending or "completed"
        elif token.pos_ == "NOUN" and token.i != head.i and (started := _started(token, path, cues)):
            return started, path
        elif token.pos_ == "NOUN" and token.i != head.i:
            stage = _noun_stage(token, cues)
            if stage:
                return stage, path
        if token.head.i == token.i:
            return pending, path
        token = token.head
        path.append(token)


def _started(noun: Token, path: list[Token], cues: StageCues) -> str | None:
    """ "the start of construction of the plant", "construction of the line, launched in 2022": building
    work that has begun is under way; "the start of gas deliveries": a flow that has begun is running."""
    lemma = noun.lemma_.lower()
    if lemma in cues.works:
        begun = any(
            c.dep_ in ("acl", "amod") and c.tag_ in _PARTICIPLE_TAGS and c.lemma_.lower() in cues.beginning
            for c in noun.children
        )
        return "underway" if begun else None
    below = path[-3] if len(path) >= 3 and path[-2].dep_ == "prep" and path[-2].lower_ == "of" else None
    if lemma not in cues.starts or below is None:
        return None
    if below.lemma_.lower() in cues.works:
        return "underway"
    if below.lemma_.lower() in object_cues().flows and _has_begun(noun, cues):
        return "completed"
    return None


_ACKNOWLEDGING = frozenset(
    {"welcome", "hail", "praise", "note", "mark", "celebrate", "commend", "appreciate"}
)


def _has_begun(start: Token, cues: StageCues) -> bool:
    """ "welcomed the start of gas deliveries in March": the start is behind; "agreed on the start of
    deliveries", "the start of deliveries will be" still lie ahead."""
    verb = next((a for a in start.ancestors if a.pos_ in ("VERB", "AUX")), None)
    if verb is None:
        return False
    lemma = verb.lemma_.lower()
    if _form(verb, cues) in ("future", "infinitive", "hedge"):
        return False
    return lemma in _ACKNOWLEDGING or lemma in cues.reporting or lemma not in cues.decision


def _provided_for(verb: Token, cues: StageCues) -> str | None:
    """ "The documents provide for the expansion of X": what a document says it provides for is agreed
    with it; "the agreement under development would provide for X" is still planned."""
    if verb.lemma_.lower() not in cues.provision:
        return None
    if not any(c.dep_ in ("nsubj", "nsubjpass") and is_document(c) for c in verb.children):
        return None
    return "planned" if _form(verb, cues) in ("future", "hedge", "infinitive") else "agreed"


def _talks_held_on(verb: Token, path: list[Token], cues: StageCues) -> bool:
    """ "held an exchange of views on the railway" parsed with "on" under "held": the topic of talks held
    is what was discussed, not a thing completed."""
    if len(path) < 2 or path[-2].dep_ != "prep" or path[-2].lower_ not in ("on", "about", "regarding"):
        return False
    return any(c.dep_ == "dobj" and cues.nouns.get(c.lemma_.lower()) == "discussed" for c in verb.children)


def _hung_on_verb(verb: Token, path: list[Token], cues: StageCues) -> str | None:
    """ "welcomed progress on the railway", "welcomed the start, in March, of gas deliveries" parsed with
    the preposition under the verb: the progress or start is the object's, and states its stage."""
    if len(path) < 2 or path[-2].dep_ != "prep" or path[-2].lower_ not in ("on", "in", "of"):
        return None
    for child in verb.children:
        if child.dep_ == "dobj" and child.lemma_.lower() in ("progress", "headway"):
            return _progress_when(child, cues)
        if child.dep_ == "dobj" and path[-2].lower_ == "of" and len(path) >= 3:
            # "welcomed the start, in March, of gas deliveries": the "of" hung on the verb
            return _started(child, [path[-3], path[-2], child], cues)
    return None


def _relative_clause_stage(head: Token, cues: StageCues) -> str | None:
    """ "the new line, which will be built by 2027": what a relative clause says of the object itself."""
    for child in head.children:
        if child.dep_ in ("relcl", "acl") and child.pos_ in ("VERB", "AUX"):
            form = _form(child, cues)
            lemma = child.lemma_.lower()
            stage = _decision(lemma, form, cues) or _action(lemma, form, cues)
            if stage is None and form == "future":
                stage = "planned"
            if stage:
                return stage
    return None


def setback_of(head: Token, sent: Span) -> str | None:
    """ "construction of X was suspended", "the parties cancelled X", "X is on hold": the setback the
    sentence reports for the object headed by `head` ("stalled" or "cancelled"), or None. A setback verb
    that is itself negated ("did not suspend") reports none."""
    cues = stage_cues()
    path = [head, *head.ancestors]
    for token in path[1:]:
        found = cues.setbacks.get(token.lemma_.lower())
        if found is not None and token.pos_ in ("VERB", "NOUN", "ADJ"):
            return None if any(c.dep_ == "neg" for c in token.children) else found
    for token in path[1:]:
        found = _later_setback(token, cues)
        if found is not None:
            return found
    lowered = span_text(sent).lower()
    indices = {t.idx - sent.start_char for t in path}
    for setback, pattern in cues.setback_phrases:
        for match in pattern.finditer(lowered):
            if any(abs(match.start() - i) <= 30 for i in indices):
                return setback
    return None


def _later_setback(verb: Token, cues: StageCues) -> str | None:
    """ "agreed to build X, but construction was suspended": a clause joined to the object's clause whose
    subject is the same work again (a pronoun, or a bare noun such as "construction" or "the project")."""
    if verb.pos_ not in ("VERB", "AUX"):
        return None
    for conj in verb.children:
        found = cues.setbacks.get(conj.lemma_.lower()) if conj.dep_ == "conj" else None
        if found is None or any(c.dep_ == "neg" for c in conj.children):
            continue
        subjects = [c for c in conj.children if c.dep_ in ("nsubj", "nsubjpass")]
        if any(
            s.pos_ == "PRON"
            or (s.lemma_.lower() in cues.setback_subjects and not any(c.dep_ == "prep" for c in s.children))
            for s in subjects
        ):
            return found
    return None


def _attended(head: Token, cues: StageCues) -> bool:
    """ "The talks continued at the first Council meeting", "signed during the session", "took part in the
    8th meeting of the group": a session where something past happened, or that someone attended, took
    place."""
    prep = head.head
    if head.dep_ == "dobj" and prep.lemma_.lower() == "attend":
        verb = prep  # "attended the session of the commission"
    elif head.dep_ == "pobj" and prep.lower_ in ("at", "during", "after", "following"):
        verb = prep.head  # "told reporters after the 21st meeting of the commission"
    elif head.dep_ == "pobj" and prep.lower_ == "in" and _takes_part(prep.head):
        verb = prep.head  # "took part in the 8th meeting of the planning group"
    else:
        return False
    if verb.pos_ not in ("VERB", "AUX"):
        return False
    return _form(verb, cues) == "past" and not _is_negated(verb, cues)


def _standing(head: Token) -> bool:
    """ "Türkiye, Kazakhstan and Azerbaijan have a trilateral mechanism", "Kazakhstan has a branch of the
    university": a body or institution the parties have is in place and working."""
    verb = head.head
    if head.dep_ != "dobj" or verb.lemma_.lower() != "have" or verb.tag_ not in ("VBP", "VBZ"):
        return False
    if any(c.dep_ in ("aux", "neg") for c in verb.children):
        return False  # "does not have", "will have"
    return object_cues().things.get(head.lemma_.lower()) in ("body", "institution")


def _takes_part(verb: Token) -> bool:
    lemma = verb.lemma_.lower()
    return lemma == "participate" or (lemma == "take" and any(c.lower_ == "part" for c in verb.children))


def stage_of(head: Token, sent: Span) -> str | None:
    """The stage the sentence gives the object headed by `head`; None when it states no undertaking
    about it, or "negated" when it says the undertaking did not happen."""
    cues = stage_cues()
    if _attended(head, cues) or _standing(head):
        return "completed"
    walked, path = _walk(head, cues)
    if walked == NEGATED:
        return NEGATED
    if walked is None:
        walked = _relative_clause_stage(head, cues)
    elif walked in ("discussed", "planned", "agreed"):
        # "highlighted the contribution of the university, which continues to train specialists": the
        # relative clause says the object itself goes on
        # the parser may hang the clause on the noun the object is "of" ("the contribution of X, which")
        holders = [head, *([head.head.head] if head.dep_ == "pobj" and head.head.lower_ == "of" else [])]
        if any(
            c.dep_ == "relcl"
            and c.lemma_.lower() in cues.continuing
            and _form(c, cues) in ("present", "past")
            for h in holders
            for c in h.children
        ):
            walked = "underway"
    if walked is None and cues.nouns.get(head.lemma_.lower()) == "agreed":
        walked = _signed_when(head, cues)  # "this includes agreements on gas supplies"
    phrase = _phrase_stage(sent, path, cues)
    own = _own_modifiers(head, cues)
    candidates = [s for s in (phrase or walked, own) if s]
    if not candidates:
        return None
    best = max(candidates, key=STAGE_ORDER.__getitem__)
    return "underway" if best == "completed" and _part_done(head, cues) else best


def _part_done(head: Token, cues: StageCues) -> bool:
    """ "crews have finished the first section of the Darbaza–Maktaaral railway": a part is done, so the
    whole is under way."""
    prep = head.head
    return head.dep_ == "pobj" and prep.lower_ == "of" and prep.head.lemma_.lower() in cues.parts

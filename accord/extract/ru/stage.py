"""The stage a Russian sentence gives an object: what the verbs above it say, in their tense and aspect.

From the object's head the walk goes up the parse. A decision verb ("договорились", "подписали",
"обсудили") settles the stage; an action verb states it by its form: past -> completed, imperfective
present -> underway ("строится"), future -> planned ("будет открыт", "откроют"). An infinitive waits for
the verb that governs it ("намерены подписать": planned). "не" on the way, a verb of refusing
("отказались"), or a negated verb of managing ("не удалось договориться") cancels the undertaking.
"""

from __future__ import annotations

from accord.extract.ru.lexicon import StageCues, stage_cues
from accord.extract.ru.morph import tag_of
from accord.extract.ru.nlp import Sentence, Token
from accord.model import STAGE_ORDER

NEGATED = "negated"
_VERBAL = frozenset({"VERB", "AUX"})
_CHAIN_RELS = frozenset({"xcomp", "csubj", "csubj:pass", "ccomp"})
_NEGATORS = frozenset({"не", "ни"})


def _is_verbal(tok: Token) -> bool:
    return tok.pos in _VERBAL or (tok.pos == "ADJ" and tok.feats.get("Variant") == "Short")


def _form(sent: Sentence, verb: Token, cues: StageCues) -> str:
    """past, present, future, infinitive or hedge: what the verb's own form and auxiliaries say."""
    kids = sent.children(verb)
    if any(k.lemma in cues.hedge or k.text.lower() in cues.hedge for k in kids if k.rel != "obj"):
        return "hedge"
    governor = sent.governor(verb)
    if governor is not None and verb.rel == "xcomp" and governor.lemma in cues.hedge:
        return "hedge"
    if any(k.lemma == "быть" and "futr" in tag_of(k.text, k.pos) for k in kids):
        return "future"
    tag = tag_of(verb.text, verb.pos)
    if "INFN" in tag or verb.feats.get("VerbForm") == "Inf":
        return "infinitive"
    if "futr" in tag:
        return "future"
    if "past" in tag or verb.feats.get("Tense") == "Past":
        return "past"
    return "present"


def negated(sent: Sentence, tok: Token, cues: StageCues) -> bool:
    """ "не подписали", "отказались от", "не удалось договориться": the statement does not hold."""
    node: Token | None = tok
    while node is not None:
        kids = sent.children(node)
        if any(k.lemma in _NEGATORS or (k.rel == "xcomp" and k.lemma in cues.negation) for k in kids):
            return True
        if node.lemma in cues.negation:
            return True
        governor = sent.governor(node)
        if node.rel not in _CHAIN_RELS or governor is None:
            return False
        if governor.lemma not in cues.managing and not _is_verbal(governor):
            return False
        node = governor
    return False


def _decision(stage: str, form: str) -> tuple[str | None, str | None]:
    """(settled stage, pending stage) of a decision verb in a form."""
    if form == "hedge":
        return "discussed", None
    if form == "infinitive":
        return None, ("planned" if stage in ("agreed", "underway") else stage)
    if form == "future" and stage in ("agreed", "underway"):
        return "planned", None
    return stage, None


def _action(
    sent: Sentence, verb: Token, path: list[Token], form: str, cues: StageCues
) -> tuple[str | None, str | None]:
    lemma = verb.lemma
    if form == "future":
        return "planned", None
    if form == "hedge":
        return "discussed", None
    if form == "infinitive":
        acting = lemma in cues.completion or lemma in cues.neutral or lemma in cues.beginning
        return None, ("planned" if acting else None)
    subject = len(path) > 1 and path[-2].rel.startswith("nsubj")
    if lemma in cues.beginning:
        return ("completed" if subject and form == "past" else "underway"), None
    if lemma in cues.completion:
        return ("completed" if form == "past" else "underway"), None
    if lemma in cues.neutral:
        return None, ("completed" if form == "past" else "underway")
    return None, None


def _noun_stage(sent: Sentence, noun: Token, cues: StageCues) -> str | None:
    stage = cues.nouns.get(noun.lemma)
    if stage not in ("completed", "agreed"):
        return stage
    for anc in sent.ancestors(noun):
        if _is_verbal(anc):
            form = _form(sent, anc, cues)
            if form == "future":
                return "planned"
            if form == "hedge":
                return "discussed"
            return stage
    return stage


def _walk(sent: Sentence, head: Token, cues: StageCues) -> tuple[str | None, list[Token]]:
    pending: str | None = None
    path = [head]
    for tok in [head, *sent.ancestors(head)]:
        if tok is not head:
            path.append(tok)
        if tok is not head and _is_verbal(tok):
            if negated(sent, tok, cues):
                return NEGATED, path
            form = _form(sent, tok, cues)
            stage = cues.decision.get(tok.lemma) or cues.decision.get(tok.text.lower())
            settled, waiting = _decision(stage, form) if stage else _action(sent, tok, path, form, cues)
            if settled:
                return settled, path
            pending = pending or waiting
        elif tok is not head and tok.pos == "NOUN":
            if tok.lemma in cues.negation:
                return NEGATED, path
            noun = _noun_stage(sent, tok, cues)
            if noun:
                return noun, path
    return pending, path


def _own_modifiers(sent: Sentence, head: Token, cues: StageCues) -> str | None:
    best: str | None = None
    for kid in sent.children(head):
        stage = cues.adjectives.get(kid.lemma) if kid.rel in ("amod", "acl") else None
        if stage and (best is None or STAGE_ORDER[stage] > STAGE_ORDER[best]):
            best = stage
    return best


def _phrase_stage(sent: Sentence, line: str, path: list[Token], cues: StageCues) -> str | None:
    text = line[sent.start : sent.end].lower().replace("ё", "е")
    offsets = {t.start - sent.start for t in path}
    for stage, pattern in cues.phrases:
        for match in pattern.finditer(text):
            if any(match.start() - 40 <= i < match.end() + 40 for i in offsets):
                return stage
    return None


def stage_of(sent: Sentence, head: Token, line: str) -> str | None:
    """The stage the sentence gives the object headed by `head`; None when it states no undertaking
    about it, NEGATED when it says the undertaking did not happen."""
    cues = stage_cues()
    walked, path = _walk(sent, head, cues)
    text = line[sent.start : sent.end].lower().replace("ё", "е")
    if walked == NEGATED or any(p.search(text) for p in cues.negation_phrases):
        return NEGATED
    phrase = _phrase_stage(sent, line, path, cues)
    own = _own_modifiers(sent, head, cues)
    found = [s for s in (phrase or walked, own) if s]
    if not found:
        return None
    return max(found, key=STAGE_ORDER.__getitem__)


def sentence_stage(sent: Sentence, line: str) -> str | None:
    """The stage a sentence's main verb states: what a list's lead-in ("Стороны договорились:") gives the
    verbless items after it."""
    root = sent.root
    if root is None:
        return None
    cues = stage_cues()
    if _is_verbal(root):
        if negated(sent, root, cues):
            return None
        stage = cues.decision.get(root.lemma)
        if stage:
            return _decision(stage, _form(sent, root, cues))[0]
        return _action(sent, root, [root], _form(sent, root, cues), cues)[0]
    return _phrase_stage(sent, line, [root], cues)

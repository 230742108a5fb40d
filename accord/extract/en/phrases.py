"""Noun phrases from the parse: where an object phrase starts and ends, and how lists split."""

from __future__ import annotations

import re
from collections.abc import Iterator

from spacy.tokens import Span, Token

from accord.extract.en.lexicon import object_cues, party_aliases, sector_cues

MAX_OBJECT_WORDS = 14
_WORDS = re.compile(r"[^\W_]+")
_VENUE_PREPS = frozenset({"at", "during"})
_LEFT_DEPS = frozenset(
    {"amod", "compound", "nmod", "poss", "nummod", "quantmod", "case", "npadvmod", "advmod"}
)
_RIGHT_PREPS = frozenset(
    {"of", "in", "for", "on", "to", "between", "at", "with", "from", "through", "across"}
)
_NAMED_ENTS = frozenset(
    {"ORG", "FAC", "EVENT", "LAW", "PRODUCT", "WORK_OF_ART", "LOC", "GPE", "NORP", "PERSON"}
)
_LEADING_DROP = frozenset({"det", "predet", "cc", "punct", "prep", "mark", "preconj", "advmod"})


def is_nominal(token: Token) -> bool:
    return token.pos_ in ("NOUN", "PROPN") or (token.pos_ in ("NUM", "ADJ", "X") and is_namelike(token))


def is_namelike(token: Token) -> bool:
    """A proper name: tagged so, or capitalised inside the sentence, or a hyphenated capitalised name."""
    if token.pos_ == "PROPN":
        return True
    text = token.text
    return bool(text[:1].isupper()) and (not token.is_sent_start or "-" in text or "–" in text)


def conj_root(token: Token) -> Token:
    """The first member of a token's coordination: "cars" for "trucks" in "cars, trucks and buses"."""
    while token.dep_ == "conj":
        token = token.head
    return token


def conjuncts(token: Token) -> list[Token]:
    """The token and every conjunct coordinated with it, in text order."""
    out = [token]
    stack = [c for c in token.children if c.dep_ == "conj"]
    while stack:
        tok = stack.pop()
        out.append(tok)
        stack.extend(c for c in tok.children if c.dep_ == "conj")
    return sorted(out, key=lambda t: t.i)


def _left_tokens(head: Token, depth: int) -> Iterator[Token]:
    for child in head.lefts:
        inner_det = depth > 0 and child.dep_ in ("det", "predet")
        # "the Russian-Tajik (Slavonic) University": brackets around a modifier stay with it
        if (
            child.dep_ in _LEFT_DEPS
            or inner_det
            or (child.dep_ == "punct" and child.text in ("-", "–", "(", ")"))
        ):
            yield from child.subtree


def _right_tokens(head: Token, depth: int, limit: int) -> Iterator[Token]:
    for child in head.rights:
        if child.dep_ == "case":
            yield child  # the "'s" of a possessor: "the Year of Kazakhstan's Tourism"
        elif child.dep_ == "prep" and child.lower_ in _RIGHT_PREPS and depth < limit:
            objs = [c for c in child.children if c.dep_ in ("pobj", "pcomp")]
            if not objs:
                continue
            yield child
            for obj in objs:
                yield from _collect(obj, depth + 1, limit)
                yield from _name_pair(head, obj)
                if child.lower_ == "between":  # "a container line between Turkmenbashi and Astrakhan"
                    yield from _pair(obj)
        elif child.dep_ == "appos" and child.i > 0 and child.doc[child.i - 1].text == "(":
            yield from (child.doc[child.i - 1], child)
            if child.i + 1 < len(child.doc) and child.doc[child.i + 1].text == ")":
                yield child.doc[child.i + 1]


def _name_pair(holder: Token, obj: Token) -> Iterator[Token]:
    """ "the Institute of Physics and Technology", "the Committee on Trade and Economic Cooperation": inside
    a capitalised name, the capitalised words coordinated after its "of" are the name's, not a list."""
    if not (holder.pos_ == "PROPN" and holder.is_title and obj.pos_ == "PROPN" and obj.is_title):
        return
    for conj in (c for c in obj.children if c.dep_ == "conj"):
        words = [w for w in conj.subtree if w.dep_ != "cc"]
        joined = obj.i + 1 < conj.i and obj.doc[obj.i + 1].lower_ == "and" and words[0].i == obj.i + 2
        if joined and len(words) <= 3 and all(w.is_title and w.pos_ in ("PROPN", "ADJ") for w in words):
            yield obj.doc[obj.i + 1]
            yield from words


def _pair(first: Token) -> Iterator[Token]:
    """The rest of a "between" pair of places or names; a pair of anything else stays out."""
    others = [c for c in first.children if c.dep_ == "conj"]
    if others and all(is_place(c) for c in others):
        yield from (t for c in first.children if c.dep_ in ("cc", "conj") for t in c.subtree)


def _collect(head: Token, depth: int, limit: int = 2) -> set[Token]:
    tokens = {head, *_left_tokens(head, depth), *_right_tokens(head, depth, limit)}
    if head.dep_ == "pcomp" and head.pos_ == "VERB":
        # "a roadmap for building the Central Asia–Centre IV pipeline": the gerund's object is the topic
        for obj in head.rights:
            if obj.dep_ == "dobj":
                tokens.update(_collect(obj, depth, limit))
    return tokens


def phrase_tokens(head: Token, *, with_clause: Token | None = None, depth: int = 2) -> list[Token]:
    """The tokens of the noun phrase headed by `head`: its modifiers and PPs nested up to `depth` deep, no
    clauses or lists except `with_clause`, a clause that belongs to the name ("an agreement to increase
    gas supplies")."""
    tokens = _collect(head, 0, depth)
    if with_clause is not None:
        tokens.update(
            t for t in with_clause.subtree if t.dep_ not in ("conj", "cc") or t.head.i != with_clause.i
        )
    ordered = sorted(tokens, key=lambda t: t.i)
    # Keep the contiguous run around the head: a gap means a clause or list was cut out.
    start = end = ordered.index(head)
    while start > 0 and ordered[start - 1].i == ordered[start].i - 1:
        start -= 1
    while end < len(ordered) - 1 and ordered[end + 1].i == ordered[end].i + 1:
        end += 1
    run = ordered[start : end + 1]
    while run and run[0].i != head.i and run[0].dep_ in _LEADING_DROP:
        run = run[1:]
    while run and run[-1].i != head.i and (run[-1].dep_ in ("prep", "cc", "punct") and run[-1].text != ")"):
        run = run[:-1]
    return run


def trim(tokens: list[Token], head: Token) -> list[Token]:
    """Cut a venue ("at the summit in Dushanbe", "during the talks"), then right-hand PPs until the
    phrase is short enough to be an object."""
    meetings = object_cues().meetings
    for prep in [t for t in tokens if t.i > head.i and t.dep_ == "prep" and t.lower_ in _VENUE_PREPS]:
        if any(c.dep_ == "pobj" and c.lemma_.lower() in meetings for c in prep.children):
            tokens = [t for t in tokens if t.i < prep.i]
            break
    while _word_count(tokens) > MAX_OBJECT_WORDS:
        right = [t for t in tokens if t.i > head.i and t.dep_ == "prep"]
        if not right:
            return tokens[-MAX_OBJECT_WORDS:] if tokens[-1].i == head.i else tokens[:MAX_OBJECT_WORDS]
        cut = right[-1].i
        tokens = [t for t in tokens if t.i < cut]
    return tokens


def _word_count(tokens: list[Token]) -> int:
    """Words as a reader (and the scorer) counts them: "cotton-to-garment" is three, "1,000" two."""
    return sum(len(_WORDS.findall(t.text)) for t in tokens)


def span_text(span: Span) -> str:
    """A span's text, cut from its document's: the same as `span.text`, without building it token by
    token."""
    return span.doc.text[span.start_char : span.end_char]


def text_of(tokens: list[Token]) -> str:
    """The phrase as it stands in the document, with its own spacing."""
    if not tokens:
        return ""
    parts = [t.text_with_ws for t in tokens[:-1]] + [tokens[-1].text]
    text = "".join(parts)
    if text.count("(") != text.count(")"):
        text = text.replace("(", "").replace(")", "")
    return " ".join(text.split())


def is_named(token: Token) -> bool:
    return is_namelike(token) or token.ent_type_ in _NAMED_ENTS


def split_coordinated_names(tokens: list[Token], head: Token) -> list[list[Token]]:
    """ "the Dostyk–Moiynty and Bakhty–Ayagoz railway lines" -> one phrase per name, sharing the rest:
    "Dostyk–Moiynty railway lines", "Bakhty–Ayagoz railway lines". Only names that are plainly names
    (dashed, acronyms, places) are split, so "Kazakh Information and Cultural Centre" stays whole."""
    left = [t for t in tokens if t.i < head.i and t.dep_ not in ("det", "poss", "predet")]
    right = [t for t in tokens if t.i >= head.i]
    if not any(t.lower_ in ("and", "or") or t.text == "," for t in left):
        return []
    shared: list[Token] = []
    while left and not _plain_name(left[-1]) and left[-1].lower_ not in ("and", "or", ","):
        shared.insert(0, left.pop())
    units = _units(left)
    if len(units) < 2 or not all(any(_plain_name(t) for t in u) for u in units):
        return []
    return [u + shared + right for u in units]


def split_coordinated_fields(tokens: list[Token], head: Token) -> list[list[Token]]:
    """ "transportation and energy projects" -> "transportation projects", "energy projects": coordinated
    single-word fields before a shared head, split only when they belong to different sectors (so "oil
    and gas pipelines" stays one)."""
    left = [t for t in tokens if t.i < head.i and t.dep_ not in ("det", "poss", "predet", "amod")]
    if not left or left[0].i != min(t.i for t in tokens if t.i < head.i and t.dep_ not in ("det", "poss")):
        return []
    units = _units(left)
    if len(units) < 2 or any(len(u) != 1 or u[0].pos_ != "NOUN" for u in units):
        return []
    sectors = [sector_cues().sectors_of(u[0].lemma_.lower()) for u in units]
    if not all(sectors) or len({found[0] for found in sectors}) < len(units):
        return []
    rest = [t for t in tokens if t.i >= head.i]
    return [u + rest for u in units]


_NAMED_KINDS = frozenset({"body", "institution", "event", "document"})


def split_coordinated_bodies(tokens: list[Token], head: Token) -> list[list[Token]]:
    """ "the Intergovernmental Commission and Business Council" -> "Intergovernmental Commission",
    "Business Council": two names, each ending in its own head word, that the parser hung one on the
    other. The phrase's right-hand part ("of the CIS") stays with the last name."""
    things = object_cues().things
    left = [t for t in tokens if t.i < head.i]
    for n, tok in enumerate(left[1:-1], start=1):
        before, after = left[n - 1], left[n + 1]
        if tok.lower_ != "and" or not (is_namelike(before) and is_namelike(after)):
            continue
        if before.pos_ != "PROPN" or things.get(before.lemma_.lower()) not in _NAMED_KINDS:
            continue
        if things.get(head.lemma_.lower()) not in _NAMED_KINDS or not head.text[:1].isupper():
            continue
        first = [t for t in left[:n] if t.dep_ not in ("det", "predet", "poss", "case")]
        second = [t for t in tokens if t.i > tok.i and t.dep_ not in ("det", "predet")]
        if first:
            return [first, second]
    return []


def _units(tokens: list[Token]) -> list[list[Token]]:
    """The members of a coordination: the runs of tokens between "and", "or" and commas."""
    units: list[list[Token]] = [[]]
    for tok in tokens:
        if tok.lower_ in ("and", "or") or tok.text == ",":
            units.append([])
        else:
            units[-1].append(tok)
    return [u for u in units if u]


def _plain_name(token: Token) -> bool:
    text = token.text
    dashed = any(d in text for d in "-–") and text[:1].isupper()
    acronym = len(text) >= 2 and text.isupper() and text.isalpha()
    # a town the recogniser takes for a nationality ("Semey") is a place; a nationality ("Kazakh") is not
    misread = token.ent_type_ == "NORP" and token.pos_ == "PROPN" and token.text not in party_aliases()
    return dashed or acronym or misread or token.ent_type_ in ("GPE", "LOC", "FAC")


def split_coordinated_places(tokens: list[Token], head: Token) -> list[list[Token]]:
    """ "branches of universities in Chirchik and Almaty" -> one phrase per place: "... in Chirchik",
    "... in Almaty". Only places (named, or tagged as places) are split."""
    inside = {t.i for t in tokens}
    for tok in tokens:
        if tok.i == head.i or tok.dep_ != "pobj" or tok.head.lower_ not in ("in", "at"):
            continue
        others = [c for c in conjuncts(tok) if c.i != tok.i and c.i not in inside]
        if others and all(is_place(c) for c in [tok, *others]):
            return [tokens] + [[t if t.i != tok.i else other for t in tokens] for other in others]
    return []


def split_coordinated_holders(tokens: list[Token], head: Token) -> list[list[Token]]:
    """ "branches of the Moscow Institute of Physics and Technology and Bauman University" -> one branch per
    named institution it belongs to. Only an institution's parts ("branch", "campus", "office") of named
    institutions or bodies are split."""
    things = object_cues().things
    if things.get(head.lemma_.lower()) != "institution":
        return []
    inside = {t.i for t in tokens}
    for tok in tokens:
        if tok.dep_ != "pobj" or tok.head.lower_ != "of" or tok.head.head.i != head.i:
            continue
        others = [c for c in conjuncts(tok) if c.i != tok.i and c.i not in inside]
        named = all(
            c.pos_ == "PROPN" and (things.get(c.lemma_.lower()) in ("institution", "body") or _plain_name(c))
            for c in [tok, *others]
        )
        if not others or not named:
            continue
        prefix = [t for t in tokens if t.i <= tok.head.i]
        rest = [[t for t in phrase_tokens(other) if t.dep_ not in ("det", "predet")] for other in others]
        return [tokens] + [prefix + words for words in rest if words]
    return []


def is_place(token: Token) -> bool:
    return token.ent_type_ in ("GPE", "LOC", "FAC") or (is_namelike(token) and token.pos_ == "PROPN")

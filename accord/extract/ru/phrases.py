"""Russian noun phrases from the parse: where an object phrase starts and ends, how lists split, and the
phrase in the nominative ("о строительстве АЭС" -> "строительство АЭС")."""

from __future__ import annotations

from collections.abc import Callable

from accord.extract.ru.morph import nominative
from accord.extract.ru.nlp import Sentence, Token

MAX_OBJECT_WORDS = 12
MAX_DEPTH = 3
_INNER_RELS = frozenset({"nmod", "appos", "flat", "flat:name", "flat:foreign", "compound", "fixed", "nummod"})
_AGREEING = frozenset({"ADJ", "DET", "NUM"})
_QUOTES = "«»\"„“”'"
_EDGE_DROP = frozenset({"ADP", "CCONJ", "SCONJ", "PUNCT", "PART"})


def _modifier(sent: Sentence, tok: Token) -> set[Token]:
    """An adjective with its own adverbs and adjectives ("вторых", "наиболее крупных"), no clauses."""
    out = {tok}
    for kid in sent.children(tok):
        if kid.rel in ("advmod", "amod", "fixed", "flat") and kid.pos in ("ADV", "ADJ", "PART"):
            out.add(kid)
        elif kid.rel == "conj" and kid.pos == "ADJ":  # "северных и восточных"
            out |= {kid, *(c for c in sent.children(kid) if c.rel == "cc")}
    return out


def _collect(sent: Sentence, head: Token, depth: int) -> set[Token]:
    out = {head}
    for kid in sent.children(head):
        if kid.rel == "amod" or (kid.rel == "det" and kid.pos == "DET" and kid.lemma not in ("этот", "тот")):
            out |= _modifier(sent, kid)
        elif kid.rel == "det" and kid.pos == "PRON" and depth > 0:
            out.add(kid)  # "его" in "газификации его северных районов": bridged over, left out below
        elif kid.rel in _INNER_RELS and depth < MAX_DEPTH:
            out |= _collect(sent, kid, depth + 1)
            out |= {c for c in sent.children(kid) if c.rel == "case"}
        elif kid.rel == "punct" and kid.text in _QUOTES + "—–-":
            out.add(kid)
    return out


def phrase_tokens(sent: Sentence, head: Token) -> list[Token]:
    """The tokens of the noun phrase headed by `head`: its modifiers and short dependents, no clauses or
    coordinated members, as the contiguous run around the head."""
    chosen = _collect(sent, head, 0)
    ordered = sorted(chosen, key=lambda t: t.i)
    start = end = ordered.index(head)
    while start > 0 and ordered[start - 1].i == ordered[start].i - 1:
        start -= 1
    while end < len(ordered) - 1 and ordered[end + 1].i == ordered[end].i + 1:
        end += 1
    run = ordered[start : end + 1]
    while run and run[0] is not head and (run[0].pos in _EDGE_DROP and run[0].text not in '«"'):
        run = run[1:]
    while run and run[-1] is not head and run[-1].pos in _EDGE_DROP and run[-1].text not in '»"':
        run = run[:-1]
    run = [t for t in run if not (t.rel == "det" and t.pos == "PRON")]
    return _trim(sent, run, head)


def _trim(sent: Sentence, tokens: list[Token], head: Token) -> list[Token]:
    """Cut right-hand dependents until the phrase is short enough to be an object."""
    while sum(1 for t in tokens if t.pos != "PUNCT") > MAX_OBJECT_WORDS:
        right = [
            t for t in tokens if t.i > head.i and t.rel in ("nmod", "appos") and sent.governor(t) is not None
        ]
        if not right:
            return tokens[:MAX_OBJECT_WORDS]
        cut = min(t.i for t in sent.subtree(right[-1]))
        tokens = [t for t in tokens if t.i < cut]
    return tokens


def variants(
    sent: Sentence, tokens: list[Token], head: Token, listable: Callable[[Token], bool]
) -> list[list[Token]]:
    """One phrase per member of a list inside the phrase: "поставки нефти, пшеницы и удобрений" ->
    "поставки нефти", "поставки пшеницы", "поставки удобрений". The head's own conjuncts are objects of
    their own, not variants."""
    inside = {t.i for t in tokens}
    for tok in tokens:
        if tok is head:
            continue
        members = [
            k
            for k in sent.children(tok)
            if k.rel == "conj" and k.i not in inside and k.pos in ("NOUN", "PROPN")
        ]
        if not members or not all(listable(t) for t in [tok, *members]):
            continue
        own = {t.i for t in _collect(sent, tok, MAX_DEPTH - 1)} | {tok.i}
        base = [t for t in tokens if t.i not in own or t.i == tok.i]
        out = [tokens]
        for member in members:
            parts = sorted(_collect(sent, member, MAX_DEPTH - 1), key=lambda t: t.i)
            parts = [t for t in parts if t.pos not in ("CCONJ",) and t.text != ","]
            swapped = [t for t in base if t.i != tok.i] + parts
            case = [c for c in sent.children(tok) if c.rel == "case"]
            if case and not any(c.rel == "case" for c in parts):
                swapped += case
            out.append(sorted({t.i: t for t in swapped}.values(), key=lambda t: t.i))
        return out
    return [tokens]


def _agreeing(sent: Sentence, head: Token) -> set[int]:
    """The head and the words that agree with it in case: these take the nominative with it."""
    case = head.feats.get("Case")
    out = {head.i}
    for kid in sent.children(head):
        if kid.rel in ("amod", "det", "nummod") and kid.pos in _AGREEING and kid.feats.get("Case") == case:
            out.add(kid.i)
    return out


def text_of(sent: Sentence, line: str, tokens: list[Token], head: Token) -> str:
    """The phrase in the nominative, with the document's own spacing between neighbouring words."""
    if not tokens:
        return ""
    agree = _agreeing(sent, head)
    parts: list[str] = []
    previous: Token | None = None
    for tok in tokens:
        word = tok.text.replace("\u2010", "-")
        if tok.i in agree:
            word = nominative(tok.text, tok.pos, tok.feats, None if tok.i == head.i else head.feats)
        if previous is not None:
            gap = line[previous.end : tok.start] if tok.i == previous.i + 1 else " "
            parts.append(" " if gap.strip() else gap)
        parts.append(word)
        previous = tok
    text = "".join(parts)
    for opening, closing in (("«", "»"), ("„", "“")):
        if text.count(opening) != text.count(closing):
            text = text.replace(opening, "").replace(closing, "")
    if text.count('"') % 2:
        text = text.replace('"', "")
    return " ".join(text.split())

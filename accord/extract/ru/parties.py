"""Which countries take part: the document's own pair, widened by countries that the object's own
modifiers name ("российского газа") and by countries coordinated with a party in the sentence."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence

from accord.extract.ru.lexicon import party_aliases
from accord.extract.ru.morph import lemma_of
from accord.extract.ru.nlp import Sentence, Token

TITLE_WEIGHT = 3
SECOND_PARTY_SHARE = 0.2
MAX_ALIAS_WORDS = 3
_WORD = re.compile(r"[\w-]+")
# Modifiers that say whose a thing is; prepositional phrases ("в Узбекистан") say where it goes.
_OWNER_RELS = frozenset({"amod", "nmod", "flat", "flat:name", "appos", "compound"})


def _codes(lemmas: Sequence[str]) -> Iterable[tuple[int, str]]:
    """(position, code) for each alias among the lemmas, longest alias first at each position."""
    aliases = party_aliases()
    n = 0
    while n < len(lemmas):
        for size in range(MAX_ALIAS_WORDS, 0, -1):
            code = aliases.get(tuple(lemmas[n : n + size]))
            if code is not None:
                yield n, code
                n += size - 1
                break
        n += 1


def token_code(tok: Token) -> str | None:
    """The country one word names ("казахстанский", "Москве", "Росатом"), if any."""
    aliases = party_aliases()
    return aliases.get((tok.lemma,)) or aliases.get((tok.text.lower().replace("ё", "е"),))


def count_in_sentences(sentences: Iterable[Sentence]) -> Counter[str]:
    counts: Counter[str] = Counter()
    for sent in sentences:
        counts.update(code for _, code in _codes([t.lemma for t in sent.tokens]))
    return counts


def count_in_text(text: str) -> Counter[str]:
    lemmas = [lemma_of(w, "") for w in _WORD.findall(text)]
    return Counter(code for _, code in _codes(lemmas))


def main_parties(counts: Counter[str], title: str | None) -> tuple[str, ...]:
    """The countries the document is about: the most named one and any other named almost as often."""
    counts = Counter(counts)
    if title:
        for code, n in count_in_text(title).items():
            counts[code] += TITLE_WEIGHT * n
    if not counts:
        return ()
    ranked = counts.most_common()
    top = ranked[0][1]
    chosen = [code for code, n in ranked[:3] if n >= max(2, SECOND_PARTY_SHARE * top) or n == top]
    return tuple(sorted(chosen[:2]))


def item_parties(sent: Sentence, main: tuple[str, ...], obj: Sequence[Token]) -> tuple[str, ...]:
    """The document's parties, the countries the object's own modifiers name, and every country listed
    together with one of the parties in the sentence ("Казахстан, Россия и Китай")."""
    parties = set(main)
    inside = {t.i for t in obj}
    for tok in obj:
        code = token_code(tok)
        if code and (tok.rel in _OWNER_RELS or tok.i == min(inside)) and not _prepositional(sent, tok):
            parties.add(code)
    for tok in sent.tokens:
        code = token_code(tok)
        if code is None or code not in main:
            continue
        group = [token_code(t) for t in _conjuncts(sent, tok)]
        if len(group) > 1:
            parties.update(c for c in group if c)
    return tuple(sorted(parties))


def lead_participants(lead: Iterable[Sentence]) -> set[str]:
    """Countries listed together in a document's lead ("делегации Казахстана и России"): each takes part."""
    found: set[str] = set()
    for sent in lead:
        for tok in sent.tokens:
            if token_code(tok) is None:
                continue
            group = {code for code in (token_code(t) for t in _conjuncts(sent, tok)) if code}
            if len(group) >= 2:
                found |= group
    return found


def _prepositional(sent: Sentence, tok: Token) -> bool:
    return any(c.rel == "case" for c in sent.children(tok))


def _conjuncts(sent: Sentence, tok: Token) -> list[Token]:
    first = tok
    while first.rel == "conj" and sent.governor(first) is not None:
        gov = sent.governor(first)
        assert gov is not None
        first = gov
    out = [first]
    stack = [c for c in sent.children(first) if c.rel == "conj"]
    while stack:
        t = stack.pop()
        out.append(t)
        stack.extend(c for c in sent.children(t) if c.rel == "conj")
    return out

"""Which countries take part: the document's own pair, widened by the countries a sentence lists."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from functools import cache

from spacy.tokens import Span, Token

from accord.extract.en.lexicon import country_groups, object_cues, party_aliases
from accord.extract.en.phrases import conj_root, conjuncts, span_text

TITLE_WEIGHT = 3
MIN_PARTICIPANTS = 3
SECOND_PARTY_SHARE = 0.25
# A quote's first person: the document's own country speaking.
_FIRST_PERSON = frozenset({"we", "our", "us"})
# Words whose objects are the places a route runs through, not the countries that take part ("the section
# of railway interlinking Russia, Kazakhstan, Turkmenistan and Iran", "a corridor through A, B and C").
_ROUTE_WORDS = frozenset({"link", "interlink", "connect", "cross", "traverse", "through", "via", "across"})


def _whole_words(names: Iterable[str]) -> re.Pattern[str]:
    """Any of `names` on whole words, the longest first ("Kyrgyz Republic" before "Kyrgyz")."""
    ordered = sorted(names, key=len, reverse=True)
    return re.compile(r"(?<![\w])(?:" + "|".join(re.escape(n) for n in ordered) + r")(?![\w])")


@cache
def _alias_pattern() -> re.Pattern[str]:
    return _whole_words(party_aliases())


def count_countries(text: str) -> Counter[str]:
    aliases = party_aliases()
    return Counter(aliases[m.group(0)] for m in _alias_pattern().finditer(text))


def main_parties(text: str, title: str | None) -> tuple[str, ...]:
    """The countries the document is about: the most named one and any other named almost as often."""
    counts = count_countries(text)
    if title:
        for code, n in count_countries(title).items():
            counts[code] += TITLE_WEIGHT * n
    if not counts:
        return ()
    ranked = counts.most_common()
    top = ranked[0][1]
    chosen = [code for code, n in ranked[:3] if n >= max(2, SECOND_PARTY_SHARE * top) or n == top]
    return tuple(sorted(chosen[:2]))


def home_party(text: str) -> str | None:
    """The country a document names most: whose "we" its quotes speak with."""
    ranked = count_countries(text).most_common(1)
    return ranked[0][0] if ranked else None


def sentence_parties(
    sent: Span, main: tuple[str, ...], obj: str = "", home: str | None = None
) -> tuple[str, ...]:
    """The document's parties, plus the countries that `obj` (the words saying whose the object is)
    names ("the Russian Mendeleev University", "the China–Kyrgyzstan–Uzbekistan railway"), plus every
    country coordinated with one of them in this sentence ("among Kazakhstan, Russia, China, and
    Mongolia"). Where the document reports a meeting of three or more, a sentence naming two or more of
    them (`home`, the document's own country, for a "we") speaks of those alone."""
    aliases = party_aliases()
    named = _named_partners(obj)
    if named:
        return named
    if len(main) >= MIN_PARTICIPANTS:
        here = _named_here(sent, home) & set(main)
        if len(here) >= 2:
            return tuple(sorted(here | set(count_countries(obj))))
    parties = set(main) | set(count_countries(obj))
    for tok in sent:
        if tok.text in aliases and tok.dep_ != "conj" and not _route_places(tok):
            group = {aliases[t.text] for t in conjuncts(tok) if t.text in aliases}
            if len(group) > 1 and group & set(main):
                parties.update(group)
    return tuple(sorted(parties))


def _named_here(sent: Span, home: str | None) -> set[str]:
    """The countries a sentence names, with the groups named beside a meeting and, for a "we", `home`;
    read once per sentence, however many objects it holds."""
    key = f"accord.parties:{sent.start}:{sent.end}:{home}"
    found: set[str] | None = sent.doc.user_data.get(key)
    if found is None:
        found = set(count_countries(span_text(sent))) | _groups_meeting(sent)
        if home and any(t.lower_ in _FIRST_PERSON for t in sent):
            found.add(home)
        sent.doc.user_data[key] = found
    return set(found)


_DASHED = re.compile(r"[\w'’]+(?:\s*[-–—]\s*[\w'’]+)+")


def _named_partners(obj: str) -> tuple[str, ...]:
    """ "the China–Kyrgyzstan–Uzbekistan railway": a name made of two or more countries says exactly who
    takes part."""
    aliases = party_aliases()
    for match in _DASHED.finditer(obj):
        parts = [p.strip() for p in re.split(r"[-–—]", match.group(0))]
        if len(parts) >= 2 and all(p in aliases for p in parts):
            return tuple(sorted({aliases[p] for p in parts}))
    return ()


def participants(lead: Iterable[Span]) -> set[str]:
    """Countries listed together in a document's lead ("The leaders of China, Kazakhstan, Kyrgyzstan,
    Tajikistan, Turkmenistan and Uzbekistan met"): every one of them takes part in what it reports."""
    aliases = party_aliases()
    found: set[str] = set()
    for sent in lead:
        group: set[str] = set()
        first: Token | None = None
        for tok in sent:  # a run of names joined by commas and "and", whatever the parse made of it
            if tok.text in aliases:
                first = first or tok
                group.add(aliases[tok.text])
            elif tok.text != "," and tok.lower_ != "and":
                found |= _taking_part(group, first)
                group, first = set(), None
        found |= _taking_part(group, first)
        found |= _groups_meeting(sent)
    return found


@cache
def _group_pattern() -> re.Pattern[str]:
    return _whole_words(country_groups())


def _groups_meeting(sent: Span) -> set[str]:
    """ "The first summit between the European Union and the five Central Asian states": a group named
    beside a meeting, or as whose leaders act, takes part with all its members."""
    text = span_text(sent)
    groups = country_groups()
    named = [groups[m.group(0)] for m in _group_pattern().finditer(text)]
    if not named:
        return set()
    cues = object_cues()
    if not any(t.lemma_.lower() in cues.meetings or t.lower_ in ("leaders", "heads") for t in sent):
        return set()
    return set().union(*named)


def _taking_part(group: set[str], first: Token | None) -> set[str]:
    """A run of three or more countries takes part, unless it lists the places a route runs through."""
    if len(group) < MIN_PARTICIPANTS or first is None:
        return set()
    return set() if _route_places(first) else group


def _route_places(tok: Token) -> bool:
    """Whether the list a country's name stands in is the places a route runs through."""
    root = conj_root(tok)
    return root.dep_ in ("dobj", "pobj") and root.head.lemma_.lower() in _ROUTE_WORDS


def attendance(sent: Span) -> set[str]:
    """ "It was attended by the President of Kazakhstan, the President of the Kyrgyz Republic, ... and the
    President of China": a list of leaders, each named with a country, names every participant."""
    if len(count_countries(span_text(sent))) < MIN_PARTICIPANTS:
        return set()  # most sentences: not three countries, so no list of participants
    aliases = party_aliases()
    people = object_cues().people
    countries: list[str | None] = []  # per leader, the first country named after the title
    for tok in sent:
        if tok.lemma_.lower() in people and tok.text[:1].isupper():
            if not countries or countries[-1] is not None:  # "Prime Minister", "People's Republic"
                countries.append(None)
        elif countries and countries[-1] is None and tok.text in aliases:
            countries[-1] = aliases[tok.text]
    named = {c for c in countries if c is not None}
    if len(named) >= MIN_PARTICIPANTS and len(named) == len(countries):
        return named
    return _leaders_of(sent)


def _leaders_of(sent: Span) -> set[str]:
    """ "the leaders of Kazakhstan, Kyrgyzstan, Tajikistan, Turkmenistan and Uzbekistan signed": the
    countries whose leaders act together."""
    aliases = party_aliases()
    people = object_cues().people
    for tok in sent:
        if tok.lemma_.lower() not in people:
            continue
        for prep in (c for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"):
            for obj in (c for c in prep.children if c.dep_ == "pobj"):
                group = {aliases[t.text] for t in conjuncts(obj) if t.text in aliases}
                if len(group) >= MIN_PARTICIPANTS:
                    return group
    return set()

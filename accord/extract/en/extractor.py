"""English extraction: lines -> sentences -> object phrases -> items with stage, sector and parties."""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from itertools import islice

from spacy.tokens import Doc, Span, Token

from accord.extract.blocks import Block, split_blocks
from accord.extract.en.anaphora import Mention, references, resolve_anaphors
from accord.extract.en.clauses import next_session
from accord.extract.en.content import merge_words
from accord.extract.en.lexicon import object_cues
from accord.extract.en.nlp import load_nlp
from accord.extract.en.objects import Candidate, find_objects
from accord.extract.en.parties import (
    attendance,
    count_countries,
    home_party,
    main_parties,
    participants,
    sentence_parties,
)
from accord.extract.en.phrases import span_text
from accord.extract.en.sector import sector_of
from accord.extract.en.stage import NEGATED, setback_of, stage_of
from accord.extract.merge import merge_items
from accord.model import Document, Evidence, Item

BATCH_SIZE = 256
DOCS_PER_BATCH = 32
# A "sentence" longer than this is run-on page text (no punctuation), not a readout's sentence; its
# dependency trees are too deep to walk in reasonable time, so it is not searched for objects.
MAX_SENTENCE_TOKENS = 200
LEAD_SENTENCES = 2
HISTORY_YEARS = 5  # a sentence whose years are all this much older than the document is history
_FUTURE_MARKS = frozenset({"next", "upcoming", "forthcoming", "future", "will", "shall", "coming", "again"})
_PLACE_HEADS = frozenset({"port", "city", "region", "province", "oblast", "town", "territory", "coast"})
_BULLETS = ("-", "•", "*", "–", "—", "·", "▪")


class EnglishExtractor:
    """Reads English documents with spaCy's small model and the rules and data in this package."""

    language = "en"

    def extract(self, doc: Document) -> list[Item]:
        return next(self.extract_many([doc]))

    def extract_many(self, docs: Iterable[Document]) -> Iterator[list[Item]]:
        """Lines of several documents go through the parser together: spaCy is much faster on a
        batch than on one short text at a time."""
        stream = iter(docs)
        while chunk := tuple(islice(stream, DOCS_PER_BATCH)):
            yield from self._extract_chunk(chunk)

    def _extract_chunk(self, docs: tuple[Document, ...]) -> Iterator[list[Item]]:
        blocks = [split_blocks(doc.text) for doc in docs]
        texts = (block.text for doc_blocks in blocks for block in doc_blocks)
        parsed = iter(load_nlp().pipe(texts, batch_size=BATCH_SIZE))
        for doc, doc_blocks in zip(docs, blocks, strict=True):
            yield _items(doc, doc_blocks, [next(parsed) for _ in doc_blocks])


@dataclass
class _Context:
    """What a sentence is read against: the document, its parties, the section heading above it, and
    the stage a list's lead-in states ("The sides agreed on two projects:") for the list's verbless items."""

    text: str
    main: tuple[str, ...]
    year: int | None = None
    home: str | None = None  # the country the document names most, whose "we" its quotes speak with
    heading: list[Token] | None = None
    list_stage: str | None = None
    # The sentences since the heading (or since the list stage was last read) that may set it: stage_of is
    # pure, so it is asked only when a list item needs the stage.
    lead_ins: list[Span] = field(default_factory=list)
    in_title: bool = False  # reading the document's title line

    def stage_of_list(self) -> str | None:
        """The stage of the latest lead-in sentence that states one, else the list stage as it stood."""
        for sent in reversed(self.lead_ins):
            stage = stage_of(sent.root, sent)
            if stage:
                self.list_stage = stage
                break
        self.lead_ins.clear()
        return self.list_stage


def _items(doc: Document, blocks: list[Block], parsed: Iterable[Doc]) -> list[Item]:
    docs = list(parsed)
    present = {
        c for d in docs if len(count_countries(d.text)) >= 3 for sent in d.sents for c in attendance(sent)
    }
    main = tuple(sorted(set(main_parties(doc.text, doc.title)) | participants(_lead(blocks, docs)) | present))
    ctx = _Context(doc.text, main, _year(doc.published) or _latest_year(doc.text), home_party(doc.text))
    found: list[Mention] = []
    after_colon = False
    title = (doc.title or "").strip()
    for block, spacy_doc in zip(blocks, docs, strict=True):
        ctx.in_title = bool(title) and block.text == title and block is blocks[0]
        if block.heading:
            ctx.heading, ctx.list_stage = list(spacy_doc), None
            ctx.lead_ins.clear()
            continue
        in_list = after_colon or block.text.startswith(_BULLETS)
        for sent in spacy_doc.sents:
            if len(sent) > MAX_SENTENCE_TOKENS:
                continue
            found.extend(_sentence_items(block, sent, ctx, in_list=in_list))
            if not in_list:
                ctx.lead_ins.append(sent)
        after_colon = block.text.endswith(":") or (in_list and not block.text.endswith("."))
    return merge_items(resolve_anaphors(found), merge_words)


def _modifiers(cand: Candidate) -> str:
    """The words that say whose the object is: those before its head and its "of" phrase. "Russian" in
    "a branch of the Russian Mendeleev University" makes Russia a party; "to China" in "the transit of
    gas to China" does not."""
    inside = {t.i for t in cand.tokens}
    owned = {t.i for p in cand.head.rights if p.lower_ == "of" for t in p.subtree if t.i in inside}
    # the words up to the head as the phrase runs ("Chinese" of "two plants – one Russian and one
    # Chinese" comes first in the phrase made for it, though after the head in the sentence)
    before = set(itertools.takewhile(lambda i: i != cand.head.i, (t.i for t in cand.tokens)))
    return " ".join(
        t.text
        for t in cand.tokens
        if (t.i <= cand.head.i or t.i in owned or t.i in before) and not _of_place(t)
    )


def _of_place(tok: Token) -> bool:
    """A country word that says where a place is ("the Iranian port of Chabahar", "China's Xinjiang
    region"), not who takes part in what is undertaken there."""
    return tok.dep_ in ("amod", "compound", "poss", "nmod") and tok.head.lemma_.lower() in _PLACE_HEADS


def _lead(blocks: list[Block], docs: list[Doc]) -> list[Span]:
    """The title line and the first two sentences of the body (the first is often a dateline): where a
    readout names who met."""
    lead: list[Span] = []
    body = 0
    for block, spacy_doc in zip(blocks, docs, strict=True):
        for sent in spacy_doc.sents:
            lead.append(sent)
            body += 0 if block.heading else 1
            if block.heading or body >= LEAD_SENTENCES:
                break
        if body >= LEAD_SENTENCES:
            break
    return lead


def _year(published: str | None) -> int | None:
    return int(published[:4]) if published and published[:4].isdigit() else None


_YEAR = re.compile(r"\b(19[5-9]\d|20\d\d)(s?)\b")


# "valid until 2040", "by 2030", "from 2025 to 2040", "for 2024-2034": a year that ends a term or sets a
# deadline looks ahead of the document
_AHEAD = re.compile(r"(?:\b(?:until|till|by|to|through|before|beyond|after)|[-–—])\s*$", re.IGNORECASE)


def _latest_year(text: str) -> int | None:
    """An undated document is read as of the latest year it names, deadlines and term ends aside."""
    years = [
        int(m.group(1))
        for m in _YEAR.finditer(text)
        if not _AHEAD.search(text, max(0, m.start() - 12), m.start())
    ]
    return max(years) if years else None


def _historical(sent: Span, ctx: _Context) -> bool:
    """A sentence that names only years at least two before the document's is background history ("the
    corridor was founded on an agreement signed in 2000"): FORMAT.md says history is not an item."""
    if ctx.year is None:
        return False
    years = [int(m.group(1)) + (9 if m.group(2) else 0) for m in _YEAR.finditer(span_text(sent))]
    return bool(years) and max(years) <= ctx.year - HISTORY_YEARS


def _bare_field(cand: Candidate) -> bool:
    """A field named alone ("trade", "transit"): in a title, the headline sums up what the text reports."""
    return len(cand.tokens) == 1 and cand.head.lemma_.lower() in object_cues().fields


def _arranged(stage: str, sent: Span, ctx: _Context) -> bool:
    """A meeting is an item only when the parties arrange one still to come: planned, and the sentence
    puts it in the future ("next year", "will be held", "in 2026" in a 2025 document). The visit or
    summit a document reports is not an item."""
    if stage != "planned":
        return False
    for tok in sent:
        if tok.lower_ in _FUTURE_MARKS:
            return True
        later_year = len(tok.text) == 4 and tok.text.isdigit() and int(tok.text) > (ctx.year or 9999)
        if later_year:
            return True
    return False


def _sentence_items(block: Block, sent: Span, ctx: _Context, *, in_list: bool) -> Iterator[Mention]:
    if _historical(sent, ctx):
        return
    evidence: Evidence | None = None
    verbless = sent.root.pos_ not in ("VERB", "AUX")
    found = find_objects(sent)
    if ctx.in_title:  # "Kazakhstan and India map out next steps in trade, transit and technology"
        found = [c for c in found if not _bare_field(c)]
    mentioned = [*((c, False) for c in found), *((c, True) for c in references(sent, found))]
    for cand, reference in sorted(mentioned, key=lambda pair: pair[0].head.i):
        stage = stage_of(cand.head, sent)
        setback = None if cand.meeting else setback_of(cand.head, sent)
        if stage is None and in_list and verbless:
            stage = ctx.stage_of_list()
        if setback is not None and stage in (None, NEGATED):
            stage = "agreed"  # a thing can be suspended or cancelled only once it was undertaken
        if cand.provided and stage in ("agreed", "completed"):
            stage = "planned"  # "ratified an agreement on building three plants in A, B and C"
        if stage == "agreed" and next_session(cand.head):
            stage = "planned"  # "decided to convene the next session of the commission": still to come
        if cand.meeting and stage == "agreed" and _arranged("planned", sent, ctx):
            stage = "planned"  # "agreed to hold the third summit in 2027": a meeting still to come
        prospect = stage == "discussed" and cand.head.pos_ == "VERB"  # "the ministers may meet again"
        if (
            stage is None
            or stage == NEGATED
            or (cand.meeting and not prospect and not _arranged(stage, sent, ctx))
        ):
            continue
        if evidence is None:
            start, end = block.start + sent.start_char, block.start + sent.end_char
            evidence = Evidence(start, end, ctx.text[start:end])
        item = replace(_item(cand, stage, sent, ctx, evidence), setback=setback)
        yield Mention(item, cand, reference=reference)


def _item(cand: Candidate, stage: str, sent: Span, ctx: _Context, ev: Evidence) -> Item:
    return Item(
        object=cand.text,
        sector=sector_of(cand.tokens, sent, ctx.heading),
        stage=stage,
        parties=sentence_parties(sent, ctx.main, _modifiers(cand), ctx.home),
        evidence=ev,
    )

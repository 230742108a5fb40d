"""Russian extraction: lines -> sentences -> object phrases -> items with stage, sector and parties."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from itertools import islice

from accord.extract.blocks import Block, split_blocks
from accord.extract.merge import merge_items
from accord.extract.ru.content import content_words
from accord.extract.ru.lexicon import object_cues
from accord.extract.ru.nlp import Sentence, parse_lines
from accord.extract.ru.objects import Candidate, find_objects
from accord.extract.ru.parties import count_in_sentences, item_parties, lead_participants, main_parties
from accord.extract.ru.phrases import text_of
from accord.extract.ru.sector import sector_of
from accord.extract.ru.stage import NEGATED, sentence_stage, stage_of
from accord.model import Document, Evidence, Item

DOCS_PER_BATCH = 32
LEAD_SENTENCES = 3
HISTORY_YEARS = 10
_BULLETS = ("-", "•", "*", "–", "—", "·", "▪")


class RussianExtractor:
    """Reads Russian documents with natasha's news models and the rules and data in this package."""

    language = "ru"

    def extract(self, doc: Document) -> list[Item]:
        return next(self.extract_many([doc]))

    def extract_many(self, docs: Iterable[Document]) -> Iterator[list[Item]]:
        """The lines of several documents go through the tagger and parser together, in one batch."""
        stream = iter(docs)
        while chunk := tuple(islice(stream, DOCS_PER_BATCH)):
            blocks = [split_blocks(doc.text) for doc in chunk]
            parsed = iter(parse_lines([b.text for doc_blocks in blocks for b in doc_blocks]))
            for doc, doc_blocks in zip(chunk, blocks, strict=True):
                yield _items(doc, doc_blocks, [next(parsed) for _ in doc_blocks])


@dataclass
class _Context:
    """What a sentence is read against: the document, its parties, the section heading above it, and
    the stage a list's lead-in states for the list's verbless items."""

    text: str
    main: tuple[str, ...]
    year: int | None = None
    heading: list[str] | None = None
    list_stage: str | None = None


def _items(doc: Document, blocks: list[Block], parsed: list[list[Sentence]]) -> list[Item]:
    counts = count_in_sentences(s for sents in parsed for s in sents)
    lead = [s for block, sents in zip(blocks, parsed, strict=True) if not block.heading for s in sents]
    main = set(main_parties(counts, doc.title)) | lead_participants(lead[:LEAD_SENTENCES])
    ctx = _Context(doc.text, tuple(sorted(main)), _year(doc.published))
    found: list[Item] = []
    after_colon = False
    for block, sentences in zip(blocks, parsed, strict=True):
        if block.heading:
            ctx.heading = [t.lemma for s in sentences for t in s.tokens]
            ctx.list_stage = None
            continue
        in_list = after_colon or block.text.startswith(_BULLETS)
        for sent in sentences:
            found.extend(_sentence_items(block, sent, ctx, in_list=in_list))
            if not in_list:
                ctx.list_stage = sentence_stage(sent, block.text) or ctx.list_stage
        after_colon = block.text.endswith(":") or (in_list and not block.text.endswith("."))
    return merge_items(found, content_words)


def _year(published: str | None) -> int | None:
    return int(published[:4]) if published and published[:4].isdigit() else None


def _arranged(stage: str, sent: Sentence, ctx: _Context) -> bool:
    """A meeting is an item only when the parties arrange one still to come."""
    if stage != "planned":
        return False
    marks = object_cues().future_marks
    for tok in sent.tokens:
        if tok.lemma in marks:
            return True
        if len(tok.text) == 4 and tok.text.isdigit() and int(tok.text) > (ctx.year or 9999):
            return True
    return False


def _history(sent: Sentence, ctx: _Context) -> bool:
    """A sentence dated years before the document ("в 1992 году был подписан договор") is background."""
    if ctx.year is None:
        return False
    years = (int(t.text) for t in sent.tokens if len(t.text) == 4 and t.text.isdigit())
    return any(year <= ctx.year - HISTORY_YEARS for year in years)


def _sentence_items(block: Block, sent: Sentence, ctx: _Context, *, in_list: bool) -> Iterator[Item]:
    if _history(sent, ctx):
        return
    evidence: Evidence | None = None
    verbless = not any(t.pos in ("VERB", "AUX") for t in sent.tokens)
    for cand in find_objects(sent):
        stage = stage_of(sent, cand.head, block.text)
        if stage is None and in_list and verbless:
            stage = ctx.list_stage
        if stage is None or stage == NEGATED or (cand.meeting and not _arranged(stage, sent, ctx)):
            continue
        obj = text_of(sent, block.text, list(cand.tokens), cand.head)
        if not obj:
            continue
        if evidence is None:
            start, end = block.start + sent.start, block.start + sent.end
            evidence = Evidence(start, end, ctx.text[start:end])
        yield _item(cand, obj, stage, sent, ctx, evidence)


def _item(cand: Candidate, obj: str, stage: str, sent: Sentence, ctx: _Context, ev: Evidence) -> Item:
    return Item(
        object=obj,
        sector=sector_of([t.lemma for t in cand.tokens], [t.lemma for t in sent.tokens], ctx.heading),
        stage=stage,
        parties=item_parties(sent, ctx.main, cand.tokens),
        evidence=ev,
    )

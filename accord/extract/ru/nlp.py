"""The Russian parse: natasha's segmenter, morphology tagger and syntax parser, loaded once per process.

Each line is split into sentences and tokens; sentences short enough to be a readout's sentences are
tagged and parsed together, in one batch per call, which is what makes the models fast. Names joined by
a spaced dash ("Достык — Мойынты") are parsed as one word: the parser reads them as one name only when
the dash joins them, so the parse runs on a copy of the text where such dashes are hyphens (the same
length, so offsets are the document's).
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from accord.errors import ConfigError
from accord.extract.ru.morph import lemma_of

# A "sentence" longer than this is run-on page text, not a readout's sentence: it is not parsed.
MAX_SENTENCE_TOKENS = 200
_JOIN = "\u2010"
_DASHED_NAME = re.compile(r"(?<=[A-ZА-ЯЁӘҒҚҢӨҰҮҺІa-zа-яёәғқңөұүһі])( ?[—–-] ?)(?=[A-ZА-ЯЁӘҒҚҢӨҰҮҺІ])")


@dataclass(frozen=True, slots=True, eq=False)
class Token:
    """One word of a parsed sentence; `start`/`end` are offsets in the line, `head` is -1 at the root."""

    i: int
    text: str
    start: int
    end: int
    pos: str
    feats: Mapping[str, str]
    rel: str
    head: int
    lemma: str


@dataclass(frozen=True)
class Sentence:
    """A parsed sentence: its offsets in the line and its tokens, with their children by index."""

    start: int
    end: int
    tokens: tuple[Token, ...]
    kids: tuple[tuple[int, ...], ...] = field(repr=False)

    def children(self, tok: Token) -> list[Token]:
        return [self.tokens[k] for k in self.kids[tok.i]]

    def governor(self, tok: Token) -> Token | None:
        return self.tokens[tok.head] if 0 <= tok.head < len(self.tokens) else None

    def ancestors(self, tok: Token) -> Iterator[Token]:
        seen = {tok.i}
        node = self.governor(tok)
        while node is not None and node.i not in seen:
            seen.add(node.i)
            yield node
            node = self.governor(node)

    def subtree(self, tok: Token) -> list[Token]:
        out: set[int] = set()
        stack = [tok.i]
        while stack:
            n = stack.pop()
            if n not in out:
                out.add(n)
                stack.extend(self.kids[n])
        return [self.tokens[n] for n in sorted(out)]

    @property
    def root(self) -> Token | None:
        return next((t for t in self.tokens if t.head < 0), self.tokens[0] if self.tokens else None)


@dataclass(frozen=True)
class _Models:
    segmenter: Any
    tagger: Any
    parser: Any


@cache
def _models() -> _Models:
    """Load natasha's news models once per process; they ship with the package, nothing is downloaded."""
    try:
        from natasha import (  # type: ignore[import-untyped]
            NewsEmbedding,
            NewsMorphTagger,
            NewsSyntaxParser,
            Segmenter,
        )
    except ImportError as exc:  # pragma: no cover - a broken install
        raise ConfigError(
            "the Russian models (natasha) are not installed; install accord's requirements"
        ) from exc
    embedding = NewsEmbedding()
    return _Models(Segmenter(), NewsMorphTagger(embedding), NewsSyntaxParser(embedding))


def parse_text(text: str) -> str:
    """The text the parser reads: spaced dashes between two names made hyphens of the same length."""
    return _DASHED_NAME.sub(lambda m: _JOIN * len(m.group(1)), text)


def _spans(line: str) -> list[list[tuple[int, int, str]]]:
    """Sentences of a line as (start, end, word) lists, in line offsets."""
    models = _models()
    joined = parse_text(line)
    sentences = []
    for sent in models.segmenter.sentenize(joined):
        words = [
            (
                sent.start + tok.start,
                sent.start + tok.stop,
                line[sent.start + tok.start : sent.start + tok.stop],
            )
            for tok in models.segmenter.tokenize(sent.text)
        ]
        if words:
            sentences.append(words)
    return sentences


def parse_lines(lines: Sequence[str]) -> list[list[Sentence]]:
    """The parsed sentences of each line, in order; over-long sentences are left out."""
    models = _models()
    per_line = [_spans(line) for line in lines]
    batch = [s for spans in per_line for s in spans if len(s) <= MAX_SENTENCE_TOKENS]
    words = [[parse_text(w) for _, _, w in s] for s in batch]
    morph = iter(_by_length(models.tagger, words))
    syntax = iter(_by_length(models.parser, words))
    out: list[list[Sentence]] = []
    for spans in per_line:
        parsed = []
        for s in spans:
            if len(s) > MAX_SENTENCE_TOKENS:
                continue
            parsed.append(_sentence(s, next(morph).tokens, next(syntax).tokens))
        out.append(parsed)
    return out


def _by_length(model: Any, words: list[list[str]]) -> list[Any]:
    """The model's markups for each sentence, in order. The models pad each batch to its longest
    sentence, so sentences go to them sorted by length, which is several times faster."""
    order = sorted(range(len(words)), key=lambda n: len(words[n]))
    markups = list(model.map([words[n] for n in order])) if words else []
    out: list[Any] = [None] * len(words)
    for n, markup in zip(order, markups, strict=True):
        out[n] = markup
    return out


def _head(n: int, head_id: Any, size: int) -> int:
    head = int(head_id) - 1 if str(head_id).isdigit() else -1
    return -1 if head == n or head >= size else head


def _acyclic(heads: list[int], roots: Sequence[bool]) -> list[int]:
    """The parser's heads with every cycle cut (the parser closes one now and then), so that every walk down
    the tree ends: the token of the cycle the parser calls the root becomes the root; else the first one met
    hangs from the sentence's root, as the rest of the sentence does."""
    heads = list(heads)
    for start in range(len(heads)):
        path: list[int] = []
        node = start
        while node >= 0 and node not in path:
            path.append(node)
            node = heads[node]
        if node >= 0:
            cycle = path[path.index(node) :]
            own_root = next((n for n in cycle if roots[n]), None)
            if own_root is not None:
                heads[own_root] = -1
            else:
                root = next((n for n, is_root in enumerate(roots) if is_root and heads[n] < 0), -1)
                heads[node] = root
    return heads


def _sentence(spans: list[tuple[int, int, str]], morph: Sequence[Any], syntax: Sequence[Any]) -> Sentence:
    roots = [str(s.rel) == "root" for s in syntax]
    heads = _acyclic([_head(n, s.head_id, len(spans)) for n, s in enumerate(syntax)], roots)
    tokens = []
    for n, ((start, end, text), m, s) in enumerate(zip(spans, morph, syntax, strict=True)):
        tokens.append(
            Token(n, text, start, end, m.pos, dict(m.feats), s.rel, heads[n], lemma_of(text, m.pos))
        )
    kids: list[list[int]] = [[] for _ in tokens]
    for tok in tokens:
        if tok.head >= 0:
            kids[tok.head].append(tok.i)
    return Sentence(spans[0][0], spans[-1][1], tuple(tokens), tuple(tuple(k) for k in kids))

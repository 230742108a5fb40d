"""accord's pipeline swaps spaCy's attribute ruler for a faster one (accord.extract.en.ruler): every
token must come out exactly as the stock ruler leaves it, in the model as shipped and for patterns the
model does not have (several tokens, lists, regular expressions, a later pattern overriding an earlier)."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

import pytest
import spacy
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from spacy.language import Language
from spacy.pipeline import AttributeRuler
from spacy.tokens import Doc

from accord.extract.blocks import split_blocks
from accord.extract.en.nlp import MODEL, use_fast_ruler
from accord.extract.en.ruler import FastAttributeRuler
from accord.ingest import read_sources
from accord.model import Document

ROOT = Path(__file__).resolve().parents[2]

ODD = [
    "",
    " ",
    "   \n\t  ",
    "\n\n",
    "Kazakhstan's and Russia's ministers — they're gonna sign; let's see, y'all.",
    "I gotta go. You ain't seen nothin' yet, c'mon! It's what it is: there's a line and there are two.",
    "Gets got get. He gets it; she got it. I did it, did I? Do you? It was done.",
    "The Dostyk–Moiynty and Bakhty-Ayagoz lines; the Trans-Caspian route; cross-border trade.",
    "Москва и Астана подписали соглашение. 阿斯塔纳 and Astana. Ташкент–Termez — «Trans-Afghan».",
    "KAZAKHSTAN AND CHINA SIGN A $1.2 BN DEAL ON 12.03.2025 AT 10:30 (GMT+5).",
    "- A line\n• Another\n* third  item   with   spaces",
    "'s 's n't 're I'm we'd she'll 'd",
    "e-mail U.S.-China co-operation 50-50 well-known x—y",
]


def _texts() -> list[str]:
    sources = [str(ROOT / "examples"), *map(str, sorted((ROOT / "tests" / "data" / "gold").glob("*.jsonl")))]
    docs = [d for d in read_sources(sources) if isinstance(d, Document) and d.language == "en"]
    return [*ODD, *(d.text for d in docs), *(b.text for d in docs for b in split_blocks(d.text))]


def _rows(docs: Iterable[Doc]) -> list[list[tuple[object, ...]]]:
    return [
        [
            (t.text, t.tag_, t.pos_, str(t.morph), t.lemma_, t.dep_, t.head.i, t.ent_type_, t.ent_iob_)
            for t in doc
        ]
        for doc in docs
    ]


@pytest.fixture(scope="module")
def stock() -> Language:
    """accord's pipeline with spaCy's own attribute ruler."""
    nlp = spacy.load(MODEL)
    nlp.add_pipe("accord_join_hyphenated", first=True)
    return nlp


def test_the_pipeline_runs_the_fast_ruler(nlp: Language, stock: Language) -> None:
    assert "attribute_ruler" in stock.pipe_names and "attribute_ruler" not in nlp.pipe_names
    names = [n for n in nlp.pipe_names if n != "accord_attribute_ruler"]
    assert names == [n for n in stock.pipe_names if n != "attribute_ruler"]
    assert nlp.pipe_names.index("accord_attribute_ruler") == stock.pipe_names.index("attribute_ruler")
    ruler = nlp.get_pipe("accord_attribute_ruler")
    assert len(ruler.fast) > 100  # the tag map and morph rules take the fast path


def test_tokens_equal_the_stock_pipelines(nlp: Language, stock: Language) -> None:
    texts = _texts()
    assert len(texts) > 250
    fast, slow = _rows(nlp.pipe(texts, batch_size=64)), _rows(stock.pipe(texts, batch_size=64))
    assert sum(map(len, fast)) > 10_000
    for text, a, b in zip(texts, fast, slow, strict=True):
        assert a == b, text


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    st.one_of(
        st.text(max_size=200),
        st.lists(
            st.sampled_from(
                [
                    "gon",
                    "na",
                    "got",
                    "ta",
                    "let",
                    "'s",
                    "ai",
                    "n't",
                    "y'",
                    "all",
                    "it",
                    "I",
                    "you",
                    "there",
                    "is",
                    "did",
                    "do",
                    "that",
                    "which",
                    "but",
                    "as",
                    "gets",
                    "nothin'",
                    " ",
                    "\n",
                    "-",
                    "—",
                    "Astana",
                    "signed",
                    "the",
                    "line",
                    ".",
                    ",",
                    "Москва",
                ]
            ),
            max_size=40,
        ).map(" ".join),
    )
)
def test_any_text_tokens_equal(nlp: Language, stock: Language, text: str) -> None:
    assert _rows([nlp(text)]) == _rows([stock(text)])


# Patterns the model's ruler lacks, to check the semantics rather than one table: shapes of both paths,
# overlapping matches on one token, and later patterns overriding earlier ones.
EXTRA = [
    {"patterns": [[{"TAG": "NN"}]], "attrs": {"LEMMA": "NOUN-LEMMA", "MORPH": "Number=Sing"}},
    {"patterns": [[{"LOWER": "line", "TAG": "NN"}]], "attrs": {"LEMMA": "LINE"}},
    {
        "patterns": [[{"LOWER": {"IN": ["line", "lines"]}}, {"LOWER": "and"}]],
        "attrs": {"POS": "X"},
        "index": 1,
    },
    {
        "patterns": [[{"TAG": {"NOT_IN": ["NN", "NNS", ""]}, "DEP": {"IN": ["nsubj", "dobj"]}}]],
        "attrs": {"LEMMA": "ARG"},
    },
    {"patterns": [[{"LOWER": {"REGEX": "^l"}}]], "attrs": {"LEMMA": "L-WORD"}},
    {"patterns": [[{"TAG": "NN"}], [{"TAG": "NNS"}]], "attrs": {"POS": "PROPN"}},
    {"patterns": [[{"DEP": "det"}, {"TAG": "NN"}]], "attrs": {"LEMMA": "AFTER-DET"}, "index": -1},
    {"patterns": [[{"IS_SPACE": False, "LOWER": "the"}]], "attrs": {"TAG": "DT-X", "DEP": "det-x"}},
    {
        "patterns": [[{"LOWER": "the", "OP": "?"}, {"TAG": "JJ"}]],
        "attrs": {"LEMMA": "ADJ", "MORPH": "Degree=Cmp"},
        "index": -1,
    },
    {"patterns": [[{"LOWER": {"IN": ["road", "lake"]}}]], "attrs": {"LEMMA": "LAST"}},
]
TEXTS = [
    "The line and the new lines were built; the long line and a road.",
    "Lines, lemmas and the land: the leader signed it. I saw them and they saw the big lake.",
    "  The \n the line  ",
    "A new line and big roads.",
]


def _extended(extra: list[dict[str, object]]) -> tuple[Language, Language]:
    stock = spacy.load(MODEL, exclude=["ner"])
    ruler: AttributeRuler = stock.get_pipe("attribute_ruler")
    ruler.add_patterns(extra)
    fast = spacy.load(MODEL, exclude=["ner"])
    fast.get_pipe("attribute_ruler").add_patterns(extra)
    return stock, use_fast_ruler(fast)


def test_other_patterns_set_the_same_attributes() -> None:
    stock, fast = _extended(EXTRA)
    ruler: FastAttributeRuler = fast.get_pipe("accord_attribute_ruler")
    assert len(ruler.fallback) > 0 and len(ruler.fast) > 0
    a, b = _rows(fast.pipe(TEXTS)), _rows(stock.pipe(TEXTS))
    assert a == b
    lemmas = {row[4] for doc in a for row in doc}
    assert {"LAST", "AFTER-DET", "L-WORD", "ARG", "ADJ"} <= lemmas  # the extra patterns did apply
    assert ("and", "X") in {row[0:3:2] for doc in a for row in doc}


@pytest.mark.filterwarnings("ignore::UserWarning")  # the lemmatizer's, on the broken ruler's tokens
def test_the_comparison_can_fail() -> None:
    """A ruler that applied patterns out of order, or missed one, would be caught."""
    stock, fast = _extended(EXTRA)
    ruler: FastAttributeRuler = fast.get_pipe("accord_attribute_ruler")
    ruler._attrs.reverse()
    ruler._cache.clear()
    assert _rows(fast.pipe(TEXTS)) != _rows(stock.pipe(TEXTS))
    stock, fast = _extended(EXTRA)
    fast.get_pipe("accord_attribute_ruler")._index[0].clear()  # the TAG-only patterns are lost
    assert _rows(fast.pipe(TEXTS)) != _rows(stock.pipe(TEXTS))

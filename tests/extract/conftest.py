"""Shared fixtures for extraction tests: the English and Russian models load once per session."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from spacy.language import Language
from spacy.tokens import Span

from accord.extract import get_extractor
from accord.extract.base import Extractor
from accord.extract.en.nlp import load_nlp
from accord.model import SECTORS, STAGES, Document, Item


@pytest.fixture(scope="session")
def nlp() -> Language:
    return load_nlp()


@pytest.fixture(scope="session")
def english() -> Extractor:
    return get_extractor("en")


@pytest.fixture(scope="session")
def sentence(nlp: Language) -> Callable[[str], Span]:
    def parse(text: str) -> Span:
        return next(iter(nlp(text).sents))

    return parse


@pytest.fixture(scope="session")
def extract(english: Extractor) -> Callable[[str], list[Item]]:
    def run(text: str) -> list[Item]:
        return english.extract(Document(id="t", text=text))

    return run


@pytest.fixture(scope="session")
def russian() -> Extractor:
    return get_extractor("ru")


@pytest.fixture(scope="session")
def extract_ru(russian: Extractor) -> Callable[[str], list[Item]]:
    def run(text: str) -> list[Item]:
        return russian.extract(Document(id="t", text=text, language="ru"))

    return run


def check_items(text: str, items: list[Item]) -> None:
    """What every item of any text must hold: evidence that is a span of the text, a known sector and
    stage, ISO alpha-3 parties, an object."""
    for item in items:
        ev = item.evidence
        assert 0 <= ev.start < ev.end <= len(text)
        assert text[ev.start : ev.end] == ev.text
        assert item.sector in SECTORS and item.stage in STAGES
        assert all(len(p) == 3 and p.isupper() for p in item.parties)
        assert item.object.strip()

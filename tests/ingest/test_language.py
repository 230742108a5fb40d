"""Language detection: a document that does not say its language gets the one its text is in; a forced
language wins; a document in a language accord does not read fails with one message naming it."""

from __future__ import annotations

import io
import json

import pytest

from accord.ingest import Failure, IngestOptions, read_sources
from accord.ingest.language import detect_language
from accord.model import Document
from accord.pipeline import extract_documents

RUSSIAN = (
    "Президенты Казахстана и России договорились о строительстве вторых путей на участке Достык — Мойынты."
)
ENGLISH = "The presidents of Kazakhstan and Russia agreed to build second tracks on the Dostyk–Moiynty line."
GERMAN = "Die Präsidenten Kasachstans und Russlands haben vereinbart, eine neue Eisenbahnlinie zu bauen."
KAZAKH = "Қазақстан мен Ресей президенттері Достық – Мойынты темір жолының екінші жолдарын салуға келісті."


@pytest.mark.parametrize(("text", "code"), [(RUSSIAN, "ru"), (ENGLISH, "en"), (GERMAN, "de"), (KAZAKH, "kk")])
def test_a_readout_is_detected_in_its_language(text: str, code: str) -> None:
    assert detect_language(text) == code


def test_a_short_cyrillic_text_is_read_as_russian_by_its_script() -> None:
    assert detect_language("Подписано соглашение.") == "ru"


@pytest.mark.parametrize("text", ["", "12 34", "+ ↺ − 16 px", "Hello"])
def test_too_little_text_is_left_undecided(text: str) -> None:
    assert detect_language(text) is None


def _read(text: str, options: IngestOptions | None = None) -> Document:
    [doc] = list(read_sources(["-"], options or IngestOptions(), stdin=io.StringIO(text)))
    assert isinstance(doc, Document)
    return doc


def test_ingest_stores_the_detected_language() -> None:
    assert _read(RUSSIAN).language == "ru"
    assert _read(ENGLISH).language == "en"


def test_a_forced_language_wins_over_detection() -> None:
    assert _read(RUSSIAN, IngestOptions(language="en")).language == "en"


def test_extraction_reads_an_undeclared_document_in_its_detected_language() -> None:
    [(_doc, items)] = list(extract_documents([Document(id="r", text=RUSSIAN)]))
    assert [item.stage for item in items] == ["agreed"]
    assert "Достык — Мойынты" in items[0].object


def test_an_unsupported_language_is_one_failure_that_names_it() -> None:
    failures: list[Failure] = []
    docs = [Document(id="de", text=GERMAN), Document(id="en", text=ENGLISH)]
    extracted = list(extract_documents(docs, on_failure=failures.append))
    assert [doc.id for doc, _ in extracted] == ["en"]
    [failure] = failures
    assert "'de' (German)" in str(failure) and "supported: en, ru" in str(failure)


def test_a_declared_language_is_not_second_guessed() -> None:
    line = json.dumps({"id": "x", "text": RUSSIAN, "language": "kk"}, ensure_ascii=False) + "\n"
    assert _read(line).language == "kk"

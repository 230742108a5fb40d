"""Standard input: plain text, HTML or JSON lines, told apart by the content."""

from __future__ import annotations

import hashlib
import io
import json
from dataclasses import replace
from typing import BinaryIO, TextIO

from accord.ingest import Failure, IngestOptions, read_sources
from accord.model import Document

from .conftest import ARTICLE_HTML


def test_plain_text_gets_a_hash_id() -> None:
    [doc] = list(read_sources(["-"], stdin=io.StringIO("Talks on water sharing.\r\n")))
    assert isinstance(doc, Document)
    assert doc.text == "Talks on water sharing.\n"
    assert doc.id == "stdin:" + hashlib.sha256(doc.text.encode()).hexdigest()[:16]
    assert doc.source == "-"


def test_json_lines_from_bytes() -> None:
    lines = "".join(json.dumps({"id": f"d{n}", "text": f"Text {n}."}) + "\n" for n in range(3))
    results = list(read_sources(["-"], stdin=io.BytesIO(lines.encode())))
    assert [r.id for r in results if isinstance(r, Document)] == ["d0", "d1", "d2"]


def test_almost_json_lines_is_plain_text() -> None:
    data = '{"id": "d0", "text": "Text."}\nand a line of prose\n'
    [doc] = list(read_sources(["-"], stdin=io.StringIO(data)))
    assert isinstance(doc, Document) and doc.text == data


def test_html_from_stdin() -> None:
    [doc] = list(read_sources(["-"], stdin=io.StringIO(ARTICLE_HTML)))
    assert isinstance(doc, Document)
    assert doc.title == "Astana and Moscow agree on a second rail track"
    assert doc.id.startswith("stdin:")


def test_bad_stdin_fails_in_a_sentence() -> None:
    options = IngestOptions(max_bytes=10)
    cases: list[tuple[TextIO | BinaryIO, str]] = [
        (io.StringIO(""), "standard input: empty input"),
        (io.BytesIO(b"\x00\x01\x02"), "standard input: binary content, not a text document"),
        (
            io.StringIO("far more than ten bytes"),
            "standard input: input is over the 10 bytes limit (set --max-bytes)",
        ),
    ]
    for stream, message in cases:
        [failure] = list(read_sources(["-"], options, stdin=stream))
        assert isinstance(failure, Failure)
        assert str(failure) == message


def test_forced_language_applies_to_stdin() -> None:
    [doc] = list(read_sources(["-"], replace(IngestOptions(), language="ru"), stdin=io.StringIO("Текст.")))
    assert isinstance(doc, Document) and doc.language == "ru"

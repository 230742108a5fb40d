"""Documents already in the register's format (FORMAT.md): JSON lines, or a .json object or list.

Their text is kept exactly as given, not normalised: gold files carry evidence offsets into it, and a
document that goes out and comes back in must be the same document.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

from accord.errors import SourceError
from accord.ingest.options import over_limit
from accord.ingest.origin import Origin
from accord.ingest.results import Failure, Result
from accord.ingest.text import decode_utf8
from accord.model import Document


def record_document(record: Any, label: str, source: str) -> Document:
    """One FORMAT record to a Document; `label` (path:LINE) names it in the reason it is refused."""
    if not isinstance(record, dict):
        raise SourceError(label, 'not a JSON object with "id" and "text"')
    for key in ("text", "id"):
        if record.get(key) is None:
            raise SourceError(label, f'missing "{key}"')
    if not isinstance(record["text"], str):
        raise SourceError(label, '"text" is not a string')
    if not record["text"].strip():
        raise SourceError(label, '"text" is empty')
    if not str(record["id"]).strip():
        raise SourceError(label, '"id" is empty')
    return replace(Document.from_dict(record), source=source)


def parse_line(line: bytes, label: str, source: str) -> Document:
    # Without its line break, so that the column in a JSON error is on the line the label names.
    text = decode_utf8(line, Origin(source=label, doc_id=None, what="line")).rstrip()
    try:
        record = json.loads(text)
    except json.JSONDecodeError as err:
        raise SourceError(label, f"invalid JSON ({err.msg} at column {err.colno})") from None
    return record_document(record, label, source)


def line_documents(lines: Iterable[bytes], source: str, max_bytes: int) -> Iterator[Result]:
    """Each non-blank line is a document; a bad line is a Failure and the lines after it still count."""
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        label = f"{source}:{number}"
        try:
            if len(line) > max_bytes:
                raise SourceError(label, over_limit("line", len(line), max_bytes))
            yield parse_line(line, label, source)
        except SourceError as err:
            yield Failure.from_error(err)


def file_documents(path: Path, source: str, max_bytes: int) -> Iterator[Result]:
    """Streamed line by line: a JSONL corpus may be far larger than any one document it holds."""
    try:
        with path.open("rb") as stream:
            yield from line_documents(stream, source, max_bytes)
    except OSError as err:
        raise SourceError(source, f"could not read the file ({err.strerror or err})") from None


def is_jsonl(text: str) -> bool:
    """Every non-blank line is a JSON object with "id" and "text": how standard input says it is JSONL."""
    lines = [line for line in text.split("\n") if line.strip()]
    return bool(lines) and all(_is_record(line) for line in lines)


def json_documents(text: str, source: str) -> Iterator[Result]:
    """A .json file holds one document object, or a list of them."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as err:
        raise SourceError(
            source, f"invalid JSON ({err.msg} at line {err.lineno}, column {err.colno})"
        ) from None
    if isinstance(data, dict):
        yield record_document(data, source, source)
        return
    if not isinstance(data, list):
        raise SourceError(source, 'expected a JSON object with "id" and "text", or a list of them')
    for index, record in enumerate(data):
        try:
            yield record_document(record, f"{source}[{index}]", source)
        except SourceError as err:
            yield Failure.from_error(err)


def _is_record(line: str) -> bool:
    try:
        record = json.loads(line)
    except json.JSONDecodeError:
        return False
    return isinstance(record, dict) and "id" in record and "text" in record

"""Gold files and prediction lines, in the formats of ../shared/eval/FORMAT.md."""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from accord.errors import SourceError
from accord.evaluation.matching import Record
from accord.model import Document, Item


def read_gold(path: str | Path) -> list[Record]:
    """The documents of a gold file, one JSON object a line (blank lines skipped), checked enough that
    scoring cannot fail on them half-way."""
    source = str(path)
    try:
        with open(path, encoding="utf-8") as stream:
            lines = list(stream)
    except (OSError, UnicodeDecodeError) as exc:
        raise SourceError(source, f"could not read the gold file ({exc})") from None
    return [_gold_record(line, f"{source}:{number}") for number, line in enumerate(lines, 1) if line.strip()]


def gold_documents(gold_docs: Sequence[Record]) -> list[Document]:
    """The documents to extract from: the gold records without their items."""
    return [Document.from_dict(record) for record in gold_docs]


def prediction_record(doc: Document, items: Sequence[Item]) -> Record:
    """One prediction line: {"id", "items"}, as score.py reads it."""
    return {"id": doc.id, "items": [item.to_dict() for item in items]}


def prediction_line(record: Record) -> str:
    """A prediction record as one JSON line (without its line break), UTF-8 left as it is."""
    return json.dumps(record, ensure_ascii=False)


def _gold_record(line: str, label: str) -> Record:
    try:
        record: Any = json.loads(line)
    except json.JSONDecodeError as exc:
        raise SourceError(label, f"invalid JSON ({exc.msg} at column {exc.colno})") from None
    if not isinstance(record, dict) or "id" not in record or not isinstance(record.get("text"), str):
        raise SourceError(label, 'not a gold document: a JSON object with "id", "text" and "items"')
    items = record.get("items", [])
    if not isinstance(items, list) or not all(_is_gold_item(item) for item in items):
        raise SourceError(label, 'every gold item needs "keys", a list of keyword lists (see FORMAT.md)')
    return record


def _is_gold_item(item: Any) -> bool:
    keys = item.get("keys") if isinstance(item, dict) else None
    return isinstance(keys, list) and bool(keys) and all(isinstance(keyset, list) for keyset in keys)

"""Documents in the register's own format: JSON lines and .json files."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from accord.ingest import Failure, IngestOptions, read_sources
from accord.model import Document


def test_bad_line_fails_alone(tmp_path: Path, options: IngestOptions) -> None:
    lines = [
        json.dumps({"id": "kz-ru-1", "text": "Rail talks.  \r\nNo change.", "outlet": "Wire", "items": []}),
        "",
        '{"id": "kz-ru-2", "text": ',
        json.dumps({"id": "kz-ru-3"}),
        json.dumps({"text": "no id here"}),
        json.dumps(["not", "an", "object"]),
        json.dumps({"id": "kz-ru-4", "text": "Grain talks.", "published": "2024-05-02", "language": "en"}),
    ]
    path = tmp_path / "docs.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    results = list(read_sources([str(path)], options))
    assert [str(r) for r in results if isinstance(r, Failure)] == [
        f"{path}:3: invalid JSON (Expecting value at column 26)",
        f'{path}:4: missing "text"',
        f'{path}:5: missing "id"',
        f'{path}:6: not a JSON object with "id" and "text"',
    ]
    docs = [r for r in results if isinstance(r, Document)]
    assert [d.id for d in docs] == ["kz-ru-1", "kz-ru-4"]
    # Given texts are kept exactly, not normalised: gold offsets point into them.
    assert docs[0].text == "Rail talks.  \r\nNo change."
    assert docs[0].outlet == "Wire" and docs[0].source == str(path)
    assert (docs[1].published, docs[1].language) == ("2024-05-02", "en")


def test_invalid_utf8_line(tmp_path: Path, options: IngestOptions) -> None:
    path = tmp_path / "docs.jsonl"
    path.write_bytes(b'{"id": "a", "text": "caf\xe9"}\n{"id": "b", "text": "ok"}\n')
    results = list(read_sources([str(path)], options))
    assert results[0] == Failure(f"{path}:1", "not valid UTF-8 text (byte 0xe9 at offset 24)")
    assert isinstance(results[1], Document) and results[1].id == "b"


def test_json_file_with_one_or_many_documents(tmp_path: Path, options: IngestOptions) -> None:
    one = tmp_path / "one.json"
    one.write_text(json.dumps({"id": "single", "text": "One readout."}), encoding="utf-8")
    many = tmp_path / "many.json"
    many.write_text(json.dumps([{"id": "x", "text": "First."}, {"id": "y"}]), encoding="utf-8")
    results = list(read_sources([str(one), str(many)], options))
    assert [r.id if isinstance(r, Document) else str(r) for r in results] == [
        "single",
        "x",
        f'{many}[1]: missing "text"',
    ]


document_fields = st.fixed_dictionaries(
    {"id": st.text(min_size=1).filter(str.strip), "text": st.text(min_size=1).filter(str.strip)},
    optional={key: st.text() for key in ("url", "outlet", "title", "published", "language")},
)


@settings(max_examples=50, deadline=None)
@given(st.lists(document_fields, max_size=5))
def test_jsonl_round_trip(tmp_path_factory: pytest.TempPathFactory, records: list[dict[str, str]]) -> None:
    folder = tmp_path_factory.mktemp("jsonl")
    path = folder / "docs.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    results = list(read_sources([str(path)], IngestOptions()))
    assert [r.to_dict() for r in results if isinstance(r, Document)] == [
        {**record, "source": str(path)} for record in records
    ]

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

import pyarrow.parquet as pq
import pytest

from accord.errors import AccordError
from accord.store import ItemQuery, SqlStore, StoredItem, write_export
from accord.store.export import COLUMNS, flat_row


@pytest.fixture
def stored(register: SqlStore) -> list[StoredItem]:
    return register.query_items(ItemQuery())


def _expected_rows(stored: list[StoredItem]) -> list[dict[str, Any]]:
    return [flat_row(s) for s in stored]


def _from_csv(rows: list[dict[str, str]]) -> list[dict[str, Any]]:
    """CSV cells back to flat rows: integers, parties split, empty cells as None."""
    ints = ("item_id", "evidence_start", "evidence_end")
    return [
        {
            key: int(value) if key in ints else value.split(";") if key == "parties" else value or None
            for key, value in row.items()
        }
        for row in rows
    ]


def test_csv_to_a_file(tmp_path: Path, stored: list[StoredItem]) -> None:
    path = tmp_path / "items.csv"
    assert write_export(stored, "csv", path) == len(stored)
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        assert tuple(reader.fieldnames or ()) == COLUMNS
        assert _from_csv(list(reader)) == _expected_rows(stored)


def test_csv_to_text_and_binary_streams_match(stored: list[StoredItem]) -> None:
    text, binary = io.StringIO(), io.BytesIO()
    write_export(stored, "csv", text)
    write_export(stored, "csv", binary)
    assert binary.getvalue().decode("utf-8") == text.getvalue()
    assert not binary.closed  # the caller's stream stays open


def test_jsonl(tmp_path: Path, stored: list[StoredItem]) -> None:
    out = io.StringIO()
    assert write_export(stored, "jsonl", out) == len(stored)
    lines = out.getvalue().splitlines()
    assert "Dostyk–Moiynty" in lines[2]  # not escaped
    records = [json.loads(line) for line in lines]
    assert records == [
        {
            "item_id": s.id,
            "document_id": s.document_id,
            "published": s.document_published,
            "url": s.document_url,
            "title": s.document_title,
            **s.item.to_dict(),
        }
        for s in stored
    ]


@pytest.mark.parametrize("to_stream", [False, True])
def test_parquet(tmp_path: Path, stored: list[StoredItem], to_stream: bool) -> None:
    path = tmp_path / "items.parquet"
    if to_stream:
        with path.open("wb") as handle:
            write_export(iter(stored), "parquet", handle)
    else:
        write_export(iter(stored), "parquet", str(path))
    table = pq.read_table(path)
    assert tuple(table.column_names) == COLUMNS
    assert table.to_pylist() == _expected_rows(stored)


def test_parquet_in_several_batches(
    tmp_path: Path, stored: list[StoredItem], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("accord.store.export.PARQUET_BATCH", 2)
    buffer = io.BytesIO()
    assert write_export(stored, "parquet", buffer) == len(stored)
    assert pq.read_table(io.BytesIO(buffer.getvalue())).to_pylist() == _expected_rows(stored)


def test_empty_exports(tmp_path: Path) -> None:
    text = io.StringIO()
    assert write_export([], "csv", text) == 0
    assert text.getvalue().strip() == ",".join(COLUMNS)
    assert write_export([], "parquet", tmp_path / "empty.parquet") == 0
    assert pq.read_table(tmp_path / "empty.parquet").num_rows == 0


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


@pytest.mark.parametrize(
    ("out", "message"),
    [(_Terminal(), "not written to a terminal"), (io.StringIO(), "not a text stream")],
)
def test_parquet_refuses_text_streams(stored: list[StoredItem], out: io.StringIO, message: str) -> None:
    with pytest.raises(AccordError, match=message):
        write_export(stored, "parquet", out)


def test_parquet_through_the_buffer_of_a_text_stream(stored: list[StoredItem]) -> None:
    raw = io.BytesIO()
    wrapper = io.TextIOWrapper(raw, encoding="utf-8")
    write_export(stored, "parquet", wrapper)
    assert pq.read_table(io.BytesIO(raw.getvalue())).num_rows == len(stored)

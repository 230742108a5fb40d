from __future__ import annotations

import json

from rich.text import Text
from typer.testing import CliRunner

from accord.cli.render import highlighted_evidence
from accord.settings import database_url
from accord.store import ItemQuery

from .conftest import RAILWAY, invoke, stored


def test_show_gives_the_item_its_evidence_and_its_document(runner: CliRunner, register: str) -> None:
    [railway] = [s for s in stored(register, ItemQuery(entity="dostyk")) if s.document_id == "kz-ru-2025"]
    result = invoke(runner, "show", str(railway.id), "--db", register)
    assert result.exit_code == 0, result.output
    for expected in (
        f"Item {railway.id}: {railway.item.object}",
        "transport",
        "KAZ, RUS",
        RAILWAY,
        "Kazakhstan and Russia talks",
        "Test Wire",
        "2025-03-03",
        "https://example.org/kz-ru",
    ):
        assert expected in result.stdout


def test_show_json(runner: CliRunner, register: str) -> None:
    first = stored(register)[0]
    result = invoke(runner, "show", str(first.id), "--db", register, "--format", "json")
    record = json.loads(result.stdout)
    assert record["item_id"] == first.id and record["object"] == first.item.object
    assert record["document"]["id"] == first.document_id and "text" not in record["document"]


def test_the_object_is_highlighted_in_the_evidence(register: str) -> None:
    item = stored(register, ItemQuery(entity="dostyk"))[0].item
    text = highlighted_evidence(item)
    [span] = text.spans
    assert text.plain[span.start : span.end] == item.object and isinstance(text, Text)


def test_an_unknown_item_is_one_error_line(runner: CliRunner, register: str) -> None:
    result = invoke(runner, "show", "9999", "--db", register)
    assert result.exit_code == 2
    assert result.stderr == f"error: There is no item 9999 in {database_url(register)}.\n"

"""accord show ITEM_ID: one item, its evidence sentence and the document it came from."""

from __future__ import annotations

import json
from typing import Annotated, Literal

import typer

from accord.cli.common import DbOption, open_store
from accord.cli.render import print_item
from accord.store.export import json_record

ShowFormat = Literal["text", "json"]


def show_command(
    item_id: Annotated[
        int, typer.Argument(metavar="ITEM_ID", help="The item's id, as `accord items` lists it.")
    ],
    db: DbOption = None,
    fmt: Annotated[ShowFormat, typer.Option("--format", help="Text for people, JSON for programs.")] = "text",
) -> None:
    """Show one item with its evidence and its source document."""
    with open_store(db) as store:
        stored = store.get_item(item_id)
        doc = store.get_document(stored.document_id)
    if fmt == "text":
        print_item(stored, doc)
        return
    document = {key: value for key, value in doc.to_dict().items() if key != "text"}
    typer.echo(json.dumps(json_record(stored) | {"document": document}, ensure_ascii=False, indent=2))

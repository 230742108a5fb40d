"""accord items: the register's items, filtered, as a table, JSON or CSV."""

from __future__ import annotations

import json
import sys
from typing import Annotated, Literal

import typer

from accord.cli.common import DbOption, open_store
from accord.cli.filters import (
    EntityOption,
    PartyOption,
    SearchOption,
    SectorOption,
    SinceOption,
    StageOption,
    UntilOption,
    item_query,
)
from accord.cli.render import ITEM_HEADERS, print_table, stored_cells
from accord.store import write_export
from accord.store.export import json_record

ItemsFormat = Literal["table", "json", "csv"]


def items_command(
    sector: SectorOption = None,
    stage: StageOption = None,
    party: PartyOption = None,
    entity: EntityOption = None,
    since: SinceOption = None,
    until: UntilOption = None,
    search: SearchOption = None,
    limit: Annotated[int | None, typer.Option(min=0, help="At most this many items.")] = None,
    offset: Annotated[int, typer.Option(min=0, help="Skip this many items first.")] = 0,
    fmt: Annotated[ItemsFormat, typer.Option("--format", help="How to print the items.")] = "table",
    db: DbOption = None,
) -> None:
    """List stored items, newest documents first."""
    query = item_query(sector, stage, party, entity, since, until, search, limit=limit, offset=offset)
    with open_store(db) as store:
        found = store.query_items(query)
    if fmt == "table":
        print_table(("id", *ITEM_HEADERS), (stored_cells(s) for s in found), empty="No items match.")
    elif fmt == "json":
        typer.echo(json.dumps([json_record(s) for s in found], ensure_ascii=False, indent=2))
    else:
        write_export(found, "csv", sys.stdout)

"""accord timeline ENTITY: every dated statement about one entity, in date order, and its current stage."""

from __future__ import annotations

import json
from typing import Annotated, Literal

import typer
from rich.console import Console

from accord.cli.common import DbOption, open_store
from accord.cli.render import print_table
from accord.store.timeline import Statement, entity_timeline


def timeline_command(
    entity: Annotated[str, typer.Argument(metavar="ENTITY", help="An entity id, or a name or part of one.")],
    fmt: Annotated[Literal["table", "json"], typer.Option("--format", help="table or json.")] = "table",
    db: DbOption = None,
) -> None:
    """What the register says about one entity over time, and the stage it has reached."""
    with open_store(db) as store:
        timeline = entity_timeline(store, entity)
    if fmt == "json":
        typer.echo(json.dumps(timeline.to_dict(), ensure_ascii=False, indent=2))
        return
    target = timeline.entity
    Console(highlight=False).print(
        f"{target.name} ({target.id}; {target.type}): {timeline.current_stage or 'no statements'}"
    )
    rows = (_cells(s) for s in timeline.statements)
    print_table(("date", "stage", "source", "quote"), rows, empty="No statements.")


def _cells(statement: Statement) -> list[str]:
    source = " · ".join(part for part in (statement.title, statement.outlet, statement.url) if part)
    return [statement.date or "undated", statement.stage, source or statement.document_id, statement.quote]

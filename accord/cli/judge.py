"""accord merge | split | judgements: a person's decisions about entity identity, kept apart from items.

They are recorded in the register and survive `accord ingest --force`; every query (items, timeline,
diff, export) sees entities through them.
"""

from __future__ import annotations

import getpass
import json
from typing import Annotated, Literal

import typer

from accord.cli.common import DbOption, open_store
from accord.cli.render import print_table

EntityArgument = Annotated[str, typer.Argument(metavar="ENTITY_ID", help="An entity id, as items show it.")]
NoteOption = Annotated[str | None, typer.Option(help="Why: kept with the judgement.")]
ByOption = Annotated[str | None, typer.Option("--by", help="Who decided; default the user's login name.")]


def merge_command(
    a: EntityArgument, b: EntityArgument, note: NoteOption = None, by: ByOption = None, db: DbOption = None
) -> None:
    """Judge two entities the same thing: their items share one canonical entity from now on."""
    with open_store(db) as store:
        canonical = store.merge(a, b, author=_author(by), note=note)
    typer.echo(f"merged {a} and {b}: now {canonical}")


def split_command(
    a: EntityArgument, b: EntityArgument, note: NoteOption = None, by: ByOption = None, db: DbOption = None
) -> None:
    """Judge two entities different things: no merge joins them again, directly or through others."""
    with open_store(db) as store:
        left, right = store.split(a, b, author=_author(by), note=note)
    typer.echo(f"split {a} and {b}: now {left} and {right}")


def judgements_command(
    fmt: Annotated[Literal["table", "json"], typer.Option("--format", help="table or json.")] = "table",
    db: DbOption = None,
) -> None:
    """List the merge and split judgements, oldest first."""
    with open_store(db) as store:
        edges = store.judgements()
    records = [
        {
            "left": e.left,
            "right": e.right,
            "judgement": "merge" if e.judgement == "positive" else "split",
            "by": e.author,
            "at": e.created_at.isoformat(timespec="seconds"),
            "note": e.note,
        }
        for e in edges
    ]
    if fmt == "json":
        typer.echo(json.dumps(records, ensure_ascii=False, indent=2))
        return
    rows = ([str(value or "") for value in record.values()] for record in records)
    print_table(("left", "right", "judgement", "by", "at", "note"), rows, empty="No judgements yet.")


def _author(by: str | None) -> str | None:
    if by is not None:
        return by
    try:
        return getpass.getuser()
    except (OSError, KeyError):
        return None

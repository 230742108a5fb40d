"""accord kb list | show | add: the knowledge base of canonical entities that resolution links to."""

from __future__ import annotations

import json
from typing import Annotated, Any

import typer

from accord.errors import ConfigError, NotFoundError
from accord.kb import (
    KB_TYPES,
    EntryError,
    append_entry,
    entity_from_entry,
    knowledge_base,
    user_file,
)

kb_app = typer.Typer(
    name="kb",
    help="The knowledge base of canonical entities: list, show, add.",
    no_args_is_help=True,
    rich_markup_mode=None,
)


@kb_app.command("list")
def list_command(
    entity_type: Annotated[
        str | None, typer.Option("--type", help=f"Only this type: {', '.join(KB_TYPES)}.")
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="One JSON object a line.")] = False,
) -> None:
    """List the entities: id, type and name, one a line."""
    if entity_type is not None and entity_type not in KB_TYPES:
        raise ConfigError(f"--type {entity_type!r} is not one of {', '.join(KB_TYPES)}")
    for entity in knowledge_base().of_type(entity_type):
        if as_json:
            typer.echo(json.dumps(entity.to_dict(), ensure_ascii=False))
        else:
            typer.echo(f"{entity.id}\t{entity.type}\t{entity.name}")


@kb_app.command("show")
def show_command(entity_id: Annotated[str, typer.Argument(metavar="ID", help="The entity's id.")]) -> None:
    """Show one entity, with every name it is known by and the file that defines it, as JSON."""
    entity = knowledge_base().get(entity_id)
    if entity is None:
        raise NotFoundError(f"no entity {entity_id!r} in the knowledge base; `accord kb list` lists them")
    typer.echo(json.dumps(entity.to_dict() | {"source": entity.source}, ensure_ascii=False, indent=2))


@kb_app.command("add")
def add_command(
    entity_id: Annotated[str, typer.Option("--id", help="A stable slug: lowercase words and hyphens.")],
    entity_type: Annotated[str, typer.Option("--type", help=f"One of {', '.join(KB_TYPES)}.")],
    name: Annotated[str, typer.Option("--name", help="The canonical name.")],
    alias: Annotated[list[str] | None, typer.Option("--alias", help="Another name (repeatable).")] = None,
    country: Annotated[
        list[str] | None,
        typer.Option("--country", help="ISO alpha-3 code of a country it belongs to (repeatable)."),
    ] = None,
    coords: Annotated[
        list[str] | None,
        typer.Option("--coords", metavar="LAT,LON", help="A place; twice for the two ends of a line."),
    ] = None,
) -> None:
    """Add an entity to the user's knowledge-base file: the first of $ACCORD_KB_PATH, else kb.yaml in the
    user data folder."""
    entry: dict[str, Any] = {"id": entity_id, "type": entity_type, "name": name}
    entry |= {"aliases": alias or [], "countries": country or []}
    if coords:
        entry["coords"] = [_point(value) for value in coords]
    try:
        entity = entity_from_entry(entry, str(user_file()))
    except EntryError as exc:
        raise ConfigError(f"the new entity {entity_id!r}: {exc}") from None
    existing = knowledge_base().get(entity.id)
    if existing is not None:
        raise ConfigError(f"id {entity.id!r} is already defined in {existing.source}; choose another id")
    append_entry(entity, user_file())
    typer.echo(f"added {entity.id} to {user_file()}")


def _point(value: str) -> list[float]:
    try:
        return [float(part) for part in value.split(",")]
    except ValueError:
        raise ConfigError(f"--coords {value!r} is not LAT,LON (two numbers)") from None

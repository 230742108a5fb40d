"""The item filters `items` and `export` share, checked before any database is opened."""

from __future__ import annotations

import re
from typing import Annotated

import typer

from accord.model import SECTORS, STAGES
from accord.store import ItemQuery
from accord.vocab import clean_party, clean_sector, clean_stage

_ISO_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


def _sector(value: str | None) -> str | None:
    if value is None:
        return None
    cleaned = clean_sector(value)
    if cleaned is None:
        raise typer.BadParameter(f"{value!r} is not a sector; the sectors are {', '.join(SECTORS)}.")
    return cleaned


def _stage(value: str | None) -> str | None:
    if value is None:
        return None
    cleaned = clean_stage(value)
    if cleaned is None:
        raise typer.BadParameter(f"{value!r} is not a stage; the stages are {', '.join(STAGES)}.")
    return cleaned


def _party(value: str | None) -> str | None:
    if value is None:
        return None
    cleaned = clean_party(value)
    if cleaned is None:
        raise typer.BadParameter(f"{value!r} is not an ISO 3166 alpha-3 country code (such as KAZ or RUS).")
    return cleaned


def _date(value: str | None) -> str | None:
    if value is not None and not _ISO_DATE.match(value):
        raise typer.BadParameter(f"{value!r} is not an ISO date; give YYYY-MM-DD (or YYYY-MM, or YYYY).")
    return value


SectorOption = Annotated[str | None, typer.Option(callback=_sector, help=f"One of: {', '.join(SECTORS)}.")]
StageOption = Annotated[str | None, typer.Option(callback=_stage, help=f"One of: {', '.join(STAGES)}.")]
PartyOption = Annotated[str | None, typer.Option(callback=_party, help="An ISO3 country code, e.g. KAZ.")]
EntityOption = Annotated[str | None, typer.Option(help="An entity id, or a part of an entity's name.")]
SinceOption = Annotated[str | None, typer.Option(callback=_date, help="Published on or after (ISO date).")]
UntilOption = Annotated[str | None, typer.Option(callback=_date, help="Published on or before (ISO date).")]
SearchOption = Annotated[str | None, typer.Option(help="Text in the object, evidence or entity name.")]


def item_query(
    sector: str | None,
    stage: str | None,
    party: str | None,
    entity: str | None,
    since: str | None,
    until: str | None,
    search: str | None,
    *,
    limit: int | None = None,
    offset: int = 0,
) -> ItemQuery:
    return ItemQuery(
        sector=sector,
        stage=stage,
        party=party,
        entity=entity,
        since=since,
        until=until,
        search=search,
        limit=limit,
        offset=offset,
    )

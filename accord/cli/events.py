"""accord events [EVENT]: the meetings the register's documents report, each with all its sources; with an
event id, that meeting's register: one entry per entity, at the most advanced stage any report gives it."""

from __future__ import annotations

import json
from typing import Annotated, Literal

import typer
from rich.console import Console

from accord.cli.common import DbOption, open_store
from accord.cli.filters import PartyOption, SinceOption, UntilOption
from accord.cli.render import print_table
from accord.store import ItemQuery
from accord.store.events import Entry, Event, chosen_events, find_event, group_events


def events_command(
    event: Annotated[
        str | None, typer.Argument(metavar="[EVENT]", help="An event id, as the list gives it.")
    ] = None,
    party: PartyOption = None,
    since: SinceOption = None,
    until: UntilOption = None,
    fmt: Annotated[Literal["table", "json"], typer.Option("--format", help="table or json.")] = "table",
    db: DbOption = None,
) -> None:
    """List the events (the reports of one meeting grouped), or show one event's register."""
    with open_store(db) as store:
        events = group_events(store.iter_items(ItemQuery()))
    if event is not None:
        _show(find_event(events, event), fmt)
        return
    chosen = chosen_events(events, party, since, until)
    if fmt == "json":
        typer.echo(json.dumps([e.to_dict(with_entries=False) for e in chosen], ensure_ascii=False, indent=2))
        return
    rows = (
        [
            e.id,
            e.start or "undated",
            " ".join(e.parties),
            str(len(e.sources)),
            str(len(e.entries)),
            _titles(e),
        ]
        for e in chosen
    )
    print_table(("event", "date", "parties", "reports", "entities", "titles"), rows, empty="No events.")


def _show(event: Event, fmt: str) -> None:
    if fmt == "json":
        typer.echo(json.dumps(event.to_dict(), ensure_ascii=False, indent=2))
        return
    dates = event.start if event.start == event.end else f"{event.start} to {event.end}"
    console = Console(highlight=False)
    console.print(f"{event.id}: {dates or 'undated'}, {' '.join(event.parties) or 'no parties'}")
    for source in event.sources:
        said = " · ".join(part for part in (source.title, source.outlet, source.url) if part)
        console.print(f"  {source.document_id}: {said or 'no title'}")
    rows = (_entry_cells(entry) for entry in event.entries)
    print_table(("entity", "name", "stage", "sector", "reports", "quote"), rows, empty="No entities.")


def _entry_cells(entry: Entry) -> list[str]:
    reports = len({s.document_id for s in entry.statements})
    best = next(s for s in entry.statements if s.stage == entry.stage)
    return [entry.entity.id, entry.entity.name, entry.stage, entry.sector, str(reports), best.quote]


def _titles(event: Event) -> str:
    return "; ".join(source.title or source.document_id for source in event.sources)

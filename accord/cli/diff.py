"""accord diff: what changed between two date windows, two sets of documents, or two events."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Annotated, Literal

import typer

from accord.cli.common import DbOption, open_store
from accord.cli.filters import SinceOption, UntilOption, _date
from accord.cli.render import print_table
from accord.store import ItemQuery, Store, StoredItem
from accord.store.changes import Change, diff, in_window
from accord.store.events import find_event, group_events


def diff_command(
    since: SinceOption = None,
    until: UntilOption = None,
    start: Annotated[
        str | None,
        typer.Option(
            "--from", callback=_date, help="The earlier window starts here (default: the first date)."
        ),
    ] = None,
    old: Annotated[
        list[str] | None,
        typer.Option("--old", metavar="DOCUMENT_ID", help="A document of the earlier set (repeat it)."),
    ] = None,
    new: Annotated[
        list[str] | None,
        typer.Option("--new", metavar="DOCUMENT_ID", help="A document of the later set (repeat it)."),
    ] = None,
    old_event: Annotated[
        str | None,
        typer.Option("--old-event", metavar="EVENT", help="The earlier event (`accord events` lists them)."),
    ] = None,
    new_event: Annotated[
        str | None, typer.Option("--new-event", metavar="EVENT", help="The later event.")
    ] = None,
    fmt: Annotated[Literal["table", "json"], typer.Option("--format", help="table or json.")] = "table",
    db: DbOption = None,
) -> None:
    """What changed: the later set is --since..--until (the earlier, everything published before --since,
    from --from), or the documents --new against the documents --old, or one event against another."""
    if old_event or new_event:
        if not (old_event and new_event) or old or new or since is not None:
            raise typer.BadParameter("give both --old-event and --new-event, and no other set.")
        with open_store(db) as store:
            events = group_events(store.iter_items(ItemQuery()))
        _print(diff(find_event(events, old_event).items, find_event(events, new_event).items), fmt)
        return
    by_documents = bool(old or new)
    if by_documents == (since is not None):
        raise typer.BadParameter("give either --since (with --until, --from) or --old and --new documents.")
    if by_documents and not (old and new):
        raise typer.BadParameter("give both --old and --new documents.")
    with open_store(db) as store:
        if old and new:
            changes = diff(_documents(store, old), _documents(store, new))
        else:
            assert since is not None
            earlier = [s for s in _dated(store, start) if (s.document_published or "") < since]
            later = [s for s in _dated(store, since) if in_window(s.document_published, since, until)]
            changes = diff(earlier, later)
    _print(changes, fmt)


def _print(changes: list[Change], fmt: str) -> None:
    if fmt == "json":
        typer.echo(json.dumps([c.to_dict() for c in changes], ensure_ascii=False, indent=2))
    else:
        headers = ("change", "entity", "name", "before", "after", "latest")
        print_table(headers, (_cells(c) for c in changes), empty="Nothing to compare.")


def _dated(store: Store, since: str | None) -> Iterator[StoredItem]:
    return (s for s in store.iter_items(ItemQuery(since=since)) if s.document_published is not None)


def _documents(store: Store, ids: list[str]) -> Iterator[StoredItem]:
    for doc_id in dict.fromkeys(ids):
        store.get_document(doc_id)  # NotFoundError for an id that is not stored
        yield from store.iter_items(ItemQuery(document_id=doc_id))


def _cells(change: Change) -> list[str]:
    latest = change.latest
    said = f"{latest.date or 'undated'} · {latest.title or latest.document_id}"
    return [change.kind, change.entity.id, change.entity.name, change.before or "", change.after or "", said]

"""How items look in a terminal: tables of items, and one item with its evidence and document."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TextIO

from rich.console import Console
from rich.table import Table
from rich.text import Text

from accord.model import Document, Item
from accord.store import StoredItem

ITEM_HEADERS = ("document", "object", "sector", "stage", "parties", "entity")
_HIGHLIGHT = "bold yellow"


def item_cells(document: str, item: Item) -> list[str]:
    """One table row: the item's fields as text, the document as given."""
    entity = "" if item.entity is None else item.entity.id
    stage = item.stage if item.setback is None else f"{item.stage}, {item.setback}"
    return [document, item.object, item.sector, stage, ", ".join(item.parties), entity]


def stored_cells(stored: StoredItem) -> list[str]:
    """A stored item's row, its id first and its document by title where it has one."""
    return [str(stored.id), *item_cells(stored.document_title or stored.document_id, stored.item)]


def print_table(
    headers: Sequence[str], rows: Iterable[Sequence[str]], *, empty: str, file: TextIO | None = None
) -> None:
    console = Console(file=file, highlight=False)
    table = Table(*headers, show_lines=False)
    for row in rows:
        table.add_row(*row)
    if table.row_count:
        console.print(table)
    else:
        console.print(empty, style="dim")


def highlighted_evidence(item: Item) -> Text:
    """The evidence sentence with the object, where it appears in it, picked out."""
    text = Text(item.evidence.text)
    start = item.evidence.text.lower().find(item.object.lower())
    if start >= 0 and item.object:
        text.stylize(_HIGHLIGHT, start, start + len(item.object))
    return text


def print_item(stored: StoredItem, doc: Document) -> None:
    item = stored.item
    entity = "—" if item.entity is None else f"{item.entity.id} ({item.entity.name}; {item.entity.type})"
    evidence = item.evidence
    console = Console(highlight=False, soft_wrap=True)
    console.print(Text(f"Item {stored.id}: ", style="bold") + Text(item.object))
    for label, value in (
        ("sector", item.sector),
        ("stage", item.stage),
        ("parties", ", ".join(item.parties) or "—"),
        ("entity", entity),
    ):
        console.print(Text(f"  {label:<10} {value}"))
    console.print(Text(f"  {'evidence':<10} ") + highlighted_evidence(item))
    console.print(Text(f"  {'':<10} characters {evidence.start}–{evidence.end} of the document"))
    console.print(Text("Document", style="bold"))
    for label, value in _document_fields(doc):
        console.print(Text(f"  {label:<10} {value}"))


def _document_fields(doc: Document) -> list[tuple[str, str]]:
    fields = [
        ("title", doc.title),
        ("outlet", doc.outlet),
        ("published", doc.published),
        ("language", doc.language),
        ("url", doc.url),
        ("source", doc.source if doc.source != doc.url else None),
        ("id", doc.id),
    ]
    return [(label, value) for label, value in fields if value]

"""accord export: the register's items (filtered as `items` filters them) as CSV, JSON lines or Parquet."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Annotated

import typer

from accord.cli.common import DbOption, open_store, report_note
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
from accord.cli.register import export_register
from accord.errors import OutputError
from accord.store import ExportFormat, ItemQuery, StoredItem, write_export


def export_command(
    fmt: Annotated[
        ExportFormat | None, typer.Option("--format", help="csv, jsonl, parquet or geojson.")
    ] = None,
    out: Annotated[
        Path | None,
        typer.Option(
            help="Write here (with --all, a file or a folder); standard output when not given "
            "(not for Parquet)."
        ),
    ] = None,
    whole: Annotated[
        bool,
        typer.Option(
            "--all", help="The whole register, every table, for `accord import` (a backup, or a move)."
        ),
    ] = False,
    sector: SectorOption = None,
    stage: StageOption = None,
    party: PartyOption = None,
    entity: EntityOption = None,
    since: SinceOption = None,
    until: UntilOption = None,
    search: SearchOption = None,
    db: DbOption = None,
) -> None:
    """Write stored items to a file or standard output, streamed; or, with --all, the whole register."""
    query = item_query(sector, stage, party, entity, since, until, search)
    if whole:
        if fmt is not None or query != ItemQuery():
            raise typer.BadParameter("--all exports everything, as JSON lines: give no --format or filters.")
        export_register(db, out)
        return
    if fmt is None:
        raise typer.BadParameter(
            "give --format csv, jsonl, parquet or geojson (or --all for the whole register)."
        )
    with open_store(db) as store:
        if out is None:
            write_export(store.iter_items(query), fmt, sys.stdout)
            return
        count = _export_file(store.iter_items(query), fmt, out)
    report_note(f"exported {count} {'features' if fmt == 'geojson' else 'items'} to {out}")


def _export_file(items: Iterator[StoredItem], fmt: ExportFormat, out: Path) -> int:
    """Written beside `out` and moved into place when complete, so a failed export leaves no half file."""
    partial = out.with_name(f".{out.name}.part")
    try:
        count = write_export(items, fmt, partial)
        partial.replace(out)
    except OSError as exc:
        raise OutputError(f"cannot write {out}: {exc.strerror or exc}") from None
    finally:
        partial.unlink(missing_ok=True)
    return count

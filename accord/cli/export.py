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
from accord.errors import OutputError
from accord.store import ExportFormat, StoredItem, write_export


def export_command(
    fmt: Annotated[ExportFormat, typer.Option("--format", help="csv, jsonl or parquet.")],
    out: Annotated[
        Path | None, typer.Option(help="Write here; standard output when not given (not for Parquet).")
    ] = None,
    sector: SectorOption = None,
    stage: StageOption = None,
    party: PartyOption = None,
    entity: EntityOption = None,
    since: SinceOption = None,
    until: UntilOption = None,
    search: SearchOption = None,
    db: DbOption = None,
) -> None:
    """Write stored items to a file or standard output, streamed."""
    query = item_query(sector, stage, party, entity, since, until, search)
    with open_store(db) as store:
        if out is None:
            write_export(store.iter_items(query), fmt, sys.stdout)
            return
        count = _export_file(store.iter_items(query), fmt, out)
    report_note(f"exported {count} items to {out}")


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

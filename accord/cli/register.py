"""accord export --all and accord import: the whole register to JSON lines and back (backups, moves)."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from accord.cli.common import DbOption, open_store, output_stream, report_note
from accord.errors import OutputError, SourceError
from accord.store.dump import dump_register, load_register

# The file name in a folder given to --out (export) or as PATH (import).
DUMP_NAME = "register.jsonl"


def export_register(db: str | None, out: Path | None) -> None:
    """The whole register to `out` (a file, or register.jsonl in a folder) or standard output."""
    if out is not None and out.is_dir():
        out = out / DUMP_NAME
    with open_store(db) as store:
        if out is None:
            dump_register(store.engine, sys.stdout)
            return
        partial = out.with_name(f".{out.name}.part")
        try:
            with output_stream(partial) as stream:
                counts = dump_register(store.engine, stream)
            partial.replace(out)
        except OSError as exc:
            raise OutputError(f"cannot write {out}: {exc.strerror or exc}") from None
        finally:
            partial.unlink(missing_ok=True)
    report_note(f"exported {_describe(counts)} to {out}")


def import_command(
    path: Annotated[
        str,
        typer.Argument(
            metavar="PATH", help=f"An `accord export --all` file, a folder with {DUMP_NAME}, or '-'."
        ),
    ],
    db: DbOption = None,
) -> None:
    """Load a whole register, written by `accord export --all`, into an empty database."""
    with open_store(db) as store:
        if path == "-":
            counts = load_register(store.engine, sys.stdin, source="standard input")
        else:
            source = Path(path) / DUMP_NAME if Path(path).is_dir() else Path(path)
            try:
                with open(source, encoding="utf-8") as lines:
                    counts = load_register(store.engine, lines, source=str(source))
            except OSError as exc:
                raise SourceError(str(source), exc.strerror or str(exc)) from None
    report_note(f"imported {_describe(counts)} into {store.where}")


def _describe(counts: dict[str, int]) -> str:
    return ", ".join(f"{count} {table}" for table, count in counts.items())

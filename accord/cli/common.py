"""What every command shares: exit codes, error lines, the database option, output streams."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated, TextIO

import typer

from accord.errors import OutputError
from accord.settings import DATABASE_URL_ENV, database_url
from accord.store import SqlStore

EXIT_SOME_FAILED = 1  # the run finished, but some inputs could not be read or extracted
EXIT_ERROR = 2  # nothing (or not everything) was done: a bad option, a database that cannot be opened

DbOption = Annotated[
    str | None,
    typer.Option(
        "--db",
        metavar="PATH_OR_URL",
        help=f"SQLite file or SQLAlchemy URL; default ${DATABASE_URL_ENV}, else accord.sqlite in the user "
        "data folder.",
    ),
]


def report_error(message: object) -> None:
    """One line on standard error, `error: ...`, so that a script can grep for it."""
    print(f"error: {message}", file=sys.stderr, flush=True)


class FailureReporter:
    """Reports each failure on standard error as it happens, and counts them for the exit code."""

    def __init__(self) -> None:
        self.count = 0

    def __call__(self, failure: object) -> None:
        self.count += 1
        report_error(failure)


def report_note(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def open_store(db: str | None, *, check_schema: bool = True) -> SqlStore:
    return SqlStore(database_url(db), check_schema=check_schema)


@contextmanager
def output_stream(out: Path | None) -> Iterator[TextIO]:
    """The file at `out` (written as UTF-8), or standard output."""
    if out is None:
        yield sys.stdout
        sys.stdout.flush()
        return
    try:
        stream = open(out, "w", encoding="utf-8", newline="")  # noqa: SIM115 - closed below
    except OSError as exc:
        raise OutputError(f"cannot write {out}: {exc.strerror or exc}") from None
    with stream:
        yield stream


def finish(failed: int) -> None:
    """Exit 1 when some inputs failed, so that a script notices; the work done is kept either way."""
    if failed:
        raise typer.Exit(EXIT_SOME_FAILED)
